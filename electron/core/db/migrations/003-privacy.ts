import type { Migration } from './index.ts';
import { GENESIS_HASH } from '../../audit/chain.ts';

/**
 * The privacy engine: the hash-chained audit log, erasure tombstones, notice and
 * privacy-policy texts, the append-only consent ledger, the candidate's own
 * activity (for retention) and legal holds. Append-only tables refuse UPDATE and
 * DELETE in the database itself, so no code path can rewrite them by accident;
 * the consent ledger lets rows go only for a candidate already tombstoned (erasure).
 */
export const migration003: Migration = {
  version: 3,
  name: 'privacy',
  up: (db) => {
    db.exec(`
      CREATE TABLE audit_log (
        seq INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        -- NULL: the scheduled retention job.
        actor_id TEXT REFERENCES staff(id),
        action TEXT NOT NULL,
        -- No foreign key: the trail outlives an erased candidate (the tombstone keeps the id).
        candidate_id TEXT,
        subjects TEXT NOT NULL DEFAULT '{}',
        detail TEXT NOT NULL DEFAULT '{}',
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
      ) STRICT;
      CREATE INDEX audit_log_by_candidate ON audit_log(candidate_id, seq) WHERE candidate_id IS NOT NULL;
      -- The newest entry, kept apart: removing the last entries leaves a chain that
      -- checks out by itself, but no longer reaches the head.
      CREATE TABLE audit_head (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        seq INTEGER NOT NULL,
        hash TEXT NOT NULL
      ) STRICT;
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'The audit log is append-only'); END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'The audit log is append-only'); END;
      INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '${GENESIS_HASH}');
      CREATE TRIGGER audit_log_head AFTER INSERT ON audit_log
        BEGIN UPDATE audit_head SET seq = NEW.seq, hash = NEW.hash WHERE id = 1; END;

      -- What is left of an erased candidate: no personal data.
      CREATE TABLE erasures (
        candidate_id TEXT PRIMARY KEY,
        erased_at TEXT NOT NULL,
        -- NULL: the scheduled retention job.
        erased_by TEXT REFERENCES staff(id),
        reason TEXT NOT NULL
      ) STRICT;

      -- Notice texts shown to candidates, by their SHA-256: a consent names the exact words.
      CREATE TABLE privacy_notices (
        sha256 TEXT PRIMARY KEY,
        text TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE TRIGGER privacy_notices_no_update BEFORE UPDATE ON privacy_notices
        BEGIN SELECT RAISE(ABORT, 'Notice texts are never changed'); END;
      CREATE TRIGGER privacy_notices_no_delete BEFORE DELETE ON privacy_notices
        BEGIN SELECT RAISE(ABORT, 'Notice texts are never removed'); END;

      CREATE TABLE privacy_policies (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        version TEXT NOT NULL UNIQUE,
        notice_sha256 TEXT NOT NULL REFERENCES privacy_notices(sha256),
        locale TEXT NOT NULL,
        published_at TEXT NOT NULL,
        published_by TEXT NOT NULL REFERENCES staff(id)
      ) STRICT;
      CREATE TRIGGER privacy_policies_no_update BEFORE UPDATE ON privacy_policies
        BEGIN SELECT RAISE(ABORT, 'A published policy is never changed: publish a new version'); END;
      CREATE TRIGGER privacy_policies_no_delete BEFORE DELETE ON privacy_policies
        BEGIN SELECT RAISE(ABORT, 'A published policy is never removed'); END;

      -- Who was told of which policy version, and how.
      CREATE TABLE policy_notifications (
        policy_version TEXT NOT NULL REFERENCES privacy_policies(version),
        candidate_id TEXT NOT NULL REFERENCES candidates(id),
        method TEXT NOT NULL CHECK (method IN ('byHand', 'email')),
        at TEXT NOT NULL,
        by TEXT NOT NULL REFERENCES staff(id),
        PRIMARY KEY (policy_version, candidate_id)
      ) STRICT;
      CREATE INDEX policy_notifications_by_candidate ON policy_notifications(candidate_id);

      -- The consent ledger: grants and withdrawals, never edited. Current state is
      -- the latest event per candidate, purpose and scope (client, vacancy).
      CREATE TABLE consent_events (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        candidate_id TEXT NOT NULL REFERENCES candidates(id),
        purpose TEXT NOT NULL CHECK (purpose IN
          ('recruitment', 'keepForFuture', 'shareWithClient', 'marketingEmail', 'contactReferences')),
        -- '' outside shareWithClient; vacancy '' = any vacancy of the client.
        client_id TEXT NOT NULL DEFAULT '',
        vacancy_id TEXT NOT NULL DEFAULT '',
        action TEXT NOT NULL CHECK (action IN ('grant', 'withdraw')),
        -- When the candidate gave or withdrew it; recorded_at is when it was entered.
        at TEXT NOT NULL,
        recorded_at TEXT NOT NULL,
        source TEXT NOT NULL CHECK (source IN ('form', 'phone', 'email', 'inPerson')),
        recorded_by TEXT NOT NULL REFERENCES staff(id),
        notice_version TEXT,
        notice_sha256 TEXT REFERENCES privacy_notices(sha256),
        CHECK (action = 'withdraw' OR (notice_version IS NOT NULL AND notice_sha256 IS NOT NULL)),
        CHECK ((purpose = 'shareWithClient') = (client_id <> '')),
        CHECK (purpose = 'shareWithClient' OR vacancy_id = '')
      ) STRICT;
      CREATE INDEX consent_events_by_scope ON consent_events(candidate_id, purpose, client_id, vacancy_id, seq);
      CREATE INDEX consent_events_by_purpose ON consent_events(purpose, candidate_id, seq);
      CREATE TRIGGER consent_events_no_update BEFORE UPDATE ON consent_events
        BEGIN SELECT RAISE(ABORT, 'The consent ledger is append-only'); END;
      CREATE TRIGGER consent_events_no_delete BEFORE DELETE ON consent_events
        WHEN NOT EXISTS (SELECT 1 FROM erasures WHERE candidate_id = OLD.candidate_id)
        BEGIN SELECT RAISE(ABORT, 'The consent ledger is append-only'); END;

      -- The candidate's own latest activity of each kind (retention counts from the newest).
      CREATE TABLE candidate_activity_marks (
        candidate_id TEXT NOT NULL REFERENCES candidates(id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('update', 'application', 'reply', 'login')),
        at TEXT NOT NULL,
        PRIMARY KEY (candidate_id, kind)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE legal_holds (
        id TEXT PRIMARY KEY,
        candidate_id TEXT NOT NULL REFERENCES candidates(id),
        reason TEXT NOT NULL,
        -- YYYY-MM-DD, the last day the hold applies; NULL: until released.
        until TEXT,
        set_at TEXT NOT NULL,
        set_by TEXT NOT NULL REFERENCES staff(id),
        released_at TEXT,
        released_by TEXT REFERENCES staff(id)
      ) STRICT;
      CREATE INDEX legal_holds_by_candidate ON legal_holds(candidate_id);

      -- Erasure finds a candidate's intake jobs, and deleting the candidate row checks
      -- intake_jobs.candidate_id (a foreign key): without these, each is a full scan.
      CREATE INDEX intake_jobs_by_candidate ON intake_jobs(candidate_id) WHERE candidate_id IS NOT NULL;
      CREATE INDEX intake_jobs_by_duplicate_candidate ON intake_jobs(duplicate_of_candidate) WHERE duplicate_of_candidate IS NOT NULL;
    `);
  },
};
