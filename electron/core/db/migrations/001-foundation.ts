import type { Migration } from './index.ts';

/** Staff, settings, candidates with their edit history, and encrypted blobs. */
export const migration001: Migration = {
  version: 1,
  name: 'foundation',
  up: (db) => {
    db.exec(`
      CREATE TABLE staff (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        email TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE candidates (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        -- Norwegian collation key (æ, ø, å after z), so ORDER BY uses an index.
        sort_key TEXT NOT NULL,
        emails TEXT NOT NULL DEFAULT '[]',
        phones TEXT NOT NULL DEFAULT '[]',
        street TEXT NOT NULL DEFAULT '',
        postal_code TEXT NOT NULL DEFAULT '',
        city TEXT NOT NULL DEFAULT '',
        city_key TEXT NOT NULL DEFAULT '',
        country TEXT NOT NULL DEFAULT 'NO',
        birth_date TEXT,
        status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'inactive')),
        available_from TEXT,
        extent_percent INTEGER,
        shifts TEXT NOT NULL DEFAULT '[]',
        desired_roles TEXT NOT NULL DEFAULT '[]',
        desired_sectors TEXT NOT NULL DEFAULT '[]',
        notes TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL REFERENCES staff(id),
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL REFERENCES staff(id),
        version INTEGER NOT NULL DEFAULT 1
      ) STRICT;
      CREATE INDEX candidates_by_name ON candidates(sort_key, id);
      CREATE INDEX candidates_by_status_name ON candidates(status, sort_key, id);
      CREATE INDEX candidates_by_updated ON candidates(updated_at, id);
      CREATE INDEX candidates_by_created ON candidates(created_at, id);
      CREATE INDEX candidates_by_city ON candidates(city_key, sort_key, id);

      -- Every change: who, when, which fields from what to what.
      CREATE TABLE candidate_history (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        candidate_id TEXT NOT NULL REFERENCES candidates(id) ON DELETE CASCADE,
        at TEXT NOT NULL,
        actor_id TEXT NOT NULL REFERENCES staff(id),
        action TEXT NOT NULL,
        changes TEXT NOT NULL
      ) STRICT;
      CREATE INDEX candidate_history_by_candidate ON candidate_history(candidate_id, seq);

      -- Original files and attachments, encrypted with the database.
      CREATE TABLE blobs (
        sha256 TEXT PRIMARY KEY,
        size INTEGER NOT NULL,
        data BLOB NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
