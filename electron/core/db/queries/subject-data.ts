import type { Db } from '../connection.ts';
import { prepared } from './prepared.ts';

/**
 * Where each feature keeps data about a candidate, so that the data-subject rights
 * reach all of it: erasure (art. 17) runs every `erase`, the export (art. 15/20)
 * every `collect`. A feature that adds a table holding anything about a candidate
 * adds its part here; the erasure test fails on any table left holding the id.
 */
export interface SubjectDataPart {
  /** The feature, as named in the erasure report and the export. */
  name: string;
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
    erase: (db, id, freed) => {
      const rows = prepared(db, 'SELECT sha256 FROM candidate_documents WHERE candidate_id = ?').all(id) as { sha256: string }[];
      for (const r of rows) freed.add(r.sha256);
      return byCandidate('candidate_documents')(db, id, freed);
    },
  },
  { name: 'profile', erase: byCandidate('candidate_profiles') },
  { name: 'nationalId', erase: byCandidate('candidate_national_ids') },
  { name: 'history', erase: byCandidate('candidate_history') },
  { name: 'consents', erase: byCandidate('consent_events') },
  { name: 'policyNotifications', erase: byCandidate('policy_notifications') },
  { name: 'activity', erase: byCandidate('candidate_activity_marks') },
  { name: 'holds', erase: byCandidate('legal_holds') },
  { name: 'candidate', erase: byCandidate('candidates', 'id') },
  { name: 'originals', erase: (db, _id, freed) => removeOrphanBlobs(db, freed) },
];
