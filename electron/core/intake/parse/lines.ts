import type { ExtractedDocument, SourceLocation, TextLine } from '../document.ts';
import { CELL_SEPARATOR } from '../extract/readingOrder.ts';
import { redactNationalIds, type NationalIdMatch } from './nationalId.ts';
import { normalizeText, stripBullet } from './normalize.ts';

/** One line of the CV as the parser sees it: clean text, its cells, its style and place. */
export interface Line {
  /** Position in reading order over the whole document. */
  index: number;
  /** Clean text, national ids redacted, a leading bullet glyph removed. */
  text: string;
  /** The text split where the layout put a wide gap or a table cell border. */
  cells: string[];
  page: number;
  box: SourceLocation;
  fontSize: number;
  bold: boolean;
  /** Heading level from Word styles. */
  heading?: number;
  bullet: boolean;
  table: boolean;
  source: 'text' | 'ocr' | 'docx';
  confidence: number;
}

export interface PreparedLines {
  lines: Line[];
  /** Running headers and footers (one copy each): contact data only, never entries. */
  furniture: Line[];
  nationalIds: (NationalIdMatch & { page: number; box: SourceLocation })[];
  /** Median font size of body text, to tell headings and names apart. */
  bodySize: number;
}

export function prepareLines(doc: ExtractedDocument): PreparedLines {
  const lines: Line[] = [];
  const furniture: Line[] = [];
  const nationalIds: PreparedLines['nationalIds'] = [];
  const repeated = runningLines(doc);
  const specks = ocrSpecks(doc);
  const keptRepeats = new Set<string>();
  for (const page of doc.pages) {
    for (const raw of page.lines) {
      if (specks.has(raw)) continue;
      const normalized = page.source === 'ocr' ? cleanOcrText(normalizeText(raw.text)) : normalizeText(raw.text);
      const furnitureKey = repeated.get(raw);
      if (!normalized) continue;
      const box = { page: page.number, x: raw.x, y: raw.y, width: raw.width, height: raw.height };
      const redacted = redactNationalIds(normalized);
      for (const f of redacted.found) nationalIds.push({ ...f, page: page.number, box });
      const { text: unbulleted, bullet } = stripBullet(redacted.text);
      const cells = unbulleted
        .split(CELL_SEPARATOR)
        .map((c) => stripBullet(c.trim()).text)
        .filter((c) => c && !/^[|•·:;,\-–—]+$/.test(c));
      if (cells.length === 0) continue;
      if (furnitureKey !== undefined) {
        if (furnitureKey === PAGE_NUMBER || keptRepeats.has(furnitureKey)) continue;
        keptRepeats.add(furnitureKey);
      }
      (furnitureKey !== undefined ? furniture : lines).push({
        index: lines.length + furniture.length,
        text: cells.join(' '),
        cells,
        page: page.number,
        box,
        fontSize: raw.fontSize ?? raw.height,
        bold: raw.bold ?? false,
        ...(raw.heading ? { heading: raw.heading } : {}),
        bullet: bullet || raw.listItem === true,
        table: raw.tableCell !== undefined,
        source: page.source,
        confidence: raw.confidence ?? 1,
      });
    }
  }
  furniture.forEach((l, i) => (l.index = lines.length + i));
  return { lines, furniture, nationalIds, bodySize: bodyFontSize(lines) };
}

function bodyFontSize(lines: Line[]): number {
  const sizes: [number, number][] = lines.map((l) => [Math.round(l.fontSize * 2) / 2, l.text.length]);
  const weight = new Map<number, number>();
  for (const [size, n] of sizes) weight.set(size, (weight.get(size) ?? 0) + n);
  let best = 10;
  let bestWeight = -1;
  for (const [size, w] of weight) {
    if (w > bestWeight) {
      best = size;
      bestWeight = w;
    }
  }
  return best;
}


const PAGE_NUMBER = '#page-number';
const PAGE_NUMBER_RE = /^[-–(]?\s*(?:page|side|seite|p\.)?\s*\d{1,3}\s*(?:(?:of|av|von|\/|de)\s*\d{1,3})?\s*[-–)]?$/i;

/**
 * Page furniture: page numbers, and lines repeated in the top or bottom margin of
 * several pages ("Kari Nordmann · CV · side 2"). Keyed by the text with digits masked.
 */
function runningLines(doc: ExtractedDocument): Map<TextLine, string> {
  const out = new Map<TextLine, string>();
  if (doc.kind === 'docx') return out;
  const pagesByKey = new Map<string, Set<number>>();
  const inMargin: [TextLine, string][] = [];
  for (const page of doc.pages) {
    for (const line of page.lines) {
      const top = line.y < page.height * 0.08;
      const bottom = line.y + line.height > page.height * 0.92;
      if (!top && !bottom) continue;
      const text = normalizeText(line.text);
      if (PAGE_NUMBER_RE.test(text) || (bottom && /\b(curriculum vitae|résumé|resume|lebenslauf|cv)\b/i.test(text) && text.length < 80)) {
        out.set(line, PAGE_NUMBER);
        continue;
      }
      const key = (top ? 'top:' : 'bottom:') + text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ');
      inMargin.push([line, key]);
      const pages = pagesByKey.get(key) ?? new Set<number>();
      pages.add(page.number);
      pagesByKey.set(key, pages);
    }
  }
  for (const [line, key] of inMargin) if ((pagesByKey.get(key)?.size ?? 0) >= 2) out.set(line, key);
  return out;
}

/**
 * OCR reads table borders as "|" and bullets as "«", "»", "+", "e": borders become
 * cell breaks, and a stray mark before a capitalised word is a bullet, also a guillemet
 * run into the word ("«Norsk") when no closing one follows (then it quotes).
 */
function cleanOcrText(text: string): string {
  return text
    .replace(/\s+[|¦]\s+/g, '\t')
    .split('\t')
    .map((cell) =>
      cell
        .replace(/^[\s|¦'‘’`"]+|[\s|¦'‘’`]+$/g, '')
        .replace(/^(?:[«»+*>~©®°¢§¤"'`^=.,]{1,2}|[eo]|fi|[»«]\w)\s+(?=[\p{Lu}\d])/u, '• ')
        .replace(/^[«»](?=\p{Lu})(?!.*[«»])/u, '• ')
        .trim(),
    )
    .filter(Boolean)
    .join('\t');
}

/**
 * OCR "lines" that are a letter or two, or far smaller than the page's text: dust,
 * shadows and icons read as characters. They would split entries apart.
 */
function ocrSpecks(doc: ExtractedDocument): Set<TextLine> {
  const out = new Set<TextLine>();
  for (const page of doc.pages) {
    if (page.source !== 'ocr' || page.lines.length === 0) continue;
    const heights = page.lines.map((l) => l.height).sort((a, b) => a - b);
    const median = heights[Math.floor(heights.length / 2)] ?? 0;
    for (const line of page.lines) {
      const signs = (line.text.match(/[\p{L}\p{N}]/gu) ?? []).length;
      if (signs < 2 || line.height < median * 0.4) out.add(line);
    }
  }
  return out;
}
