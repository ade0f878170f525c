/**
 * Dates and periods as CVs write them, in Norwegian, English (and the German and
 * French that turn up in real CVs): "08.2017 - 06.2020", "jan. 2019 – d.d.",
 * "2019–nå", "fra august 2019 til mars 2021", "Sep 15 - NOW", "Summer 2017",
 * "2016/09 - now", "Exp. Jun. 2017". Output dates are "YYYY-MM" or "YYYY".
 */
export interface DateRange {
  start?: string;
  /** undefined: not stated; null: current ("nå", "present"). */
  end?: string | null;
  /** Where the matched text sits in the input. */
  index: number;
  length: number;
  /** A lone date, not a period. */
  single: boolean;
}

const MONTHS: [RegExp, number][] = [
  [/^(jan|januar|january|janvier|janeiro|enero|jänner|gennaio)$/, 1],
  [/^(feb|febr|februar|february|février|fevrier|fev|febrero)$/, 2],
  [/^(mar|mars|march|märz|maerz|marzo|mrz)$/, 3],
  [/^(apr|april|avril|avr|abril)$/, 4],
  [/^(mai|may|maj|mayo|maggio)$/, 5],
  [/^(jun|juni|june|juin|junio)$/, 6],
  [/^(jul|juli|july|juillet|julio|juil)$/, 7],
  [/^(aug|august|août|aout|agosto)$/, 8],
  [/^(sep|sept|september|septembre|septiembre|settembre)$/, 9],
  [/^(okt|oct|oktober|october|octobre|octubre)$/, 10],
  [/^(nov|november|novembre|noviembre)$/, 11],
  [/^(des|dec|dez|desember|december|dezember|décembre|decembre|diciembre)$/, 12],
];

export function monthNumber(word: string): number | null {
  const w = word.toLowerCase().replace(/\.$/, '');
  for (const [re, n] of MONTHS) if (re.test(w)) return n;
  return null;
}

const MONTH_WORD =
  '(?:jan(?:uar[y]?|vier)?|feb(?:r(?:uar[y]?)?)?|février|fevrier|mar(?:s|ch)?|märz|apr(?:il)?|avr(?:il)?|mai|may|maj|jun[ei]?|juin|jul[iy]?|juillet|juil|aug(?:ust)?|août|aout|sept?(?:ember|embre)?|o[ck]t(?:ober|obre)?|nov(?:ember|embre)?|de[csz](?:ember)?|décembre|decembre)';
const SEASON_WORD = '(?:spring|summer|fall|autumn|winter|vår|sommer|høst|vinter)';
const YEAR = '(?:18[5-9]\\d|19\\d\\d|20[0-4]\\d)';

// One date: "jan. 2019", "januar 2019", "08.2017", "8/2017", "2017-08", "2016/09",
// "2011 / 11", "15.03.2019", "Summer 2017", "Sep 15" (two-digit year after a month name), "2019".
const ATOM =
  `(?:` +
  `(?<dmy>\\b(?<dd>[0-3]?\\d)[./](?<dm>[01]?\\d)[./](?<dy>${YEAR})\\b)` +
  `|(?<my>(?<![\\d.])(?<mm>0?[1-9]|1[0-2])\\s?[./-]\\s?(?<myy>${YEAR})\\b)` +
  `|(?<ym>\\b(?<ymy>${YEAR})\\s?[-/]\\s?(?<ymm>0[1-9]|1[0-2])(?![\\d/]))` +
  `|(?<named>\\b(?<mon>${MONTH_WORD})\\.?,?\\s*(?<ny>${YEAR}|'?\\d{2}(?![\\d.:]))(?!\\d))` +
  `|(?<season>\\b(?<sw>${SEASON_WORD})\\s+(?<sy>${YEAR})\\b)` +
  `|(?<year>(?<![\\d+/.])(?<yy>${YEAR})(?![\\d]|[.,]\\d|\\s?[-/.]\\s?(?:0[1-9]|1[0-2])(?!\\d)))` +
  `)`;
const PRESENT =
  "(?:nå|naa|na|nd|n\\u00e5|d\\.\\s?d\\.?|dd|dags\\s+dato|i\\s+dag|til\\s+nå|p\\.t\\.|pt|pågående|present|current|currently|now|ongoing|today|date|heute|jetzt|laufend|aujourd'hui|en\\s+cours|actuel(?:lement)?|presente|actualidad)";
/** Dashes, and the tilde OCR reads a photographed dash as. */
const DASH = '[-–—‒−~]';
const SEP = `\\s*(?:${DASH}+|\\bto\\b|\\btil\\b|\\btill\\b|\\buntil\\b|\\bbis\\b|\\bau\\b|\\bà\\b|->|→|>)\\s*`;

