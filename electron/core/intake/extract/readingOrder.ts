import type { TextLine } from '../document.ts';

/**
 * Puts a page's text segments into reading order.
 *
 * CVs come in one column, two columns, with a sidebar left or right, with a date or
 * label column (a table), and with the contact block in a header or at the bottom.
 * Reading top-to-bottom across the whole page scrambles two-column CVs, and reading
 * column by column scrambles tables, so we look for a vertical gutter and then ask
 * whether the two sides are independent columns (read one after the other) or rows
 * of a table (their baselines line up: read row by row, cells joined by a tab).
 */
export const CELL_SEPARATOR = '\t';

const baselineOf = (s: TextLine): number => s.y + 0.8 * s.height;
const right = (s: TextLine): number => s.x + s.width;

export function orderPage(segments: TextLine[]): TextLine[] {
  return orderRegion(segments, 0);
}

function orderRegion(segments: TextLine[], depth: number): TextLine[] {
  if (segments.length === 0) return [];
  const gutter = depth < 3 ? findGutter(segments) : null;
  if (!gutter) return rows(segments);
  // Segments that cross the gutter (a name across the top, a footer) cut the page
  // into bands; within each band the columns are read one after the other.
  const crossing = segments.filter((s) => s.x < gutter - 1 && right(s) > gutter + 1);
  const cuts = mergeRanges(crossing.map((s) => [s.y, s.y + s.height] as [number, number]));
  const out: TextLine[] = [];
  let rest = segments.filter((s) => !crossing.includes(s));
  const emitBand = (bottom: number): void => {
    const band = rest.filter((s) => centerY(s) < bottom);
    rest = rest.filter((s) => centerY(s) >= bottom);
    if (band.length === 0) return;
    const left = band.filter((s) => right(s) <= gutter + 1);
    const rightSide = band.filter((s) => s.x >= gutter - 1);
    if (left.length === 0 || rightSide.length === 0 || rowsAligned(left, rightSide) || mostlyDates(left) || mostlyDates(rightSide)) {
      out.push(...rows(band));
    }
    else out.push(...orderRegion(left, depth + 1), ...orderRegion(rightSide, depth + 1));
  };
  for (const [top, bottom] of cuts) {
    emitBand(top);
    const inCut = rest.filter((s) => centerY(s) <= bottom);
    rest = rest.filter((s) => centerY(s) > bottom);
    out.push(...rows([...crossing.filter((s) => centerY(s) >= top && centerY(s) <= bottom), ...inCut]));
  }
  emitBand(Infinity);
  return out;
}

const centerY = (s: TextLine): number => s.y + s.height / 2;

function mergeRanges(ranges: [number, number][]): [number, number][] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const r of sorted) {
    const last = out.at(-1);
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}

/**
 * The x of the best vertical gutter: the line crossed by the fewest segments, with
 * real text on both sides that overlaps vertically. Null when the region is one column.
 */
function findGutter(segments: TextLine[]): number | null {
  if (segments.length < 6) return null;
  const minX = Math.min(...segments.map((s) => s.x));
  const maxX = Math.max(...segments.map(right));
  if (maxX - minX < 100) return null;
  let best: { x: number; crossings: number; run: number } | null = null;
  let runStart = -1;
  let runCrossings = -1;
  const consider = (x0: number, x1: number, crossings: number): void => {
    const x = (x0 + x1) / 2;
    const run = x1 - x0;
    if (run < 6) return;
    if (!best || crossings < best.crossings || (crossings === best.crossings && run > best.run)) {
      if (sidesAreColumns(segments, x)) best = { x, crossings, run };
    }
  };
  const step = 2;
  for (let x = minX + 15; x <= maxX - 15; x += step) {
    const crossings = segments.filter((s) => s.x < x - 1 && right(s) > x + 1).length;
    if (crossings !== runCrossings) {
      if (runStart >= 0) consider(runStart, x - step, runCrossings);
      runStart = x;
      runCrossings = crossings;
    }
  }
  if (runStart >= 0) consider(runStart, maxX - 15, runCrossings);
  const found = best as { x: number; crossings: number; run: number } | null;
  if (!found) return null;
  // Each crossing segment becomes a cut; more than a few means this is one column
  // of short lines rather than two columns.
  const limit = Math.max(2, Math.floor(segments.length * 0.06));
  return found.crossings <= limit ? found.x : null;
}

