import type { DuplicateReason } from '../../../shared/contract/intake.ts';

/**
 * Is this CV someone already in the register? Exact e-mail or phone, the same name
 * with the same birth date, the same name, or a close one: Norwegian spellings fold
 * (Bjørn = Bjoern, Åsen = Aasen, Kjæran = Kjaeran), name order and a missing middle
 * name do not matter, and one or two typos are forgiven.
 */
export interface DuplicateProbe {
  emails: string[];
  phones: string[];
  name: string;
  birthDate: string | null;
}

const REASON_ORDER: readonly DuplicateReason[] = ['email', 'phone', 'nameAndBirthDate', 'sameName', 'closeName'];

export const sortReasons = (reasons: Iterable<DuplicateReason>): DuplicateReason[] =>
  [...new Set(reasons)].sort((a, b) => REASON_ORDER.indexOf(a) - REASON_ORDER.indexOf(b));

/**
 * A name two ways: Norwegian letters spelled out (Bjørn → bjoern, Åsen → aasen) and
 * stripped (bjorn, asen), since both are how people write them without ø and å.
 */
export interface NameKey {
  spelled: string;
  stripped: string;
}

function fold(name: string, oe: string, aa: string): string {
  return name
    .toLowerCase()
    .replace(/æ|ä/g, 'ae')
    .replace(/ø|ö/g, oe)
    .replace(/å/g, aa)
    .replace(/ü/g, 'ue')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Lower case, æ/ø/å spelled out as ae/oe/aa, accents off, punctuation to spaces. */
export const foldName = (name: string): string => fold(name, 'oe', 'aa');

export const nameKey = (name: string): NameKey => ({ spelled: fold(name, 'oe', 'aa'), stripped: fold(name, 'o', 'a') });

/** The register keeps a Norwegian sort key (æ → "{", ø → "|", å → "}"); key it the same way. */
export function nameKeyFromSortKey(sortKey: string): NameKey {
  return nameKey(sortKey.replace(/\{/g, 'æ').replace(/\|/g, 'ø').replace(/\}/g, 'å'));
}

/** Levenshtein distance, giving up (returning max + 1) as soon as it exceeds `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(value);
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    previous = current;
  }
  return previous[b.length]!;
}

export type NameLikeness = 'same' | 'close' | null;

const sortedTokens = (s: string) => s.split(' ').sort().join(' ');

/** Compare two names: the same (however æ, ø, å and the order were written), close, or not alike. */
export function nameLikeness(a: NameKey, b: NameKey): NameLikeness {
  if (!a.spelled || !b.spelled) return null;
  // "Nordmann Ola" is "Ola Nordmann"; "Bjorn" is "Bjørn" typed without ø.
  for (const [x, y] of [
    [a.spelled, b.spelled],
    [a.stripped, b.stripped],
  ] as const) {
    if (x === y || sortedTokens(x) === sortedTokens(y)) return 'same';
  }
  const ta = a.stripped.split(' ');
  const tb = b.stripped.split(' ');
  // Single names are too common to call close.
  if (ta.length < 2 || tb.length < 2) return null;
  // A middle name present in one and not the other.
  if (ta[0] === tb[0] && ta.at(-1) === tb.at(-1)) return 'close';
  const max = Math.min(a.stripped.length, b.stripped.length) < 12 ? 1 : 2;
  if (editDistance(a.stripped, b.stripped, max) <= max) return 'close';
  return null;
}

/** A cheap test before the edit distance: names whose lengths differ a lot cannot be close. */
export const couldBeClose = (a: NameKey, b: NameKey) => Math.abs(a.spelled.length - b.spelled.length) <= 12;

export interface RegisterEntry {
  name: NameKey;
  emails: string[];
  phones: string[];
  birthDate: string | null;
}

export function duplicateReasons(probe: DuplicateProbe, probeName: NameKey, entry: RegisterEntry): DuplicateReason[] {
  const reasons: DuplicateReason[] = [];
  const emails = new Set(probe.emails.map((e) => e.trim().toLowerCase()));
  if (entry.emails.some((e) => emails.has(e.trim().toLowerCase()))) reasons.push('email');
  if (entry.phones.some((p) => probe.phones.includes(p))) reasons.push('phone');
  const likeness = nameLikeness(probeName, entry.name);
  const bothDates = probe.birthDate !== null && entry.birthDate !== null;
  if (likeness && bothDates && probe.birthDate === entry.birthDate) reasons.push('nameAndBirthDate');
  // Two different birth dates: a namesake, not the same person.
  else if (likeness && !bothDates) reasons.push(likeness === 'same' ? 'sameName' : 'closeName');
  return sortReasons(reasons);
}
