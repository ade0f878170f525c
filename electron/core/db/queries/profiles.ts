import type { Db } from '../connection.ts';
import type { CandidateDocument, CandidateProfile, IntakeFormat, ResumeDocument } from '../../../../shared/contract/index.ts';
import { AppError } from '../../rpc/errors.ts';
import { refreshSearchIndex } from './search-index.ts';

/**
 * A candidate's profile (work, education, skills… as JSON Resume), the documents
 * it came from, and the protected national-id field.
 */

export function getProfile(db: Db, a: { candidateId: string }): CandidateProfile {
  const exists = db.prepare('SELECT 1 FROM candidates WHERE id = ?').get(a.candidateId);
  if (!exists) throw new AppError('NOT_FOUND', 'No candidate with that id', { id: a.candidateId });
  const profile = db.prepare('SELECT resume FROM candidate_profiles WHERE candidate_id = ?').get(a.candidateId) as
    | { resume: string }
    | undefined;
  const documents = db
    .prepare(
      `SELECT id, job_id, file_name, format, size, sha256, added_at FROM candidate_documents
       WHERE candidate_id = ? ORDER BY added_at DESC, id`,
    )
    .all(a.candidateId) as {
    id: string;
    job_id: string | null;
    file_name: string;
    format: IntakeFormat;
    size: number;
    sha256: string;
    added_at: string;
  }[];
  const kept = db.prepare('SELECT 1 FROM candidate_national_ids WHERE candidate_id = ?').get(a.candidateId);
  return {
    candidateId: a.candidateId,
    resume: profile ? (JSON.parse(profile.resume) as ResumeDocument) : null,
    documents: documents.map(
      (d): CandidateDocument => ({
        id: d.id,
        jobId: d.job_id,
        fileName: d.file_name,
        format: d.format,
        size: d.size,
        sha256: d.sha256,
        addedAt: d.added_at,
      }),
    ),
    nationalIdKept: kept !== undefined,
  };
}

export function upsertProfile(db: Db, a: { candidateId: string; resume: ResumeDocument; actorId: string; at: string }): void {
  db.prepare(
    `INSERT INTO candidate_profiles (candidate_id, resume, updated_at, updated_by) VALUES (?, ?, ?, ?)
     ON CONFLICT(candidate_id) DO UPDATE SET resume = excluded.resume, updated_at = excluded.updated_at,
       updated_by = excluded.updated_by`,
  ).run(a.candidateId, JSON.stringify(a.resume), a.at, a.actorId);
  refreshSearchIndex(db, a.candidateId);
}

export function insertDocument(
  db: Db,
  a: {
    id: string;
    candidateId: string;
    sha256: string;
    jobId: string | null;
    fileName: string;
    format: IntakeFormat;
    size: number;
    text: string;
    actorId: string;
    at: string;
  },
): void {
  db.prepare(
    `INSERT INTO candidate_documents (id, candidate_id, sha256, job_id, file_name, format, size, text, added_at, added_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(a.id, a.candidateId, a.sha256, a.jobId, a.fileName, a.format, a.size, a.text, a.at, a.actorId);
  refreshSearchIndex(db, a.candidateId);
}

/** The protected field; the caller logs the choice (without the digits) in history. */
export function keepNationalId(
  db: Db,
  a: { candidateId: string; value: string; kind: string; actorId: string; at: string },
): void {
  db.prepare(
    `INSERT INTO candidate_national_ids (candidate_id, value, kind, kept_at, kept_by) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT(candidate_id) DO UPDATE SET value = excluded.value, kind = excluded.kind,
       kept_at = excluded.kept_at, kept_by = excluded.kept_by`,
  ).run(a.candidateId, a.value, a.kind, a.at, a.actorId);
}

export const profileQueries = {
  'profiles.get': getProfile,
};
