import { z } from 'zod';
import { defineMethod } from './define.ts';

/**
 * Correspondence and activity: calls, e-mail, text messages, references and
 * interviews on one timeline per candidate, searchable, with who logged what and
 * when; edits keep their history.
 */

export const ActivityKinds = ['call', 'email', 'sms', 'reference', 'interview'] as const;
export type ActivityKind = (typeof ActivityKinds)[number];

export const Directions = ['in', 'out'] as const;
export type Direction = (typeof Directions)[number];

export const CallOutcomes = ['reached', 'noAnswer', 'voicemail', 'busy', 'wrongNumber'] as const;
export type CallOutcome = (typeof CallOutcomes)[number];

/** Kind-specific facts of an entry. */
export interface ActivityData {
  /** Calls. */
  durationSec?: number;
  outcome?: CallOutcome;
  /** Calls and text messages: the other party's number, E.164. */
  phone?: string;
  /** E-mail. */
  from?: string;
  to?: string[];
  cc?: string[];
  messageId?: string;
  source?: 'drop' | 'imap';
  /** Interviews and references: the record the entry stands for. */
  interviewId?: string;
  referenceId?: string;
}

export interface AttachmentInfo {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
}

export interface TimelineEntry {
  id: string;
  candidateId: string;
  kind: ActivityKind;
  /** When it happened (the call, the message's date). */
  at: string;
  direction: Direction | null;
  /** E-mail subject, reference or interview title; empty for calls and texts. */
  title: string;
  /** Minutes of a call, the text of a message, the notes of a check. */
  body: string;
  data: ActivityData;
  /** Conversation key: e-mails of one thread share it. */
  threadKey: string | null;
  attachments: AttachmentInfo[];
  loggedBy: { id: string; name: string };
  loggedAt: string;
  updatedBy: { id: string; name: string };
  updatedAt: string;
  version: number;
}

export interface TimelinePage {
  total: number;
  /** Per kind, for the filter chips. */
  counts: Record<ActivityKind, number>;
  items: TimelineEntry[];
}

export interface ActivityRevision {
  version: number;
  /** The entry as it was before this version replaced it. */
  at: string;
  title: string;
  body: string;
  direction: Direction | null;
  data: ActivityData;
  /** Who made the change that replaced it, and when. */
  changedBy: { id: string; name: string };
  changedAt: string;
}

export interface SearchHit {
  entryId: string;
  candidateId: string;
  candidateName: string;
  kind: ActivityKind;
  at: string;
  title: string;
  /** The matching words in context, matches wrapped in [ and ]. */
  snippet: string;
}

export interface Reference {
  id: string;
  candidateId: string;
  name: string;
  relation: string;
  company: string;
  /** E.164 or empty. */
  phone: string;
  email: string;
  /** Notes of the reference check. */
  notes: string;
  checkedAt: string | null;
  createdAt: string;
  createdBy: { id: string; name: string };
  updatedAt: string;
  version: number;
}

export interface InterviewQuestion {
  id: string;
  /** The competence asked about, e.g. "Samarbeid". */
  competence: string;
  text: string;
}

export interface InterviewTemplate {
  id: string;
  name: string;
  questions: InterviewQuestion[];
  updatedAt: string;
}

export interface InterviewAnswer {
  /** 1–5, or null when not scored yet. */
  score: number | null;
  text: string;
}

export interface Interview {
  id: string;
  candidateId: string;
  templateId: string | null;
  title: string;
  at: string;
  questions: InterviewQuestion[];
  answers: Record<string, InterviewAnswer>;
  notes: string;
  /** The latest save's revision: the form continues counting from it. */
  revision: number;
  createdBy: { id: string; name: string };
  updatedAt: string;
}

export interface SmsImportReport {
  imported: number;
  duplicates: number;
  /** Rows whose number belongs to no candidate. */
  unmatched: { line: number; phone: string }[];
  /** Rows that could not be read, with why. */
  errors: { line: number; message: string }[];
}

const id = z.string().min(1).max(64);
const at = z.iso.datetime({ offset: true });
const text = (max: number) => z.string().max(max);
const MAX_BODY = 200_000;

const callFields = {
  at,
  direction: z.enum(Directions),
  durationSec: z.number().int().min(0).max(24 * 3600),
  outcome: z.enum(CallOutcomes),
  minutes: text(MAX_BODY).default(''),
};

const referenceFields = z
  .object({
    name: z.string().trim().min(1).max(200),
    relation: text(200).default(''),
    company: text(200).default(''),
    phone: text(50).default(''),
    email: z.union([z.literal(''), z.email().max(320)]).default(''),
    notes: text(MAX_BODY).default(''),
    /** Set when the check was made; a check needs the candidate's consent to contacting references. */
    checked: z.boolean().default(false),
  })
  .strict();

/** Limits of an interview template: what one screen of questions can hold and still be read. */
export const TEMPLATE_LIMITS = { name: 200, competence: 200, text: 2000, questions: 100 } as const;

/**
 * What makes two template names the same (names are unique by it): case and Unicode form
 * folded, surrounding spaces ignored. The core refuses a taken name; the editor says so first.
 */
export const templateNameKey = (name: string): string => name.trim().normalize('NFC').toLocaleLowerCase('nb');

