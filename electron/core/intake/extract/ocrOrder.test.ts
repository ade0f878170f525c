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

/**
 * A scanned page (points) that the OCR engine levelled by `skew` radians before reading it:
 * each line is level in the turned frame, and its box on the page is the upright box
 * around the turned line, as the engine's boxes are turned back.
 */
function skewedScan(rows: [string, string?][], skew: number): ExtractedPage {
  const width = 595;
  const height = 842;
  const [cx, cy, cos, sin] = [width / 2, height / 2, Math.cos(skew), Math.sin(skew)];
  const onPage = (text: string, x: number, y: number, w: number): TextLine => {
    const corners = [[x, y], [x + w, y], [x, y + 12], [x + w, y + 12]].map(([px, py]) => {
      const [dx, dy] = [px! - cx, py! - cy];
      return [cx + dx * cos + dy * sin, cy - dx * sin + dy * cos] as const;
    });
    const xs = corners.map((c) => c[0]);
    const ys = corners.map((c) => c[1]);
    const left = Math.min(...xs);
    const top = Math.min(...ys);
    return { text, x: left, y: top, width: Math.max(...xs) - left, height: Math.max(...ys) - top, fontSize: 11, confidence: 0.9 };
  };
  const labels: TextLine[] = [];
  const values: TextLine[] = [];
  rows.forEach(([label, value], i) => {
    const y = 60 + i * 18;
    // Labels are right-aligned against the values' column, as in a two-column table.
    const w = label.length * 6;
    labels.push(onPage(label, 200 - w, y, w));
    if (value) values.push(onPage(value, 210, y, value.length * 5.5));
  });
  // The engine hands the values over as a block of their own, after the labels.
  return { number: 1, width, height, source: 'ocr', skew, lines: [...labels, ...values] };
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

  it('joins the labels and values of a skewed scan in the frame the engine levelled it in', () => {
    const table: [string, string?][] = [
      ['Periode', '2014-2016'],
      ['Arbeidsgiver', 'Capgemini'],
      ['Stilling', 'Brukerstøtte'],
      ['Arbeidsoppgaver', 'Databasemodellering i PostgreSQL; Utvikling av REST-API-er i Kotlin'],
      ['SPRÅK'],
      ['Andre språk', 'Engelsk (meget godt), Dansk (godt)'],
      ['KOMPETANSE', 'Terraform, React, AWS, Java, Kubernetes, Git, Node.js, Linux'],
    ];
    const page = skewedScan(table, 0.033);
    expect(orderOcrPage(page).lines.map((l) => l.text)).toEqual(table.map(([l, r]) => (r ? `${l}\t${r}` : l)));
    // The joined row's box holds both cells where they are on the page (for the highlight).
    const row = orderOcrPage(page).lines[0] as TextLine;
    for (const cell of page.lines.filter((l) => l.text === 'Periode' || l.text === '2014-2016')) {
      expect(row.x).toBeLessThanOrEqual(cell.x + 0.5);
      expect(row.y).toBeLessThanOrEqual(cell.y + 0.5);
      expect(row.x + row.width).toBeGreaterThanOrEqual(cell.x + cell.width - 0.5);
      expect(row.y + row.height).toBeGreaterThanOrEqual(cell.y + cell.height - 0.5);
    }
    expect(row.height).toBeLessThan(20);
  });

  it('drops specks the camera saw as letters', () => {
    const page = leaningPage(rows, 0);
    page.lines.push({ text: ':', x: 600, y: 310, width: 4, height: 5, confidence: 0.2 });
    expect(orderOcrPage(page).lines.map((l) => l.text)).not.toContain(':');
  });
});