function sidesAreColumns(segments: TextLine[], x: number): boolean {
  const left = segments.filter((s) => right(s) <= x + 1);
  const rightSide = segments.filter((s) => s.x >= x - 1);
  if (left.length < 3 || rightSide.length < 3) return false;
  const chars = (list: TextLine[]): number => list.reduce((n, s) => n + s.text.length, 0);
  if (Math.min(chars(left), chars(rightSide)) < 25) return false;
  const top = (list: TextLine[]): number => Math.min(...list.map((s) => s.y));
  const bottom = (list: TextLine[]): number => Math.max(...list.map((s) => s.y + s.height));
  const overlap = Math.min(bottom(left), bottom(rightSide)) - Math.max(top(left), top(rightSide));
  const shorter = Math.min(bottom(left) - top(left), bottom(rightSide) - top(rightSide));
  return overlap > 0.3 * shorter;
}

/**
 * A side made of periods is the date column of one list (right-aligned dates), not a
 * column of its own, even where a skewed scan keeps its baselines from lining up.
 */
function mostlyDates(side: TextLine[]): boolean {
  const dated = side.filter((s) => s.text.length <= 32 && /(?:19|20)\d\d/.test(s.text) && s.text.split(/\s+/).length <= 6).length;
  return dated >= 2 && dated / side.length >= 0.6;
}

/** True when the two sides are cells of the same rows (a date or label column). */
function rowsAligned(left: TextLine[], rightSide: TextLine[]): boolean {
  const [fewer, more] = left.length <= rightSide.length ? [left, rightSide] : [rightSide, left];
  let aligned = 0;
  for (const s of fewer) {
    const b = baselineOf(s);
    if (more.some((t) => Math.abs(baselineOf(t) - b) <= Math.max(1.5, 0.2 * Math.min(s.height, t.height)))) aligned++;
  }
  return aligned / fewer.length >= 0.6;
}

/**
 * One baseline, or (for OCR, whose baselines wander and whose label and value differ in
 * size) boxes that share most of their height.
 */
function sameRow(a: TextLine, b: TextLine): boolean {
  const minH = Math.min(a.height, b.height);
  if (Math.abs(baselineOf(a) - baselineOf(b)) <= 0.35 * minH) return true;
  const overlap = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  const centres = Math.abs(a.y + a.height / 2 - (b.y + b.height / 2));
  return overlap >= 0.6 * minH && centres <= 0.5 * Math.max(a.height, b.height);
}

/** Groups segments on one baseline into a line, cells joined by a tab, top to bottom. */
function rows(segments: TextLine[]): TextLine[] {
  const sorted = [...segments].sort((a, b) => baselineOf(a) - baselineOf(b) || a.x - b.x);
  const groups: TextLine[][] = [];
  for (const s of sorted) {
    const group = groups.at(-1);
    const ref = group?.[0];
    if (group && ref && sameRow(s, ref)) group.push(s);
    else groups.push([s]);
  }
  return groups.map((group) => {
    group.sort((a, b) => a.x - b.x);
    if (group.length === 1) return group[0] as TextLine;
    const x0 = Math.min(...group.map((s) => s.x));
    const x1 = Math.max(...group.map(right));
    const y0 = Math.min(...group.map((s) => s.y));
    const y1 = Math.max(...group.map((s) => s.y + s.height));
    const first = group[0] as TextLine;
    return {
      ...first,
      text: group.map((s) => s.text).join(CELL_SEPARATOR),
      x: x0,
      y: y0,
      width: x1 - x0,
      height: y1 - y0,
      fontSize: Math.max(...group.map((s) => s.fontSize ?? s.height)),
      bold: first.bold,
    };
  });
}