const ATOM_RE = new RegExp(ATOM, 'giu');
const PRESENT_AFTER_RE = new RegExp(`^(?:${SEP}|\\s+)${PRESENT}(?![\\p{L}])`, 'iu');
const SEP_ONLY_RE = new RegExp(`^${SEP}$`, 'iu');
const OPEN_BEFORE_RE = /(?:\b(?:fra|siden|since|from|seit|ab|depuis|desde)|\bsince)\s*$/iu;
const OPEN_AFTER_RE = new RegExp(`^\\s*${DASH}+\\s*(?:$|[|,;·\\t)])`, 'u');
/** "Mars 2020 - Mai 2": the end is a month whose year did not survive (OCR, a cut line). */
const CUT_END_RE = new RegExp(`^\\s*${DASH}+\\s*${MONTH_WORD}\\.?\\s*\\d{0,3}\\s*$`, 'iu');
const EXPECTED_BEFORE_RE = /(?:\bexp(?:ected)?\.?|\bforventet|\bvoraussichtlich)\s*(?:graduation:?\s*)?$/iu;

interface Atom {
  value: string;
  index: number;
  length: number;
  /** Two-digit years are trusted only inside a period. */
  weak: boolean;
}

function toYear(raw: string): number {
  const digits = raw.replace(/\D/g, '');
  if (digits.length === 4) return Number(digits);
  const n = Number(digits);
  const now = new Date().getFullYear() % 100;
  return n <= now + 1 ? 2000 + n : 1900 + n;
}

const pad = (m: number): string => String(m).padStart(2, '0');

function atoms(text: string): Atom[] {
  const out: Atom[] = [];
  ATOM_RE.lastIndex = 0;
  for (const m of text.matchAll(ATOM_RE)) {
    const g = m.groups ?? {};
    const index = m.index ?? 0;
    let value: string | null = null;
    let weak = false;
    if (g.dmy) {
      const month = Number(g.dm);
      if (month >= 1 && month <= 12) value = `${g.dy}-${pad(month)}`;
    } else if (g.my) value = `${g.myy}-${pad(Number(g.mm))}`;
    else if (g.ym) value = `${g.ymy}-${g.ymm}`;
    else if (g.named) {
      const month = monthNumber(g.mon ?? '');
      if (month) {
        const y = toYear(g.ny ?? '');
        weak = (g.ny ?? '').replace(/\D/g, '').length === 2;
        value = `${y}-${pad(month)}`;
      }
    } else if (g.season) value = g.sy ?? null;
    else if (g.year) value = g.yy ?? null;
    if (value) out.push({ value, index, length: m[0].length, weak });
  }
  return out;
}

/** Every period or lone date in the text, left to right. */
export function findDates(text: string): DateRange[] {
  const list = atoms(text);
  const out: DateRange[] = [];
  for (let i = 0; i < list.length; i++) {
    const a = list[i] as Atom;
    const after = text.slice(a.index + a.length);
    const next = list[i + 1];
    if (next) {
      const between = text.slice(a.index + a.length, next.index);
      // "Mar. 2016 Exp. Jun. 2017": an expected end date still ends the period.
      if (SEP_ONLY_RE.test(between) || /^\s*$/.test(between) || /^\s*(?:[-–—]\s*)?(?:exp(?:ected)?\.?|forventet)\s*$/i.test(between)) {
        if (a.weak !== next.weak && (a.weak || next.weak)) {
          // "Sep 15 - 2016" mixes styles: not a period we trust.
        }
        // "fra august 2019 til mars 2021": the "fra" belongs to the period.
        const lead = text.slice(0, a.index).match(/\b(?:fra|from|von|vom|du|de|since|siden|periode)\s*:?\s*$/i);
        const index = lead ? a.index - lead[0].length : a.index;
        out.push({ start: a.value, end: next.value, index, length: next.index + next.length - index, single: false });
        i++;
        continue;
      }
    }
    const present = after.match(PRESENT_AFTER_RE);
    if (present) {
      out.push({ start: a.value, end: null, index: a.index, length: a.length + present[0].length, single: false });
      continue;
    }
    if (a.weak) continue;
    const before = text.slice(0, a.index);
    const open = before.match(OPEN_BEFORE_RE);
    if (open) {
      out.push({ start: a.value, end: null, index: a.index - open[0].length, length: a.length + open[0].length, single: false });
      continue;
    }
    const expected = before.match(EXPECTED_BEFORE_RE);
    if (expected) {
      out.push({ end: a.value, index: a.index - expected[0].length, length: a.length + expected[0].length, single: true });
      continue;
    }
    const dangling = after.match(OPEN_AFTER_RE);
    if (dangling && !after.slice(dangling[0].length).trim()) {
      out.push({ start: a.value, end: null, index: a.index, length: a.length + dangling[0].length, single: false });
      continue;
    }
    // A period whose end cannot be read: the start is known, the end is not (neither the
    // start again, as a single date would say, nor "present").
    const cut = after.match(CUT_END_RE);
    if (cut) {
      out.push({ start: a.value, index: a.index, length: a.length + cut[0].length, single: false });
      continue;
    }
    out.push({ start: a.value, index: a.index, length: a.length, single: true });
  }
  // "Sep. 2013, Mar. 2011 - Oct. 2011": two periods at one employer stay two.
  return out;
}

/** The first period in the text (or lone date), if any. */
export function parseDateRange(text: string): DateRange | null {
  return findDates(text)[0] ?? null;
}