/** A template's question; a new one has no id yet and gets one when saved. */
const question = z
  .object({
    id: id.optional(),
    competence: z.string().trim().min(1).max(TEMPLATE_LIMITS.competence),
    text: z.string().trim().min(1).max(TEMPLATE_LIMITS.text),
  })
  .strict();

const answer = z.object({ score: z.number().int().min(1).max(5).nullable(), text: text(MAX_BODY) }).strict();

export const activityMethods = {
  /** Newest first; `kinds` filters, `query` narrows to entries whose text matches. */
  'activity.timeline': defineMethod<TimelinePage>()(
    z
      .object({
        candidateId: id,
        kinds: z.array(z.enum(ActivityKinds)).max(ActivityKinds.length).optional(),
        query: text(500).optional(),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(1000).default(200),
      })
      .strict(),
  ),
  /** Full-text search across all correspondence of all candidates. */
  'activity.search': defineMethod<SearchHit[]>()(
    z
      .object({
        query: z.string().trim().min(1).max(500),
        kinds: z.array(z.enum(ActivityKinds)).max(ActivityKinds.length).optional(),
        limit: z.number().int().min(1).max(500).default(50),
      })
      .strict(),
  ),
  'activity.get': defineMethod<TimelineEntry>()(z.object({ id }).strict()),
  /** Earlier versions of an entry, newest first. */
  'activity.history': defineMethod<ActivityRevision[]>()(z.object({ id }).strict()),
  'activity.calls.log': defineMethod<TimelineEntry>()(z.object({ candidateId: id, ...callFields }).strict()),
  /** Text messages: the number is the candidate's (in) or the one written to (out). */
  'activity.sms.log': defineMethod<TimelineEntry>()(
    z.object({ candidateId: id, at, direction: z.enum(Directions), phone: text(50).default(''), text: z.string().min(1).max(10_000) }).strict(),
  ),
  /**
   * A CSV export of text messages (header row with date/time, number, direction, text
   * in any order, `,` or `;`): each row is logged on the candidate with that number.
   */
  'activity.sms.import': defineMethod<SmsImportReport>()(z.object({ csv: z.string().min(1).max(20_000_000) }).strict()),
  /** Edit an entry; the version it replaces goes into its history. */
  'activity.update': defineMethod<TimelineEntry>()(
    z
      .object({
        id,
        version: z.number().int().min(1),
        patch: z
          .object({
            at: at.optional(),
            direction: z.enum(Directions).optional(),
            title: text(1000).optional(),
            body: text(MAX_BODY).optional(),
            durationSec: z.number().int().min(0).max(24 * 3600).optional(),
            outcome: z.enum(CallOutcomes).optional(),
          })
          .strict(),
      })
      .strict(),
  ),

  /** The candidate's references, and whether the candidate consents to their being contacted. */
  'activity.references.list': defineMethod<{ contactConsent: boolean; items: Reference[] }>()(z.object({ candidateId: id }).strict()),
  'activity.references.add': defineMethod<Reference>()(z.object({ candidateId: id, fields: referenceFields }).strict()),
  'activity.references.update': defineMethod<Reference>()(
    z.object({ id, version: z.number().int().min(1), fields: referenceFields }).strict(),
  ),
  'activity.references.remove': defineMethod<{ id: string }>()(z.object({ id }).strict()),

  'activity.interviewTemplates.list': defineMethod<InterviewTemplate[]>()(z.object({}).strict()),
  /**
   * Create (no id) or edit a template: its name and its questions in order. Both the
   * competence and the text of each question are required; names are unique (case
   * folded). Editing a template that was deleted meanwhile is NOT_FOUND.
   */
  'activity.interviewTemplates.save': defineMethod<InterviewTemplate>()(
    z
      .object({
        id: id.optional(),
        name: z.string().trim().min(1).max(TEMPLATE_LIMITS.name),
        questions: z
          .array(question)
          .min(1)
          .max(TEMPLATE_LIMITS.questions)
          .refine((qs) => new Set(qs.flatMap((q) => (q.id ? [q.id] : []))).size === qs.filter((q) => q.id).length, 'Question ids must be unique'),
      })
      .strict(),
  ),
  /**
   * Delete a template. Interviews started from it keep their own copy of its
   * questions. The last template cannot be deleted (CONFLICT): there is always one
   * to start an interview from, and the standard one is made only for a new vault.
   */
  'activity.interviewTemplates.delete': defineMethod<{ id: string }>()(z.object({ id }).strict()),
  'activity.interviews.list': defineMethod<Interview[]>()(z.object({ candidateId: id }).strict()),
  'activity.interviews.get': defineMethod<Interview>()(z.object({ id }).strict()),
  /** A new interview from a template (or blank), on the timeline at once. */
  'activity.interviews.start': defineMethod<Interview>()(
    z.object({ candidateId: id, templateId: id.optional(), title: text(200).optional(), at: at.optional() }).strict(),
  ),
  /**
   * Autosave: the whole form, as typed. `revision` counts up from the one loaded;
   * a save not newer than the stored one is ignored rather than overwriting newer text.
   */
  'activity.interviews.save': defineMethod<{ id: string; revision: number; savedAt: string }>()(
    z
      .object({
        id,
        revision: z.number().int().min(0),
        answers: z.record(id, answer),
        notes: text(MAX_BODY),
        title: text(200).optional(),
      })
      .strict(),
  ),
};
