import mammoth from 'mammoth';
import { AppError } from '../../rpc/errors.ts';
import type { ExtractedDocument, TextLine } from '../document.ts';
import { decodeEntities, parseHtml, type HtmlElement, type HtmlNode } from './html.ts';
import { CELL_SEPARATOR } from './readingOrder.ts';
import { checkZipInflation, readZipEntries, readZipEntry, ZipFormatError } from './zip.ts';

/** A CV is a few hundred KiB of XML at most; far beyond that is a bomb, not a CV. */
const MAX_INFLATED_BYTES = 64 * 1024 * 1024;

/**
 * Word files through mammoth, keeping the structure the parser leans on: headings,
 * list items, bold runs, and tables (layout tables whose cells hold whole columns are
 * read cell by cell; label/value tables become one line per row, cells tab-joined).
 * Page headers and footers, which mammoth skips, often hold the contact block.
 */
export async function extractDocx(bytes: Uint8Array): Promise<ExtractedDocument> {
  let entries;
  try {
    entries = readZipEntries(bytes);
    checkZipInflation(bytes, entries, MAX_INFLATED_BYTES);
  } catch (error) {
    if (error instanceof ZipFormatError) throw new AppError('UNSUPPORTED_FILE', `the Word file cannot be read: ${error.message}`);
    throw error;
  }
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        ignoreEmptyParagraphs: true,
        // Photos are useless to the parser and costly as base64.
        convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
      },
    );
    html = result.value;
  } catch (error) {
    throw new AppError('UNSUPPORTED_FILE', `the Word file is damaged and cannot be read (${(error as Error).message})`);
  }
  const builder = new LineBuilder();
  const decoder = new TextDecoder('utf-8');
  const marginal = (prefix: string): string[] =>
    entries
      .filter((e) => new RegExp(`^word/${prefix}\\d*\\.xml$`).test(e.name))
      .sort((a, b) => a.name.localeCompare(b.name))
      .flatMap((e) => wordXmlParagraphs(decoder.decode(readZipEntry(bytes, e, MAX_INFLATED_BYTES))));
  const seen = new Set<string>();
  const addMarginal = (texts: string[]): void => {
    for (const text of texts) {
      // Headers repeat per section; one copy is enough.
      if (seen.has(text)) continue;
      seen.add(text);
      builder.add(text, {});
    }
  };
  addMarginal(marginal('header'));
  walkBlocks(parseHtml(html), builder, 0);
  addMarginal(marginal('footer'));
  return { kind: 'docx', pages: [{ number: 1, width: 595, height: Math.max(842, builder.lines.length * 14), lines: builder.lines, source: 'docx' }] };
}

class LineBuilder {
  readonly lines: TextLine[] = [];
  add(text: string, extra: Partial<TextLine>): void {
    const clean = text.replace(/[ \u00a0]+/g, ' ').replace(/ *\t */g, CELL_SEPARATOR).trim();
    if (!clean) return;
    const index = this.lines.length;
    this.lines.push({
      text: clean,
      x: extra.x ?? 0,
      y: index * 14,
      width: Math.min(500, clean.length * 5),
      height: 12,
      fontSize: extra.heading ? 16 - Math.min(extra.heading, 5) : 11,
      confidence: 1,
      ...extra,
    });
  }
}

interface Run {
  text: string;
  bold: boolean;
}

const BLOCK_TAGS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'table', 'tr', 'td', 'th', 'div', 'blockquote']);

function isElement(node: HtmlNode): node is HtmlElement {
  return typeof node !== 'string';
}

/** Inline runs of a node; '\n' marks a <br>. */
function inlineRuns(node: HtmlNode, bold: boolean, out: Run[]): void {
  if (!isElement(node)) {
    out.push({ text: node, bold });
    return;
  }
  if (node.tag === 'br') {
    out.push({ text: '\n', bold });
    return;
  }
  if (node.tag === 'img') return;
  const b = bold || node.tag === 'strong' || node.tag === 'b';
  for (const child of node.children) inlineRuns(child, b, out);
}

function emitRuns(runs: Run[], builder: LineBuilder, extra: Partial<TextLine>): void {
  let text = '';
  let boldChars = 0;
  let chars = 0;
  const flush = (): void => {
    if (text.trim()) builder.add(text, { ...extra, bold: chars > 0 && boldChars / chars > 0.6 });
    text = '';
    boldChars = 0;
    chars = 0;
  };
  for (const run of runs) {
    const parts = run.text.split('\n');
    parts.forEach((part, i) => {
      if (i > 0) flush();
      text += part;
      const n = part.replace(/\s/g, '').length;
      chars += n;
      if (run.bold) boldChars += n;
    });
  }
  flush();
}

