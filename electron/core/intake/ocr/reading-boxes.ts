import type { TesseractBBox, TesseractLine, TesseractPage, TesseractWord } from './tesseract-thread.ts';

/** Geometry and walks shared by the steps that compare two readings of the same image word by word. */

const area = (r: TesseractBBox) => Math.max(1, (r.x1 - r.x0) * (r.y1 - r.y0));

function intersection(a: TesseractBBox, b: TesseractBBox): number {
  const width = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
  const height = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
  return width <= 0 || height <= 0 ? 0 : width * height;
}

/** Intersection over union: 1 for the same box, 0 for boxes apart. */
export function overlap(a: TesseractBBox, b: TesseractBBox): number {
  const shared = intersection(a, b);
  return shared / (area(a) + area(b) - shared);
}

/** How much of `inner`'s area lies inside `outer` (0–1). */
export function coveredBy(inner: TesseractBBox, outer: TesseractBBox): number {
  return intersection(inner, outer) / area(inner);
}

export function linesOf(page: TesseractPage): TesseractLine[] {
  return (page.blocks ?? []).flatMap((b) => b.paragraphs.flatMap((p) => p.lines));
}

export function wordsOf(page: TesseractPage): TesseractWord[] {
  return linesOf(page).flatMap((l) => l.words);
}

/** A line's text again from its words, after a step has replaced some of them. */
export function rewriteLineText(line: TesseractLine): void {
  line.text = line.words.map((w) => w.text).join(' ');
}
