import type { CandidatePicture, Shift, WorkType } from '../../../shared/contract/index.ts';
import { LEVEL_RANK } from './picture.ts';
import type { Region } from './regions.ts';
import { canonicalRegion } from './regions.ts';

/**
 * What matching needs of a candidate, compact: kept per candidate in the vault
 * (and cached in memory by the matcher) so a ranking never re-derives a picture.
 */
export interface MatchFacts {
  /** Concept key → [years or null, level or null]. */
  s: Record<string, [number | null, number | null]>;
  /** Certificate codes. */
  c: string[];
  /** Language code → level rank 1–7 (0: level not stated). */
  l: Record<string, number>;
  /** Total years of work. */
  y: number;
  pc: string;
  r: Region | null;
  /** Desired regions. */
  dr: Region[];
  from: string | null;
  ext: number | null;
  sh: Shift[];
  wt: WorkType[];
  notice: number | null;
  /** Placed: until (YYYY-MM-DD), '' open-ended; absent when not placed. */
  placed?: string;
}

export function factsOf(p: CandidatePicture): MatchFacts {
  const s: MatchFacts['s'] = {};
  for (const c of p.competences) s[c.key] = [c.years, c.level];
  const l: MatchFacts['l'] = {};
  for (const lang of p.languages) l[lang.code] = lang.level ? LEVEL_RANK[lang.level] : 0;
  const facts: MatchFacts = {
    s,
    c: [...new Set(p.certificates.map((c) => c.code))],
    l,
    y: p.experience.totalYears,
    pc: p.location.postalCode,
    r: p.location.region as Region | null,
    dr: p.interests.regions.map((r) => canonicalRegion(r)).filter((r): r is Region => r !== null),
    from: p.availability.from,
    ext: p.availability.extentPercent,
    sh: p.availability.shifts,
    wt: p.interests.workTypes,
    notice: p.availability.noticeWeeks,
  };
  if (p.availability.placement) facts.placed = p.availability.placement.until ?? '';
  return facts;
}

/** The indexed terms the SQL prefilter looks up: s:<concept>, c:<certificate>, l:<language>. */
export function termsOf(f: MatchFacts): string[] {
  return [...Object.keys(f.s).map((k) => 's:' + k), ...f.c.map((c) => 'c:' + c), ...Object.keys(f.l).map((l) => 'l:' + l)];
}
