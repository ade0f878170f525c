import type { FactorScore, LanguageLevel, MatchFactor, MatchWeights, Vacancy, WorkType, Shift } from '../../../shared/contract/index.ts';
import { MatchFactors } from '../../../shared/contract/index.ts';
import type { MatchFacts } from './facts.ts';
import { LEVEL_RANK } from './picture.ts';
import { regionDistanceKm, type Region } from './regions.ts';
import type { Lexicon } from './synonyms.ts';
import { factorNote } from './explain.ts';

/**
 * Scoring a candidate against a vacancy, factor by factor. Bump the version when
 * the scoring changes: the decision log names the version each ranking used.
 */
export const ALGORITHM_VERSION = 'match-1.0';

export interface Label {
  nb: string;
  en: string;
}

/** A vacancy's requirements, with concepts looked up once per ranking. */
export interface Requirements {
  requiredSkills: { key: string; label: Label; minYears: number | null }[];
  desiredSkills: { key: string; label: Label; minYears: number | null }[];
  requiredCerts: { code: string; label: Label }[];
  desiredCerts: { code: string; label: Label }[];
  languages: { code: string; label: Label; minLevel: LanguageLevel | null; required: boolean }[];
  minYears: number | null;
  /** YYYY-MM-DD: the vacancy's start, or today when it starts as soon as possible. */
  start: string;
  extent: number;
  postalCode: string;
  region: Region | null;
  workType: WorkType;
  shifts: Shift[];
}

export function requirementsOf(v: Vacancy, lex: Lexicon, today: string): Requirements {
  const label = (key: string, typed: string): Label =>
    lex.concepts.has(key) || lex.certificates.has(key) ? { nb: lex.label(key, 'nb'), en: lex.label(key, 'en') } : { nb: typed, en: typed };
  const langLabel = (code: string, typed: string): Label => {
    const entry = lex.languages.get(code);
    return entry ? { nb: entry.nb, en: entry.en } : { nb: typed, en: typed };
  };
  return {
    requiredSkills: v.requiredSkills.map((s) => ({ key: s.key, label: label(s.key, s.name), minYears: s.minYears })),
    desiredSkills: v.desiredSkills.map((s) => ({ key: s.key, label: label(s.key, s.name), minYears: s.minYears })),
    requiredCerts: v.requiredCertificates.map((c) => ({ code: c.code, label: label(c.code, c.name) })),
    desiredCerts: v.desiredCertificates.map((c) => ({ code: c.code, label: label(c.code, c.name) })),
    languages: v.languages.map((l) => ({ code: l.code, label: langLabel(l.code, l.name), minLevel: l.minLevel, required: l.required })),
    minYears: v.minYearsExperience,
    start: v.start && v.start > today ? v.start : today,
    extent: v.extentPercent,
    postalCode: v.location.postalCode,
    region: v.location.region as Region | null,
    workType: v.workType,
    shifts: v.shifts,
  };
}

/** One factor's raw outcome, before weights. */
export interface FactorOutcome {
  factor: MatchFactor;
  applies: boolean;
  value: number;
  met: Label[];
  missing: Label[];
  /** Extra facts for the sentence: days late, km, years… */
  detail: Record<string, string | number | null>;
}

const DAY = 86_400_000;
const daysBetween = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / DAY);
const addDays = (d: string, n: number) => new Date(Date.parse(d) + n * DAY).toISOString().slice(0, 10);

function skills(list: Requirements['requiredSkills'], f: MatchFacts, factor: MatchFactor): FactorOutcome {
  const met: Label[] = [];
  const missing: Label[] = [];
  let sum = 0;
  const short: string[] = [];
  for (const r of list) {
    const has = f.s[r.key];
    if (!has) {
      missing.push(r.label);
      continue;
    }
    met.push(r.label);
    const years = has[0] ?? 0;
    if (r.minYears && years < r.minYears) {
      // Has the skill with fewer years than asked: half, and said so.
      sum += 0.5;
      short.push(`${r.label.nb}:${years}/${r.minYears}`);
    } else sum += 1;
  }
  return {
    factor,
    applies: list.length > 0,
    value: list.length ? sum / list.length : 0,
    met,
    missing,
    detail: { fewerYears: short.join(';') || null },
  };
}

