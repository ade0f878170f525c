import type { Db } from '../connection.ts';
import type { PipelineStage, ShortlistEntry } from '../../../../shared/contract/index.ts';
import { AppError } from '../../rpc/errors.ts';
import { prepared } from './prepared.ts';
import { setPlacement } from './picture.ts';

/**
 * Shortlists per vacancy and their pipeline. Every move is kept (who, when, from
 * what to what); a placement makes the candidate unavailable until its last day.
 */

interface EntryRow {
  vacancy_id: string;
  candidate_id: string;
  candidate_name: string;
  stage: PipelineStage;
  run_id: string | null;
  score: number | null;
  note: string;
  added_at: string;
  updated_at: string;
}

export function shortlistOf(db: Db, a: { vacancyId: string }): ShortlistEntry[] {
  if (!prepared(db, 'SELECT 1 FROM vacancies WHERE id = ?').get(a.vacancyId)) throw new AppError('NOT_FOUND', 'No vacancy with that id', { id: a.vacancyId });
  const rows = prepared(
    db,
    `SELECT e.*, c.name AS candidate_name FROM shortlist_entries e JOIN candidates c ON c.id = e.candidate_id
     WHERE e.vacancy_id = ? ORDER BY e.added_at, c.sort_key, e.candidate_id`,
  ).all(a.vacancyId) as EntryRow[];
  const events = prepared(
    db,
    `SELECT e.candidate_id, e.from_stage, e.to_stage, e.at, s.name AS by_name FROM shortlist_events e JOIN staff s ON s.id = e.by
     WHERE e.vacancy_id = ? ORDER BY e.seq`,
  ).all(a.vacancyId) as { candidate_id: string; from_stage: PipelineStage | null; to_stage: PipelineStage; at: string; by_name: string }[];
  return rows.map((r) => ({
    vacancyId: r.vacancy_id,
    candidateId: r.candidate_id,
    candidateName: r.candidate_name,
    stage: r.stage,
    runId: r.run_id,
    score: r.score,
    note: r.note,
    addedAt: r.added_at,
    updatedAt: r.updated_at,
    history: events.filter((e) => e.candidate_id === r.candidate_id).map((e) => ({ from: e.from_stage, to: e.to_stage, at: e.at, by: e.by_name })),
  }));
}

function event(db: Db, vacancyId: string, candidateId: string, from: PipelineStage | null, to: PipelineStage, actorId: string, at: string) {
  prepared(db, 'INSERT INTO shortlist_events (vacancy_id, candidate_id, from_stage, to_stage, at, by) VALUES (?, ?, ?, ?, ?, ?)').run(
    vacancyId,
    candidateId,
    from,
    to,
    at,
    actorId,
  );
}

/** On the shortlist (again); from a ranking, the run and score come along. Already there: unchanged. */
export function addToShortlist(
  db: Db,
  a: { vacancyId: string; candidateId: string; note: string; runId: string | null; actorId: string; at: string },
): ShortlistEntry[] {
  return db.transaction(() => {
    if (!prepared(db, 'SELECT 1 FROM vacancies WHERE id = ?').get(a.vacancyId)) throw new AppError('NOT_FOUND', 'No vacancy with that id', { id: a.vacancyId });
    if (!prepared(db, 'SELECT 1 FROM candidates WHERE id = ?').get(a.candidateId)) throw new AppError('NOT_FOUND', 'No candidate with that id', { id: a.candidateId });
    const existing = prepared(db, 'SELECT stage FROM shortlist_entries WHERE vacancy_id = ? AND candidate_id = ?').get(a.vacancyId, a.candidateId);
    if (!existing) {
      const score = a.runId
        ? ((prepared(db, 'SELECT score FROM match_results WHERE run_id = ? AND candidate_id = ?').get(a.runId, a.candidateId) as { score: number } | undefined)?.score ?? null)
        : null;
      prepared(
        db,
        `INSERT INTO shortlist_entries (vacancy_id, candidate_id, stage, run_id, score, note, added_at, added_by, updated_at, updated_by)
         VALUES (?, ?, 'shortlisted', ?, ?, ?, ?, ?, ?, ?)`,
      ).run(a.vacancyId, a.candidateId, a.runId, score, a.note, a.at, a.actorId, a.at, a.actorId);
      event(db, a.vacancyId, a.candidateId, null, 'shortlisted', a.actorId, a.at);
    }
    return shortlistOf(db, a);
  })();
}

