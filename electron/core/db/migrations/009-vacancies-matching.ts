import type { Migration } from './index.ts';

/**
 * The candidate picture (a recruiter's edits over what the CV gave), the compact
 * facts and indexed terms matching reads, vacancies, the art. 22 log of rankings
 * and the decisions that followed, and shortlists with their pipeline.
 */
export const migration009: Migration = {
  version: 9,
  name: 'vacancies-matching',
  up: (db) => {
    db.exec(`
      CREATE TABLE candidate_pictures (
        candidate_id TEXT PRIMARY KEY REFERENCES candidates(id),
        -- The sections a recruiter edited (they replace the CV's), notice period, placement.
        edits TEXT NOT NULL DEFAULT '{}',
        updated_at TEXT NOT NULL,
        updated_by TEXT REFERENCES staff(id)
      ) STRICT;

      -- Derived from the picture; rebuilt whenever a source changes (see picture_stale).
      CREATE TABLE candidate_match_facts (
        candidate_id TEXT PRIMARY KEY,
        active INTEGER NOT NULL,
        facts TEXT NOT NULL,
        refreshed_at TEXT NOT NULL
      ) STRICT;
      -- 's:<concept>', 'c:<certificate>', 'l:<language>' of ACTIVE candidates only:
      -- the matcher's prefilter is one index range per term.
      CREATE TABLE candidate_terms (
        term TEXT NOT NULL,
        candidate_id TEXT NOT NULL,
        PRIMARY KEY (term, candidate_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX candidate_terms_by_candidate ON candidate_terms(candidate_id);

      -- Candidates whose picture must be rebuilt before the next ranking. Triggers,
      -- so that every writer (intake, the register, imports) is covered.
      CREATE TABLE picture_stale (candidate_id TEXT PRIMARY KEY) STRICT, WITHOUT ROWID;
      CREATE TRIGGER picture_stale_new AFTER INSERT ON candidates
        BEGIN INSERT OR IGNORE INTO picture_stale (candidate_id) VALUES (NEW.id); END;
      CREATE TRIGGER picture_stale_changed
        AFTER UPDATE OF status, postal_code, city, available_from, extent_percent, shifts, desired_roles, desired_sectors ON candidates
        BEGIN INSERT OR IGNORE INTO picture_stale (candidate_id) VALUES (NEW.id); END;
      CREATE TRIGGER picture_stale_profile_new AFTER INSERT ON candidate_profiles
        BEGIN INSERT OR IGNORE INTO picture_stale (candidate_id) VALUES (NEW.candidate_id); END;
      CREATE TRIGGER picture_stale_profile_changed AFTER UPDATE ON candidate_profiles
        BEGIN INSERT OR IGNORE INTO picture_stale (candidate_id) VALUES (NEW.candidate_id); END;
      CREATE TRIGGER picture_gone AFTER DELETE ON candidates
        BEGIN
          DELETE FROM picture_stale WHERE candidate_id = OLD.id;
          DELETE FROM candidate_terms WHERE candidate_id = OLD.id;
          DELETE FROM candidate_match_facts WHERE candidate_id = OLD.id;
        END;

      CREATE TABLE vacancies (
        id TEXT PRIMARY KEY,
        client_id TEXT NOT NULL REFERENCES clients(id),
        title TEXT NOT NULL,
        postal_code TEXT NOT NULL DEFAULT '',
        city TEXT NOT NULL DEFAULT '',
        start_date TEXT,
        extent_percent INTEGER NOT NULL DEFAULT 100,
        work_type TEXT NOT NULL CHECK (work_type IN ('temp', 'permanent', 'partTime')),
        shifts TEXT NOT NULL DEFAULT '[]',
        -- Skills, certificates and languages asked for, with their concepts looked up.
        requirements TEXT NOT NULL,
        min_years REAL,
        description TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'filled', 'closed')),
        -- NULL: the global weights.
        weights TEXT,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL REFERENCES staff(id),
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL REFERENCES staff(id),
        version INTEGER NOT NULL DEFAULT 1
      ) STRICT;
      CREATE INDEX vacancies_by_client ON vacancies(client_id, status);

      -- Art. 22: every ranking shown, what it was computed from, and per candidate
      -- the score, its factors and the human decision that followed.
      CREATE TABLE match_runs (
        id TEXT PRIMARY KEY,
        vacancy_id TEXT NOT NULL REFERENCES vacancies(id),
        algorithm_version TEXT NOT NULL,
        inputs_hash TEXT NOT NULL,
        weights TEXT NOT NULL,
        considered INTEGER NOT NULL,
        took_ms REAL NOT NULL,
        at TEXT NOT NULL,
        by TEXT NOT NULL REFERENCES staff(id)
      ) STRICT;
      CREATE INDEX match_runs_by_vacancy ON match_runs(vacancy_id, at);
      CREATE TABLE match_results (
        run_id TEXT NOT NULL REFERENCES match_runs(id),
        candidate_id TEXT NOT NULL,
        rank INTEGER NOT NULL,
        score REAL NOT NULL,
        factors TEXT NOT NULL,
        decision TEXT CHECK (decision IN ('shortlisted', 'rejected', 'none')),
        decided_at TEXT,
        decided_by TEXT REFERENCES staff(id),
        PRIMARY KEY (run_id, candidate_id)
      ) STRICT;
      CREATE INDEX match_results_by_candidate ON match_results(candidate_id);

      CREATE TABLE shortlist_entries (
        vacancy_id TEXT NOT NULL REFERENCES vacancies(id),
        candidate_id TEXT NOT NULL REFERENCES candidates(id),
        stage TEXT NOT NULL CHECK (stage IN ('shortlisted', 'contacted', 'interviewed', 'presented', 'placed', 'rejected')),
        run_id TEXT,
        score REAL,
        note TEXT NOT NULL DEFAULT '',
        added_at TEXT NOT NULL,
        added_by TEXT NOT NULL REFERENCES staff(id),
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL REFERENCES staff(id),
        PRIMARY KEY (vacancy_id, candidate_id)
      ) STRICT;
      CREATE INDEX shortlist_entries_by_candidate ON shortlist_entries(candidate_id);
      CREATE TABLE shortlist_events (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        vacancy_id TEXT NOT NULL,
        candidate_id TEXT NOT NULL,
        from_stage TEXT,
        to_stage TEXT NOT NULL,
        at TEXT NOT NULL,
        by TEXT NOT NULL REFERENCES staff(id)
      ) STRICT;
      CREATE INDEX shortlist_events_by_entry ON shortlist_events(vacancy_id, candidate_id, seq);
      CREATE INDEX shortlist_events_by_candidate ON shortlist_events(candidate_id);
    `);
  },
};
