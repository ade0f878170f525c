import type { Db } from '../connection.ts';
import type { OwnActivityKind, RetentionCandidate, RetentionItem } from '../../../../shared/contract/index.ts';
import { AppError } from '../../rpc/errors.ts';
import { appendAudit } from './audit.ts';
import { grantedNow } from './consents.ts';
import { eraseCandidates } from './erasure.ts';
import { isBulkErasure, purgeSearchIndex, withDeferredIndexPurge } from './search-subject.ts';
import { HOLD_IN_FORCE } from './holds.ts';

/**
 * Retention: each candidate's limit counts from their last own activity — the
 * newest of registration, an own activity mark, a CV received (an application),
 * a consent they gave. The long limit applies only with a current keep-for-future
 * consent. All times are ISO strings in UTC, so they compare as text.
 */

export function recordOwnActivity(db: Db, a: { candidateId: string; kind: OwnActivityKind; at: string }): { candidateId: string; lastOwnActivityAt: string } {
  if (!db.prepare('SELECT 1 FROM candidates WHERE id = ?').get(a.candidateId)) {
    throw new AppError('NOT_FOUND', 'No candidate with that id', { id: a.candidateId });
  }
  db.prepare(
    `INSERT INTO candidate_activity_marks (candidate_id, kind, at) VALUES (?, ?, ?)
     ON CONFLICT(candidate_id, kind) DO UPDATE SET at = max(at, excluded.at)`,
  ).run(a.candidateId, a.kind, a.at);
  return { candidateId: a.candidateId, lastOwnActivityAt: lastOwnActivity(db, a.candidateId) };
}

const LAST_OWN_ACTIVITY = `max(c.created_at,
    coalesce((SELECT max(m.at) FROM candidate_activity_marks m WHERE m.candidate_id = c.id), ''),
    coalesce((SELECT max(d.added_at) FROM candidate_documents d WHERE d.candidate_id = c.id), ''),
    coalesce((SELECT max(e.at) FROM consent_events e WHERE e.candidate_id = c.id AND e.action = 'grant'), ''))`;

export function lastOwnActivity(db: Db, candidateId: string): string {
  return (db.prepare(`SELECT ${LAST_OWN_ACTIVITY} AS last FROM candidates c WHERE c.id = ?`).get(candidateId) as { last: string }).last;
}

interface ScheduleRow {
  id: string;
  name: string;
  status: 'active' | 'inactive';
  email: string | null;
  phone: string | null;
  last_at: string;
  keep: number;
  due_at: string;
  held: number;
}

/** Everyone whose limit passes at or before `until`, soonest first. */
function schedule(db: Db, a: { now: string; until: string; monthsWith: number; monthsWithout: number }): ScheduleRow[] {
  return db
    .prepare(
      `WITH s AS (
         SELECT c.id, c.name, c.status, c.emails ->> '$[0]' AS email, c.phones ->> '$[0]' AS phone,
           ${LAST_OWN_ACTIVITY} AS last_at,
           coalesce(${grantedNow("'keepForFuture'")}, 0) AS keep
         FROM candidates c),
       d AS (
         SELECT s.*, strftime('%Y-%m-%dT%H:%M:%fZ', s.last_at,
           '+' || (CASE WHEN s.keep THEN @monthsWith ELSE @monthsWithout END) || ' months') AS due_at
         FROM s)
       SELECT d.*, EXISTS (SELECT 1 FROM legal_holds h WHERE h.candidate_id = d.id AND ${HOLD_IN_FORCE}) AS held
       FROM d WHERE d.due_at <= @until
       ORDER BY d.due_at, d.id`,
    )
    .all(a) as ScheduleRow[];
}

const toItem = (r: ScheduleRow, monthsWith: number, monthsWithout: number): RetentionItem => ({
  candidateId: r.id,
  lastOwnActivityAt: r.last_at,
  keepConsent: r.keep === 1,
  limitMonths: r.keep === 1 ? monthsWith : monthsWithout,
  dueAt: r.due_at,
  held: r.held === 1,
});

export function dueForErasure(db: Db, a: { now: string; monthsWith: number; monthsWithout: number }): RetentionItem[] {
  return schedule(db, { ...a, until: a.now }).map((r) => toItem(r, a.monthsWith, a.monthsWithout));
}

export function upcomingErasures(db: Db, a: { now: string; until: string; monthsWith: number; monthsWithout: number }): RetentionCandidate[] {
  return schedule(db, a).map((r) => ({ ...toItem(r, a.monthsWith, a.monthsWithout), name: r.name, status: r.status, email: r.email, phone: r.phone }));
}

/**
 * Erase one batch of a run in one transaction (the run's cost is per commit and per
 * statement, not per row): each table is cleared for the whole batch at once. One
 * that cannot go (a hold set since the schedule was read, erased meanwhile) stays
 * without stopping the others. `bulk` (from retention.isBulk) leaves the index's
 * words for retention.purgeSearchIndex.
 */
export function eraseExpired(db: Db, a: { ids: string[]; actorId: string | null; at: string; bulk?: boolean }): { erased: string[]; kept: string[] } {
  const erase = () => eraseCandidates(db, { ids: a.ids, reason: 'retention', actorId: a.actorId, at: a.at });
  const { erased, kept } = db.transaction(() => (a.bulk ? withDeferredIndexPurge(db, erase) : erase())).immediate();
  return { erased, kept };
}

export function logRetentionRun(
  db: Db,
  a: { actorId: string | null; at: string; asOf: string; dryRun: boolean; erased: number; held: number; cancelled: boolean; scheduled: boolean },
): void {
  appendAudit(db, {
    at: a.at,
    actorId: a.actorId,
    action: 'retention.run',
    detail: { asOf: a.asOf, dryRun: a.dryRun, erased: a.erased, held: a.held, cancelled: a.cancelled, scheduled: a.scheduled },
  });
}

export const retentionQueries = {
  'retention.recordActivity': recordOwnActivity,
  'retention.due': dueForErasure,
  'retention.upcoming': upcomingErasures,
  'retention.eraseExpired': eraseExpired,
  'retention.isBulk': (db: Db, a: { erasing: number }) => isBulkErasure(db, a.erasing),
  'retention.purgeSearchIndex': (db: Db) => purgeSearchIndex(db),
  'retention.logRun': logRetentionRun,
};