function certificates(req: Requirements, f: MatchFacts): FactorOutcome {
  const met: Label[] = [];
  const missing: Label[] = [];
  let got = 0;
  for (const c of req.requiredCerts) {
    if (f.c.includes(c.code)) {
      met.push(c.label);
      got += 1;
    } else missing.push(c.label);
  }
  // Desired certificates count half; a missing one is not "missing".
  let desiredGot = 0;
  for (const c of req.desiredCerts) {
    if (f.c.includes(c.code)) {
      met.push(c.label);
      desiredGot += 0.5;
    }
  }
  const total = req.requiredCerts.length + 0.5 * req.desiredCerts.length;
  return { factor: 'certificates', applies: total > 0, value: total ? (got + desiredGot) / total : 0, met, missing, detail: {} };
}

function experience(req: Requirements, f: MatchFacts): FactorOutcome {
  const applies = req.minYears !== null && req.minYears > 0;
  return {
    factor: 'experience',
    applies,
    value: applies ? Math.min(1, f.y / (req.minYears as number)) : 0,
    met: [],
    missing: [],
    detail: { years: f.y, minYears: req.minYears },
  };
}

function availability(req: Requirements, f: MatchFacts, today: string): FactorOutcome {
  const base = { factor: 'availability' as const, applies: true, met: [], missing: [] };
  if (f.placed !== undefined && (f.placed === '' || f.placed >= req.start)) {
    return { ...base, value: 0, detail: { state: 'placed', until: f.placed || null } };
  }
  let from = f.from;
  if (f.placed && (!from || from <= f.placed)) from = addDays(f.placed, 1);
  if (!from && f.notice !== null) from = addDays(today, f.notice * 7);
  let value: number;
  let state: string;
  let late = 0;
  if (!from) {
    value = 0.5;
    state = 'unknown';
  } else if (from <= req.start) {
    value = 1;
    state = 'inTime';
  } else {
    late = daysBetween(req.start, from);
    value = late <= 14 ? 0.7 : late <= 30 ? 0.4 : 0.1;
    state = 'late';
  }
  let extentShort: number | null = null;
  if (f.ext !== null && f.ext < req.extent) {
    value *= f.ext / req.extent;
    extentShort = f.ext;
  }
  return { ...base, value, detail: { state, from, late, extent: extentShort, wanted: req.extent } };
}

function location(req: Requirements, f: MatchFacts): FactorOutcome {
  const base = { factor: 'location' as const, met: [], missing: [] };
  if (!req.region) return { ...base, applies: false, value: 0, detail: {} };
  if (!f.r) return { ...base, applies: true, value: 0.3, detail: { state: 'unknown' } };
  if (f.pc && req.postalCode && f.pc.slice(0, 2) === req.postalCode.slice(0, 2)) {
    return { ...base, applies: true, value: 1, detail: { state: 'sameArea', region: f.r } };
  }
  if (f.r === req.region) return { ...base, applies: true, value: 0.8, detail: { state: 'sameRegion', region: f.r } };
  if (f.dr.includes(req.region)) return { ...base, applies: true, value: 0.8, detail: { state: 'wantsRegion', region: f.r } };
  const km = regionDistanceKm(f.r, req.region);
  return { ...base, applies: true, value: km <= 150 ? 0.4 : km <= 300 ? 0.2 : 0, detail: { state: 'away', region: f.r, km } };
}

