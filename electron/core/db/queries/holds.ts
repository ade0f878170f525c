import type { Db } from '../connection.ts';
import type { LegalHold } from '../../../../shared/contract/index.ts';
import { AppError } from '../../rpc/errors.ts';
import { appendAudit } from './audit.ts';
import { prepared } from './prepared.ts';

/**
 * Legal holds: while one is in force the candidate is never purged or erased.
 * A hold ends when released or after its last day (`until`, inclusive).
 */

/** SQL: a hold in force on `@now` (an ISO time; its date is compared with `until`). */
export const HOLD_IN_FORCE = `released_at IS NULL AND (until IS NULL OR until >= substr(@now, 1, 10))`;

interface HoldRow {
  id: string;
  candidate_id: string;
  reason: string;
  until: string | null;
  set_at: string;
  set_by: string;
  set_by_name: string;
  released_at: string | null;
  released_by: string | null;
  released_by_name: string | null;
}

const SELECT = `SELECT h.*, s.name AS set_by_name, r.name AS released_by_name
  FROM legal_holds h JOIN staff s ON s.id = h.set_by LEFT JOIN staff r ON r.id = h.released_by`;

function toHold(r: HoldRow, now: string): LegalHold {
  return {
    id: r.id,
    candidateId: r.candidate_id,
    reason: r.reason,
    until: r.until,
    setAt: r.set_at,
    setBy: { id: r.set_by, name: r.set_by_name },
    releasedAt: r.released_at,
    releasedBy: r.released_by ? { id: r.released_by, name: r.released_by_name ?? '' } : null,
    state: r.released_at ? 'released' : r.until !== null && r.until < now.slice(0, 10) ? 'expired' : 'active',
  };
}

export function activeHoldUntil(db: Db, candidateId: string, now: string): { until: string | null } | undefined {
  return prepared(db, `SELECT until FROM legal_holds WHERE candidate_id = @id AND ${HOLD_IN_FORCE} ORDER BY until IS NULL DESC, until DESC LIMIT 1`)
    .get({ id: candidateId, now }) as { until: string | null } | undefined;
}

export function setHold(db: Db, a: { id: string; candidateId: string; reason: string; until: string | null; actorId: string; at: string }): LegalHold {
  return db.transaction(() => {
    if (!db.prepare('SELECT 1 FROM candidates WHERE id = ?').get(a.candidateId)) {
      throw new AppError('NOT_FOUND', 'No candidate with that id', { id: a.candidateId });
    }
    if (a.until !== null && a.until < a.at.slice(0, 10)) {
      throw new AppError('VALIDATION', 'A hold cannot end before today.', { issues: [{ path: 'until', message: 'In the past' }] });
    }
    db.prepare('INSERT INTO legal_holds (id, candidate_id, reason, until, set_at, set_by) VALUES (?, ?, ?, ?, ?, ?)').run(
      a.id,
      a.candidateId,
      a.reason,
      a.until,
      a.at,
      a.actorId,
    );
    // The reason may name people or cases: the log keeps the hold's id, not its words.
    appendAudit(db, { at: a.at, actorId: a.actorId, action: 'hold.set', candidateId: a.candidateId, subjects: { hold: a.id }, detail: { until: a.until } });
    return toHold(db.prepare(`${SELECT} WHERE h.id = ?`).get(a.id) as HoldRow, a.at);
  })();
}

export function releaseHold(db: Db, a: { holdId: string; actorId: string; at: string }): LegalHold {
  return db.transaction(() => {
    const row = db.prepare(`${SELECT} WHERE h.id = ?`).get(a.holdId) as HoldRow | undefined;
    if (!row) throw new AppError('NOT_FOUND', 'No legal hold with that id', { id: a.holdId });
    if (row.released_at) throw new AppError('CONFLICT', 'This hold was released already.', { releasedAt: row.released_at });
    db.prepare('UPDATE legal_holds SET released_at = ?, released_by = ? WHERE id = ?').run(a.at, a.actorId, a.holdId);
    appendAudit(db, { at: a.at, actorId: a.actorId, action: 'hold.release', candidateId: row.candidate_id, subjects: { hold: a.holdId } });
    return toHold(db.prepare(`${SELECT} WHERE h.id = ?`).get(a.holdId) as HoldRow, a.at);
  })();
}

export function listHolds(db: Db, a: { candidateId?: string | undefined; state: 'active' | 'all'; now: string }): LegalHold[] {
  const where = [a.candidateId !== undefined ? 'h.candidate_id = @candidateId' : '', a.state === 'active' ? HOLD_IN_FORCE : '']
    .filter(Boolean)
    .join(' AND ');
  const rows = db
    .prepare(`${SELECT} ${where ? `WHERE ${where}` : ''} ORDER BY h.set_at DESC, h.id`)
    .all({ candidateId: a.candidateId, now: a.now }) as HoldRow[];
  return rows.map((r) => toHold(r, a.now));
}

/** Holds of one candidate (for the export), oldest first. */
export function holdsOfCandidate(db: Db, candidateId: string, now: string): LegalHold[] {
  return (db.prepare(`${SELECT} WHERE h.candidate_id = ? ORDER BY h.set_at, h.id`).all(candidateId) as HoldRow[]).map((r) => toHold(r, now));
}

export const holdQueries = {
  'holds.set': setHold,
  'holds.release': releaseHold,
  'holds.list': listHolds,
};
