import { z } from 'zod';
import { defineMethod } from './define.ts';
import { Shifts, type Shift } from './candidates.ts';

/**
 * The candidate picture (competence, certificates, languages, experience,
 * education, interests, availability), vacancies, explainable matching with the
 * art. 22 decision log, and shortlists with their pipeline.
 */

// ---- the candidate picture ----------------------------------------------------

/** Where a picture item came from: the CV (parsed at intake) or a recruiter's edit. */
export type PictureSource = 'cv' | 'edited';

export const CertificateKinds = ['truck', 'driving', 'machine', 'crane', 'safety', 'health', 'trade', 'other'] as const;
export type CertificateKind = (typeof CertificateKinds)[number];

export const LanguageLevels = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2', 'native'] as const;
export type LanguageLevel = (typeof LanguageLevels)[number];

export const WorkTypes = ['temp', 'permanent', 'partTime'] as const;
export type WorkType = (typeof WorkTypes)[number];

export interface Competence {
  /** As shown ("Truckfører", "SAP EWM"). */
  name: string;
  /** The synonym concept ("forklift-driver") or the folded name when the table does not know it. */
  key: string;
  /** 1 (basic) … 5 (expert), or null when not known. */
  level: number | null;
  years: number | null;
  /** YYYY or YYYY-MM; "present" while in use. */
  lastUsed: string | null;
}

export interface Certificate {
  /** "T4", "CE", "HMS-KORT", or the folded name of one the table does not know. */
  code: string;
  kind: CertificateKind;
  name: string;
  /** YYYY-MM-DD, or null (no expiry or not known). */
  validUntil: string | null;
}

export interface LanguageSkill {
  /** ISO 639-1 ("no", "en", "pl"), or the folded name. */
  code: string;
  name: string;
  level: LanguageLevel | null;
}

export interface ExperienceSummary {
  totalYears: number;
  byRole: { key: string; label: string; years: number }[];
  bySector: { key: string; label: string; years: number }[];
}

export interface EducationItem {
  institution: string;
  area: string;
  studyType: string;
  /** YYYY, or null. */
  endYear: string | null;
}

export interface Interests {
  desiredRoles: string[];
  /** Sector keys from the synonym table ("logistics") or free text. */
  sectors: string[];
  workTypes: WorkType[];
  /** Region names ("Oslo", "Vestland"). */
  regions: string[];
}

export interface PictureAvailability {
  from: string | null;
  extentPercent: number | null;
  shifts: Shift[];
  noticeWeeks: number | null;
  /** Placed through a shortlist: until when (null: open-ended), and for which vacancy. */
  placement: { vacancyId: string; until: string | null } | null;
}

export interface CandidatePicture {
  candidateId: string;
  competences: Competence[];
  certificates: Certificate[];
  languages: LanguageSkill[];
  experience: ExperienceSummary;
  education: EducationItem[];
  interests: Interests;
  availability: PictureAvailability;
  location: { postalCode: string; city: string; region: string | null };
  /** The sections a recruiter has edited (they win over the CV). */
  edited: PictureSection[];
  updatedAt: string | null;
}

export const PictureSections = ['competences', 'certificates', 'languages', 'experience', 'education', 'interests'] as const;
export type PictureSection = (typeof PictureSections)[number];

const id = z.string().min(1).max(64);
const text = (max: number) => z.string().trim().max(max);
const isoDate = z.iso.date();
const partialDate = z.string().regex(/^(\d{4}(-\d{2})?|present)$/, { message: 'YYYY, YYYY-MM or "present"' });

