import type {
  CandidatePicture,
  Certificate,
  Competence,
  EducationItem,
  ExperienceSummary,
  LanguageLevel,
  LanguageSkill,
  PictureSection,
  ResumeDocument,
  Shift,
  WorkType,
} from '../../../shared/contract/index.ts';
import type { Lexicon } from './synonyms.ts';
import { fold, round1 } from './text.ts';
import { canonicalRegion, regionOf } from './regions.ts';

/**
 * The candidate picture: what the CV says (parsed at intake), with the sections a
 * recruiter edited taking its place. Pure: the caller reads the rows.
 */

/** What a recruiter changed, as stored; each section present replaces the CV's. */
export interface StoredEdits {
  competences?: Competence[];
  certificates?: Certificate[];
  languages?: LanguageSkill[];
  experience?: { totalYears: number };
  education?: EducationItem[];
  workTypes?: WorkType[];
  regions?: string[];
  noticeWeeks?: number | null;
  placement?: { vacancyId: string; until: string | null } | null;
}

export interface PictureInputs {
  candidateId: string;
  candidate: {
    postalCode: string;
    city: string;
    availableFrom: string | null;
    extentPercent: number | null;
    shifts: Shift[];
    desiredRoles: string[];
    desiredSectors: string[];
  };
  resume: ResumeDocument | null;
  edits: StoredEdits | null;
  updatedAt: string | null;
  /** YYYY-MM-DD: ongoing jobs count up to this day. */
  today: string;
}

const LEVEL_WORDS: [RegExp, number][] = [
  [/expert|ekspert|svært god|very good|excellent|avansert|advanced|fluent/, 5],
  [/erfaren|experienced|proficient|god|good|solid/, 4],
  [/middels|intermediate|moderate/, 3],
  [/grunnleggende|basic|beginner|nybegynner|elementary|noe/, 2],
];

export function skillLevel(raw: string | undefined): number | null {
  if (!raw) return null;
  const f = fold(raw);
  const n = f.match(/^([1-5])(?:\s*\/\s*5)?$/);
  if (n) return Number(n[1]);
  for (const [re, level] of LEVEL_WORDS) if (re.test(f)) return level;
  return null;
}

export function languageLevel(raw: string | undefined): LanguageLevel | null {
  if (!raw) return null;
  const f = fold(raw);
  const cefr = f.match(/\b([abc][12])\b/);
  if (cefr) return (cefr[1] as string).toUpperCase() as LanguageLevel;
  if (/morsmal|native|mother tongue|forstesprak|first language/.test(f)) return 'native';
  if (/flytende|fluent|svaert god|very good|excellent|profesjonell|professional/.test(f)) return 'C1';
  if (/god|good|muntlig og skriftlig/.test(f)) return 'B2';
  if (/middels|intermediate|conversational|samtale/.test(f)) return 'B1';
  if (/grunnleggende|basic|beginner|noe|litt|elementary/.test(f)) return 'A2';
  return null;
}

/** 1 (A1) … 7 (native), for comparing a candidate's level with a vacancy's minimum. */
export const LEVEL_RANK: Record<LanguageLevel, number> = { A1: 1, A2: 2, B1: 3, B2: 4, C1: 5, C2: 6, native: 7 };

interface Stint {
  start: string;
  end: string;
  ongoing: boolean;
  concepts: string[];
  roleKey: string | null;
  roleLabel: string;
}

function stints(resume: ResumeDocument | null, lex: Lexicon, today: string): Stint[] {
  const out: Stint[] = [];
  for (const w of resume?.work ?? []) {
    if (!w.startDate) continue;
    const ongoing = !w.endDate;
    const end = w.endDate ?? today;
    const position = w.position ?? '';
    const inTitle = lex.conceptsIn(position);
    const inText = lex.conceptsIn([w.summary ?? '', ...(w.highlights ?? [])].join(' . '));
    const roleKey = inTitle.find((k) => lex.concepts.get(k)?.kind === 'role') ?? (position ? fold(position) : null);
    out.push({
      start: w.startDate,
      end,
      ongoing,
      concepts: [...new Set([...inTitle, ...inText])],
      roleKey,
      roleLabel: roleKey && lex.concepts.has(roleKey) ? lex.label(roleKey, 'nb') : position,
    });
  }
  return out;
}

