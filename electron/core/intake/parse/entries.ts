import { findDates, type DateRange } from './dates.ts';
import { institutionScore } from './lexicon.ts';
import type { Line } from './lines.ts';

/**
 * Splits a work or education section into entries.
 *
 * Each entry is anchored on its period. Lines are classed as dated (D), header (H:
 * short lines naming employer, title, school, degree) or description (B: bullets,
 * indented lines, sentences). A template repeats the same shape for every entry,
 * so the number of header lines that precede the period in the first entry (0 for
 * "date first", 2 for "title / employer / date") tells where every entry begins.
 */
export interface EntryLine {
  line: Line;
  /** Cells with the period removed (and europass labels kept for the caller). */
  cells: string[];
  date: DateRange | null;
  /** Further periods on the same line: the same job held twice. */
  extraDates?: DateRange[];
  kind: 'D' | 'H' | 'B';
}

export interface RawEntry {
  header: EntryLine[];
  description: EntryLine[];
  date: DateRange | null;
  extraDates?: DateRange[];
  dateLine: Line | null;
  /** Its dated siblings say it had a period, but none was read (see `undatedEntryStart`). */
  periodLost?: boolean;
}

/** Date fields of an entry that the page had but the reader could not read, and where. */
export interface UnreadDates {
  fields: ('startDate' | 'endDate')[];
  line: Line | null;
}

/** What of an entry's period was there on the page yet not read: the review flags these. */
export function unreadDates(raw: RawEntry): UnreadDates | undefined {
  if (raw.periodLost) return { fields: ['startDate', 'endDate'], line: raw.header[0]?.line ?? null };
  // "Mars 2020 - Mai 2": a range whose end lost its year.
  if (raw.date && raw.date.start && raw.date.end === undefined && !raw.date.single) return { fields: ['endDate'], line: raw.dateLine };
  return undefined;
}

const DATE_LABEL_RE = /^(periode|tidsrom|tidsperiode|dato|datoer|dates?|period|year|år|zeitraum|when|fra\s*[-–]\s*til|from\s*[-–]\s*to)\s*:?$/i;
/** Europass-style field labels: their lines are entry headers wherever they are indented. */
export const FIELD_LABEL_RE = /^(arbeidsgiver|stilling|stillingstittel|employer|position|job title|title|tittel|sted|location|lærested|skole|institution|school|utdanning|qualification|grad|degree|studieretning|fagområde|field of study|firma|bedrift|company|arbeidsplass|rolle|role|organisation|organization|name and address of employer)\b/i;
const DESCRIPTION_LABEL_RE = /^(arbeidsoppgaver|oppgaver|ansvar|ansvarsområder|beskrivelse|main activities|activities|responsibilities|tasks|duties|achievements|description|hauptaufgaben|tätigkeiten|aufgaben|missions)\b/i;

