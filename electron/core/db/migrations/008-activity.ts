import type { Migration } from './index.ts';

/**
 * Correspondence and activity: one table of timeline entries (calls, e-mail, text
 * messages, reference checks, interviews) with their earlier versions, e-mail
 * attachments and originals, references, interview templates and notes, the
 * mailbox account and how far each folder was read, and marketing campaigns.
 * A full-text index over the entries' text of its own (not the candidate search index).
 */
export const migration008: Migration = {
  version: 8,
  name: 'activity',
  up: (db) => {
    db.exec(`
      CREATE TABLE activity_entries (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        candidate_id TEXT NOT NULL REFERENCES candidates(id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('call', 'email', 'sms', 'reference', 'interview')),
        at TEXT NOT NULL,
        direction TEXT CHECK (direction IN ('in', 'out')),
        title TEXT NOT NULL DEFAULT '',
        body TEXT NOT NULL DEFAULT '',
        -- JSON: the kind's own facts (duration, outcome, number, addresses…).
        data TEXT NOT NULL DEFAULT '{}',
        thread_key TEXT,
        -- E-mail: logging the same message twice on a candidate is a no-op.
        message_id TEXT,
        -- The interview or reference the entry stands for.
        subject_id TEXT,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL REFERENCES staff(id),
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL REFERENCES staff(id),
        version INTEGER NOT NULL DEFAULT 1
      ) STRICT;
      CREATE INDEX activity_by_candidate ON activity_entries(candidate_id, at DESC, seq DESC);
      CREATE INDEX activity_by_candidate_kind ON activity_entries(candidate_id, kind, at DESC, seq DESC);
      CREATE UNIQUE INDEX activity_by_message ON activity_entries(candidate_id, message_id) WHERE message_id IS NOT NULL;
      CREATE INDEX activity_by_subject ON activity_entries(subject_id) WHERE subject_id IS NOT NULL;

      -- Earlier versions: each row is the entry as it was before version+1 replaced it.
      CREATE TABLE activity_revisions (
        entry_id TEXT NOT NULL REFERENCES activity_entries(id) ON DELETE CASCADE,
        candidate_id TEXT NOT NULL,
        version INTEGER NOT NULL,
        at TEXT NOT NULL,
        direction TEXT,
        title TEXT NOT NULL,
        body TEXT NOT NULL,
        data TEXT NOT NULL,
        changed_at TEXT NOT NULL,
        changed_by TEXT NOT NULL REFERENCES staff(id),
        PRIMARY KEY (entry_id, version)
      ) STRICT;
      CREATE INDEX activity_revisions_by_candidate ON activity_revisions(candidate_id);

      -- Attachments and the original message, inside the encrypted vault.
      CREATE TABLE activity_attachments (
        id TEXT PRIMARY KEY,
        entry_id TEXT NOT NULL REFERENCES activity_entries(id) ON DELETE CASCADE,
        candidate_id TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('attachment', 'original')),
        file_name TEXT NOT NULL,
        content_type TEXT NOT NULL,
        size INTEGER NOT NULL,
        data BLOB NOT NULL
      ) STRICT;
      CREATE INDEX activity_attachments_by_entry ON activity_attachments(entry_id);
      CREATE INDEX activity_attachments_by_candidate ON activity_attachments(candidate_id);

      -- Reference persons: their data is theirs, never the candidate's contact data.
      CREATE TABLE candidate_references (
        id TEXT PRIMARY KEY,
        candidate_id TEXT NOT NULL REFERENCES candidates(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        relation TEXT NOT NULL DEFAULT '',
        company TEXT NOT NULL DEFAULT '',
        phone TEXT NOT NULL DEFAULT '',
        email TEXT NOT NULL DEFAULT '',
        notes TEXT NOT NULL DEFAULT '',
        checked_at TEXT,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL REFERENCES staff(id),
        updated_at TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1
      ) STRICT;
      CREATE INDEX candidate_references_by_candidate ON candidate_references(candidate_id, created_at);

      CREATE TABLE interview_templates (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        questions TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL REFERENCES staff(id)
      ) STRICT;

      CREATE TABLE interviews (
        id TEXT PRIMARY KEY,
        candidate_id TEXT NOT NULL REFERENCES candidates(id) ON DELETE CASCADE,
        template_id TEXT,
        title TEXT NOT NULL,
        at TEXT NOT NULL,
        -- The template's questions as they were when the interview started.
        questions TEXT NOT NULL,
        answers TEXT NOT NULL DEFAULT '{}',
        notes TEXT NOT NULL DEFAULT '',
        revision INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL REFERENCES staff(id),
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX interviews_by_candidate ON interviews(candidate_id, at);

      -- The recruiter's mailbox; the password stays inside the encrypted vault.
      CREATE TABLE mail_account (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        settings TEXT NOT NULL,
        imap_password TEXT NOT NULL DEFAULT '',
        smtp_password TEXT NOT NULL DEFAULT '',
        last_sync_at TEXT
      ) STRICT;
      CREATE TABLE mail_folders (
        folder TEXT PRIMARY KEY,
        uid_validity TEXT NOT NULL,
        last_uid INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE mail_campaigns (
        id TEXT PRIMARY KEY,
        subject TEXT NOT NULL,
        body TEXT NOT NULL,
        sent_at TEXT NOT NULL,
        sent_by TEXT NOT NULL REFERENCES staff(id)
      ) STRICT;
      CREATE TABLE mail_campaign_recipients (
        campaign_id TEXT NOT NULL REFERENCES mail_campaigns(id),
        candidate_id TEXT NOT NULL REFERENCES candidates(id) ON DELETE CASCADE,
        -- The secret in the one-click unsubscribe link.
        token TEXT NOT NULL UNIQUE,
        status TEXT NOT NULL CHECK (status IN ('sent', 'failed')),
        sent_at TEXT NOT NULL,
        unsubscribed_at TEXT,
        PRIMARY KEY (campaign_id, candidate_id)
      ) STRICT;
      CREATE INDEX mail_campaign_recipients_by_candidate ON mail_campaign_recipients(candidate_id);

      CREATE VIRTUAL TABLE activity_fts USING fts5(
        title, body, content='activity_entries', content_rowid='seq',
        tokenize='unicode61 remove_diacritics 2'
      );
      -- An erased message must not linger in the index's pages.
      INSERT INTO activity_fts(activity_fts, rank) VALUES ('secure-delete', 1);
      CREATE TRIGGER activity_fts_insert AFTER INSERT ON activity_entries BEGIN
        INSERT INTO activity_fts(rowid, title, body) VALUES (new.seq, new.title, new.body);
      END;
      CREATE TRIGGER activity_fts_delete AFTER DELETE ON activity_entries BEGIN
        INSERT INTO activity_fts(activity_fts, rowid, title, body) VALUES ('delete', old.seq, old.title, old.body);
      END;
      CREATE TRIGGER activity_fts_update AFTER UPDATE OF title, body ON activity_entries BEGIN
        INSERT INTO activity_fts(activity_fts, rowid, title, body) VALUES ('delete', old.seq, old.title, old.body);
        INSERT INTO activity_fts(rowid, title, body) VALUES (new.seq, new.title, new.body);
      END;
    `);
  },
};
