import type { Db } from '../connection.ts';
import type {
  Candidate,
  CandidateFields,
  DuplicateMatch,
  FieldChange,
  IntakeFailureCode,
  IntakeFormat,
  IntakeJob,
  IntakeState,
  ResumeDocument,
} from '../../../../shared/contract/index.ts';
import { IntakeStates } from '../../../../shared/contract/index.ts';
import { AppError } from '../../rpc/errors.ts';
import { getCandidate, insertCandidate, updateCandidate } from './candidates.ts';
import { insertDocument, keepNationalId, upsertProfile } from './profiles.ts';
import { couldBeClose, duplicateReasons, nameKey, nameKeyFromSortKey, nameLikeness, sortReasons, type DuplicateProbe } from '../../intake/dedupe.ts';

/**
 * The intake queue. Jobs live in the vault so a drop survives a crash or restart;
 * the queue's order is `seq`. State changes from the reader (progress, draft,
 * failure) apply only while the job is still active, so a late message from a
 * cancelled run cannot bring it back.
 */

interface JobRow {
  seq: number;
  id: string;
  file_name: string;
  declared_type: string;
  format: IntakeFormat | null;
  size: number;
  sha256: string | null;
  has_blob: number;
  state: IntakeState;
  reason: string | null;
  reason_code: IntakeFailureCode | null;
  page: number | null;
  pages: number | null;
  duplicate_of_job: string | null;
  duplicate_of_candidate: string | null;
  candidate_id: string | null;
  outcome: 'created' | 'merged' | null;
  auto_accepted: number;
  draft: string | null;
  draft_name: string | null;
  possible_duplicates: number;
  min_confidence: number | null;
  national_ids: string | null;
  attempts: number;
  created_at: string;
  created_by: string;
  updated_at: string;
}

/** Every column but the big ones (draft, national ids). */
const JOB_COLUMNS = `seq, id, file_name, declared_type, format, size, sha256, has_blob, state, reason, reason_code, page, pages,
  duplicate_of_job, duplicate_of_candidate, candidate_id, outcome, auto_accepted, draft_name, possible_duplicates,
  min_confidence, attempts, created_at, created_by, updated_at`;

type JobSummaryRow = Omit<JobRow, 'draft' | 'national_ids'>;

const ACTIVE = `('queued', 'reading', 'ocr', 'parsing')`;
const RUNNING = `('reading', 'ocr', 'parsing')`;