/** Locates a period worth anchoring an entry on: its own cell, the start or the end of the line. */
function lineDate(line: Line): { date: DateRange; cells: string[]; extra: DateRange[] } | null {
  for (let c = 0; c < line.cells.length; c++) {
    const cell = line.cells[c] as string;
    const found = findDates(cell);
    if (found.length === 0) continue;
    // The first period that stands at an edge of its cell or fills it.
    for (const d of found) {
      const before = cell.slice(0, d.index).trim();
      const after = cell.slice(d.index + d.length).trim();
      // "Rema 1000, Oslo (2019–2021)": a period in brackets at the end is at an edge too.
      const bracketed = /\(\s*$/.test(before) && /^\s*\)/.test(after);
      const atEdge = before.length === 0 || after.length === 0 || bracketed || /[|·•,:–—-]\s*$/.test(before) || /^[|·•,:–—(-]/.test(after);
      const labelled = /^[\p{L} ]{2,20}:?$/u.test(before) && after.length === 0;
      const dateIsMost = d.length >= 0.4 * cell.replace(/\s/g, '').length;
      const longText = cell.length > 90 && isProse(cell);
      if (longText && !dateIsMost) continue;
      // A lone year ends many a sentence ("… revenue in 2015"): it anchors an entry only
      // when it fills its cell or opens a short line ("2005 Volontariat, Sri Lanka").
      const completedLabel = /^(grad(?:uated|uation)?\.?|class of|completed|ferdig|fullført|uteksaminert|avsluttet|abschluss)\s*:?$/i.test(before);
      // "University of Bremen, 2015 / 07": a lone date closing a short header after a separator.
      const closing = after.length === 0 && /[,|–—-]$/.test(before) && cell.length <= 90 && !isProse(before);
      if (d.single && !(dateIsMost || closing || ((before.length === 0 || completedLabel) && cell.length <= 60))) continue;
      if (!(atEdge || labelled || dateIsMost)) continue;
      // "Sep. 2013, Mar. 2011 - Oct. 2011", "2003 - 2004 und 2006 - 2012": more periods at one place.
      const extra = found.filter(
        (x) => x !== d && x.index > d.index && /^[\s,;&]*(?:og|and|und|et)?[\s,;&]*$/i.test(cell.slice(d.index + d.length, x.index)),
      );
      const last = extra.at(-1) ?? d;
      const head = before.replace(/[|·•,:–—(-]\s*$/, '').trim();
      const tail = cell.slice(last.index + last.length).trim().replace(/^[|·•,:–—)-]\s*/, '').replace(/^[|·•,:–—-]\s*/, '').trim();
      // The period stood between two parts ("Title – Employer – 2021 – Current – Oslo"): keep them apart.
      const rest = [DATE_LABEL_RE.test(head) || completedLabel ? '' : head, tail].filter(Boolean).join(' – ');
      const restCells = [...line.cells.slice(0, c), ...(rest ? [rest] : []), ...line.cells.slice(c + 1)]
        .map((s) => s.trim())
        .filter((s) => s && !/^[()[\]|·•,:;–—-]+$/.test(s));
      return { date: d, cells: restCells, extra };
    }
  }
  return null;
}

/** Mostly lower-case words: running text rather than a title line in capitals. */
function isProse(text: string): boolean {
  const words = text.split(/\s+/).filter((w) => /\p{L}/u.test(w));
  return words.filter((w) => /^\p{Ll}/u.test(w)).length >= words.length * 0.4;
}

function isDateCell(cell: string): boolean {
  const d = findDates(cell)[0];
  return d !== undefined && !d.single && d.length >= 0.6 * cell.replace(/\s/g, '').length;
}

const ABBREVIATIONS = new Set(['prof', 'inkl', 'bl', 'osv', 'etc', 'ref', 'avd', 'tlf', 'dept', 'univ', 'corp', 'inc', 'ltd', 'jr', 'sr', 'mfl', 'ca', 'nr', 'dr', 'st', 'co', 'vs', 'approx', 'resp', 'mrs', 'mr', 'ms']);

/** "… og dokumentasjon." ends a sentence; "Prof." and "Ltd." do not. */
function endsSentence(text: string): boolean {
  const m = text.match(/(\p{L}+)[.!]$/u);
  return !!m && /^\p{Ll}{3,}$/u.test(m[1] as string) && !ABBREVIATIONS.has((m[1] as string).toLowerCase());
}

function hasSentenceBreak(text: string): boolean {
  for (const m of text.matchAll(/(\p{L}+)\.\s+\p{Lu}/gu)) {
    const word = m[1] as string;
    if (/^\p{Ll}{3,}$/u.test(word) && !ABBREVIATIONS.has(word.toLowerCase())) return true;
  }
  return false;
}

function isDescription(line: Line, baseX: number, headerFont: number): boolean {
  if (line.bullet) return true;
  const text = line.text;
  if (DESCRIPTION_LABEL_RE.test(text)) return true;
  if (FIELD_LABEL_RE.test(text) && text.split(/\s+/).length <= 10) return false;
  // "an der Freien Universität Berlin", "ved NTNU": the school, wrapped under its degree.
  if (/^(?:an der|an dem|at the|at|ved|på)\s+\p{Lu}/u.test(text) && institutionScore(text) > 0 && text.split(/\s+/).length <= 8) return false;
  // "Key achievements:", "Kernarbeitsgebiete:": a label over a list of duties.
  if (/:$/.test(text) && text.split(/\s+/).length <= 3 && line.cells.length === 1) return true;
  // Indented under the entry's header: a bullet whose glyph was lost. Scans jitter by a
  // few pixels and lean with the page, so they need a wider margin.
  // In the page's own units (pixels for photos), so measured by the box, not the font size.
  const size = line.box.height || line.fontSize;
  const indent = line.source === 'ocr' ? Math.max(4, size * 1.5) : Math.max(5, size * 0.6);
  if (line.source !== 'docx' && line.box.x > baseX + indent) return true;
  if (line.source === 'docx' && line.box.x > baseX) return true;
  if (text.length > 95 && isProse(text)) return true;
  const wordList = text.split(/\s+/).filter((w) => /\p{L}/u.test(w));
  const words = wordList.length;
  if (endsSentence(text) && words >= 5) return true;
  if (hasSentenceBreak(text) && words >= 6) return true;
  // Long lines of mostly lower-case words are prose; names and titles are capitalised.
  const capitalised = wordList.filter((w) => /^[(<"']?\p{Lu}/u.test(w)).length;
  if ((words >= 12 && isProse(text)) || (words >= 9 && capitalised / words < 0.5)) return true;
  // Smaller than the headers of this section and lower case: running text.
  if (line.fontSize < headerFont - 1.5 && /^\p{Ll}/u.test(text)) return true;
  return false;
}

/**
 * Header lines wrapped by a narrow layout are joined back: a line ending in a dash
 * before the end of its period ("10/2021 –" / "Current – Ljubljana"), or in an open
 * bracket ("(Curriculum: Social-" / "Science) University of Ljubljana").
 */
function unwrapHeaders(lines: Line[]): Line[] {
  const out: Line[] = [];
  for (const line of lines) {
    const prev = out.at(-1);
    if (prev && !line.bullet && !prev.bullet && prev.page === line.page && line.cells.length === 1) {
      const open = (prev.text.match(/\(/g) ?? []).length - (prev.text.match(/\)/g) ?? []).length;
      const dangling = /\s[–—-]$/.test(prev.text) && findDates(prev.text + ' ' + line.text).some((d) => !d.single);
      // "2003 – 2004 und" / "2006 – 2012": a second period wrapped under the first.
      const joinIndex = prev.cells.findIndex((c) => /\b(?:und|og|and|et|&)$|,$/.test(c.trim()) && findDates(c).length > 0);
      if (joinIndex >= 0 && findDates(line.text).some((d) => !d.single && d.length >= 0.6 * line.text.replace(/\s/g, '').length)) {
        const cells = prev.cells.map((c, k) => (k === joinIndex ? `${c} ${line.text}` : c));
        out[out.length - 1] = { ...prev, cells, text: cells.join(' ') };
        continue;
      }
      if ((open > 0 && /\)/.test(line.text) && line.text.length < 80) || dangling) {
        const text = `${prev.text} ${line.text}`;
        const cells = [...prev.cells.slice(0, -1), `${prev.cells.at(-1) ?? ''} ${line.text}`.trim()];
        out[out.length - 1] = { ...prev, text, cells, box: { ...prev.box, height: line.box.y + line.box.height - prev.box.y } };
        continue;
      }
    }
    out.push(line);
  }
  return out;
}

export function splitEntries(input: Line[]): RawEntry[] {
  if (input.length === 0) return [];
  const lines = unwrapHeaders(input);
  const nonBullet = lines.filter((l) => !l.bullet);
  const dates = lines.map((line) => (line.bullet ? null : lineDate(line)));
  // Entry headers start where the dated lines start; bullets may hang further left.
  const datedX = lines.filter((_, i) => dates[i]).map((l) => l.box.x);
  const baseX = datedX.length ? Math.min(...datedX) : Math.min(...(nonBullet.length ? nonBullet : lines).map((l) => l.box.x));
  const headerFont = Math.max(...lines.map((l) => l.fontSize));
  const items: EntryLine[] = lines.map((line, i) => {
    const dated = dates[i];
    if (dated) return { line, cells: dated.cells, date: dated.date, extraDates: dated.extra, kind: 'D' };
    return { line, cells: line.cells, date: null, kind: isDescription(line, baseX, headerFont) ? 'B' : 'H' };
  });
  // A right-hand column of location and period stacked under each other puts the
  // period on the first bullet's baseline: it belongs to the header line above.
  for (let i = 0; i < items.length; i++) {
    const it = items[i] as EntryLine;
    if (it.kind === 'D' || it.line.cells.length < 2) continue;
    const cellIndex = it.line.cells.findIndex((c, k) => k > 0 && isDateCell(c));
    if (cellIndex < 0) continue;
    let j = i - 1;
    while (j >= 0 && (items[j] as EntryLine).kind === 'B' && i - j <= 2) j--;
    let target = items[j];
    // A photographed page can lift the date column a row: the header above is dated
    // already, so the period belongs to the next header below.
    if (target?.kind === 'D') {
      target = items.slice(i + 1, i + 4).find((it) => it.kind === 'H' && !isDateCell(it.line.text));
    }
    if (!target || target.kind !== 'H') continue;
    const date = findDates(it.line.cells[cellIndex] as string)[0] as DateRange;
    target.kind = 'D';
    target.date = date;
    it.cells = it.cells.filter((c) => c !== it.line.cells[cellIndex]);
  }
  // A continuation of a description (wrapped sentence) is description too.
  for (let i = 1; i < items.length; i++) {
    const prev = items[i - 1] as EntryLine;
    const cur = items[i] as EntryLine;
    if (cur.kind === 'H' && prev.kind === 'B' && /^\p{Ll}/u.test(cur.line.text) && !/[.!?]$/.test(prev.line.text)) cur.kind = 'B';
  }
  const dIdx = items.map((it, i) => (it.kind === 'D' ? i : -1)).filter((i) => i >= 0);
  if (dIdx.length === 0) return splitUndated(items);
  // Header lines immediately before each period (stopping at descriptions and periods).
  const before = dIdx.map((d) => {
    let n = 0;
    for (let j = d - 1; j >= 0 && (items[j] as EntryLine).kind === 'H' && !bigGapBetween(items[j] as EntryLine, items[j + 1] as EntryLine); j--) n++;
    return n;
  });
  // Date-first templates have nothing before their first period; otherwise the most
  // common count wins, so one entry with an intro line or a missing line does not decide.
  const p = before[0] === 0 ? 0 : mostCommon(before);
  const starts = dIdx.map((d, k) => d - Math.min(p, before[k] as number));
  const entries: RawEntry[] = [];
  // Lines before the first period: an intro is dropped, but an entry shaped like its dated
  // siblings whose period was lost (a faint line on a photo, a job listed without dates)
  // is kept, undated.
  const lead = items.slice(0, starts[0]);
  const leadEntry = undatedEntryStart(lead, p);
  if (leadEntry >= 0) entries.push(...splitUndated(lead.slice(leadEntry)).map(lostPeriod));
  starts.forEach((start, k) => {
    const end = k + 1 < starts.length ? (starts[k + 1] as number) : items.length;
    const slice = items.slice(start, end);
    const firstB = slice.findIndex((it) => it.kind === 'B');
    const headerPart = firstB < 0 ? slice : slice.slice(0, firstB);
    let rest = firstB < 0 ? [] : slice.slice(firstB);
    // The same in the middle: after this entry's description, a header group of the
    // siblings' shape with a description of its own is another (undated) entry.
    const next = undatedEntryStart(rest, p);
    const undated = next > 0 ? splitUndated(rest.slice(next)).map(lostPeriod) : [];
    if (next > 0) rest = rest.slice(0, next);
    const d = items[dIdx[k] as number] as EntryLine;
    entries.push({ header: headerPart, description: rest, date: d.date, ...(d.extraDates?.length ? { extraDates: d.extraDates } : {}), dateLine: d.line });
    entries.push(...undated);
  });
  return entries;
}

const lostPeriod = (entry: RawEntry): RawEntry => ({ ...entry, periodLost: true });

/**
 * Where an undated entry starts in these lines: a run of at least two header lines, as many
 * as the dated entries carry (`headerLines`), followed by description lines. -1 if none.
 * One stray header-looking line (a sub-heading, a wrapped sentence) never qualifies.
 */
function undatedEntryStart(items: EntryLine[], headerLines: number): number {
  if (headerLines < 2) return -1;
  for (let i = 0; i < items.length; i++) {
    if (items[i]!.kind !== 'H' || (i > 0 && items[i - 1]!.kind === 'H')) continue;
    let run = 0;
    while (i + run < items.length && items[i + run]!.kind === 'H') run++;
    if (run === headerLines && items[i + run]?.kind === 'B') return i;
  }
  return -1;
}

/** A clearly larger vertical gap than between the lines of one entry. */
function bigGapBetween(a: EntryLine, b: EntryLine): boolean {
  if (a.line.page !== b.line.page || a.line.source === 'docx') return false;
  const gap = b.line.box.y - (a.line.box.y + a.line.box.height);
  return gap > Math.max(a.line.box.height, b.line.box.height) * 1.1;
}

/** Without any period, entries are runs of header lines separated by descriptions. */
function splitUndated(items: EntryLine[]): RawEntry[] {
  const entries: RawEntry[] = [];
  let current: RawEntry | null = null;
  for (const it of items) {
    if (it.kind === 'B') {
      if (current) current.description.push(it);
      continue;
    }
    if (!current || current.description.length > 0 || (current.header.length > 0 && bigGapBetween(current.header.at(-1) as EntryLine, it))) {
      current = { header: [], description: [], date: null, dateLine: null };
      entries.push(current);
    }
    current.header.push(it);
  }
  return entries;
}

function mostCommon(values: number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best = values[0] ?? 0;
  // Ties go to the first entry's count: it sits right under the heading.
  for (const [v, n] of counts) if (n > (counts.get(best) ?? 0)) best = v;
  return best;
}
