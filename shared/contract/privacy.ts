import { z } from 'zod';
import { defineMethod } from './define.ts';

/**
 * The privacy engine: the audit trail of who did what to which record, the
 * consent ledger, privacy-policy versions, erasure, retention, legal holds and
 * the data-subject export.
 */

// ---- audit -----------------------------------------------------------------

export const AuditActions = [
  'candidate.view',
  'export',
  'share',
  'erasure',
  'consent.grant',
  'consent.withdraw',
  'vault.unlock',
  'hold.set',
  'hold.release',
  'retention.run',
  'policy.publish',
  'policy.told',
  'request.open',
  'request.extend',
  'request.complete',
  'request.reject',
] as const;
export type AuditAction = (typeof AuditActions)[number];

/**
 * One entry of the append-only, hash-chained audit log. It holds ids and codes,
 * never personal data: the log outlives an erased candidate.
 */
export interface AuditEntry {
  seq: number;
  at: string;
  /** The staff member; null for the scheduled retention job. */
  actorId: string | null;
  action: AuditAction;
  candidateId: string | null;
  /** Other ids the action concerned: consent event, hold, client, vacancy, policy version. */
  subjects: Record<string, string>;
  /** Codes and counts only (e.g. the erasure reason, how many were erased). */
  detail: Record<string, string | number | boolean | null>;
  prevHash: string;
  hash: string;
}

export interface AuditVerification {
  intact: boolean;
  entries: number;
  /** The first entry that does not check out, and why. */
  firstBroken: { seq: number; problem: 'changed' | 'missing' | 'unlinked' | 'truncated' } | null;
  message: string;
}

const id = z.string().min(1).max(64);

export const auditMethods = {
  /** Newest first; with `candidateId`, the trail of one record (who viewed, exported, changed consent). */
  'privacy.audit.list': defineMethod<{ total: number; items: AuditEntry[] }>()(
    z
      .object({
        candidateId: id.optional(),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(1000).default(100),
      })
      .strict(),
  ),
  /** Recomputes the whole chain. */
  'privacy.audit.verify': defineMethod<AuditVerification>()(z.object({}).strict()),
};

// ---- consent ledger and policy versions --------------------------------------

export const ConsentPurposes = ['recruitment', 'keepForFuture', 'shareWithClient', 'marketingEmail', 'contactReferences'] as const;
export type ConsentPurpose = (typeof ConsentPurposes)[number];
/** The purposes that have no client: one yes/no each. */
export type SimplePurpose = Exclude<ConsentPurpose, 'shareWithClient'>;

export const ConsentSources = ['form', 'phone', 'email', 'inPerson'] as const;
export type ConsentSource = (typeof ConsentSources)[number];

/** shareWithClient only: the client, and the one vacancy (null: any vacancy of that client). */
export interface ConsentScope {
  clientId: string;
  vacancyId: string | null;
  /** For people to read: the client's name and the vacancy's title while they are in the register. */
  clientName: string | null;
  vacancyTitle: string | null;
}

export interface ConsentNotice {
  version: string;
  /** SHA-256 (hex) of the exact text shown. */
  sha256: string;
  text: string;
}

/** One grant or withdrawal, as recorded; never changed afterwards. */
export interface ConsentEvent {
  id: string;
  candidateId: string;
  purpose: ConsentPurpose;
  scope: ConsentScope | null;
  action: 'grant' | 'withdraw';
  /** When the candidate gave or withdrew it. */
  at: string;
  /** When it was entered. */
  recordedAt: string;
  source: ConsentSource;
  recordedBy: { id: string; name: string };
  /** The notice shown with a grant; a withdrawal needs none. */
  notice: ConsentNotice | null;
}

/** The current state of one purpose (and scope): the latest event decides. */
export interface ConsentState {
  purpose: ConsentPurpose;
  scope: ConsentScope | null;
  granted: boolean;
  since: string;
  eventId: string;
  source: ConsentSource;
  noticeVersion: string | null;
}

