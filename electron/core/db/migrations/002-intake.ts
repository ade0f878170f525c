import type { Migration } from './index.ts';

/**
 * The intake queue (jobs survive restarts: the original is in `blobs` before any
 * parsing), candidate profiles as JSON Resume, the documents a candidate came
 * from, and the protected national-id field.
 */
export const migration002: Migration = {
  version: 2,
  name: 'intake',
  up: (db) => {
    db.exec(`
      CREATE TABLE intake_jobs (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        file_name TEXT NOT NULL,
        declared_type TEXT NOT NULL DEFAULT '',
        format TEXT,
        size INTEGER NOT NULL,
        sha256 TEXT,
        -- The original is in blobs (refused files are not stored).
        has_blob INTEGER NOT NULL DEFAULT 0,
        state TEXT NOT NULL CHECK (state IN
          ('queued', 'reading', 'ocr', 'parsing', 'review', 'accepted', 'failed', 'cancelled', 'duplicate')),
        reason TEXT,
        reason_code TEXT,
        page INTEGER,
        pages INTEGER,
        -- No foreign keys: the earlier job may have been dismissed since.
        duplicate_of_job TEXT,
        duplicate_of_candidate TEXT,
        candidate_id TEXT REFERENCES candidates(id) ON DELETE SET NULL,
        outcome TEXT CHECK (outcome IN ('created', 'merged')),
        auto_accepted INTEGER NOT NULL DEFAULT 0,
        -- JSON: resume, field evidence, redacted text, pages. Cleared once accepted.
        draft TEXT,
        draft_name TEXT,
        possible_duplicates INTEGER NOT NULL DEFAULT 0,
        min_confidence REAL,
        -- JSON: national ids found, held only until the draft is accepted or discarded.
        national_ids TEXT,
        -- Runs started: a file that keeps killing the app stops being retried.
        attempts INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL REFERENCES staff(id),
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX intake_jobs_by_state ON intake_jobs(state, seq);
      CREATE INDEX intake_jobs_by_sha ON intake_jobs(sha256);

      CREATE TABLE candidate_profiles (
        candidate_id TEXT PRIMARY KEY REFERENCES candidates(id) ON DELETE CASCADE,
        resume TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL REFERENCES staff(id)
      ) STRICT;

      CREATE TABLE candidate_documents (
        id TEXT PRIMARY KEY,
        candidate_id TEXT NOT NULL REFERENCES candidates(id) ON DELETE CASCADE,
        sha256 TEXT NOT NULL REFERENCES blobs(sha256),
        job_id TEXT,
        file_name TEXT NOT NULL,
        format TEXT NOT NULL,
        size INTEGER NOT NULL,
        -- The extracted text, national ids redacted: what search may index.
        text TEXT NOT NULL DEFAULT '',
        added_at TEXT NOT NULL,
        added_by TEXT NOT NULL REFERENCES staff(id)
      ) STRICT;
      CREATE INDEX candidate_documents_by_candidate ON candidate_documents(candidate_id, added_at);
      CREATE INDEX candidate_documents_by_sha ON candidate_documents(sha256);

      -- Protected: a national identity number, kept only by the recruiter's explicit
      -- choice (logged in history without its digits). Never copied into search text.
      CREATE TABLE candidate_national_ids (
        candidate_id TEXT PRIMARY KEY REFERENCES candidates(id) ON DELETE CASCADE,
        value TEXT NOT NULL,
        kind TEXT NOT NULL,
        kept_at TEXT NOT NULL,
        kept_by TEXT NOT NULL REFERENCES staff(id)
      ) STRICT;
    `);
  },
};