function walkBlocks(node: HtmlElement, builder: LineBuilder, listDepth: number): void {
  let pending: Run[] = [];
  const flushPending = (): void => {
    if (pending.length) emitRuns(pending, builder, {});
    pending = [];
  };
  for (const child of node.children) {
    if (!isElement(child) || !BLOCK_TAGS.has(child.tag)) {
      inlineRuns(child, false, pending);
      continue;
    }
    flushPending();
    const tag = child.tag;
    if (/^h[1-6]$/.test(tag)) {
      const runs: Run[] = [];
      inlineRuns(child, true, runs);
      emitRuns(runs, builder, { heading: Number(tag[1]), fontSize: 16 - Math.min(Number(tag[1]), 5) });
    } else if (tag === 'p') {
      const runs: Run[] = [];
      inlineRuns(child, false, runs);
      emitRuns(runs, builder, listDepth > 0 ? { x: listDepth * 18 } : {});
    } else if (tag === 'ul' || tag === 'ol') {
      for (const li of child.children) {
        if (isElement(li) && li.tag === 'li') walkListItem(li, builder, listDepth + 1);
      }
    } else if (tag === 'li') {
      walkListItem(child, builder, listDepth + 1);
    } else if (tag === 'table') {
      walkTable(child, builder);
    } else {
      walkBlocks(child, builder, listDepth);
    }
  }
  flushPending();
}

function walkListItem(li: HtmlElement, builder: LineBuilder, depth: number): void {
  const runs: Run[] = [];
  const nested: HtmlElement[] = [];
  for (const child of li.children) {
    if (isElement(child) && (child.tag === 'ul' || child.tag === 'ol' || child.tag === 'table')) nested.push(child);
    else inlineRuns(child, false, runs);
  }
  emitRuns(runs, builder, { listItem: true, x: depth * 18 });
  for (const n of nested) {
    if (n.tag === 'table') walkTable(n, builder);
    else walkBlocks({ tag: '#list', attrs: {}, children: [n] }, builder, depth);
  }
}

function rowsOf(table: HtmlElement): HtmlElement[] {
  const rows: HtmlElement[] = [];
  const visit = (el: HtmlElement): void => {
    for (const child of el.children) {
      if (!isElement(child)) continue;
      if (child.tag === 'tr') rows.push(child);
      else if (child.tag === 'thead' || child.tag === 'tbody' || child.tag === 'tfoot') visit(child);
    }
  };
  visit(table);
  return rows;
}

/** A cell that holds at most one paragraph of inline text (a label or a value). */
function simpleCellText(cell: HtmlElement): string | null {
  const blocks = cell.children.filter((c) => isElement(c) && BLOCK_TAGS.has(c.tag)) as HtmlElement[];
  if (blocks.length > 1) return null;
  if (blocks.some((b) => b.tag !== 'p')) return null;
  const runs: Run[] = [];
  inlineRuns(cell, false, runs);
  const text = runs.map((r) => r.text).join('');
  if (text.split('\n').filter((t) => t.trim()).length > 1) return null;
  return text.replace(/\n/g, ' ').trim();
}

function walkTable(table: HtmlElement, builder: LineBuilder): void {
  rowsOf(table).forEach((row, rowIndex) => {
    const cells = row.children.filter((c) => isElement(c) && (c.tag === 'td' || c.tag === 'th')) as HtmlElement[];
    const texts = cells.map(simpleCellText);
    if (texts.every((t) => t !== null)) {
      const nonEmpty = (texts as string[]).filter((t) => t);
      if (nonEmpty.length) builder.add(nonEmpty.join(CELL_SEPARATOR), { tableCell: { row: rowIndex, col: 0 }, bold: false });
      return;
    }
    // A layout table: each cell is a column of whole sections.
    for (const cell of cells) walkBlocks(cell, builder, 0);
  });
}

/** Paragraph texts of a WordprocessingML part (headers and footers). */
function wordXmlParagraphs(xml: string): string[] {
  const out: string[] = [];
  for (const p of xml.match(/<w:p[ >][\s\S]*?<\/w:p>/g) ?? []) {
    let text = '';
    for (const m of p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:tab\/>|<w:br\/>/g)) {
      if (m[1] !== undefined) text += decodeEntities(m[1]);
      else if (m[0] === '<w:tab/>') text += CELL_SEPARATOR;
      else text += '\n';
    }
    for (const line of text.split('\n')) if (line.trim()) out.push(line.trim());
  }
  return out;
}