export interface CurrentConsents {
  candidateId: string;
  /** Granted now? (false when never asked or withdrawn). */
  purposes: Record<SimplePurpose, boolean>;
  /** Clients (and vacancies) the profile may be shared with now. */
  sharing: { clientId: string; vacancyId: string | null; vacancyTitle: string | null; since: string }[];
  states: ConsentState[];
}

/** A candidate whose consent to a purpose stands now. */
export interface ConsentHolder {
  candidateId: string;
  name: string;
  status: 'active' | 'inactive';
  scope: ConsentScope | null;
  since: string;
  source: ConsentSource;
  noticeVersion: string | null;
}

export interface PolicyVersion {
  version: string;
  locale: 'nb' | 'en';
  sha256: string;
  text: string;
  publishedAt: string;
  publishedBy: { id: string; name: string };
  /** Candidates recorded as told of this version. */
  notified: number;
}

/** A candidate who must be told of a new policy version (recorded as told by hand). */
export interface PolicyRecipient {
  candidateId: string;
  name: string;
  status: 'active' | 'inactive';
  email: string | null;
  phone: string | null;
}

const scopeFields = {
  candidateId: id,
  purpose: z.enum(ConsentPurposes),
  /** shareWithClient only. */
  clientId: id.optional(),
  /** shareWithClient only; left out: any vacancy of the client. */
  vacancyId: id.optional(),
  source: z.enum(ConsentSources),
  /** When the candidate said it (a paper form entered later); default now. Not in the future. */
  at: z.iso.datetime({ offset: true }).optional(),
};

const scoped = <T extends { purpose: ConsentPurpose; clientId?: string | undefined; vacancyId?: string | undefined }>(v: T, ctx: z.RefinementCtx) => {
  if (v.purpose === 'shareWithClient' && !v.clientId) {
    ctx.addIssue({ code: 'custom', path: ['clientId'], message: 'Sharing consent names the client' });
  }
  if (v.purpose !== 'shareWithClient' && (v.clientId || v.vacancyId)) {
    ctx.addIssue({ code: 'custom', path: ['clientId'], message: 'Only sharing consent has a client or vacancy' });
  }
};

const noticeText = z.string().trim().min(1).max(200_000);
const version = z.string().trim().min(1).max(50);

export const consentMethods = {
  /** Who consents to a purpose now (sharing: each client and vacancy), in register order. */
  'privacy.consents.holders': defineMethod<{ total: number; items: ConsentHolder[] }>()(
    z.object({ purpose: z.enum(ConsentPurposes), limit: z.number().int().min(1).max(5000).default(500) }).strict(),
  ),
  /** The ledger of one candidate, newest first. */
  'privacy.consents.list': defineMethod<ConsentEvent[]>()(z.object({ candidateId: id }).strict()),
  'privacy.consents.current': defineMethod<CurrentConsents>()(z.object({ candidateId: id }).strict()),
  /**
   * Record a grant with the exact notice shown: its version and text (the text may
   * be left out when the version is a published privacy policy).
   */
  'privacy.consents.grant': defineMethod<ConsentEvent>()(
    z
      .object({ ...scopeFields, notice: z.object({ version, text: noticeText.optional() }).strict() })
      .strict()
      .superRefine(scoped),
  ),
  /**
   * Record a withdrawal; it applies at once everywhere. Withdrawing sharing with a
   * client without naming a vacancy withdraws every vacancy of that client too.
   */
  'privacy.consents.withdraw': defineMethod<ConsentEvent[]>()(z.object(scopeFields).strict().superRefine(scoped)),
  /**
   * Publish a privacy-policy version. Every candidate in the register must be told:
   * they are listed, and each is recorded as told only when someone has told them.
   */
  'privacy.policy.publish': defineMethod<{ policy: PolicyVersion; mustBeTold: PolicyRecipient[] }>()(
    z.object({ version, text: noticeText, locale: z.enum(['nb', 'en']).default('nb') }).strict(),
  ),
  /** Newest first. */
  'privacy.policy.list': defineMethod<PolicyVersion[]>()(z.object({}).strict()),
  /** The candidates not yet told of a version, in register order. */
  'privacy.policy.untold': defineMethod<{ total: number; items: PolicyRecipient[] }>()(
    z.object({ version, limit: z.number().int().min(1).max(5000).default(500) }).strict(),
  ),
  /** Record that these candidates were told of the version by hand (phone, letter, in person). */
  'privacy.policy.markTold': defineMethod<{ told: number; untold: number }>()(
    z.object({ version, candidateIds: z.array(id).min(1).max(5000) }).strict(),
  ),
};