function toJob(r: JobSummaryRow): IntakeJob {
  return {
    id: r.id,
    fileName: r.file_name,
    format: r.format,
    size: r.size,
    sha256: r.sha256,
    state: r.state,
    reason: r.reason,
    reasonCode: r.reason_code,
    page: r.page,
    pages: r.pages,
    duplicateOf:
      r.state === 'duplicate' ? { jobId: r.duplicate_of_job, candidateId: r.duplicate_of_candidate } : null,
    candidateId: r.candidate_id,
    outcome: r.outcome,
    autoAccepted: r.auto_accepted === 1,
    draftName: r.draft_name,
    possibleDuplicates: r.possible_duplicates,
    minConfidence: r.min_confidence,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function selectJob(db: Db, id: string): JobSummaryRow | undefined {
  return db.prepare(`SELECT ${JOB_COLUMNS} FROM intake_jobs WHERE id = ?`).get(id) as JobSummaryRow | undefined;
}

function requireJob(db: Db, id: string): JobSummaryRow {
  const row = selectJob(db, id);
  if (!row) throw new AppError('NOT_FOUND', 'No intake job with that id', { jobId: id });
  return row;
}

/** Run an UPDATE … RETURNING on one job; null when its WHERE (usually a state guard) did not match. */
function updateJob(db: Db, sql: string, params: Record<string, unknown>): IntakeJob | null {
  const row = db.prepare(`UPDATE intake_jobs SET ${sql} RETURNING ${JOB_COLUMNS}`).get(params) as JobSummaryRow | undefined;
  return row ? toJob(row) : null;
}

export function insertJob(
  db: Db,
  a: {
    id: string;
    fileName: string;
    declaredType: string;
    format: IntakeFormat | null;
    size: number;
    sha256: string | null;
    /** The original; null when the file is refused (not stored). */
    data: Uint8Array | null;
    failure: { code: IntakeFailureCode; reason: string } | null;
    actorId: string;
    at: string;
  },
): IntakeJob {
  return db.transaction(() => {
    const base = {
      id: a.id,
      file_name: a.fileName,
      declared_type: a.declaredType,
      format: a.format,
      size: a.size,
      sha256: a.sha256,
      created_at: a.at,
      created_by: a.actorId,
      updated_at: a.at,
    };
    let row: Record<string, unknown>;
    if (a.failure || !a.data || !a.sha256) {
      row = { ...base, state: 'failed', reason: a.failure?.reason ?? 'The file was not received.', reason_code: a.failure?.code ?? 'error' };
    } else {
      const earlier = db
        .prepare(
          `SELECT id, candidate_id FROM intake_jobs WHERE sha256 = ?
           AND state IN ('queued', 'reading', 'ocr', 'parsing', 'review', 'accepted') ORDER BY seq LIMIT 1`,
        )
        .get(a.sha256) as { id: string; candidate_id: string | null } | undefined;
      const document = earlier
        ? undefined
        : (db.prepare('SELECT candidate_id FROM candidate_documents WHERE sha256 = ? ORDER BY added_at LIMIT 1').get(a.sha256) as
            | { candidate_id: string }
            | undefined);
      if (earlier || document) {
        row = {
          ...base,
          state: 'duplicate',
          reason: 'The same file was added before.',
          duplicate_of_job: earlier?.id ?? null,
          duplicate_of_candidate: earlier?.candidate_id ?? document?.candidate_id ?? null,
        };
      } else {
        db.prepare('INSERT OR IGNORE INTO blobs (sha256, size, data, created_at) VALUES (?, ?, ?, ?)').run(
          a.sha256,
          a.data.byteLength,
          a.data,
          a.at,
        );
        row = { ...base, state: 'queued', has_blob: 1 };
      }
    }
    const keys = Object.keys(row);
    db.prepare(`INSERT INTO intake_jobs (${keys.join(', ')}) VALUES (${keys.map((k) => '@' + k).join(', ')})`).run(row);
    return toJob(selectJob(db, a.id)!);
  })();
}

export function getJob(db: Db, a: { id: string }): IntakeJob {
  return toJob(requireJob(db, a.id));
}

export function listJobs(
  db: Db,
  a: { states?: IntakeState[] | undefined; offset: number; limit: number },
): { total: number; counts: Record<IntakeState, number>; items: IntakeJob[] } {
  const counts = Object.fromEntries(IntakeStates.map((s) => [s, 0])) as Record<IntakeState, number>;
  for (const r of db.prepare('SELECT state, count(*) AS n FROM intake_jobs GROUP BY state').all() as { state: IntakeState; n: number }[]) {
    counts[r.state] = r.n;
  }
  const states = a.states && a.states.length > 0 ? a.states : null;
  const where = states ? `WHERE state IN (${states.map(() => '?').join(', ')})` : '';
  const total = states ? states.reduce((n, s) => n + counts[s], 0) : Object.values(counts).reduce((n, c) => n + c, 0);
  const rows = db
    .prepare(`SELECT ${JOB_COLUMNS} FROM intake_jobs ${where} ORDER BY seq DESC LIMIT ? OFFSET ?`)
    .all(...(states ?? []), a.limit, a.offset) as JobSummaryRow[];
  return { total, counts, items: rows.map(toJob) };
}

/** The oldest queued job, now 'reading'; null when the queue is empty. */
export function claimNext(db: Db, a: { at: string }): { job: IntakeJob; attempts: number } | null {
  const row = db
    .prepare(
      `UPDATE intake_jobs SET state = 'reading', attempts = attempts + 1, page = NULL, pages = NULL, updated_at = ?
       WHERE seq = (SELECT seq FROM intake_jobs WHERE state = 'queued' ORDER BY seq LIMIT 1)
       RETURNING ${JOB_COLUMNS}`,
    )
    .get(a.at) as JobSummaryRow | undefined;
  return row ? { job: toJob(row), attempts: row.attempts } : null;
}

export function readBlob(db: Db, a: { sha256: string }): Uint8Array {
  const row = db.prepare('SELECT data FROM blobs WHERE sha256 = ?').get(a.sha256) as { data: Uint8Array } | undefined;
  if (!row) throw new AppError('NOT_FOUND', 'The original file is no longer stored.');
  return row.data;
}

export function setProgress(
  db: Db,
  a: { id: string; state: 'reading' | 'ocr' | 'parsing'; page: number | null; pages: number | null; at: string },
): IntakeJob | null {
  return updateJob(db, `state = @state, page = @page, pages = @pages, updated_at = @at WHERE id = @id AND state IN ${RUNNING}`, a);
}

export function toReview(
  db: Db,
  a: {
    id: string;
    draft: string;
    nationalIds: string | null;
    draftName: string | null;
    minConfidence: number | null;
    possibleDuplicates: number;
    at: string;
  },
): IntakeJob | null {
  return updateJob(
    db,
    `state = 'review', page = NULL, draft = @draft, national_ids = @nationalIds, draft_name = @draftName,
     min_confidence = @minConfidence, possible_duplicates = @possibleDuplicates, reason = NULL, reason_code = NULL,
     updated_at = @at WHERE id = @id AND state IN ${RUNNING}`,
    a,
  );
}

export function failJob(db: Db, a: { id: string; code: IntakeFailureCode; reason: string; at: string }): IntakeJob | null {
  return updateJob(
    db,
    `state = 'failed', reason = @reason, reason_code = @code, page = NULL, updated_at = @at WHERE id = @id AND state IN ${ACTIVE}`,
    a,
  );
}

/** A run stopped on purpose (the app is closing): back in the queue, and it does not count as an attempt. */
export function requeueJob(db: Db, a: { id: string; at: string }): IntakeJob | null {
  return updateJob(
    db,
    `state = 'queued', page = NULL, pages = NULL, attempts = max(attempts - 1, 0), updated_at = @at
     WHERE id = @id AND state IN ${RUNNING}`,
    a,
  );
}

/**
 * At unlock: runs that were interrupted (crash, quit, lock) go back in the queue,
 * except a file that was interrupted again and again: it is probably what kills the app.
 */
export function resetInterrupted(db: Db, a: { at: string; maxAttempts: number; reason: string }): { requeued: number; failed: number } {
  return db.transaction(() => {
    const failed = db
      .prepare(
        `UPDATE intake_jobs SET state = 'failed', reason = ?, reason_code = 'crashed', page = NULL, updated_at = ?
         WHERE state IN ${RUNNING} AND attempts >= ?`,
      )
      .run(a.reason, a.at, a.maxAttempts).changes;
    const requeued = db
      .prepare(`UPDATE intake_jobs SET state = 'queued', page = NULL, pages = NULL, updated_at = ? WHERE state IN ${RUNNING}`)
      .run(a.at).changes;
    return { requeued, failed };
  })();
}

export function cancelJob(db: Db, a: { id: string; at: string }): IntakeJob {
  const row = requireJob(db, a.id);
  if (row.state === 'cancelled') return toJob(row);
  const job = updateJob(
    db,
    `state = 'cancelled', page = NULL, draft = NULL, national_ids = NULL, updated_at = @at
     WHERE id = @id AND state IN ('queued', 'reading', 'ocr', 'parsing', 'review')`,
    a,
  );
  if (!job) throw new AppError('CONFLICT', `This file is already ${row.state}; there is nothing to cancel.`, { state: row.state });
  return job;
}

export function retryJob(db: Db, a: { id: string; at: string }): IntakeJob {
  const row = requireJob(db, a.id);
  if (row.has_blob !== 1) {
    throw new AppError('CONFLICT', 'This file was refused before it was stored; drop it again once it is fixed.');
  }
  const job = updateJob(
    db,
    `state = 'queued', reason = NULL, reason_code = NULL, page = NULL, pages = NULL, attempts = 0, updated_at = @at
     WHERE id = @id AND state IN ('failed', 'cancelled')`,
    a,
  );
  if (!job) throw new AppError('CONFLICT', `Only a failed or cancelled file can be retried; this one is ${row.state}.`);
  return job;
}

/** Remove finished rows, and the originals that nothing (job or candidate) uses any more. */
export function dismissJobs(db: Db, a: { ids: string[] }): { removed: number } {
  return db.transaction(() => {
    const select = db.prepare(
      `SELECT sha256 FROM intake_jobs WHERE id = ? AND state IN ('failed', 'cancelled', 'duplicate', 'accepted')`,
    );
    const remove = db.prepare('DELETE FROM intake_jobs WHERE id = ?');
    const orphan = db.prepare(
      `DELETE FROM blobs WHERE sha256 = ?
       AND NOT EXISTS (SELECT 1 FROM intake_jobs WHERE sha256 = blobs.sha256 AND has_blob = 1)
       AND NOT EXISTS (SELECT 1 FROM candidate_documents WHERE sha256 = blobs.sha256)`,
    );
    let removed = 0;
    const hashes = new Set<string>();
    for (const id of a.ids) {
      const row = select.get(id) as { sha256: string | null } | undefined;
      if (!row) continue;
      remove.run(id);
      removed++;
      if (row.sha256) hashes.add(row.sha256);
    }
    for (const sha of hashes) orphan.run(sha);
    return { removed };
  })();
}

export function getDraft(db: Db, a: { id: string }): { job: IntakeJob; draft: string; nationalIds: string | null } {
  const row = db.prepare(`SELECT ${JOB_COLUMNS}, draft, national_ids FROM intake_jobs WHERE id = ?`).get(a.id) as JobRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', 'No intake job with that id', { jobId: a.id });
  if (row.state !== 'review' || !row.draft) {
    throw new AppError('CONFLICT', `This file is ${row.state}; only a file ready for review has a draft.`, { state: row.state });
  }
  return { job: toJob(row), draft: row.draft, nationalIds: row.national_ids };
}

export function getOriginal(db: Db, a: { id: string }): { fileName: string; format: IntakeFormat; data: Uint8Array } {
  const row = requireJob(db, a.id);
  if (!row.sha256 || !row.format) throw new AppError('NOT_FOUND', 'This file was refused, so its original was not stored.');
  return { fileName: row.file_name, format: row.format, data: readBlob(db, { sha256: row.sha256 }) };
}

/** Suspects for a draft: exact e-mail and phone in SQL, names folded and compared here. */
export function findDuplicates(db: Db, a: DuplicateProbe & { limit: number }): DuplicateMatch[] {
  const emails = [...new Set(a.emails.map((e) => e.trim().toLowerCase()).filter(Boolean))];
  const phones = [...new Set(a.phones.filter(Boolean))];
  const ids = new Set<string>();
  if (emails.length) {
    const rows = db
      .prepare(
        `SELECT id FROM candidates WHERE EXISTS (SELECT 1 FROM json_each(candidates.emails)
         WHERE lower(json_each.value) IN (${emails.map(() => '?').join(', ')}))`,
      )
      .all(...emails) as { id: string }[];
    for (const r of rows) ids.add(r.id);
  }
  if (phones.length) {
    const rows = db
      .prepare(
        `SELECT id FROM candidates WHERE EXISTS (SELECT 1 FROM json_each(candidates.phones)
         WHERE json_each.value IN (${phones.map(() => '?').join(', ')}))`,
      )
      .all(...phones) as { id: string }[];
    for (const r of rows) ids.add(r.id);
  }
  const probeName = nameKey(a.name);
  if (probeName.spelled) {
    // One pass over the name index; the fold and the edit distance are cheap next to the I/O.
    for (const r of db.prepare('SELECT id, sort_key FROM candidates').iterate() as IterableIterator<{ id: string; sort_key: string }>) {
      const key = nameKeyFromSortKey(r.sort_key);
      if (!couldBeClose(key, probeName)) continue;
      if (nameLikeness(probeName, key)) ids.add(r.id);
    }
  }
  const matches: DuplicateMatch[] = [];
  for (const id of ids) {
    const c = getCandidate(db, { id });
    const reasons = duplicateReasons(a, probeName, {
      name: nameKey(c.name),
      emails: c.emails,
      phones: c.phones,
      birthDate: c.birthDate,
    });
    if (reasons.length === 0) continue;
    matches.push({
      candidateId: c.id,
      name: c.name,
      email: c.emails[0] ?? null,
      phone: c.phones[0] ?? null,
      birthDate: c.birthDate,
      city: c.address.city,
      version: c.version,
      reasons: sortReasons(reasons),
    });
  }
  const strength = (m: DuplicateMatch) => ['email', 'phone', 'nameAndBirthDate', 'sameName', 'closeName'].indexOf(m.reasons[0]!) - m.reasons.length / 10;
  return matches.sort((x, y) => strength(x) - strength(y)).slice(0, a.limit);
}

interface AcceptCommon {
  jobId: string;
  profile: ResumeDocument;
  nationalId: { value: string; kind: string } | null;
  /** A national id was found and the recruiter chose not to keep it: logged, without digits. */
  nationalIdDiscarded: boolean;
  documentId: string;
  autoAccepted: boolean;
  actorId: string;
  at: string;
}

/**
 * Confirm a draft in one transaction: the candidate (created or updated), its
 * profile, the original linked as its document with the redacted text, the
 * national-id choice, and the job marked accepted. The draft and the national ids
 * held for review are dropped from the job.
 */
export function acceptDraft(
  db: Db,
  a: AcceptCommon &
    (
      | { mode: 'create'; candidateId: string; fields: CandidateFields }
      | {
          mode: 'merge';
          candidateId: string;
          version: number;
          patch: Partial<CandidateFields>;
          profileChanges: FieldChange[];
        }
    ),
): { candidate: Candidate; job: IntakeJob } {
  return db.transaction(() => {
    const row = db.prepare(`SELECT ${JOB_COLUMNS}, draft FROM intake_jobs WHERE id = ?`).get(a.jobId) as JobRow | undefined;
    if (!row) throw new AppError('NOT_FOUND', 'No intake job with that id', { jobId: a.jobId });
    if (row.state !== 'review' || !row.draft || !row.sha256 || !row.format) {
      throw new AppError('CONFLICT', `This file is ${row.state}; it was already confirmed or discarded.`, { state: row.state });
    }
    const text = (JSON.parse(row.draft) as { text?: string }).text ?? '';
    let candidate: Candidate;
    if (a.mode === 'create') {
      candidate = insertCandidate(db, { id: a.candidateId, fields: a.fields, actorId: a.actorId, at: a.at });
    } else {
      candidate = updateCandidate(db, { id: a.candidateId, version: a.version, patch: a.patch, actorId: a.actorId, at: a.at });
    }
    upsertProfile(db, { candidateId: candidate.id, resume: a.profile, actorId: a.actorId, at: a.at });
    insertDocument(db, {
      id: a.documentId,
      candidateId: candidate.id,
      sha256: row.sha256,
      jobId: row.id,
      fileName: row.file_name,
      format: row.format,
      size: row.size,
      text,
      actorId: a.actorId,
      at: a.at,
    });
    const history = db.prepare('INSERT INTO candidate_history (candidate_id, at, actor_id, action, changes) VALUES (?, ?, ?, ?, ?)');
    const profileChanges: FieldChange[] = [
      ...(a.mode === 'merge' ? a.profileChanges : []),
      { field: 'documents', from: null, to: row.file_name },
    ];
    history.run(candidate.id, a.at, a.actorId, 'updated', JSON.stringify(profileChanges));
    if (a.nationalId) {
      keepNationalId(db, { candidateId: candidate.id, value: a.nationalId.value, kind: a.nationalId.kind, actorId: a.actorId, at: a.at });
      history.run(candidate.id, a.at, a.actorId, 'nationalIdKept', JSON.stringify([{ field: 'nationalId', from: null, to: 'kept (protected field)' }]));
    } else if (a.nationalIdDiscarded) {
      history.run(candidate.id, a.at, a.actorId, 'nationalIdDiscarded', JSON.stringify([{ field: 'nationalId', from: null, to: 'found in the CV, not kept' }]));
    }
    const job = updateJob(
      db,
      `state = 'accepted', candidate_id = @candidateId, outcome = @outcome, auto_accepted = @auto, draft = NULL,
       national_ids = NULL, updated_at = @at WHERE id = @id`,
      { candidateId: candidate.id, outcome: a.mode === 'create' ? 'created' : 'merged', auto: a.autoAccepted ? 1 : 0, at: a.at, id: a.jobId },
    )!;
    return { candidate: getCandidate(db, { id: candidate.id }), job };
  })();
}

export const intakeQueries = {
  'intake.insertJob': insertJob,
  'intake.getJob': getJob,
  'intake.listJobs': listJobs,
  'intake.claimNext': claimNext,
  'intake.readBlob': readBlob,
  'intake.setProgress': setProgress,
  'intake.toReview': toReview,
  'intake.fail': failJob,
  'intake.requeue': requeueJob,
  'intake.resetInterrupted': resetInterrupted,
  'intake.cancel': cancelJob,
  'intake.retry': retryJob,
  'intake.dismiss': dismissJobs,
  'intake.getDraft': getDraft,
  'intake.getOriginal': getOriginal,
  'intake.findDuplicates': findDuplicates,
  'intake.accept': acceptDraft,
};
