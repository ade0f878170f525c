import type { ExtractedPage, TextLine } from '../document.ts';
import { orderPage } from './readingOrder.ts';

/**
 * Reading order for an OCR page. Tesseract returns lines block by block (a label column
 * and its values come out as two blocks), and a photographed page leans: its right-hand
 * dates sit higher than the titles they belong to. A page the engine levelled is ordered
 * in its levelled frame; a lean that remains is measured from the page's own left margins
 * and taken out too. The boxes handed on stay where they are on the image, for the review
 * screen's highlight.
 */
export function orderOcrPage(page: ExtractedPage): ExtractedPage {
  // Specks and shadows of a photo come back as short low-confidence "words".
  const lines = page.lines.filter((l) => !((l.confidence ?? 1) < 0.4 && l.text.trim().length < 12) && /[\p{L}\p{N}]/u.test(l.text));
  if (lines.length < 2) return { ...page, lines };
  if (!page.skew) return { ...page, lines: orderLeaning(lines) };
  // A page the engine levelled before reading: its rows are level again only in that turned
  // frame (a label and its value 60 pt apart sit 2 pt apart in height on a 2° scan, and a
  // long line's box is tall). Order there, then turn the boxes back onto the page.
  const turn = pageTurn(page.width, page.height, page.skew);
  return { ...page, lines: orderLeaning(lines.map(turn.level)).map(turn.back) };
}

/** Orders lines, first taking out a lean measured from their own left margins. */
function orderLeaning(lines: TextLine[]): TextLine[] {
  const slope = leanOf(lines);
  if (Math.abs(slope) < 0.008) return orderPage(lines);
  const straight = lines.map((l) => ({ ...l, x: l.x - l.y * slope, y: l.y + l.x * slope }));
  return orderPage(straight).map((l) => {
    // Back onto the image: the inverse of the (small-angle) shear above.
    const y = (l.y - l.x * slope) / (1 + slope * slope);
    return { ...l, x: l.x + y * slope, y };
  });
}

/**
 * The turn by `radians` about the page's centre that levels the page (as the OCR engine
 * turned it), and its inverse. `level` recovers a line's own box from the upright box that
 * holds the turned one (exact for a small turn); `back` puts a box from the level frame
 * onto the page as the upright box holding it.
 */
function pageTurn(width: number, height: number, radians: number): { level: (l: TextLine) => TextLine; back: (l: TextLine) => TextLine } {
  const cos = Math.cos(radians);
  const sin = Math.sin(radians);
  const cx = width / 2;
  const cy = height / 2;
  const det = cos * cos - sin * sin;
  const absSin = Math.abs(sin);
  return {
    level: (l) => {
      const dx = l.x + l.width / 2 - cx;
      const dy = l.y + l.height / 2 - cy;
      const w = Math.max(1, (l.width * cos - l.height * absSin) / det);
      const h = Math.max(1, (l.height * cos - l.width * absSin) / det);
      const mx = cx + dx * cos - dy * sin;
      const my = cy + dx * sin + dy * cos;
      return { ...l, x: mx - w / 2, y: my - h / 2, width: w, height: h };
    },
    back: (l) => {
      const dx = l.x + l.width / 2 - cx;
      const dy = l.y + l.height / 2 - cy;
      const w = l.width * cos + l.height * absSin;
      const h = l.width * absSin + l.height * cos;
      const mx = cx + dx * cos + dy * sin;
      const my = cy - dx * sin + dy * cos;
      return { ...l, x: mx - w / 2, y: my - h / 2, width: w, height: h };
    },
  };
}

/**
 * dx/dy of left edges that should be straight above each other: each line against the
 * next one below that starts nearly where it starts. The median ignores indented bullets.
 */
export function leanOf(lines: TextLine[]): number {
  const sorted = [...lines].sort((a, b) => a.y - b.y);
  const slopes: number[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i] as TextLine;
    let best: TextLine | null = null;
    for (let j = i + 1; j < sorted.length && j < i + 12; j++) {
      const b = sorted[j] as TextLine;
      const dy = b.y - a.y;
      if (dy < a.height * 0.8) continue;
      if (Math.abs(b.x - a.x) > Math.max(0.12 * dy, a.height * 0.5)) continue;
      if (!best || b.y < best.y) best = b;
    }
    if (best) slopes.push((best.x - a.x) / (best.y - a.y));
  }
  if (slopes.length < 5) return 0;
  slopes.sort((p, q) => p - q);
  return slopes[Math.floor(slopes.length / 2)] ?? 0;
}
