/**
 * Norwegian national identity numbers: fødselsnummer (DDMMYY + individual number +
 * two mod-11 check digits) and D-numbers (day + 40). Found in any common spelling
 * ("22038719266", "220387 19266", "220387-19266", "220 387 192 66") and redacted, so
 * that the number reaches neither the profile nor the stored text unless the
 * recruiter explicitly keeps it.
 */
export type NationalIdKind = 'fodselsnummer' | 'd-number';

const W1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const W2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

function checkDigit(digits: number[], weights: number[]): number | null {
  const sum = weights.reduce((acc, w, i) => acc + w * (digits[i] as number), 0);
  const k = 11 - (sum % 11);
  if (k === 11) return 0;
  if (k === 10) return null;
  return k;
}

/** The kind of a valid 11-digit number, or null when the check digits or the date fail. */
export function validateNationalId(value: string): NationalIdKind | null {
  if (!/^\d{11}$/.test(value)) return null;
  const d = [...value].map(Number);
  const k1 = checkDigit(d, W1);
  if (k1 === null || k1 !== d[9]) return null;
  const k2 = checkDigit(d, W2);
  if (k2 === null || k2 !== d[10]) return null;
  let day = Number(value.slice(0, 2));
  let month = Number(value.slice(2, 4));
  let kind: NationalIdKind = 'fodselsnummer';
  if (day > 40) {
    day -= 40;
    kind = 'd-number';
  }
  // Synthetic test numbers (NAV/Skatteetaten) add 40 or 80 to the month.
  if (month > 80) month -= 80;
  else if (month > 40) month -= 40;
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return kind;
}

export interface NationalIdMatch {
  value: string;
  kind: NationalIdKind;
  index: number;
  length: number;
}

// 11 digits, possibly broken by single spaces, dots or dashes, not part of a longer number.
const CANDIDATE_RE = /(?<![\d])\d(?:[ .\-\u00a0\t]?\d){10}(?![\d])/g;

export function findNationalIds(text: string): NationalIdMatch[] {
  const out: NationalIdMatch[] = [];
  for (const m of text.matchAll(CANDIDATE_RE)) {
    const raw = m[0];
    const digits = raw.replace(/\D/g, '');
    // "+47 912 34 567" style phone numbers have 10 digits; dates and periods have separators
    // that leave groups of 2/4 digits, which a valid check digit pair makes vanishingly rare.
    const kind = validateNationalId(digits);
    if (kind) out.push({ value: digits, kind, index: m.index ?? 0, length: raw.length });
  }
  return out;
}

export const REDACTION = '[fødselsnummer fjernet]';

// A number printed after such a label is redacted even when its check digits fail
// (an OCR misread or a typo still identifies the person).
const LABELLED_RE =
  /(f(?:ø|o|0)dselsn(?:ummer|r\.?)|f\.?\s?nr\.?|fnr\.?|personn(?:ummer|r\.?)|d-nummer|d-nr\.?|national id(?:entity)?(?: number)?|personal (?:id(?:entity)? )?number|social security number|identity number|personal id)\s*[:.]?\s*((?:\d[\s.-]?){5,12}\d)/giu;

/** The text with every national id replaced, and what was replaced (valid ones). */
export function redactNationalIds(text: string): { text: string; found: NationalIdMatch[] } {
  const found = findNationalIds(text);
  const spans = found.map((f) => [f.index, f.index + f.length] as [number, number]);
  for (const m of text.matchAll(LABELLED_RE)) {
    const digits = m[2] as string;
    const start = (m.index ?? 0) + m[0].length - digits.length;
    if (!spans.some(([a, b]) => start < b && start + digits.length > a)) spans.push([start, start + digits.length]);
  }
  if (spans.length === 0) return { text, found };
  spans.sort((a, b) => a[0] - b[0]);
  let out = '';
  let at = 0;
  for (const [a, b] of spans) {
    if (a < at) continue;
    out += text.slice(at, a) + REDACTION;
    at = b;
  }
  return { text: out + text.slice(at), found };
}