function languages(req: Requirements, f: MatchFacts): FactorOutcome {
  const met: Label[] = [];
  const missing: Label[] = [];
  let sum = 0;
  let total = 0;
  const below: string[] = [];
  for (const l of req.languages) {
    const weight = l.required ? 1 : 0.5;
    total += weight;
    const has = f.l[l.code];
    if (has === undefined) {
      if (l.required) missing.push(l.label);
      continue;
    }
    met.push(l.label);
    const need = l.minLevel ? LEVEL_RANK[l.minLevel] : 0;
    if (has === 0 || has >= need) sum += weight;
    else {
      sum += weight / 2;
      below.push(l.label.nb);
    }
  }
  return { factor: 'languages', applies: total > 0, value: total ? sum / total : 0, met, missing, detail: { below: below.join(', ') || null } };
}

export function outcomes(req: Requirements, f: MatchFacts, today: string): FactorOutcome[] {
  return [
    skills(req.requiredSkills, f, 'requiredSkills'),
    skills(req.desiredSkills, f, 'desiredSkills'),
    certificates(req, f),
    experience(req, f),
    availability(req, f, today),
    location(req, f),
    languages(req, f),
  ];
}

/** 0–100 over the factors the vacancy asks about, with each factor's points. */
export function weigh(list: FactorOutcome[], weights: MatchWeights): { score: number; factors: FactorScore[] } {
  const total = list.reduce((n, o) => n + (o.applies ? weights[o.factor] : 0), 0);
  const factors: FactorScore[] = list.map((o) => {
    const w = weights[o.factor];
    const points = o.applies && total > 0 ? (100 * w * o.value) / total : 0;
    return {
      factor: o.factor,
      value: Math.round(o.value * 1000) / 1000,
      weight: w,
      points: Math.round(points * 10) / 10,
      applies: o.applies,
      met: o.met.map((l) => l.nb),
      missing: o.missing.map((l) => l.nb),
      note: factorNote(o),
    };
  });
  const sum = list.reduce((n, o) => n + (o.applies ? weights[o.factor] * o.value : 0), 0);
  // The same arithmetic as compileScorer, so the list's order and its numbers agree.
  return { score: total > 0 ? Math.round((sum * 1000) / total) / 10 : 0, factors };
}

/**
 * The best score a candidate could reach knowing only how many required skills
 * and certificates they have (the SQL prefilter's counts): everything else is
 * assumed perfect. Ranking stops once no remaining candidate can beat the list.
 */
export function upperBound(req: Requirements, weights: MatchWeights, skillHits: number, certHits: number): number {
  const applies: Record<MatchFactor, boolean> = {
    requiredSkills: req.requiredSkills.length > 0,
    desiredSkills: req.desiredSkills.length > 0,
    certificates: req.requiredCerts.length + req.desiredCerts.length > 0,
    experience: req.minYears !== null && req.minYears > 0,
    availability: true,
    location: req.region !== null,
    languages: req.languages.length > 0,
  };
  let total = 0;
  let sum = 0;
  for (const factor of MatchFactors) {
    if (!applies[factor]) continue;
    const w = weights[factor];
    total += w;
    if (factor === 'requiredSkills') sum += (w * skillHits) / req.requiredSkills.length;
    else if (factor === 'certificates') {
      const desired = 0.5 * req.desiredCerts.length;
      sum += (w * (certHits + desired)) / (req.requiredCerts.length + desired);
    } else sum += w;
  }
  return total > 0 ? Math.round((sum * 1000) / total) / 10 + 0.05 : 0;
}

const dayCache = new Map<string, number>();
function dayNumber(iso: string): number {
  let d = dayCache.get(iso);
  if (d === undefined) {
    d = Math.round(Date.parse(iso) / DAY);
    if (dayCache.size > 50_000) dayCache.clear();
    dayCache.set(iso, d);
  }
  return d;
}
const kmCache = new Map<string, number>();
function km(a: Region, b: Region): number {
  const key = a + '|' + b;
  let d = kmCache.get(key);
  if (d === undefined) kmCache.set(key, (d = regionDistanceKm(a, b)));
  return d;
}

