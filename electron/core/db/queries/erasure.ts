import type { Db } from '../connection.ts';
import type { ErasureReason, ErasureReport, Tombstone } from '../../../../shared/contract/index.ts';
import { AppError } from '../../rpc/errors.ts';
import { appendAudit } from './audit.ts';
import { subjectDataParts } from './subject-data.ts';
import { activeHoldUntil } from './holds.ts';
import { prepared } from './prepared.ts';
import { checkRequestFor, completeByErasure } from './rights-requests.ts';

/**
 * Erasure: every part of the vault that holds something about the candidate
 * (see subject-data.ts) in one transaction, a tombstone without personal data, and
 * the audit entry. Then the freed pages are wiped (secure_delete overwrites them;
 * the checkpoint carries the overwritten pages into the database file and empties
 * the -wal, which would otherwise keep the old page images).
 */

export function eraseCandidate(
  db: Db,
  a: { candidateId: string; reason: ErasureReason; actorId: string | null; at: string; requestId?: string | null },
): ErasureReport {
  return db.transaction(() => {
    const tomb = prepared(db, 'SELECT erased_at FROM erasures WHERE candidate_id = ?').get(a.candidateId) as { erased_at: string } | undefined;
    if (tomb) throw new AppError('NOT_FOUND', 'This candidate was erased already.', { id: a.candidateId, erasedAt: tomb.erased_at });
    if (!prepared(db, 'SELECT 1 FROM candidates WHERE id = ?').get(a.candidateId)) {
      throw new AppError('NOT_FOUND', 'No candidate with that id', { id: a.candidateId });
    }
    const hold = activeHoldUntil(db, a.candidateId, a.at);
    if (hold) {
      throw new AppError(
        'CONFLICT',
        hold.until
          ? `This candidate is under legal hold until ${hold.until}: nothing may be erased before the hold ends or is released.`
          : 'This candidate is under legal hold: nothing may be erased until the hold is released.',
        { holdUntil: hold.until },
      );
    }
    if (a.requestId) checkRequestFor(db, { requestId: a.requestId, candidateId: a.candidateId, action: 'erasure' });
    // The tombstone first: the consent ledger lets rows go only for a tombstoned candidate.
    prepared(db, 'INSERT INTO erasures (candidate_id, erased_at, erased_by, reason) VALUES (?, ?, ?, ?)').run(
      a.candidateId,
      a.at,
      a.actorId,
      a.reason,
    );
    const freed = new Set<string>();
    const removed: Record<string, number> = {};
    for (const part of subjectDataParts) removed[part.name] = part.erase(db, a.candidateId, freed);
    appendAudit(db, { at: a.at, actorId: a.actorId, action: 'erasure', candidateId: a.candidateId, detail: { reason: a.reason } });
    // The requests it honours are answered by it (and stay, without their notes, as proof).
    const requestsCompleted = completeByErasure(db, { candidateId: a.candidateId, requestId: a.requestId ?? null, actorId: a.actorId, at: a.at });
    return { candidateId: a.candidateId, erasedAt: a.at, erasedBy: a.actorId, reason: a.reason, removed, requestsCompleted };
  })();
}

/**
 * Make the erasure physical: secure_delete has zeroed the freed content, and the
 * truncating checkpoint writes those pages into the database file and leaves no
 * older page image in the -wal (the erasure test reads every decrypted page to
 * prove it). VACUUM, on request, also drops the free pages, but it rewrites the
 * whole vault through the -wal with its copy in memory (temp_store=MEMORY): about
 * 7 s for a 160 MB vault, so it is not run for every erasure.
 */
export function wipeFreedPages(db: Db, a: { vacuum: boolean }): { walEmptied: boolean; vacuumed: boolean } {
  const checkpoint = () => (db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[])[0]?.busy === 0;
  let walEmptied = checkpoint();
  if (a.vacuum) {
    db.exec('VACUUM');
    walEmptied = checkpoint();
  }
  return { walEmptied, vacuumed: a.vacuum };
}

export function listTombstones(db: Db, a: { offset: number; limit: number }): { total: number; items: Tombstone[] } {
  const total = (db.prepare('SELECT count(*) AS n FROM erasures').get() as { n: number }).n;
  const rows = db
    .prepare('SELECT candidate_id, erased_at, erased_by, reason FROM erasures ORDER BY erased_at DESC, candidate_id LIMIT ? OFFSET ?')
    .all(a.limit, a.offset) as { candidate_id: string; erased_at: string; erased_by: string | null; reason: ErasureReason }[];
  return {
    total,
    items: rows.map((r) => ({ candidateId: r.candidate_id, erasedAt: r.erased_at, erasedBy: r.erased_by, reason: r.reason })),
  };
}

export const erasureQueries = {
  'privacy.erase': eraseCandidate,
  'privacy.wipeFreedPages': wipeFreedPages,
  'privacy.tombstones': listTombstones,
};