// ---- erasure (art. 17) ----------------------------------------------------------

export const ErasureReasons = ['request', 'consentWithdrawn', 'noLongerNeeded', 'unlawful', 'retention'] as const;
export type ErasureReason = (typeof ErasureReasons)[number];

/** What is left of an erased candidate: no personal data. */
export interface Tombstone {
  candidateId: string;
  erasedAt: string;
  /** Staff id; null for the scheduled retention job. */
  erasedBy: string | null;
  reason: ErasureReason;
}

export interface ErasureReport extends Tombstone {
  /** Rows removed, per part of the vault. */
  removed: Record<string, number>;
  /** Rights requests this erasure answered (completed, with the erasure linked). */
  requestsCompleted: string[];
}

export const erasureMethods = {
  /**
   * Erase everything about the candidate and wipe the freed pages; a tombstone
   * without personal data remains. Refused while the candidate is under legal hold.
   */
  'privacy.erase': defineMethod<ErasureReport>()(
    z
      .object({
        candidateId: id,
        reason: z.enum(ErasureReasons).exclude(['retention']),
        /**
         * Also rebuild the vault file without its free pages (VACUUM). Not needed to
         * wipe (secure_delete and the checkpoint do), and slow: seconds per 100 MB.
         */
        compact: z.boolean().default(false),
        /** The rights request this erasure honours: it is completed with the erasure linked. */
        requestId: id.optional(),
      })
      .strict(),
  ),
  /** Tombstones, newest first. */
  'privacy.erasures.list': defineMethod<{ total: number; items: Tombstone[] }>()(
    z.object({ offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(1000).default(100) }).strict(),
  ),
};

// ---- legal holds ----------------------------------------------------------------

export interface LegalHold {
  id: string;
  candidateId: string;
  reason: string;
  /** YYYY-MM-DD, the last day it applies; null: until released. */
  until: string | null;
  setAt: string;
  setBy: { id: string; name: string };
  releasedAt: string | null;
  releasedBy: { id: string; name: string } | null;
  /** Derived from `until` and the clock: a hold past its last day has expired. */
  state: 'active' | 'expired' | 'released';
}

export const holdMethods = {
  /** While a hold is active, the candidate is never purged or erased. */
  'privacy.holds.set': defineMethod<LegalHold>()(
    z
      .object({
        candidateId: id,
        reason: z.string().trim().min(1).max(2000),
        until: z.iso.date().nullable().default(null),
      })
      .strict(),
  ),
  'privacy.holds.release': defineMethod<LegalHold>()(z.object({ holdId: id }).strict()),
  /** Newest first; by default only the holds in force. */
  'privacy.holds.list': defineMethod<LegalHold[]>()(
    z.object({ candidateId: id.optional(), state: z.enum(['active', 'all']).default('active') }).strict(),
  ),
};

// ---- retention ------------------------------------------------------------------

export interface PrivacySettings {
  /** Months kept after the candidate's last own activity, with a current keep-for-future consent. */
  keepMonthsWithConsent: number;
  /** …and without it (Datatilsynet expects about a year). */
  keepMonthsWithoutConsent: number;
}

export const OwnActivityKinds = ['update', 'application', 'reply', 'login'] as const;
export type OwnActivityKind = (typeof OwnActivityKinds)[number];

/** A candidate's place in the retention schedule. */
export interface RetentionItem {
  candidateId: string;
  /** The newest of: registration, own activity (update, application, reply, login), a CV received, a consent given. */
  lastOwnActivityAt: string;
  keepConsent: boolean;
  limitMonths: number;
  /** When the limit is passed. */
  dueAt: string;
  /** Under legal hold now: never purged while it lasts. */
  held: boolean;
}

