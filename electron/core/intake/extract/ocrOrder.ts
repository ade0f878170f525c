import type { ExtractedPage, TextLine } from '../document.ts';
import { orderPage } from './readingOrder.ts';

/**
 * Reading order for an OCR page. Tesseract returns lines block by block (a label column
 * and its values come out as two blocks), and a photographed page leans: its right-hand
 * dates sit higher than the titles they belong to. The lean is measured from the page's
 * own left margins and taken out before ordering; the boxes handed on stay where they
 * are on the image, for the review screen's highlight.
 */
export function orderOcrPage(page: ExtractedPage): ExtractedPage {
  // Specks and shadows of a photo come back as short low-confidence "words".
  const lines = page.lines.filter((l) => !((l.confidence ?? 1) < 0.4 && l.text.trim().length < 12) && /[\p{L}\p{N}]/u.test(l.text));
  if (lines.length < 2) return { ...page, lines };
  const slope = leanOf(lines);
  if (Math.abs(slope) < 0.008) return { ...page, lines: orderPage(lines) };
  const straight = lines.map((l) => ({ ...l, x: l.x - l.y * slope, y: l.y + l.x * slope }));
  const ordered = orderPage(straight).map((l) => {
    // Back onto the image: the inverse of the (small-angle) shear above.
    const y = (l.y - l.x * slope) / (1 + slope * slope);
    return { ...l, x: l.x + y * slope, y };
  });
  return { ...page, lines: ordered };
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
