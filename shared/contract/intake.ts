import { z } from 'zod';
import { defineMethod } from './define.ts';
import type { Candidate } from './candidates.ts';

/**
 * CV intake: dropped files become jobs in a persistent queue; each job ends as a
 * draft profile for review, a candidate (created or merged), or a clear reason.
 */

export const MAX_FILE_BYTES = 25 * 1024 * 1024;
export const MAX_PAGES = 20;
/** A drop is sent in several calls; each carries at most this many files… */
export const MAX_FILES_PER_SUBMIT = 50;
/**
 * …and at most this much base64 in total (one file at the limit, or several small
 * ones), so a call stays bounded in memory and fits the browser bridge's body limit.
 */
export const MAX_SUBMIT_BASE64_CHARS = Math.ceil(MAX_FILE_BYTES / 3) * 4 + 1024 * 1024;

/**
 * The confidence of a date the page had but the reader could not read (a period lost on a
 * photo): below that of any date it did read (at least 0.9 × 0.3), so the review can say
 * "not read"; and far below any threshold for accepting a profile without review.
 */
export const UNREAD_CONFIDENCE = 0.2;

export const IntakeStates = [
  'queued',
  'reading',
  'ocr',
  'parsing',
  'review',
  'accepted',
  'failed',
  'cancelled',
  'duplicate',
] as const;
export type IntakeState = (typeof IntakeStates)[number];

/** Still being worked on: these can be cancelled and resume after a restart. */
export const ActiveIntakeStates = ['queued', 'reading', 'ocr', 'parsing'] as const satisfies readonly IntakeState[];

/** Why a job failed, for the renderer to localise; `reason` has the English text. */
export const IntakeFailureCodes = [
  'empty',
  'unsupported',
  'tooLarge',
  'tooManyPages',
  'imageTooLarge',
  'encrypted',
  'damaged',
  'zipBomb',
  'noText',
  'timeout',
  'outOfMemory',
  'crashed',
  'error',
] as const;
export type IntakeFailureCode = (typeof IntakeFailureCodes)[number];

export const IntakeFormats = ['pdf', 'docx', 'jpeg', 'png', 'tiff'] as const;
export type IntakeFormat = (typeof IntakeFormats)[number];

export interface IntakeJob {
  id: string;
  fileName: string;
  /** What the bytes are (by their magic bytes, not the name); null when not supported. */
  format: IntakeFormat | null;
  size: number;
  sha256: string | null;
  state: IntakeState;
  /** Why it failed or was refused, in words a recruiter can act on. */
  reason: string | null;
  reasonCode: IntakeFailureCode | null;
  /** While reading: the page being worked on (OCR page x of y). */
  page: number | null;
  pages: number | null;
  /** State 'duplicate': the earlier job with the very same file, and its candidate if accepted. */
  duplicateOf: { jobId: string | null; candidateId: string | null } | null;
  /** State 'accepted': the candidate created or merged into. */
  candidateId: string | null;
  outcome: 'created' | 'merged' | null;
  autoAccepted: boolean;
  /** From the draft, for the review queue: the name found, possible duplicates, weakest field. */
  draftName: string | null;
  possibleDuplicates: number;
  minConfidence: number | null;
  createdAt: string;
  updatedAt: string;
}