/** Upcoming: with what a re-consent message needs. */
export interface RetentionCandidate extends RetentionItem {
  name: string;
  status: 'active' | 'inactive';
  email: string | null;
  phone: string | null;
}

/** A run's report: ids only (the erased have no names any more). */
export interface RetentionReport {
  dryRun: boolean;
  /** The moment the limits were measured against. */
  asOf: string;
  limits: PrivacySettings;
  /** Erased (or, in a dry run, that would be). */
  erased: (RetentionItem & { reason: 'limitWithKeepConsent' | 'limitWithoutKeepConsent' })[];
  /** Past their limit but under legal hold: kept. */
  held: RetentionItem[];
  /** Stopped (the vault locked) before all were erased. */
  cancelled: boolean;
}

export const retentionMethods = {
  'privacy.settings.get': defineMethod<PrivacySettings>()(z.object({}).strict()),
  'privacy.settings.update': defineMethod<PrivacySettings>()(
    z
      .object({
        keepMonthsWithConsent: z.number().int().min(1).max(120).optional(),
        keepMonthsWithoutConsent: z.number().int().min(1).max(120).optional(),
      })
      .strict(),
  ),
  /** The candidate did something themselves (updated their data, applied, replied, logged in): their clock restarts. */
  'privacy.activity.record': defineMethod<{ candidateId: string; lastOwnActivityAt: string }>()(
    z
      .object({ candidateId: id, kind: z.enum(OwnActivityKinds), at: z.iso.datetime({ offset: true }).optional() })
      .strict(),
  ),
  /**
   * Erase everyone past their limit (not under hold). `asOf` (YYYY-MM-DD) measures
   * the limits at the start of that day instead of now; a dry run erases nothing.
   */
  'privacy.retention.run': defineMethod<RetentionReport>()(
    z.object({ dryRun: z.boolean().default(false), asOf: z.iso.date().optional() }).strict(),
  ),
  /** Stops a run in progress after its current batch. */
  'privacy.retention.cancel': defineMethod<{ cancelled: boolean }>()(z.object({}).strict()),
  /** Those whose limit passes within `days` (for a re-consent message), soonest first. */
  'privacy.retention.upcoming': defineMethod<RetentionCandidate[]>()(
    z.object({ days: z.number().int().min(1).max(366).default(30) }).strict(),
  ),
};

// ---- access and portability (art. 15 and 20) ----------------------------------------

export interface SubjectExport {
  fileName: string;
  /** The ZIP: data.json, index.html, and the original documents. */
  base64: string;
  size: number;
  sha256: string;
}

export const exportMethods = {
  /** Everything held about the candidate as one ZIP (machine-readable JSON and a readable page). */
  'privacy.export': defineMethod<SubjectExport>()(
    z
      .object({
        candidateId: id,
        locale: z.enum(['nb', 'en']).default('nb'),
        /** The access or portability request this export answers: linked to it (completing it stays a separate step). */
        requestId: id.optional(),
      })
      .strict(),
  ),
};

// ---- data-subject rights requests (art. 15–21) ------------------------------------

export const RightsRequestKinds = ['access', 'rectification', 'erasure', 'restriction', 'portability', 'objection', 'withdrawal'] as const;
export type RightsRequestKind = (typeof RightsRequestKinds)[number];

export const RightsRequestChannels = ['form', 'phone', 'email', 'inPerson', 'letter'] as const;
export type RightsRequestChannel = (typeof RightsRequestChannels)[number];

/** Art. 12(3): the one-month answer may be extended for complex or numerous requests. */
export const ExtensionReasons = ['complexity', 'numberOfRequests'] as const;
export type ExtensionReason = (typeof ExtensionReasons)[number];

/** Art. 12(5) and the limits of each right (e.g. art. 17(3)): why a request can be refused. */
export const RejectionReasons = ['manifestlyUnfounded', 'excessive', 'identityNotVerified', 'legalObligation', 'legalClaims', 'other'] as const;
export type RejectionReason = (typeof RejectionReasons)[number];

/** Days from receipt to the answer (one month, art. 12(3)), and the most an extension may add. */
export const REQUEST_DAYS = 30;
export const REQUEST_EXTENSION_MAX_DAYS = 60;

