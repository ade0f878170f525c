import { createHash } from 'node:crypto';

/**
 * The audit log's hash chain. Each entry's hash covers its own fields and the
 * previous entry's hash, so changing or removing any entry breaks every hash
 * after it; the head (last seq and hash) is kept apart so removing the newest
 * entries is noticed too.
 */

export const GENESIS_HASH = '0'.repeat(64);

/** What an entry's hash covers: everything but the hash itself. */
export interface ChainedFields {
  seq: number;
  at: string;
  actorId: string | null;
  action: string;
  candidateId: string | null;
  subjects: Record<string, string>;
  detail: Record<string, string | number | boolean | null>;
  prevHash: string;
}

/** JSON with object keys sorted at every level: the same entry always gives the same bytes. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function entryHash(fields: ChainedFields): string {
  const { prevHash, ...entry } = fields;
  return createHash('sha256').update(canonicalJson(entry)).update(prevHash).digest('hex');
}