const competenceInput = z.object({
  name: text(200).min(1),
  level: z.number().int().min(1).max(5).nullable().default(null),
  years: z.number().min(0).max(60).nullable().default(null),
  lastUsed: partialDate.nullable().default(null),
}).strict();
const certificateInput = z.object({
  name: text(300).min(1),
  /** Optional: known codes are found from the name ("Truck T4", "førerkort CE"). */
  code: text(40).optional(),
  validUntil: isoDate.nullable().default(null),
}).strict();
const languageInput = z.object({ name: text(100).min(1), level: z.enum(LanguageLevels).nullable().default(null) }).strict();
const educationInput = z.object({
  institution: text(300).default(''),
  area: text(300).default(''),
  studyType: text(200).default(''),
  endYear: z.string().regex(/^\d{4}$/).nullable().default(null),
}).strict();

/**
 * A recruiter's edit: each section named replaces what the CV gave (null: back to
 * the CV). Desired roles, availability and the like are the candidate's own fields.
 */
export const picturePatch = z
  .object({
    competences: z.array(competenceInput).max(200).nullable(),
    certificates: z.array(certificateInput).max(100).nullable(),
    languages: z.array(languageInput).max(30).nullable(),
    experience: z.object({ totalYears: z.number().min(0).max(60) }).strict().nullable(),
    education: z.array(educationInput).max(30).nullable(),
    interests: z
      .object({
        desiredRoles: z.array(text(200).min(1)).max(50),
        sectors: z.array(text(100).min(1)).max(30),
        workTypes: z.array(z.enum(WorkTypes)).max(3),
        regions: z.array(text(100).min(1)).max(30),
      })
      .partial()
      .strict()
      .nullable(),
    availability: z
      .object({
        from: isoDate.nullable(),
        extentPercent: z.number().int().min(1).max(100).nullable(),
        shifts: z.array(z.enum(Shifts)).max(4),
        noticeWeeks: z.number().int().min(0).max(52).nullable(),
      })
      .partial()
      .strict(),
  })
  .partial()
  .strict();
export type PicturePatch = z.output<typeof picturePatch>;

// ---- vacancies ---------------------------------------------------------------

export const VacancyStatuses = ['open', 'filled', 'closed'] as const;
export type VacancyStatus = (typeof VacancyStatuses)[number];

export interface SkillRequirement {
  name: string;
  /** The concept it stands for (synonyms), as for competences. */
  key: string;
  minYears: number | null;
}
export interface CertificateRequirement {
  name: string;
  code: string;
}
export interface LanguageRequirement {
  name: string;
  code: string;
  minLevel: LanguageLevel | null;
  required: boolean;
}

