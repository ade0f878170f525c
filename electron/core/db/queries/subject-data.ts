import type { Db } from '../connection.ts';
import { prepared } from './prepared.ts';
import { byCandidate, eachCandidate, IN_BATCH, type EraseBatch } from './erasure-batch.ts';
import { candidateHistory, getCandidate } from './candidates.ts';
import { getProfile } from './profiles.ts';
import { currentConsents, listConsentEvents } from './consents.ts';
import { holdsOfCandidate } from './holds.ts';
import { lastOwnActivity } from './retention.ts';
import { matchingSubjectPart } from './matching-subject.ts';
import { removeFromSearchIndex } from './search-index.ts';
import { eraseNamingSearches } from './search-subject.ts';
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
   * Remove everything this part holds about the candidates of the batch; returns
   * the rows removed. Runs inside the erasure's transaction, after their tombstones
   * are written and before their candidate rows go. The batch's ids are in
   * `temp.erasure_batch` (see IN_BATCH), so a table is cleared with one statement
   * for the whole batch: a retention run erases thousands at once. Originals
   * (blobs) the part referenced are added to `freed`, for the blob part to remove
   * those nothing else uses.
   */
  erase: EraseBatch;
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

/** The originals the rows about to go reference. */
function collectHashes(db: Db, sql: string, freed: Set<string>): void {
  for (const r of prepared(db, sql).all() as { sha256: string }[]) freed.add(r.sha256);
}

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
    erase: (db, _batch, freed) => {
      collectHashes(
        db,
        `SELECT sha256 FROM intake_jobs WHERE (candidate_id ${IN_BATCH} OR duplicate_of_candidate ${IN_BATCH}) AND sha256 IS NOT NULL`,
        freed,
      );
      return prepared(db, `DELETE FROM intake_jobs WHERE candidate_id ${IN_BATCH} OR duplicate_of_candidate ${IN_BATCH}`).run().changes;
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
    erase: (db, batch, freed) => {
      collectHashes(db, `SELECT sha256 FROM candidate_documents WHERE candidate_id ${IN_BATCH}`, freed);
      return byCandidate('candidate_documents')(db, batch, freed);
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
  { name: 'rightsRequests', collect: (db, id, now) => requestsOfCandidate(db, id, now), erase: eachCandidate(redactRequests) },
  { name: 'sharing', collect: (db, id) => collectSharing(db, id), erase: eachCandidate(eraseSharing) },
  correspondencePart,
  // The index copies what the other parts hold (nothing of its own to export); its tokens go with secure-delete.
  { name: 'search', collect: null, erase: eachCandidate(removeFromSearchIndex) },
  // Saved searches that name the candidate (see search-subject.ts); read before the candidate row goes.
  { name: 'savedSearches', collect: null, erase: eraseNamingSearches },
  matchingSubjectPart,
  { name: 'candidate', collect: (db, id) => getCandidate(db, { id }), erase: byCandidate('candidates', 'id') },
  { name: 'originals', collect: null, erase: (db, _batch, freed) => removeOrphanBlobs(db, freed) },
];

/** Every part's data about one candidate, by part name (the candidate must exist). */
export function collectSubjectData(db: Db, a: { candidateId: string; now: string }): Record<string, unknown> {
  getCandidate(db, { id: a.candidateId });
  const data: Record<string, unknown> = {};
  for (const part of subjectDataParts) if (part.collect) data[part.name] = part.collect(db, a.candidateId, a.now);
  return data;
}

export const subjectDataQueries = { 'privacy.collect': collectSubjectData };
