import type { Db } from '../connection.ts';
import { prepared } from './prepared.ts';
import { candidateHistory, getCandidate } from './candidates.ts';
import { getProfile } from './profiles.ts';
import { currentConsents, listConsentEvents } from './consents.ts';
import { holdsOfCandidate } from './holds.ts';
import { lastOwnActivity } from './retention.ts';
import { matchingSubjectPart } from './matching-subject.ts';
import { removeFromSearchIndex } from './search-index.ts';
import { correspondencePart } from './activity-subject.ts';
import { collectSharing, eraseSharing } from './sharing.ts';
import { redactRequests, requestsOfCandidate } from './rights-requests.ts';

/**
 * Where each feature keeps data about a candidate, so that the data-subject rights
 * reach all of it: erasure (art. 17) runs every `erase`, the export (art. 15/20)
 * every `collect`. A feature that adds a table holding anything about a candidate
 * adds its part here; the erasure test fails on any table left holding the id, and
 * the export test on any part missing from the export.
 */
export interface SubjectDataPart {
  /** The feature, as named in the erasure report and the export (its key in data.json). */
  name: string;
  /** Everything this part holds about the candidate, for the export; null when it holds nothing. */
  collect: ((db: Db, candidateId: string, now: string) => unknown) | null;
  /**
   * Remove everything this part holds about the candidate; returns the rows removed.
   * Runs inside the erasure's transaction, after the tombstone is written and
   * before the candidate row goes. Originals (blobs) the part referenced and that
   * nothing else uses are returned for the blob part to remove.
   */
  erase(db: Db, candidateId: string, freed: Set<string>): number;
}

/** Originals nothing references any more. */
function removeOrphanBlobs(db: Db, hashes: Set<string>): number {
  const orphan = prepared(
    db,
    
    `DELETE FROM blobs WHERE sha256 = ?
     AND NOT EXISTS (SELECT 1 FROM intake_jobs WHERE sha256 = blobs.sha256 AND has_blob = 1)
     AND NOT EXISTS (SELECT 1 FROM candidate_documents WHERE sha256 = blobs.sha256)`,
  );
  let n = 0;
  for (const sha of hashes) n += orphan.run(sha).changes;
  return n;
}

const byCandidate = (table: string, column = 'candidate_id'): SubjectDataPart['erase'] => (db, id) =>
  prepared(db, `DELETE FROM ${table} WHERE ${column} = ?`).run(id).changes;

/** In order: what refers to the candidate first, the candidate row last, orphaned originals after it. */
export const subjectDataParts: SubjectDataPart[] = [
  {
    name: 'intake',
    // The jobs the CV came through, and later drops of the same file marked as its duplicates.
    collect: (db, id) =>
      prepared(
        db,
        `SELECT id, file_name AS fileName, format, size, sha256, state, outcome, created_at AS createdAt
         FROM intake_jobs WHERE candidate_id = ? OR duplicate_of_candidate = ? ORDER BY seq`,
      ).all(id, id),
    erase: (db, id, freed) => {
      const rows = prepared(db, 'SELECT sha256 FROM intake_jobs WHERE (candidate_id = ? OR duplicate_of_candidate = ?) AND sha256 IS NOT NULL').all(
        id,
        id,
      ) as { sha256: string }[];
      for (const r of rows) freed.add(r.sha256);
      return prepared(db, 'DELETE FROM intake_jobs WHERE candidate_id = ? OR duplicate_of_candidate = ?').run(id, id).changes;
    },
  },
  {
    name: 'documents',
    // The originals themselves go into the export as files beside data.json.
    collect: (db, id) =>
      prepared(
        db,
        `SELECT id, file_name AS fileName, format, size, sha256, text, added_at AS addedAt
         FROM candidate_documents WHERE candidate_id = ? ORDER BY added_at, id`,
      ).all(id),
    erase: (db, id, freed) => {
      const rows = prepared(db, 'SELECT sha256 FROM candidate_documents WHERE candidate_id = ?').all(id) as { sha256: string }[];
      for (const r of rows) freed.add(r.sha256);
      return byCandidate('candidate_documents')(db, id, freed);
    },
  },
  { name: 'profile', collect: (db, id) => getProfile(db, { candidateId: id }).resume, erase: byCandidate('candidate_profiles') },
  {
    name: 'nationalId',
    // Art. 15 covers the protected field too: the candidate gets their own number.
    collect: (db, id) =>
      prepared(db, 'SELECT kind, value, kept_at AS keptAt FROM candidate_national_ids WHERE candidate_id = ?').get(id) ?? null,
    erase: byCandidate('candidate_national_ids'),
  },
  { name: 'history', collect: (db, id) => candidateHistory(db, { id }), erase: byCandidate('candidate_history') },
  {
    name: 'consents',
    collect: (db, id) => ({ current: currentConsents(db, { candidateId: id }), events: listConsentEvents(db, { candidateId: id }) }),
    erase: byCandidate('consent_events'),
  },
  {
    name: 'policyNotifications',
    collect: (db, id) =>
      prepared(
        db,
        'SELECT policy_version AS policyVersion, method, at FROM policy_notifications WHERE candidate_id = ? ORDER BY at, policy_version',
      ).all(id),
    erase: byCandidate('policy_notifications'),
  },
  {
    name: 'activity',
    collect: (db, id) => ({
      lastOwnActivityAt: lastOwnActivity(db, id),
      marks: prepared(db, 'SELECT kind, at FROM candidate_activity_marks WHERE candidate_id = ? ORDER BY at').all(id),
    }),
    erase: byCandidate('candidate_activity_marks'),
  },
  { name: 'holds', collect: (db, id, now) => holdsOfCandidate(db, id, now), erase: byCandidate('legal_holds') },
  // Requests stay as proof they were answered (like the tombstone); erasure removes only their notes.
  { name: 'rightsRequests', collect: (db, id, now) => requestsOfCandidate(db, id, now), erase: (db, id) => redactRequests(db, id) },
  { name: 'sharing', collect: (db, id) => collectSharing(db, id), erase: (db, id) => eraseSharing(db, id) },
  correspondencePart,
  // The index copies what the other parts hold (nothing of its own to export); its tokens go with secure-delete.
  { name: 'search', collect: null, erase: (db, id) => removeFromSearchIndex(db, id) },
  matchingSubjectPart,
  { name: 'candidate', collect: (db, id) => getCandidate(db, { id }), erase: byCandidate('candidates', 'id') },
  { name: 'originals', collect: null, erase: (db, _id, freed) => removeOrphanBlobs(db, freed) },
];

/** Every part's data about one candidate, by part name (the candidate must exist). */
export function collectSubjectData(db: Db, a: { candidateId: string; now: string }): Record<string, unknown> {
  getCandidate(db, { id: a.candidateId });
  const data: Record<string, unknown> = {};
  for (const part of subjectDataParts) if (part.collect) data[part.name] = part.collect(db, a.candidateId, a.now);
  return data;
}

export const subjectDataQueries = { 'privacy.collect': collectSubjectData };
