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