/**
 * The same score as `weigh(outcomes(…))`, computed without building labels or
 * notes: ranking scores thousands of candidates, only the shown ones are explained.
 * Kept in step with the factor functions above by the matching tests.
 */
export function compileScorer(req: Requirements, weights: MatchWeights, today: string): (f: MatchFacts) => number {
  const rs = req.requiredSkills;
  const ds = req.desiredSkills;
  const rc = req.requiredCerts.map((c) => c.code);
  const dc = req.desiredCerts.map((c) => c.code);
  const certTotal = rc.length + 0.5 * dc.length;
  const langs = req.languages.map((l) => ({ code: l.code, need: l.minLevel ? LEVEL_RANK[l.minLevel] : 0, weight: l.required ? 1 : 0.5 }));
  const langTotal = langs.reduce((n, l) => n + l.weight, 0);
  const minYears = req.minYears !== null && req.minYears > 0 ? req.minYears : 0;
  const w = weights;
  const total =
    (rs.length ? w.requiredSkills : 0) +
    (ds.length ? w.desiredSkills : 0) +
    (certTotal ? w.certificates : 0) +
    (minYears ? w.experience : 0) +
    w.availability +
    (req.region ? w.location : 0) +
    (langTotal ? w.languages : 0);
  if (total <= 0) return () => 0;
  const startDay = dayNumber(req.start);
  const pc2 = req.postalCode.slice(0, 2);
  const skillSum = (list: Requirements['requiredSkills'], f: MatchFacts) => {
    let v = 0;
    for (const r of list) {
      const has = f.s[r.key];
      if (!has) continue;
      v += r.minYears && (has[0] ?? 0) < r.minYears ? 0.5 : 1;
    }
    return v / list.length;
  };
  return (f) => {
    let sum = 0;
    if (rs.length) sum += w.requiredSkills * skillSum(rs, f);
    if (ds.length) sum += w.desiredSkills * skillSum(ds, f);
    if (certTotal) {
      let got = 0;
      for (const c of rc) if (f.c.includes(c)) got += 1;
      for (const c of dc) if (f.c.includes(c)) got += 0.5;
      sum += (w.certificates * got) / certTotal;
    }
    if (minYears) sum += w.experience * Math.min(1, f.y / minYears);
    // Availability, as in availability().
    let av: number;
    if (f.placed !== undefined && (f.placed === '' || f.placed >= req.start)) av = 0;
    else {
      let from = f.from;
      if (f.placed && (!from || from <= f.placed)) from = addDays(f.placed, 1);
      if (!from && f.notice !== null) from = addDays(today, f.notice * 7);
      if (!from) av = 0.5;
      else if (from <= req.start) av = 1;
      else {
        const late = dayNumber(from) - startDay;
        av = late <= 14 ? 0.7 : late <= 30 ? 0.4 : 0.1;
      }
      if (f.ext !== null && f.ext < req.extent) av *= f.ext / req.extent;
    }
    sum += w.availability * av;
    if (req.region) {
      let loc: number;
      if (!f.r) loc = 0.3;
      else if (f.pc && pc2 && f.pc.slice(0, 2) === pc2) loc = 1;
      else if (f.r === req.region || f.dr.includes(req.region)) loc = 0.8;
      else {
        const d = km(f.r, req.region);
        loc = d <= 150 ? 0.4 : d <= 300 ? 0.2 : 0;
      }
      sum += w.location * loc;
    }
    if (langTotal) {
      let v = 0;
      for (const l of langs) {
        const has = f.l[l.code];
        if (has === undefined) continue;
        v += has === 0 || has >= l.need ? l.weight : l.weight / 2;
      }
      sum += (w.languages * v) / langTotal;
    }
    return Math.round((sum * 1000) / total) / 10;
  };
}
