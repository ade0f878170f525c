import type { Db } from '../connection.ts';
import type { AuditAction, AuditEntry, AuditVerification } from '../../../../shared/contract/index.ts';
import { GENESIS_HASH, entryHash } from '../../audit/chain.ts';
import { prepared } from './prepared.ts';

/**
 * The audit log: append-only (triggers refuse UPDATE and DELETE) and hash-chained.
 * Entries carry ids and codes only, never personal data.
 */

interface AuditRow {
  seq: number;
  at: string;
  actor_id: string | null;
  action: AuditAction;
  candidate_id: string | null;
  subjects: string;
  detail: string;
  prev_hash: string;
  hash: string;
}

export interface AuditAppend {
  at: string;
  actorId: string | null;
  action: AuditAction;
  candidateId?: string | null;
  subjects?: Record<string, string>;
  detail?: Record<string, string | number | boolean | null>;
}

function toEntry(r: AuditRow): AuditEntry {
  return {
    seq: r.seq,
    at: r.at,
    actorId: r.actor_id,
    action: r.action,
    candidateId: r.candidate_id,
    subjects: JSON.parse(r.subjects),
    detail: JSON.parse(r.detail),
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

/** Inside the caller's transaction when there is one, so an action and its entry commit together. */
export function appendAudit(db: Db, a: AuditAppend): AuditEntry {
  const run = db.transaction(() => {
    const head = prepared(db, 'SELECT seq, hash FROM audit_head WHERE id = 1').get() as { seq: number; hash: string } | undefined;
    const fields = {
      seq: (head?.seq ?? 0) + 1,
      at: a.at,
      actorId: a.actorId,
      action: a.action,
      candidateId: a.candidateId ?? null,
      subjects: a.subjects ?? {},
      detail: a.detail ?? {},
      prevHash: head?.hash ?? GENESIS_HASH,
    };
    const hash = entryHash(fields);
    prepared(
      db,
      `INSERT INTO audit_log (seq, at, actor_id, action, candidate_id, subjects, detail, prev_hash, hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      fields.seq,
      fields.at,
      fields.actorId,
      fields.action,
      fields.candidateId,
      JSON.stringify(fields.subjects),
      JSON.stringify(fields.detail),
      fields.prevHash,
      hash,
    );
    return { ...fields, hash };
  });
  // At the top level take the write lock first: another process (the CLI) appending
  // at the same time must wait rather than chain onto a stale head.
  return db.inTransaction ? run() : run.immediate();
}

export function listAudit(db: Db, a: { candidateId?: string | undefined; offset: number; limit: number }) {
  const where = a.candidateId !== undefined ? 'WHERE candidate_id = @candidateId' : '';
  const params = { candidateId: a.candidateId, limit: a.limit, offset: a.offset };
  const total = (db.prepare(`SELECT count(*) AS n FROM audit_log ${where}`).get(params) as { n: number }).n;
  const rows = db.prepare(`SELECT * FROM audit_log ${where} ORDER BY seq DESC LIMIT @limit OFFSET @offset`).all(params) as AuditRow[];
  return { total, items: rows.map(toEntry) };
}

/** Every entry about one candidate, oldest first (for the data-subject export). */
export function auditOfCandidate(db: Db, candidateId: string): AuditEntry[] {
  return (db.prepare('SELECT * FROM audit_log WHERE candidate_id = ? ORDER BY seq').all(candidateId) as AuditRow[]).map(toEntry);
}

/** Walk the chain from the first entry to the head; the first entry that does not check out is named. */
export function verifyAudit(db: Db): AuditVerification {
  const broken = (seq: number, problem: NonNullable<AuditVerification['firstBroken']>['problem'], entries: number, message: string) => ({
    intact: false,
    entries,
    firstBroken: { seq, problem },
    message,
  });
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let count = 0;
  for (const row of db.prepare('SELECT * FROM audit_log ORDER BY seq').iterate() as IterableIterator<AuditRow>) {
    count++;
    if (row.seq !== expectedSeq) {
      return broken(expectedSeq, 'missing', count, `Audit entry ${expectedSeq} is missing (the next entry is ${row.seq}).`);
    }
    let subjects: AuditEntry['subjects'];
    let detail: AuditEntry['detail'];
    try {
      subjects = JSON.parse(row.subjects);
      detail = JSON.parse(row.detail);
    } catch {
      return broken(row.seq, 'changed', count, `Audit entry ${row.seq} was changed (it no longer parses).`);
    }
    if (row.prev_hash !== prevHash) {
      return broken(row.seq, 'unlinked', count, `Audit entry ${row.seq} does not follow entry ${row.seq - 1} (its link was changed).`);
    }
    const hash = entryHash({
      seq: row.seq,
      at: row.at,
      actorId: row.actor_id,
      action: row.action,
      candidateId: row.candidate_id,
      subjects,
      detail,
      prevHash: row.prev_hash,
    });
    if (hash !== row.hash) return broken(row.seq, 'changed', count, `Audit entry ${row.seq} was changed after it was written.`);
    prevHash = row.hash;
    expectedSeq++;
  }
  const head = db.prepare('SELECT seq, hash FROM audit_head WHERE id = 1').get() as { seq: number; hash: string } | undefined;
  const last = expectedSeq - 1;
  if (!head) return broken(1, 'truncated', count, 'The audit log has lost its head record: entries may have been removed.');
  if (head.seq !== last || head.hash !== prevHash) {
    const seq = head.seq > last ? last + 1 : head.seq;
    return broken(seq, 'truncated', count, `The audit log ends at entry ${last} but its head records entry ${head.seq}: entries were removed or replaced.`);
  }
  return { intact: true, entries: count, firstBroken: null, message: `The audit log is intact: ${count} entries.` };
}

/** The trail of one candidate with the names of the staff in it (for the data-subject export). */
export function candidateTrail(db: Db, a: { candidateId: string }): { entries: AuditEntry[]; actors: Record<string, string> } {
  const entries = auditOfCandidate(db, a.candidateId);
  const ids = [...new Set(entries.map((e) => e.actorId).filter((id): id is string => id !== null))];
  const actors: Record<string, string> = {};
  for (const id of ids) {
    const row = prepared(db, 'SELECT name FROM staff WHERE id = ?').get(id) as { name: string } | undefined;
    if (row) actors[id] = row.name;
  }
  return { entries, actors };
}

export const auditQueries = {
  'audit.append': appendAudit,
  'audit.list': listAudit,
  'audit.verify': verifyAudit,
  'audit.candidateTrail': candidateTrail,
};
