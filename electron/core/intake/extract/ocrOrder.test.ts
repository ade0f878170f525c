import { describe, expect, it } from 'vitest';
import type { ExtractedPage, TextLine } from '../document.ts';
import { orderOcrPage } from './ocrOrder.ts';

/** A photographed page: every box is turned by `lean` (dx/dy) as a tilted phone sees it. */
function leaningPage(rows: [string, string?][], lean: number): ExtractedPage {
  const lines: TextLine[] = [];
  rows.forEach(([left, right], i) => {
    const y = 300 + i * 40;
    const place = (x: number): { x: number; y: number } => ({ x: x + y * lean, y: y - x * lean });
    lines.push({ text: left, ...place(130), width: left.length * 12, height: 24, fontSize: 10, confidence: 0.9 });
    if (right) lines.push({ text: right, ...place(820), width: right.length * 12, height: 24, fontSize: 10, confidence: 0.9 });
  });
  // Tesseract hands the right-hand column over as its own block, after the left one.
  lines.sort((a, b) => a.x - b.x > 300 ? 1 : b.x - a.x > 300 ? -1 : a.y - b.y);
  return { number: 1, width: 1240, height: 1754, source: 'ocr', lines };
}

describe('OCR reading order', () => {
  const rows: [string, string?][] = [
    ['Yrkeserfaring'],
    ['Lagerleder - Tine (Haugesund)', '09.2023 - dags dato'],
    ['Vareopptelling og avviksrapportering'],
    ['Lagermedarbeider - DHL (Haugesund)', '01.2023 - 07.2023'],
    ['Registrering av varer'],
    ['Utdanning'],
    ['Hartvig Nissens skole', '2015 - 2019'],
    ['Fagbrev i logistikkfaget'],
  ];

  it('takes the lean of a photographed page out before joining right-hand dates to their rows', () => {
    const ordered = orderOcrPage(leaningPage(rows, 0.06)).lines.map((l) => l.text);
    expect(ordered).toEqual(rows.map(([l, r]) => (r ? `${l}\t${r}` : l)));
  });

  it('leaves the boxes where they are on the image', () => {
    const page = leaningPage(rows, 0.06);
    const first = orderOcrPage(page).lines[0] as TextLine;
    const original = page.lines.find((l) => l.text === 'Yrkeserfaring') as TextLine;
    expect(first.x).toBeCloseTo(original.x, 0);
    expect(first.y).toBeCloseTo(original.y, 0);
  });

  it('drops specks the camera saw as letters', () => {
    const page = leaningPage(rows, 0);
    page.lines.push({ text: ':', x: 600, y: 310, width: 4, height: 5, confidence: 0.2 });
    expect(orderOcrPage(page).lines.map((l) => l.text)).not.toContain(':');
  });
});
