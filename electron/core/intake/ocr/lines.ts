import type { ExtractedPage, TextLine } from '../document.ts';
import type { TesseractLine, TesseractPage, TesseractWord } from './tesseract-thread.ts';

/**
 * Maps Tesseract's lines (pixels of the processed image) onto the page the user sees:
 * points for a PDF page, original pixels for a scan or photo.
 */
export interface PageGeometry {
  pageNumber: number;
  /** The page's size in its own units (points for PDF, pixels for images). */
  pageWidth: number;
  pageHeight: number;
  /** Page units per processed pixel. */
  unitsPerPixel: number;
  /** Points per processed pixel (72 / dpi), for font sizes. */
  pointsPerPixel: number;
  /** Processed image size, to undo a rotation Tesseract applied about its centre. */
  imageWidth: number;
  imageHeight: number;
}

/**
 * Words further apart than this many line heights are separate text items, as a PDF
 * text layer would give them: a label and its value in a two-column table, or two
 * columns that Tesseract joined into one line.
 */
const COLUMN_GAP_IN_LINE_HEIGHTS = 2.5;

export function toExtractedPage(result: TesseractPage, geometry: PageGeometry): ExtractedPage {
  const lines: TextLine[] = [];
  const rotation = result.rotateRadians ?? 0;
  for (const block of result.blocks ?? []) {
    for (const paragraph of block.paragraphs) {
      for (const line of paragraph.lines) {
        for (const piece of splitAtGaps(line)) {
          const mapped = mapLine(piece, line, geometry, rotation);
          if (mapped) lines.push(mapped);
        }
      }
    }
  }
  return {
    number: geometry.pageNumber,
    width: geometry.pageWidth,
    height: geometry.pageHeight,
    lines,
    source: 'ocr',
    ...(rotation ? { skew: rotation } : {}),
  };
}

interface Piece {
  words: TesseractWord[];
}

function splitAtGaps(line: TesseractLine): Piece[] {
  const words = line.words.filter((w) => w.text.trim() !== '');
  if (words.length === 0) return [];
  const lineHeight = Math.max(1, line.bbox.y1 - line.bbox.y0);
  const pieces: Piece[] = [{ words: [words[0]!] }];
  for (let i = 1; i < words.length; i += 1) {
    const previous = words[i - 1]!;
    const word = words[i]!;
    if (word.bbox.x0 - previous.bbox.x1 > COLUMN_GAP_IN_LINE_HEIGHTS * lineHeight) pieces.push({ words: [word] });
    else pieces[pieces.length - 1]!.words.push(word);
  }
  return pieces;
}

function mapLine(piece: Piece, line: TesseractLine, g: PageGeometry, rotation: number): TextLine | null {
  const text = piece.words.map((w) => w.text).join(' ').replace(/\s+/g, ' ').trim();
  if (!text) return null;
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const w of piece.words) {
    x0 = Math.min(x0, w.bbox.x0);
    y0 = Math.min(y0, w.bbox.y0);
    x1 = Math.max(x1, w.bbox.x1);
    y1 = Math.max(y1, w.bbox.y1);
  }
  [x0, y0, x1, y1] = unrotate({ x0, y0, x1, y1 }, rotation, g.imageWidth, g.imageHeight);
  const confidence = piece.words.reduce((sum, w) => sum + w.confidence, 0) / piece.words.length / 100;
  // Tesseract's row height spans descender to ascender, which is about the font's em size.
  const rowHeight = line.rowAttributes?.rowHeight ?? 0;
  const heightPx = rowHeight > 0 ? rowHeight : y1 - y0;
  const u = g.unitsPerPixel;
  const clampX = (v: number) => Math.min(g.pageWidth, Math.max(0, v));
  const clampY = (v: number) => Math.min(g.pageHeight, Math.max(0, v));
  const left = clampX(x0 * u);
  const top = clampY(y0 * u);
  return {
    text,
    x: round(left),
    y: round(top),
    width: round(clampX(x1 * u) - left),
    height: round(clampY(y1 * u) - top),
    fontSize: round(heightPx * g.pointsPerPixel),
    confidence: Math.round(Math.min(1, Math.max(0, confidence)) * 1000) / 1000,
  };
}

/**
 * Tesseract reports boxes in the image it deskewed (turned by `rotation` about its centre);
 * turn the box's corners back so the highlight lands on the original page.
 */
function unrotate(box: { x0: number; y0: number; x1: number; y1: number }, rotation: number, width: number, height: number): [number, number, number, number] {
  if (!rotation) return [box.x0, box.y0, box.x1, box.y1];
  const cx = width / 2;
  const cy = height / 2;
  const cos = Math.cos(rotation);
  const sin = Math.sin(rotation);
  const xs: number[] = [];
  const ys: number[] = [];
  for (const [x, y] of [[box.x0, box.y0], [box.x1, box.y0], [box.x0, box.y1], [box.x1, box.y1]] as const) {
    const dx = x - cx;
    const dy = y - cy;
    xs.push(cx + dx * cos + dy * sin);
    ys.push(cy - dx * sin + dy * cos);
  }
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

const round = (v: number) => Math.round(v * 100) / 100;