export function moveOnShortlist(
  db: Db,
  a: { vacancyId: string; candidateId: string; stage: PipelineStage; placedUntil?: string | null | undefined; actorId: string; at: string },
): ShortlistEntry[] {
  return db.transaction(() => {
    const row = prepared(db, 'SELECT stage FROM shortlist_entries WHERE vacancy_id = ? AND candidate_id = ?').get(a.vacancyId, a.candidateId) as
      | { stage: PipelineStage }
      | undefined;
    if (!row) throw new AppError('NOT_FOUND', 'That candidate is not on this shortlist', { vacancyId: a.vacancyId, candidateId: a.candidateId });
    if (row.stage === a.stage && a.stage !== 'placed') return shortlistOf(db, a);
    prepared(db, 'UPDATE shortlist_entries SET stage = ?, updated_at = ?, updated_by = ? WHERE vacancy_id = ? AND candidate_id = ?').run(
      a.stage,
      a.at,
      a.actorId,
      a.vacancyId,
      a.candidateId,
    );
    event(db, a.vacancyId, a.candidateId, row.stage, a.stage, a.actorId, a.at);
    if (a.stage === 'placed') {
      setPlacement(db, { candidateId: a.candidateId, placement: { vacancyId: a.vacancyId, until: a.placedUntil ?? null }, actorId: a.actorId, at: a.at });
    } else if (row.stage === 'placed') {
      // Undoing a placement frees the candidate again.
      setPlacement(db, { candidateId: a.candidateId, placement: null, actorId: a.actorId, at: a.at });
    }
    return shortlistOf(db, a);
  })();
}

export function removeFromShortlist(db: Db, a: { vacancyId: string; candidateId: string; actorId: string; at: string }): ShortlistEntry[] {
  return db.transaction(() => {
    const row = prepared(db, 'SELECT stage FROM shortlist_entries WHERE vacancy_id = ? AND candidate_id = ?').get(a.vacancyId, a.candidateId) as
      | { stage: PipelineStage }
      | undefined;
    if (!row) throw new AppError('NOT_FOUND', 'That candidate is not on this shortlist', { vacancyId: a.vacancyId, candidateId: a.candidateId });
    if (row.stage === 'placed') setPlacement(db, { candidateId: a.candidateId, placement: null, actorId: a.actorId, at: a.at });
    prepared(db, 'DELETE FROM shortlist_entries WHERE vacancy_id = ? AND candidate_id = ?').run(a.vacancyId, a.candidateId);
    // The moves stay in the vacancy's history until the candidate is erased.
    return shortlistOf(db, a);
  })();
}

/** For the candidate's export. */
export function shortlistsOfCandidate(db: Db, candidateId: string) {
  return {
    entries: prepared(
      db,
      `SELECT e.vacancy_id AS vacancyId, v.title AS vacancy, e.stage, e.score, e.note, e.added_at AS addedAt, e.updated_at AS updatedAt
       FROM shortlist_entries e JOIN vacancies v ON v.id = e.vacancy_id WHERE e.candidate_id = ? ORDER BY e.added_at`,
    ).all(candidateId),
    moves: prepared(
      db,
      `SELECT e.vacancy_id AS vacancyId, e.from_stage AS "from", e.to_stage AS "to", e.at FROM shortlist_events e WHERE e.candidate_id = ? ORDER BY e.seq`,
    ).all(candidateId),
  };
}

export const shortlistQueries = {
  'shortlists.get': shortlistOf,
  'shortlists.add': addToShortlist,
  'shortlists.move': moveOnShortlist,
  'shortlists.remove': removeFromShortlist,
};
