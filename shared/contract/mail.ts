import { z } from 'zod';
import { defineMethod } from './define.ts';

/**
 * E-mail: dropped .eml/.msg files and the recruiter's mailbox (IMAP) logged on
 * the candidates they concern; marketing e-mail over SMTP to candidates with a
 * current marketing opt-in, with a one-click unsubscribe (RFC 8058).
 */

/** A dropped message and each attachment stay under this (the message is refused, with why). */
export const MAX_MAIL_BYTES = 25 * 1024 * 1024;
export const MAX_ATTACHMENT_BYTES = 15 * 1024 * 1024;
const MAX_MAIL_BASE64 = Math.ceil(MAX_MAIL_BYTES / 3) * 4;

export const MailImportStatuses = ['logged', 'duplicate', 'unmatched', 'failed'] as const;
export type MailImportStatus = (typeof MailImportStatuses)[number];

export interface MailImportResult {
  fileName: string;
  status: MailImportStatus;
  subject: string;
  from: string;
  /** The entries logged (one per candidate the message concerns). */
  entryIds: string[];
  candidateIds: string[];
  /** Why a file failed, in words a recruiter can act on. */
  error: { code: 'MALFORMED' | 'TOO_LARGE' | 'UNSUPPORTED'; message: string } | null;
}

export interface ServerSettings {
  host: string;
  port: number;
  /** TLS from the start (993/465); otherwise STARTTLS when offered. */
  secure: boolean;
  user: string;
}

export interface MailAccountView {
  /** The recruiter's own address: messages from it are outgoing. */
  address: string;
  displayName: string;
  imap: ServerSettings & { hasPassword: boolean };
  smtp: (ServerSettings & { hasPassword: boolean }) | null;
  folders: string[];
  /** Where the agency's web page forwards one-click unsubscribes (https://…/unsubscribe). */
  unsubscribeUrl: string;
  /** The mailbox unsubscribe replies go to. */
  unsubscribeAddress: string;
  lastSyncAt: string | null;
}

export interface MailSyncReport {
  folders: { folder: string; fetched: number; logged: number; duplicates: number; unmatched: number; lastUid: number }[];
  /** Unsubscribe requests found in the mailbox and recorded as withdrawals. */
  unsubscribes: number;
  cancelled: boolean;
}

export interface CampaignReport {
  campaignId: string;
  /** Candidates the campaign was delivered to. */
  sent: string[];
  /** Selected but without a current marketing opt-in (or inactive): not sent to. */
  skipped: string[];
  failed: { candidateId: string; message: string }[];
}

const server = z
  .object({
    host: z.string().trim().min(1).max(255),
    port: z.number().int().min(1).max(65535),
    secure: z.boolean(),
    user: z.string().max(320),
    /** Left out: keep the stored one. */
    password: z.string().max(1000).optional(),
  })
  .strict();

const file = z.object({ fileName: z.string().min(1).max(500), bytes: z.base64().max(MAX_MAIL_BASE64 + 1024) }).strict();

export const mailMethods = {
  /**
   * Log dropped .eml/.msg files: on the given candidate, or on every candidate an
   * address in it belongs to. A message matching nobody comes back `unmatched`.
   */
  'mail.import': defineMethod<{ results: MailImportResult[] }>()(
    z.object({ candidateId: z.string().min(1).max(64).optional(), files: z.array(file).min(1).max(50) }).strict(),
  ),
  'mail.attachment': defineMethod<{ fileName: string; contentType: string; bytes: string }>()(
    z.object({ id: z.string().min(1).max(64) }).strict(),
  ),
  'mail.account.get': defineMethod<{ account: MailAccountView | null }>()(z.object({}).strict()),
  'mail.account.save': defineMethod<MailAccountView>()(
    z
      .object({
        address: z.email().max(320),
        displayName: z.string().max(200).default(''),
        imap: server,
        smtp: server.nullable().default(null),
        folders: z.array(z.string().min(1).max(500)).min(1).max(20).default(['INBOX']),
        unsubscribeUrl: z.union([z.literal(''), z.url({ protocol: /^https?$/ }).max(500)]).default(''),
        unsubscribeAddress: z.union([z.literal(''), z.email().max(320)]).default(''),
      })
      .strict(),
  ),
  /** Fetch what is new since the last seen UID of each folder; progress as `mail.sync.progress`. */
  'mail.sync': defineMethod<MailSyncReport>()(z.object({}).strict()),
  'mail.sync.cancel': defineMethod<{ cancelled: boolean }>()(z.object({}).strict()),
  /**
   * Marketing e-mail: sent only to those of the selection (default: everyone) with a
   * current marketing opt-in, each with its own one-click unsubscribe.
   */
  'mail.campaigns.send': defineMethod<CampaignReport>()(
    z
      .object({
        subject: z.string().trim().min(1).max(300),
        text: z.string().min(1).max(200_000),
        candidateIds: z.array(z.string().min(1).max(64)).max(100_000).optional(),
      })
      .strict(),
  ),
  /** A one-click unsubscribe (the token from the List-Unsubscribe URL): recorded as a withdrawal. */
  'mail.unsubscribe': defineMethod<{ withdrawn: boolean }>()(z.object({ token: z.string().min(16).max(128) }).strict()),
};
