import type { Migration } from './index.ts';

/**
 * Sharing with clients. A connection per client (endpoint, signing secret,
 * transfer safeguard, pin, field selection); an opaque profile reference per
 * candidate and client (what the client knows the profile by, so a deletion
 * request needs nothing else); and the outbox, which is also the record of
 * disclosures: a delivered profile item keeps which fields went, when, on what
 * basis, while its body is dropped once it has left.
 */
export const migration007: Migration = {
  version: 7,
  name: 'sharing',
  up: (db) => {
    db.exec(`
      CREATE TABLE sharing_connections (
        client_id TEXT PRIMARY KEY REFERENCES clients(id),
        endpoint TEXT NOT NULL,
        -- whsec_…: kept here (the vault is encrypted), never returned by any method.
        secret TEXT NOT NULL,
        safeguard_reference TEXT,
        adequacy_scope_confirmed INTEGER NOT NULL DEFAULT 0,
        pin_sha256 TEXT,
        fields TEXT NOT NULL,
        mode TEXT NOT NULL CHECK (mode IN ('full', 'anonymised')),
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL REFERENCES staff(id),
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL REFERENCES staff(id)
      ) STRICT;

      CREATE TABLE sharing_profile_refs (
        candidate_id TEXT NOT NULL REFERENCES candidates(id),
        client_id TEXT NOT NULL REFERENCES clients(id),
        profile_ref TEXT NOT NULL UNIQUE,
        PRIMARY KEY (candidate_id, client_id)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE sharing_outbox (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        -- The webhook-id: the same on every attempt, so the client applies it once.
        id TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL CHECK (kind IN ('profile', 'deletion')),
        -- NULL on a deletion request left after erasure.
        candidate_id TEXT REFERENCES candidates(id),
        client_id TEXT NOT NULL REFERENCES clients(id),
        vacancy_id TEXT,
        profile_ref TEXT NOT NULL,
        -- The exact body; NULL once delivered, withheld or cancelled (nothing kept that is not needed).
        body TEXT,
        fields TEXT NOT NULL DEFAULT '[]',
        mode TEXT,
        consent_event_id TEXT,
        transfer_basis TEXT,
        transfer_detail TEXT,
        status TEXT NOT NULL CHECK (status IN ('queued', 'delivered', 'withheld', 'blocked', 'failed', 'cancelled')),
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT,
        last_error TEXT,
        created_at TEXT NOT NULL,
        created_by TEXT REFERENCES staff(id),
        delivered_at TEXT,
        CHECK (kind = 'deletion' OR candidate_id IS NOT NULL)
      ) STRICT;
      CREATE INDEX sharing_outbox_due ON sharing_outbox(next_attempt_at, seq) WHERE status = 'queued';
      CREATE INDEX sharing_outbox_by_candidate ON sharing_outbox(candidate_id, seq) WHERE candidate_id IS NOT NULL;
      CREATE INDEX sharing_outbox_by_ref ON sharing_outbox(profile_ref, seq);
      CREATE INDEX sharing_outbox_by_client ON sharing_outbox(client_id, seq);
      CREATE INDEX sharing_outbox_by_status ON sharing_outbox(status, seq);
    `);
  },
};