/** What was done to honour a request: an export (its SHA-256) or the erasure (the tombstone). */
export interface RightsRequestLink {
  kind: 'export' | 'erasure';
  ref: string;
  at: string;
}

/**
 * A request from a candidate to use a right. It outlives an erased candidate as
 * proof the request was honoured: then only ids, codes and dates remain (the
 * free-text notes are removed with everything else).
 */
export interface RightsRequest {
  id: string;
  candidateId: string;
  /** null once the candidate is erased. */
  candidateName: string | null;
  candidateErased: boolean;
  kind: RightsRequestKind;
  channel: RightsRequestChannel;
  /** YYYY-MM-DD. */
  receivedOn: string;
  /** The deadline now: received + 30 days, or the extended one. */
  dueOn: string;
  originalDueOn: string;
  extension: { dueOn: string; reason: ExtensionReason; note: string | null; at: string; by: { id: string; name: string } } | null;
  status: 'open' | 'completed' | 'rejected';
  /** Days from today to the deadline (negative: overdue); for a closed request, at the day it closed. */
  daysLeft: number;
  overdue: boolean;
  note: string | null;
  rejection: { reason: RejectionReason; note: string | null } | null;
  openedAt: string;
  openedBy: { id: string; name: string };
  closedAt: string | null;
  closedBy: { id: string; name: string } | null;
  links: RightsRequestLink[];
}

const requestNote = z.string().trim().min(1).max(2000);

export const requestMethods = {
  /** Register a request as received; its deadline is the day received + 30 days. */
  'privacy.requests.open': defineMethod<RightsRequest>()(
    z
      .object({
        candidateId: id,
        kind: z.enum(RightsRequestKinds),
        channel: z.enum(RightsRequestChannels),
        /** The day it was received (a letter read later); default today. Not in the future. */
        receivedOn: z.iso.date().optional(),
        note: requestNote.optional(),
      })
      .strict(),
  ),
  /** Open ones soonest deadline first; all: newest received first. */
  'privacy.requests.list': defineMethod<RightsRequest[]>()(
    z.object({ candidateId: id.optional(), status: z.enum(['open', 'all']).default('open') }).strict(),
  ),
  'privacy.requests.get': defineMethod<RightsRequest>()(z.object({ requestId: id }).strict()),
  'privacy.requests.complete': defineMethod<RightsRequest>()(z.object({ requestId: id, note: requestNote.optional() }).strict()),
  /** Refuse with the reason the candidate is told (art. 12(4)). */
  'privacy.requests.reject': defineMethod<RightsRequest>()(
    z.object({ requestId: id, reason: z.enum(RejectionReasons), note: requestNote.optional() }).strict(),
  ),
  /**
   * Extend the deadline once, by up to two more months, with the reason; decided
   * (and told to the candidate) within the first month.
   */
  'privacy.requests.extend': defineMethod<RightsRequest>()(
    z.object({ requestId: id, dueOn: z.iso.date(), reason: z.enum(ExtensionReasons), note: requestNote.optional() }).strict(),
  ),
};

// ---- overview ---------------------------------------------------------------------

/** What the privacy screen opens with. */
export interface PrivacyOverview {
  /** Inactive candidates are out of search, matching and marketing, but still held (and counted) here. */
  candidates: { active: number; inactive: number };
  /** Candidates whose consent to each purpose stands now (sharing: with at least one client). */
  consents: Record<ConsentPurpose, number>;
  /** Due for erasure within 30 days (or overdue), soonest first, with their status. */
  upcoming: RetentionCandidate[];
  /** Holds in force, with whom they hold. */
  holds: (LegalHold & { candidateName: string; candidateStatus: 'active' | 'inactive' })[];
  erasures: number;
  /** Rights requests not yet answered, and how many of them are past their deadline. */
  requests: { open: number; overdue: number };
  /** The newest published privacy policy, and how many candidates are still to be told of it. */
  policy: { version: string; publishedAt: string; untold: number } | null;
}

export const overviewMethods = {
  'privacy.overview': defineMethod<PrivacyOverview>()(z.object({}).strict()),
};