/** Where a field was found: page (1-based) and box in points from the top-left. */
export interface SourceBox {
  page: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface DraftFieldEvidence {
  /** 0–1. */
  confidence: number;
  source: SourceBox | null;
}

/** The JSON Resume shape the intake speaks (https://jsonresume.org/schema) plus our extensions. */
export interface ResumeDocument {
  basics?: {
    name?: string;
    label?: string;
    email?: string;
    phone?: string;
    url?: string;
    summary?: string;
    location?: { address?: string; postalCode?: string; city?: string; countryCode?: string; region?: string };
    profiles?: { network?: string; username?: string; url?: string }[];
    /** Extension: only when the recruiter chose to keep it (never in a draft). */
    nationalId?: string;
    /** Extension: YYYY-MM-DD. */
    birthDate?: string;
  };
  work?: { name?: string; position?: string; location?: string; startDate?: string; endDate?: string; summary?: string; highlights?: string[] }[];
  education?: { institution?: string; area?: string; studyType?: string; startDate?: string; endDate?: string; score?: string }[];
  skills?: { name: string; level?: string; keywords?: string[] }[];
  languages?: { language: string; fluency?: string }[];
  certificates?: { name: string; date?: string; issuer?: string }[];
  references?: { name: string; reference?: string }[];
  interests?: { name: string; keywords?: string[] }[];
  meta?: Record<string, unknown>;
  [extension: string]: unknown;
}

/** A duplicate suspect in the register and why it matched. */
export const DuplicateReasons = ['email', 'phone', 'nameAndBirthDate', 'sameName', 'closeName'] as const;
export type DuplicateReason = (typeof DuplicateReasons)[number];

export interface DuplicateMatch {
  candidateId: string;
  name: string;
  email: string | null;
  phone: string | null;
  birthDate: string | null;
  city: string;
  version: number;
  /** Strongest first. 'email' and 'phone' are exact matches. */
  reasons: DuplicateReason[];
}

export interface DraftPage {
  number: number;
  width: number;
  height: number;
  source: 'text' | 'ocr' | 'docx';
}

export interface IntakeDraft {
  job: IntakeJob;
  resume: ResumeDocument;
  /** Per field path ("basics.email", "work.0.name"): confidence and where it came from. */
  fields: Record<string, DraftFieldEvidence>;
  /** National ids found in the CV: redacted everywhere; only a masked form crosses here. */
  nationalIds: { kind: 'fodselsnummer' | 'd-number'; masked: string; source: SourceBox | null }[];
  /** The document's text in reading order (national ids redacted). */
  text: string;
  language: 'nb' | 'en' | 'other';
  warnings: string[];
  /** Page sizes in the same units as the source boxes (points; DOCX has line indexes). */
  pages: DraftPage[];
  duplicates: DuplicateMatch[];
}

export const MergeFields = [
  'name',
  'emails',
  'phones',
  'address',
  'birthDate',
  'label',
  'summary',
  'work',
  'education',
  'skills',
  'languages',
  'certificates',
  'references',
] as const;
export type MergeField = (typeof MergeFields)[number];

export interface MergeFieldPreview {
  field: MergeField;
  /** 'replace': taking it overwrites; 'add': taking it adds the new entries to the current ones. */
  mode: 'replace' | 'add';
  current: unknown;
  incoming: unknown;
  /** What the candidate would have if this field is taken. */
  merged: unknown;
  /** Taking it would change something. */
  differs: boolean;
  /** Pre-ticked: it adds information without overwriting any. */
  suggested: boolean;
}

export interface MergePreview {
  candidate: { id: string; name: string; version: number };
  fields: MergeFieldPreview[];
}

/** One page of an original as a PNG, for the review screen (PDFs and images; a Word file has none). */
export interface PageImage {
  mime: 'image/png';
  base64: string;
  /** Pixels; the page's source boxes scale to them by width / DraftPage.width. */
  width: number;
  height: number;
}

export interface IntakeSettings {
  /** Create candidates without review when every field is at or above the threshold. */
  autoAccept: boolean;
  /** 0.5–1. */
  autoAcceptThreshold: number;
}

export interface CandidateDocument {
  id: string;
  jobId: string | null;
  fileName: string;
  format: IntakeFormat;
  size: number;
  sha256: string;
  addedAt: string;
}

export interface CandidateProfile {
  candidateId: string;
  /** Work, education, skills… as JSON Resume (contact fields live on the candidate). */
  resume: ResumeDocument | null;
  documents: CandidateDocument[];
  /** A national id is held in the protected field (its value is never sent). */
  nationalIdKept: boolean;
}

/** Progress event payload: every state or page change of a job. */
export interface IntakeProgress {
  jobId: string;
  state: IntakeState;
  page: number | null;
  pages: number | null;
  reason: string | null;
  job: IntakeJob;
}

// ---- input schemas -------------------------------------------------------

const jobId = z.string().min(1).max(64);
const base64 = /^[A-Za-z0-9+/]*={0,2}$/;
const MAX_FILE_BASE64 = Math.ceil(MAX_FILE_BYTES / 3) * 4;

const fileInput = z
  .object({
    name: z.string().trim().min(1).max(255),
    /** The file's bytes, base64. Leave out for a file the renderer knows is over the limit. */
    bytes: z
      .string()
      .max(MAX_FILE_BASE64, { message: 'A file may be at most 25 MB' })
      .refine((s) => s.length % 4 === 0 && base64.test(s), { message: 'Not base64' })
      .optional(),
    /** The size as the OS reports it; required when `bytes` is left out. */
    size: z.number().int().min(0).optional(),
    /** The MIME type the OS reported; informational, the bytes decide. */
    type: z.string().max(200).optional(),
  })
  .strict()
  .refine((f) => f.bytes !== undefined || f.size !== undefined, { message: 'Give the bytes or the size' });

const resumeDate = z.union([
  z.literal(''),
  z.string().regex(/^[12]\d{3}(-[01]\d(-[0-3]\d)?)?$/, { message: 'Use YYYY, YYYY-MM or YYYY-MM-DD' }),
]);
const s = (max: number) => z.string().trim().max(max);
const items = <T extends z.ZodType>(item: T, max = 100) => z.array(item).max(max);

/** The recruiter-corrected resume. Unknown keys inside sections are dropped; nationalId never comes in. */
export const resumeInput = z
  .looseObject({
    basics: z
      .object({
        name: s(200).optional(),
        label: s(300).optional(),
        email: s(320).optional(),
        phone: s(40).optional(),
        url: s(500).optional(),
        summary: s(10_000).optional(),
        location: z
          .object({
            address: s(300).optional(),
            postalCode: s(20).optional(),
            city: s(100).optional(),
            countryCode: s(2).optional(),
            region: s(100).optional(),
          })
          .optional(),
        profiles: items(z.object({ network: s(100).optional(), username: s(200).optional(), url: s(500).optional() }), 20).optional(),
        birthDate: z.union([z.literal(''), z.iso.date()]).optional(),
      })
      .optional(),
    work: items(
      z.object({
        name: s(300).optional(),
        position: s(300).optional(),
        location: s(200).optional(),
        startDate: resumeDate.optional(),
        endDate: resumeDate.optional(),
        summary: s(10_000).optional(),
        highlights: items(s(2000), 50).optional(),
      }),
    ).optional(),
    education: items(
      z.object({
        institution: s(300).optional(),
        area: s(300).optional(),
        studyType: s(200).optional(),
        startDate: resumeDate.optional(),
        endDate: resumeDate.optional(),
        score: s(100).optional(),
      }),
    ).optional(),
    skills: items(z.object({ name: s(200).min(1), level: s(100).optional(), keywords: items(s(200), 50).optional() }), 300).optional(),
    languages: items(z.object({ language: s(100).min(1), fluency: s(100).optional() }), 50).optional(),
    certificates: items(z.object({ name: s(300).min(1), date: resumeDate.optional(), issuer: s(300).optional() })).optional(),
    references: items(z.object({ name: s(200).min(1), reference: s(5000).optional() }), 30).optional(),
    interests: items(z.object({ name: s(200).min(1), keywords: items(s(200), 50).optional() }), 50).optional(),
  })
  .refine((r) => JSON.stringify(r).length <= 1_000_000, { message: 'The profile is too large' });

export type ResumeInput = z.output<typeof resumeInput>;

export const intakeMethods = {
  /**
   * Queue files. Each is stored encrypted with its job row before any parsing.
   * Per file, not per call: an unsupported, empty or oversized file gets a failed
   * job with its reason; the same file again gets a 'duplicate' job.
   */
  'intake.submit': defineMethod<{ jobs: IntakeJob[] }>()(
    z
      .object({ files: z.array(fileInput).min(1).max(MAX_FILES_PER_SUBMIT) })
      .strict()
      .refine((i) => i.files.reduce((n, f) => n + (f.bytes?.length ?? 0), 0) <= MAX_SUBMIT_BASE64_CHARS, {
        message: 'Too much in one call: send the files in smaller batches',
      }),
  ),
  /** Newest first; `counts` has every state's total (for headers and badges). */
  'intake.list': defineMethod<{ total: number; counts: Record<IntakeState, number>; items: IntakeJob[] }>()(
    z
      .object({
        states: z.array(z.enum(IntakeStates)).max(IntakeStates.length).optional(),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(1000).default(500),
      })
      .strict(),
  ),
  'intake.get': defineMethod<IntakeJob>()(z.object({ jobId }).strict()),
  /** Stops a job that is queued or being read, or discards a draft waiting for review. */
  'intake.cancel': defineMethod<IntakeJob>()(z.object({ jobId }).strict()),
  /** A failed or cancelled job goes back in the queue. */
  'intake.retry': defineMethod<IntakeJob>()(z.object({ jobId }).strict()),
  /** Removes finished rows (failed, cancelled, duplicate, accepted) and originals nothing else uses. */
  'intake.dismiss': defineMethod<{ removed: number }>()(z.object({ jobIds: z.array(jobId).min(1).max(1000) }).strict()),
  /** The draft of a job in 'review', with duplicate suspects checked against the register now. */
  'intake.getDraft': defineMethod<IntakeDraft>()(z.object({ jobId }).strict()),
  /** The original file, for the review screen to render beside the fields. */
  'intake.getOriginal': defineMethod<{ fileName: string; mime: string; base64: string }>()(z.object({ jobId }).strict()),
  /** A page of a file in review as a PNG (about 110 dpi), its national ids painted over, to show beside the fields. */
  'intake.getPageImage': defineMethod<PageImage>()(z.object({ jobId, page: z.number().int().min(1).max(MAX_PAGES) }).strict()),
  /** Field by field: the candidate now, the draft, and what taking each field would give. */
  'intake.mergePreview': defineMethod<MergePreview>()(
    z.object({ jobId, candidateId: z.string().min(1).max(64), resume: resumeInput.optional() }).strict(),
  ),
  'intake.getSettings': defineMethod<IntakeSettings>()(z.object({}).strict()),
  'intake.updateSettings': defineMethod<IntakeSettings>()(
    z.object({ autoAccept: z.boolean().optional(), autoAcceptThreshold: z.number().min(0.5).max(1).optional() }).strict(),
  ),
  /** Confirm a draft as a new candidate (the profile and the original are linked to it). */
  'candidates.createFromDraft': defineMethod<{ candidate: Candidate; job: IntakeJob }>()(
    z.object({ jobId, resume: resumeInput, keepNationalId: z.boolean().default(false) }).strict(),
  ),
  /** Confirm a draft into an existing candidate, taking the named fields. */
  'candidates.mergeDraft': defineMethod<{ candidate: Candidate; job: IntakeJob }>()(
    z
      .object({
        jobId,
        candidateId: z.string().min(1).max(64),
        /** The candidate's version the preview was made on: a stale merge gets CONFLICT. */
        version: z.number().int().min(1),
        fields: z.array(z.enum(MergeFields)).max(MergeFields.length),
        /** The corrected draft; the stored draft when left out. */
        resume: resumeInput.optional(),
        keepNationalId: z.boolean().default(false),
      })
      .strict(),
  ),
  /** The candidate's profile (work, education, skills…) and documents. */
  'candidates.profile': defineMethod<CandidateProfile>()(z.object({ id: z.string().min(1).max(64) }).strict()),
};