export interface Vacancy {
  id: string;
  clientId: string;
  clientName: string;
  title: string;
  location: { postalCode: string; city: string; region: string | null };
  /** YYYY-MM-DD or null (as soon as possible). */
  start: string | null;
  extentPercent: number;
  workType: WorkType;
  shifts: Shift[];
  requiredSkills: SkillRequirement[];
  desiredSkills: SkillRequirement[];
  requiredCertificates: CertificateRequirement[];
  desiredCertificates: CertificateRequirement[];
  languages: LanguageRequirement[];
  minYearsExperience: number | null;
  description: string;
  status: VacancyStatus;
  /** This vacancy's own weights; null: the global setting. */
  weights: MatchWeights | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export type VacancySummary = Pick<Vacancy, 'id' | 'clientId' | 'clientName' | 'title' | 'location' | 'start' | 'status' | 'updatedAt'> & {
  shortlisted: number;
};

const skillReq = z.object({ name: text(200).min(1), minYears: z.number().min(0).max(40).nullable().default(null) }).strict();
const certReq = z.object({ name: text(300).min(1) }).strict();
const langReq = z.object({ name: text(100).min(1), minLevel: z.enum(LanguageLevels).nullable().default(null), required: z.boolean().default(true) }).strict();

/** A vacancy's fields without defaults: what a patch may name (see vacancyPatch). */
const vacancyShape = {
  title: text(200).min(1, { message: 'A title is required' }),
  postalCode: z.string().trim().regex(/^(\d{4})?$/, { message: 'A Norwegian postal code has four digits' }),
  city: text(100),
  start: isoDate.nullable(),
  extentPercent: z.number().int().min(1).max(100),
  workType: z.enum(WorkTypes),
  shifts: z.array(z.enum(Shifts)).max(4),
  requiredSkills: z.array(skillReq).max(30),
  desiredSkills: z.array(skillReq).max(30),
  requiredCertificates: z.array(certReq).max(30),
  desiredCertificates: z.array(certReq).max(30),
  languages: z.array(langReq).max(10),
  minYearsExperience: z.number().min(0).max(40).nullable(),
  description: z.string().max(20_000),
};

export const vacancyFields = z
  .object({
    clientId: id,
    title: vacancyShape.title,
    postalCode: vacancyShape.postalCode.default(''),
    city: vacancyShape.city.default(''),
    start: vacancyShape.start.default(null),
    extentPercent: vacancyShape.extentPercent.default(100),
    workType: vacancyShape.workType.default('temp'),
    shifts: vacancyShape.shifts.default([]),
    requiredSkills: vacancyShape.requiredSkills.default([]),
    desiredSkills: vacancyShape.desiredSkills.default([]),
    requiredCertificates: vacancyShape.requiredCertificates.default([]),
    desiredCertificates: vacancyShape.desiredCertificates.default([]),
    languages: vacancyShape.languages.default([]),
    minYearsExperience: vacancyShape.minYearsExperience.default(null),
    description: vacancyShape.description.default(''),
  })
  .strict();
/**
 * Only the fields named are changed. No defaults: zod keeps them through
 * `.partial()`, so a patch naming the title would empty every requirement.
 */
export const vacancyPatch = z
  .object({ ...vacancyShape, status: z.enum(VacancyStatuses) })
  .partial()
  .strict();
export type VacancyFields = z.output<typeof vacancyFields>;

// ---- matching ----------------------------------------------------------------

export const MatchFactors = ['requiredSkills', 'desiredSkills', 'certificates', 'experience', 'availability', 'location', 'languages'] as const;
export type MatchFactor = (typeof MatchFactors)[number];
/** Relative weights, 0–100 each; only the factors a vacancy asks about count. */
export type MatchWeights = Record<MatchFactor, number>;

export const DEFAULT_WEIGHTS: MatchWeights = {
  requiredSkills: 30,
  desiredSkills: 10,
  certificates: 20,
  experience: 10,
  availability: 15,
  location: 10,
  languages: 5,
};

const weightsInput = z.object(Object.fromEntries(MatchFactors.map((f) => [f, z.number().min(0).max(100)])) as Record<MatchFactor, z.ZodNumber>).strict();

export interface FactorScore {
  factor: MatchFactor;
  /** 0–1. */
  value: number;
  weight: number;
  /** Points this factor contributes to the total (0–100 over all factors). */
  points: number;
  /** False when the vacancy does not ask about it (the factor then does not count). */
  applies: boolean;
  /** What was met and what is missing, as labels (in the language of the table). */
  met: string[];
  missing: string[];
  /** Plain-language sentence per locale. */
  note: { nb: string; en: string };
}

export interface MatchResult {
  candidateId: string;
  name: string;
  city: string;
  rank: number;
  /** 0–100. */
  score: number;
  factors: FactorScore[];
  explanation: { nb: string; en: string };
  /** The human decision recorded for this ranking, if any. */
  decision: MatchDecision | null;
  /** Already on the shortlist (any stage). */
  stage: PipelineStage | null;
}

export interface MatchRun {
  runId: string;
  vacancyId: string;
  algorithmVersion: string;
  /** SHA-256 of what the ranking was computed from (vacancy, weights, candidates' facts). */
  inputsHash: string;
  weights: MatchWeights;
  at: string;
  by: { id: string; name: string };
  /** How many candidates were considered after the prefilter. */
  considered: number;
  results: MatchResult[];
  tookMs: number;
}

export const MatchDecisions = ['shortlisted', 'rejected', 'none'] as const;
export type MatchDecision = (typeof MatchDecisions)[number];

export interface DecisionLogEntry {
  runId: string;
  vacancyId: string;
  vacancyTitle: string;
  algorithmVersion: string;
  inputsHash: string;
  at: string;
  by: { id: string; name: string };
  candidateId: string;
  candidateName: string;
  rank: number;
  score: number;
  factors: FactorScore[];
  decision: MatchDecision;
  decidedAt: string | null;
  decidedBy: { id: string; name: string } | null;
}

// ---- shortlists ----------------------------------------------------------------

export const PipelineStages = ['shortlisted', 'contacted', 'interviewed', 'presented', 'placed', 'rejected'] as const;
export type PipelineStage = (typeof PipelineStages)[number];

export interface ShortlistEntry {
  vacancyId: string;
  candidateId: string;
  candidateName: string;
  stage: PipelineStage;
  /** The ranking it came from, if any. */
  runId: string | null;
  score: number | null;
  note: string;
  addedAt: string;
  updatedAt: string;
  history: { from: PipelineStage | null; to: PipelineStage; at: string; by: string }[];
}

export const matchingMethods = {
  'picture.get': defineMethod<CandidatePicture>()(z.object({ candidateId: id }).strict()),
  'picture.update': defineMethod<CandidatePicture>()(z.object({ candidateId: id, patch: picturePatch }).strict()),

  'vacancies.list': defineMethod<VacancySummary[]>()(
    z.object({ clientId: id.optional(), status: z.enum([...VacancyStatuses, 'all']).default('all') }).strict(),
  ),
  'vacancies.get': defineMethod<Vacancy>()(z.object({ id }).strict()),
  'vacancies.create': defineMethod<Vacancy>()(vacancyFields),
  'vacancies.update': defineMethod<Vacancy>()(
    z
      .object({
        id,
        version: z.number().int().min(1),
        patch: vacancyPatch,
      })
      .strict(),
  ),
  /** Weights for one vacancy (null: back to the global setting). */
  'vacancies.setWeights': defineMethod<Vacancy>()(z.object({ id, weights: weightsInput.nullable() }).strict()),

  'matching.weights.get': defineMethod<MatchWeights>()(z.object({}).strict()),
  'matching.weights.set': defineMethod<MatchWeights>()(z.object({ weights: weightsInput }).strict()),
  /** Rank active candidates for a vacancy; the ranking shown is recorded (art. 22). */
  'matching.run': defineMethod<MatchRun>()(
    z.object({ vacancyId: id, limit: z.number().int().min(1).max(200).default(50), weights: weightsInput.optional() }).strict(),
  ),
  /** The recruiter's decision on one candidate of a ranking. Shortlisting also puts them on the shortlist. */
  'matching.decide': defineMethod<DecisionLogEntry>()(
    z.object({ runId: id, candidateId: id, decision: z.enum(MatchDecisions) }).strict(),
  ),
  /** The decision log: every ranking shown and what followed, newest first. */
  'matching.log': defineMethod<{ total: number; items: DecisionLogEntry[] }>()(
    z
      .object({
        vacancyId: id.optional(),
        candidateId: id.optional(),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(1000).default(200),
      })
      .strict(),
  ),

  'shortlists.get': defineMethod<ShortlistEntry[]>()(z.object({ vacancyId: id }).strict()),
  'shortlists.add': defineMethod<ShortlistEntry[]>()(z.object({ vacancyId: id, candidateId: id, note: text(2000).default('') }).strict()),
  /** Move through the pipeline; `placed` takes the placement's last day (null: open-ended) and updates availability. */
  'shortlists.move': defineMethod<ShortlistEntry[]>()(
    z.object({ vacancyId: id, candidateId: id, stage: z.enum(PipelineStages), placedUntil: isoDate.nullable().optional() }).strict(),
  ),
  'shortlists.remove': defineMethod<ShortlistEntry[]>()(z.object({ vacancyId: id, candidateId: id }).strict()),
};
