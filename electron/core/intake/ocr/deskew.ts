/**
 * Measures how far a page's text lines are turned (scans lie 0.5–2° askew, phone photos
 * more), from the grey pixels, in a few milliseconds: dark pixels of a coarse copy of the
 * page are projected onto rows along candidate angles, and the angle whose rows are the
 * most sharply separated (largest sum of squared row counts) is the lines' angle.
 *
 * Tesseract then turns the page by that angle as it loads it (tesseract.js's rotateRadians),
 * which costs far less than its own rotateAuto (a second layout analysis of the full page).
 */

const MAX_DEGREES = 6;
const COARSE_STEP = 0.25;
const FINE_STEP = 0.05;
/** Below this the turn is left alone: it does not disturb Tesseract's line finding. */
const MIN_DEGREES = 0.1;
/** The best angle must separate rows this much better than no turn at all, or we keep 0. */
const MIN_GAIN = 1.02;
const SAMPLE_WIDTH = 1000;
const MAX_POINTS = 150_000;

/**
 * The angle in radians by which to turn the page so its lines run level (leptonica's sense:
 * positive turns clockwise), or 0 when no clear angle is found.
 */
export function measureSkew(grey: Uint8Array, width: number, height: number): number {
  const step = Math.max(1, Math.ceil(width / SAMPLE_WIDTH));
  const xs: number[] = [];
  const ys: number[] = [];
  // Ink: dark sample points with light paper right beside them (below or to the right), in
  // the middle 80 % of the image. Large dark areas (the desk around a photographed page, a
  // dark sidebar) would otherwise outweigh the text; only their edges count this way.
  const light = (i: number) => grey[i]! >= 160;
  const x0 = Math.floor(width * 0.1);
  const x1 = Math.ceil(width * 0.9) - step;
  const y0 = Math.floor(height * 0.1);
  const y1 = Math.ceil(height * 0.9) - step;
  for (let y = y0; y < y1; y += step) {
    const row = y * width;
    for (let x = x0; x < x1; x += step) {
      const i = row + x;
      if (grey[i]! < 110 && (light(i + step) || light(i + step * width))) {
        xs.push(x / step);
        ys.push(y / step);
      }
    }
  }
  if (xs.length < 200) return 0;
  // Too many dark pixels (a photo, a dark sidebar) only slow it down: thin them evenly.
  const stride = Math.max(1, Math.ceil(xs.length / MAX_POINTS));
  const rows = Math.ceil(height / step);
  const cols = Math.ceil(width / step);
  const margin = Math.ceil(cols * Math.tan((MAX_DEGREES * Math.PI) / 180)) + 2;
  const counts = new Uint32Array(rows + 2 * margin);

  const score = (degrees: number) => {
    const slope = Math.tan((degrees * Math.PI) / 180);
    counts.fill(0);
    for (let i = 0; i < xs.length; i += stride) counts[Math.round(ys[i]! - xs[i]! * slope) + margin]! += 1;
    let sum = 0;
    for (let r = 0; r < counts.length; r += 1) sum += counts[r]! * counts[r]!;
    return sum;
  };

  const level = score(0);
  let best = 0;
  let bestScore = level;
  for (let d = -MAX_DEGREES; d <= MAX_DEGREES + 1e-9; d += COARSE_STEP) {
    const s = score(d);
    if (s > bestScore) {
      bestScore = s;
      best = d;
    }
  }
  const coarse = best;
  for (let d = coarse - COARSE_STEP; d <= coarse + COARSE_STEP + 1e-9; d += FINE_STEP) {
    const s = score(d);
    if (s > bestScore) {
      bestScore = s;
      best = d;
    }
  }
  if (Math.abs(best) < MIN_DEGREES || bestScore < level * MIN_GAIN) return 0;
  // Lines that fall to the right (best > 0) are levelled by turning anticlockwise.
  return (-best * Math.PI) / 180;
}
