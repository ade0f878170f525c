import { z } from 'zod';
import { defineMethod } from './define.ts';
import type { ResumeDocument } from './intake.ts';

/**
 * Sharing candidate profiles with clients: per-client connections (endpoint,
 * signing secret, transfer basis), the minimal profile that leaves, the
 * persistent outbox and the record of every disclosure.
 */

// ---- transfer basis ---------------------------------------------------------------

/**
 * Why a transfer to the client's country is lawful (GDPR ch. V): inside the
 * EU/EEA, a Commission adequacy decision, or recorded standard contractual clauses.
 */
export type TransferBasisKind = 'eea' | 'adequacy' | 'scc';

export interface AdequacyDecision {
  country: string;
  /** The decision's date, YYYY-MM-DD. */
  date: string;
  /** The legal act, as published in the Official Journal. */
  act: string;
  /** Limits of the decision (e.g. only certified organisations); the recruiter confirms the client is within them. */
  scope: string | null;
}

export interface TransferAssessment {
  allowed: boolean;
  basis: TransferBasisKind | null;
  country: string;
  /** The adequacy decision relied on (or that would apply once its scope is confirmed). */
  decision: AdequacyDecision | null;
  /** Standard contractual clauses: the agreement's reference. */
  safeguardReference: string | null;
  /** Machine code for the renderer to localise. */
  code: 'eea' | 'adequacy' | 'scc' | 'adequacyScopeNotConfirmed' | 'noBasis';
  /** Human-readable, in English. */
  message: string;
}

// ---- connections -------------------------------------------------------------------

/** What a profile may carry. The last five stay home unless the client's selection names them. */
export const ShareFields = [
  'name',
  'email',
  'phone',
  'location',
  'label',
  'summary',
  'work',
  'education',
  'skills',
  'languages',
  'certificates',
  'availability',
  'desiredRoles',
  'references',
  'birthDate',
  'streetAddress',
  'nationalId',
  'photo',
] as const;
export type ShareField = (typeof ShareFields)[number];

/**
 * The default selection: no national id, birth date, street address or photo
 * (data minimisation), and no references either (they are third parties' data).
 */
export const DEFAULT_SHARE_FIELDS: readonly ShareField[] = ShareFields.filter(
  (f) => !['references', 'birthDate', 'streetAddress', 'nationalId', 'photo'].includes(f),
);

export const ShareModes = ['full', 'anonymised'] as const;
/** 'anonymised': initials and region instead of name and contact details (a blind CV). */
export type ShareMode = (typeof ShareModes)[number];

/** A client's connection as shown: the signing secret never leaves the vault again. */
export interface ClientConnection {
  clientId: string;
  clientName: string;
  /** The client's country (from the client record): decides the transfer basis. */
  country: string;
  endpoint: string;
  secretSet: boolean;
  /** Standard contractual clauses agreed with the client: their reference, or null. */
  safeguardReference: string | null;
  /** For an adequacy decision with limits (USA: Data Privacy Framework participants): the client is within them. */
  adequacyScopeConfirmed: boolean;
  /** SHA-256 (base64) of the server's SPKI or certificate, or null: no pinning. */
  pinSha256: string | null;
  fields: ShareField[];
  mode: ShareMode;
  transfer: TransferAssessment;
  createdAt: string;
  updatedAt: string;
}

// ---- what leaves ---------------------------------------------------------------------

/** The body POSTed to the client (Standard Webhooks payload: type, timestamp, data). */
export interface ProfileMessage {
  type: 'candidate.profile.shared';
  timestamp: string;
  data: {
    /** Opaque, stable per candidate and client: later shares and deletion requests name it. */
    profileRef: string;
    vacancyRef: string | null;
    consent: { id: string; since: string };
    /** The client must delete the profile by then. */
    expiresAt: string;
    mode: ShareMode;
    fields: ShareField[];
    resume: ResumeDocument;
  };
}

export interface DeletionMessage {
  type: 'candidate.profile.deletion_requested';
  timestamp: string;
  /** No personal data: the reference alone. */
  data: { profileRef: string; reason: 'consentWithdrawn' | 'erasure' };
}

export type ShareRefusal =
  | 'noConsent'
  | 'noConnection'
  | 'noTransferBasis'
  | 'candidateInactive'
  | 'notFound';

export interface SharePreviewItem {
  candidateId: string;
  /** Null when refused. */
  refusal: ShareRefusal | null;
  message: string | null;
  /** Exactly what will leave (null when refused). */
  document: ProfileMessage | null;
}

export interface SharePreview {
  clientId: string;
  vacancyId: string | null;
  transfer: TransferAssessment | null;
  items: SharePreviewItem[];
}

export const OutboxStatuses = ['queued', 'delivered', 'withheld', 'blocked', 'failed', 'cancelled'] as const;
/**
 * queued: waiting or retrying; delivered: the client acknowledged it; withheld:
 * consent was gone at send time; blocked: no transfer basis at send time; failed:
 * the client refused it (4xx) — retry after fixing; cancelled by staff.
 */