/** Years covered by the stints, overlaps counted once. */
function coveredYears(list: Stint[]): number {
  // Months are inclusive: "2019-03 – 2024-02" is five years.
  const spans = list
    .map((s) => [monthIndex(s.start), monthIndex(s.end) + 1] as const)
    .filter(([a, b]) => b >= a)
    .sort((x, y) => x[0] - y[0]);
  let months = 0;
  let curStart = -1;
  let curEnd = -1;
  for (const [a, b] of spans) {
    if (a > curEnd) {
      if (curEnd >= 0) months += curEnd - curStart;
      curStart = a;
      curEnd = b;
    } else curEnd = Math.max(curEnd, b);
  }
  if (curEnd >= 0) months += curEnd - curStart;
  return round1(months / 12);
}

function monthIndex(d: string): number {
  const [y, m] = d.split('-');
  return Number(y) * 12 + (m ? Number(m) - 1 : 0);
}

function competencesFromCv(resume: ResumeDocument | null, work: Stint[], lex: Lexicon): Competence[] {
  const byKey = new Map<string, Competence>();
  const add = (name: string, level: number | null) => {
    const key = lex.skillKey(name);
    if (!key || byKey.has(key)) return;
    byKey.set(key, { name: lex.concepts.has(key) ? lex.label(key, 'nb') : name, key, level, years: null, lastUsed: null });
  };
  for (const s of resume?.skills ?? []) {
    // A skill line that is really a licence ("Førerkort B") belongs with the certificates.
    if (lex.certificatesIn(s.name).length > 0 && lex.conceptsIn(s.name).length === 0) continue;
    add(s.name, skillLevel(s.level));
    for (const k of s.keywords ?? []) if (lex.certificatesIn(k).length === 0) add(k, skillLevel(s.level));
  }
  for (const st of work) for (const key of st.concepts) if (!byKey.has(key)) add(lex.label(key, 'nb'), null);
  for (const c of byKey.values()) {
    const used = work.filter((st) => st.concepts.includes(c.key));
    if (used.length === 0) continue;
    c.years = coveredYears(used);
    c.lastUsed = used.some((u) => u.ongoing) ? 'present' : used.map((u) => u.end.slice(0, 7)).sort().at(-1) ?? null;
  }
  return [...byKey.values()];
}

function certificatesFromCv(resume: ResumeDocument | null, lex: Lexicon): Certificate[] {
  const byCode = new Map<string, Certificate>();
  const add = (code: string, name: string) => {
    if (!byCode.has(code)) byCode.set(code, { code, kind: lex.certificateKind(code), name, validUntil: null });
  };
  for (const c of resume?.certificates ?? []) {
    const codes = lex.certificatesIn(c.name);
    for (const code of codes) add(code, lex.certificates.has(code) ? lex.label(code, 'nb') : c.name);
    if (codes.length === 0) add(fold(c.name), c.name);
  }
  // Licences also turn up among skills and in job descriptions ("truckførerbevis T1–T4").
  const elsewhere = [
    ...(resume?.skills ?? []).flatMap((s) => [s.name, ...(s.keywords ?? [])]),
    ...(resume?.work ?? []).flatMap((w) => [w.summary ?? '', ...(w.highlights ?? [])]),
    resume?.basics?.summary ?? '',
  ];
  for (const t of elsewhere) for (const code of lex.certificatesIn(t)) if (lex.certificates.has(code)) add(code, lex.label(code, 'nb'));
  return [...byCode.values()];
}

function languagesFromCv(resume: ResumeDocument | null, lex: Lexicon): LanguageSkill[] {
  const out = new Map<string, LanguageSkill>();
  for (const l of resume?.languages ?? []) {
    const code = lex.languageCode(l.language);
    if (!out.has(code)) out.set(code, { code, name: lex.languages.get(code)?.nb ?? l.language, level: languageLevel(l.fluency ?? l.language) });
  }
  return [...out.values()];
}

