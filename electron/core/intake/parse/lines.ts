import type { ExtractedDocument, SourceLocation } from '../document.ts';
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
  nationalIds: (NationalIdMatch & { page: number; box: SourceLocation })[];
  /** Median font size of body text, to tell headings and names apart. */
  bodySize: number;
}

export function prepareLines(doc: ExtractedDocument): PreparedLines {
  const lines: Line[] = [];
  const nationalIds: PreparedLines['nationalIds'] = [];
  for (const page of doc.pages) {
    for (const raw of page.lines) {
      const normalized = normalizeText(raw.text);
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
      lines.push({
        index: lines.length,
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
  return { lines, nationalIds, bodySize: bodyFontSize(lines) };
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

/** A line made of a subset of cells, keeping its place (for fields taken from one cell). */
export function lineText(line: Line): string {
  return line.cells.join(' ');
}