export type OutboxStatus = (typeof OutboxStatuses)[number];

export interface OutboxItem {
  /** Also the webhook-id, the same on every attempt. */
  id: string;
  kind: 'profile' | 'deletion';
  /** Null for a deletion request after erasure (no personal data left). */
  candidateId: string | null;
  candidateName: string | null;
  clientId: string;
  clientName: string;
  vacancyId: string | null;
  /** The vacancy's title, for people to read (null without a vacancy, or once it is deleted). */
  vacancyTitle: string | null;
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt: string | null;
  lastError: string | null;
  createdAt: string;
  deliveredAt: string | null;
}

/** One disclosure: which fields went to whom, when, on what basis. */
export interface Disclosure {
  outboxId: string;
  clientId: string;
  clientName: string;
  vacancyId: string | null;
  vacancyTitle: string | null;
  fields: ShareField[];
  mode: ShareMode;
  consentEventId: string;
  transferBasis: TransferBasisKind;
  transferDetail: string;
  queuedAt: string;
  queuedBy: string;
  deliveredAt: string;
}

// ---- methods -------------------------------------------------------------------------

const id = z.string().min(1).max(64);
const fieldList = z.array(z.enum(ShareFields)).max(ShareFields.length);

/** SHA-256 pin as base64 (44 characters) or hex (64). */
const pin = z
  .string()
  .trim()
  .refine((s) => /^[A-Za-z0-9+/]{43}=$/.test(s) || /^[0-9a-fA-F]{64}$/.test(s.replace(/:/g, '')), {
    message: 'A pin is the SHA-256 of the SPKI or certificate, base64 or hex',
  });

/** A Standard Webhooks secret: whsec_ and 24–64 random bytes in base64. */
export const signingSecret = z
  .string()
  .trim()
  .regex(/^whsec_[A-Za-z0-9+/]{32,88}={0,2}$/, { message: 'The secret is whsec_ followed by 24–64 bytes in base64' });

const shareInput = {
  candidateIds: z.array(id).min(1).max(500),
  clientId: id,
  vacancyId: id.optional(),
  /** Default: the connection's mode and field selection. */
  mode: z.enum(ShareModes).optional(),
  fields: fieldList.optional(),
};

export const sharingMethods = {
  'sharing.connections.list': defineMethod<ClientConnection[]>()(z.object({}).strict()),
  'sharing.connections.get': defineMethod<{ connection: ClientConnection | null }>()(z.object({ clientId: id }).strict()),
  /** Create or change; the secret is required the first time and kept when left out later. */
  'sharing.connections.save': defineMethod<ClientConnection>()(
    z
      .object({
        clientId: id,
        endpoint: z
          .url({ protocol: /^https$/, message: 'The endpoint must be an https:// address' })
          .max(2000),
        secret: signingSecret.optional(),
        safeguardReference: z.string().trim().max(200).nullable().default(null),
        adequacyScopeConfirmed: z.boolean().default(false),
        pinSha256: pin.nullable().default(null),
        fields: fieldList.optional(),
        mode: z.enum(ShareModes).optional(),
      })
      .strict(),
  ),
  'sharing.connections.remove': defineMethod<{ removed: boolean }>()(z.object({ clientId: id }).strict()),
  /** Exactly what would leave, per candidate, or why it may not. Nothing is queued. */
  'sharing.preview': defineMethod<SharePreview>()(z.object(shareInput).strict()),
  /**
   * Queue the profiles. Without `allowPartial`, any refusal refuses all (FORBIDDEN,
   * details: the preview); with it, the consented ones are queued and the rest listed.
   */
  'sharing.share': defineMethod<{ queued: OutboxItem[]; refused: SharePreviewItem[] }>()(
    z.object({ ...shareInput, allowPartial: z.boolean().default(false) }).strict(),
  ),
  'sharing.outbox.list': defineMethod<{ total: number; items: OutboxItem[]; counts: Record<OutboxStatus, number> }>()(
    z
      .object({
        candidateId: id.optional(),
        clientId: id.optional(),
        status: z.enum(OutboxStatuses).optional(),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(500).default(100),
      })
      .strict(),
  ),
  /** Send a failed, blocked or waiting item again now. */
  'sharing.outbox.retry': defineMethod<OutboxItem>()(z.object({ id: z.string().min(1).max(200) }).strict()),
  /** Only a queued item can be cancelled. */
  'sharing.outbox.cancel': defineMethod<OutboxItem>()(z.object({ id: z.string().min(1).max(200) }).strict()),
  /** What was disclosed about a candidate, newest first. */
  'sharing.disclosures.list': defineMethod<Disclosure[]>()(z.object({ candidateId: id }).strict()),
};