function experienceFromCv(work: Stint[], lex: Lexicon): ExperienceSummary {
  const byRole = new Map<string, { key: string; label: string; stints: Stint[] }>();
  const bySector = new Map<string, Stint[]>();
  for (const st of work) {
    if (st.roleKey) {
      const r = byRole.get(st.roleKey) ?? { key: st.roleKey, label: st.roleLabel, stints: [] };
      r.stints.push(st);
      byRole.set(st.roleKey, r);
      const sector = lex.sectorOf(st.roleKey);
      if (sector) bySector.set(sector, [...(bySector.get(sector) ?? []), st]);
    }
  }
  return {
    totalYears: coveredYears(work),
    byRole: [...byRole.values()].map((r) => ({ key: r.key, label: r.label, years: coveredYears(r.stints) })).sort((a, b) => b.years - a.years),
    bySector: [...bySector.entries()]
      .map(([key, list]) => ({ key, label: lex.table.sectors[key]?.nb ?? key, years: coveredYears(list) }))
      .sort((a, b) => b.years - a.years),
  };
}

function educationFromCv(resume: ResumeDocument | null): EducationItem[] {
  return (resume?.education ?? []).map((e) => ({
    institution: e.institution ?? '',
    area: e.area ?? '',
    studyType: e.studyType ?? '',
    endYear: e.endDate?.slice(0, 4) ?? null,
  }));
}

export function derivePicture(input: PictureInputs, lex: Lexicon): CandidatePicture {
  const e = input.edits ?? {};
  const work = stints(input.resume, lex, input.today);
  const edited: PictureSection[] = [];
  const pick = <T>(section: PictureSection, own: T | undefined, cv: () => T): T => {
    if (own === undefined) return cv();
    edited.push(section);
    return own;
  };
  const experience = experienceFromCv(work, lex);
  if (e.experience) {
    experience.totalYears = e.experience.totalYears;
    edited.push('experience');
  }
  const c = input.candidate;
  if (e.workTypes !== undefined || e.regions !== undefined) edited.push('interests');
  return {
    candidateId: input.candidateId,
    competences: pick('competences', e.competences, () => competencesFromCv(input.resume, work, lex)),
    certificates: pick('certificates', e.certificates, () => certificatesFromCv(input.resume, lex)),
    languages: pick('languages', e.languages, () => languagesFromCv(input.resume, lex)),
    experience,
    education: pick('education', e.education, () => educationFromCv(input.resume)),
    interests: {
      desiredRoles: c.desiredRoles,
      sectors: c.desiredSectors,
      workTypes: e.workTypes ?? [],
      regions: (e.regions ?? []).map((r) => canonicalRegion(r) ?? r),
    },
    availability: {
      from: c.availableFrom,
      extentPercent: c.extentPercent,
      shifts: c.shifts,
      noticeWeeks: e.noticeWeeks ?? null,
      placement: e.placement ?? null,
    },
    location: { postalCode: c.postalCode, city: c.city, region: regionOf(c.postalCode, c.city) },
    edited,
    updatedAt: input.updatedAt,
  };
}

/** A recruiter's competence line: its concept found, as for the CV's. */
export function competenceOf(input: { name: string; level: number | null; years: number | null; lastUsed: string | null }, lex: Lexicon): Competence {
  return { ...input, key: lex.skillKey(input.name) };
}

export function certificateOf(input: { name: string; code?: string | undefined; validUntil: string | null }, lex: Lexicon): Certificate[] {
  const codes = input.code ? [input.code.trim().toUpperCase()] : lex.certificatesIn(input.name);
  if (codes.length === 0) return [{ code: fold(input.name), kind: 'other', name: input.name, validUntil: input.validUntil }];
  return codes.map((code) => ({ code, kind: lex.certificateKind(code), name: codes.length > 1 ? lex.label(code, 'nb') : input.name, validUntil: input.validUntil }));
}

export function languageOf(input: { name: string; level: LanguageLevel | null }, lex: Lexicon): LanguageSkill {
  return { code: lex.languageCode(input.name), name: input.name, level: input.level };
}
