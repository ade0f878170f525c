import type { Migration } from './index.ts';

/**
 * Data-subject rights requests (art. 15–21) with their one-month deadline and the
 * links to what honoured them. A request outlives an erased candidate as proof it
 * was answered, like the tombstone: the candidate id, codes and dates stay, the
 * free-text notes are removed with the rest (see the rightsRequests part of
 * subject-data.ts). Hence no foreign key to candidates.
 */
export const migration004: Migration = {
  version: 4,
  name: 'rights-requests',
  up: (db) => {
    db.exec(`
      CREATE TABLE rights_requests (
        id TEXT PRIMARY KEY,
        candidate_id TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN
          ('access', 'rectification', 'erasure', 'restriction', 'portability', 'objection', 'withdrawal')),
        channel TEXT NOT NULL CHECK (channel IN ('form', 'phone', 'email', 'inPerson', 'letter')),
        -- YYYY-MM-DD; the deadline is received_on + 30 days unless extended.
        received_on TEXT NOT NULL,
        due_on TEXT NOT NULL,
        extended_to TEXT,
        extension_reason TEXT CHECK (extension_reason IN ('complexity', 'numberOfRequests')),
        extension_note TEXT,
        extended_at TEXT,
        extended_by TEXT REFERENCES staff(id),
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'completed', 'rejected')),
        note TEXT,
        rejection_reason TEXT CHECK (rejection_reason IN
          ('manifestlyUnfounded', 'excessive', 'identityNotVerified', 'legalObligation', 'legalClaims', 'other')),
        rejection_note TEXT,
        opened_at TEXT NOT NULL,
        opened_by TEXT NOT NULL REFERENCES staff(id),
        closed_at TEXT,
        -- NULL on a closed request: closed by the scheduled retention job.
        closed_by TEXT REFERENCES staff(id),
        CHECK ((status = 'rejected') = (rejection_reason IS NOT NULL)),
        CHECK ((extended_to IS NULL) = (extension_reason IS NULL))
      ) STRICT;
      CREATE INDEX rights_requests_by_candidate ON rights_requests(candidate_id, received_on);
      CREATE INDEX rights_requests_open ON rights_requests(coalesce(extended_to, due_on)) WHERE status = 'open';

      -- What was done to honour a request: an export (its SHA-256), the erasure (the tombstone's candidate id).
      CREATE TABLE rights_request_links (
        request_id TEXT NOT NULL REFERENCES rights_requests(id),
        kind TEXT NOT NULL CHECK (kind IN ('export', 'erasure')),
        ref TEXT NOT NULL,
        at TEXT NOT NULL,
        PRIMARY KEY (request_id, kind, ref)
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
