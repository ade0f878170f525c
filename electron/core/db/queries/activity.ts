import type { Db } from '../connection.ts';
import type {
  ActivityData,
  ActivityKind,
  ActivityRevision,
  AttachmentInfo,
  Direction,
  SearchHit,
  TimelineEntry,
  TimelinePage,
} from '../../../../shared/contract/index.ts';
import { ActivityKinds } from '../../../../shared/contract/index.ts';
import { AppError } from '../../rpc/errors.ts';
import { prepared } from './prepared.ts';

/**
 * Timeline entries: one row per call, e-mail, text message, reference check or
 * interview on a candidate. Edits keep the replaced version in activity_revisions;
 * activity_fts indexes title and body (kept in step by triggers).
 */

interface EntryRow {
  seq: number;
  id: string;
  candidate_id: string;
  kind: ActivityKind;
  at: string;
  direction: Direction | null;
  title: string;
  body: string;
  data: string;
  thread_key: string | null;
  created_at: string;
  created_by: string;
  creator_name: string | null;
  updated_at: string;
  updated_by: string;
  updater_name: string | null;
  version: number;
}

const ENTRY_SELECT = `SELECT e.seq, e.id, e.candidate_id, e.kind, e.at, e.direction, e.title, e.body, e.data, e.thread_key,
    e.created_at, e.created_by, cs.name AS creator_name, e.updated_at, e.updated_by, us.name AS updater_name, e.version
  FROM activity_entries e LEFT JOIN staff cs ON cs.id = e.created_by LEFT JOIN staff us ON us.id = e.updated_by`;

function toEntry(r: EntryRow, attachments: AttachmentInfo[]): TimelineEntry {
  return {
    id: r.id,
    candidateId: r.candidate_id,
    kind: r.kind,
    at: r.at,
    direction: r.direction,
    title: r.title,
    body: r.body,
    data: JSON.parse(r.data) as ActivityData,
    threadKey: r.thread_key,
    attachments,
    loggedBy: { id: r.created_by, name: r.creator_name ?? '' },
    loggedAt: r.created_at,
    updatedBy: { id: r.updated_by, name: r.updater_name ?? '' },
    updatedAt: r.updated_at,
    version: r.version,
  };
}

/** Attachments of many entries in one query (the original message is not listed). */
function attachmentsOf(db: Db, entryIds: string[]): Map<string, AttachmentInfo[]> {
  const byEntry = new Map<string, AttachmentInfo[]>();
  if (entryIds.length === 0) return byEntry;
  const rows = db
    .prepare(
      `SELECT id, entry_id, file_name, content_type, size FROM activity_attachments
       WHERE role = 'attachment' AND entry_id IN (SELECT value FROM json_each(?)) ORDER BY rowid`,
    )
    .all(JSON.stringify(entryIds)) as { id: string; entry_id: string; file_name: string; content_type: string; size: number }[];
  for (const r of rows) {
    const list = byEntry.get(r.entry_id) ?? [];
    list.push({ id: r.id, fileName: r.file_name, contentType: r.content_type, size: r.size });
    byEntry.set(r.entry_id, list);
  }
  return byEntry;
}

function withAttachments(db: Db, rows: EntryRow[]): TimelineEntry[] {
  const attachments = attachmentsOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toEntry(r, attachments.get(r.id) ?? []));
}

export function requireCandidate(db: Db, candidateId: string): void {
  if (!prepared(db, 'SELECT 1 FROM candidates WHERE id = ?').get(candidateId)) {
    throw new AppError('NOT_FOUND', 'No candidate with that id', { id: candidateId });
  }
}

/**
 * Words typed into a search box as an FTS5 query: every word must occur, the last
 * one as a prefix (search while typing). Quotes keep FTS syntax out of user input.
 */
export function ftsQuery(input: string): string | null {
  const words = input.normalize('NFC').match(/[\p{L}\p{N}]+/gu);
  if (!words || words.length === 0) return null;
  return words.map((w, i) => `"${w}"${i === words.length - 1 ? '*' : ''}`).join(' AND ');
}

export interface NewAttachment {
  id: string;
  role: 'attachment' | 'original';
  fileName: string;
  contentType: string;
  data: Uint8Array;
}

export interface NewEntry {
  id: string;
  candidateId: string;
  kind: ActivityKind;
  at: string;
  direction: Direction | null;
  title: string;
  body: string;
  data: ActivityData;
  threadKey?: string | null;
  messageId?: string | null;
  subjectId?: string | null;
  attachments?: NewAttachment[];
}

/**
 * Log entries in one transaction. An e-mail already logged on the candidate (same
 * Message-ID) is skipped and counted as a duplicate: logging is idempotent.
 */
export function insertEntries(db: Db, a: { entries: NewEntry[]; actorId: string; now: string }): { inserted: string[]; duplicates: number } {
  const insert = prepared(
    db,
    `INSERT OR IGNORE INTO activity_entries
       (id, candidate_id, kind, at, direction, title, body, data, thread_key, message_id, subject_id, created_at, created_by, updated_at, updated_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const attach = prepared(
    db,
    `INSERT INTO activity_attachments (id, entry_id, candidate_id, role, file_name, content_type, size, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const inserted: string[] = [];
  let duplicates = 0;
  db.transaction(() => {
    for (const e of a.entries) {
      const changes = insert.run(
        e.id,
        e.candidateId,
        e.kind,
        e.at,
        e.direction,
        e.title,
        e.body,
        JSON.stringify(e.data),
        e.threadKey ?? null,
        e.messageId ?? null,
        e.subjectId ?? null,
        a.now,
        a.actorId,
        a.now,
        a.actorId,
      ).changes;
      if (changes === 0) {
        duplicates++;
        continue;
      }
      inserted.push(e.id);
      for (const f of e.attachments ?? []) {
        attach.run(f.id, e.id, e.candidateId, f.role, f.fileName, f.contentType, f.data.byteLength, f.data);
      }
    }
  })();
  return { inserted, duplicates };
}

export function getEntry(db: Db, a: { id: string }): TimelineEntry {
  const row = prepared(db, `${ENTRY_SELECT} WHERE e.id = ?`).get(a.id) as EntryRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', 'No timeline entry with that id', { id: a.id });
  return withAttachments(db, [row])[0]!;
}

export function timeline(
  db: Db,
  a: { candidateId: string; kinds?: ActivityKind[] | undefined; query?: string | undefined; offset: number; limit: number },
): TimelinePage {
  requireCandidate(db, a.candidateId);
  const counts = Object.fromEntries(ActivityKinds.map((k) => [k, 0])) as Record<ActivityKind, number>;
  const match = a.query === undefined ? null : ftsQuery(a.query);
  const textFilter = match === null ? '' : 'AND e.seq IN (SELECT rowid FROM activity_fts WHERE activity_fts MATCH @match)';
  const byText = match === null ? {} : { match };
  const countRows = db
    .prepare(`SELECT e.kind, count(*) AS n FROM activity_entries e WHERE e.candidate_id = @candidateId ${textFilter} GROUP BY e.kind`)
    .all({ candidateId: a.candidateId, ...byText }) as { kind: ActivityKind; n: number }[];
  for (const r of countRows) counts[r.kind] = r.n;
  const kinds = new Set(a.kinds ?? ActivityKinds);
  const total = countRows.filter((r) => kinds.has(r.kind)).reduce((n, r) => n + r.n, 0);
  const rows = db
    .prepare(
      `${ENTRY_SELECT} WHERE e.candidate_id = @candidateId AND e.kind IN (SELECT value FROM json_each(@kinds)) ${textFilter}
       ORDER BY e.at DESC, e.seq DESC LIMIT @limit OFFSET @offset`,
    )
    .all({ candidateId: a.candidateId, kinds: JSON.stringify(a.kinds ?? ActivityKinds), limit: a.limit, offset: a.offset, ...byText }) as EntryRow[];
  return { total, counts, items: withAttachments(db, rows) };
}

export function searchEntries(db: Db, a: { query: string; kinds?: ActivityKind[] | undefined; limit: number }): SearchHit[] {
  const match = ftsQuery(a.query);
  if (match === null) return [];
  const rows = db
    .prepare(
      `SELECT e.id, e.candidate_id, c.name AS candidate_name, e.kind, e.at, e.title,
              snippet(activity_fts, -1, '[', ']', '…', 16) AS snippet
       FROM activity_fts JOIN activity_entries e ON e.seq = activity_fts.rowid JOIN candidates c ON c.id = e.candidate_id
       WHERE activity_fts MATCH ? AND e.kind IN (SELECT value FROM json_each(?))
       ORDER BY rank LIMIT ?`,
    )
    .all(match, JSON.stringify(a.kinds ?? ActivityKinds), a.limit) as {
    id: string;
    candidate_id: string;
    candidate_name: string;
    kind: ActivityKind;
    at: string;
    title: string;
    snippet: string;
  }[];
  return rows.map((r) => ({
    entryId: r.id,
    candidateId: r.candidate_id,
    candidateName: r.candidate_name,
    kind: r.kind,
    at: r.at,
    title: r.title,
    snippet: r.snippet,
  }));
}

export interface EntryPatch {
  at?: string;
  direction?: Direction;
  title?: string;
  body?: string;
  data?: ActivityData;
}

/** Keep the current version in the history, then apply the patch. */
function revise(db: Db, row: EntryRow, patch: EntryPatch, actorId: string, now: string): void {
  prepared(
    db,
    `INSERT INTO activity_revisions (entry_id, candidate_id, version, at, direction, title, body, data, changed_at, changed_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(row.id, row.candidate_id, row.version, row.at, row.direction, row.title, row.body, row.data, now, actorId);
  prepared(
    db,
    `UPDATE activity_entries SET at = ?, direction = ?, title = ?, body = ?, data = ?, updated_at = ?, updated_by = ?, version = version + 1
     WHERE id = ?`,
  ).run(
    patch.at ?? row.at,
    patch.direction ?? row.direction,
    patch.title ?? row.title,
    patch.body ?? row.body,
    JSON.stringify(patch.data ?? JSON.parse(row.data)),
    now,
    actorId,
    row.id,
  );
}

export function updateEntry(db: Db, a: { id: string; version: number; patch: EntryPatch; actorId: string; now: string }): TimelineEntry {
  return db.transaction(() => {
    const row = prepared(db, `${ENTRY_SELECT} WHERE e.id = ?`).get(a.id) as EntryRow | undefined;
    if (!row) throw new AppError('NOT_FOUND', 'No timeline entry with that id', { id: a.id });
    if (row.version !== a.version) {
      throw new AppError('CONFLICT', 'Someone changed this entry since you opened it', { current: row.version });
    }
    revise(db, row, a.patch, a.actorId, a.now);
    return getEntry(db, { id: a.id });
  })();
}

/**
 * The timeline entry of an interview or reference check: created on first save,
 * then kept in step. With `keepRevision` the replaced text goes into the history
 * (autosave calls it without, or every keystroke would be a version).
 */
export function upsertSubjectEntry(
  db: Db,
  a: { subjectId: string; entry: NewEntry; keepRevision: boolean; actorId: string; now: string },
): void {
  const row = prepared(db, `${ENTRY_SELECT} WHERE e.subject_id = ?`).get(a.subjectId) as EntryRow | undefined;
  if (!row) {
    insertEntries(db, { entries: [{ ...a.entry, subjectId: a.subjectId }], actorId: a.actorId, now: a.now });
    return;
  }
  const patch = { at: a.entry.at, title: a.entry.title, body: a.entry.body, data: a.entry.data };
  if (a.keepRevision) {
    revise(db, row, patch, a.actorId, a.now);
  } else {
    prepared(db, 'UPDATE activity_entries SET at = ?, title = ?, body = ?, data = ?, updated_at = ?, updated_by = ? WHERE id = ?').run(
      patch.at,
      patch.title,
      patch.body,
      JSON.stringify(patch.data),
      a.now,
      a.actorId,
      row.id,
    );
  }
}

export function removeSubjectEntry(db: Db, subjectId: string): void {
  prepared(db, 'DELETE FROM activity_entries WHERE subject_id = ?').run(subjectId);
}

export function entryRevisions(db: Db, a: { id: string }): ActivityRevision[] {
  getEntry(db, a);
  const rows = prepared(
    db,
    `SELECT r.*, s.name AS changer_name FROM activity_revisions r LEFT JOIN staff s ON s.id = r.changed_by
     WHERE r.entry_id = ? ORDER BY r.version DESC`,
  ).all(a.id) as {
    version: number;
    at: string;
    direction: Direction | null;
    title: string;
    body: string;
    data: string;
    changed_at: string;
    changed_by: string;
    changer_name: string | null;
  }[];
  return rows.map((r) => ({
    version: r.version,
    at: r.at,
    direction: r.direction,
    title: r.title,
    body: r.body,
    data: JSON.parse(r.data) as ActivityData,
    changedBy: { id: r.changed_by, name: r.changer_name ?? '' },
    changedAt: r.changed_at,
  }));
}

/** Who has which phone number (E.164) and e-mail address (lower case): for matching messages to candidates. */
export function contactBook(db: Db): { phones: Record<string, string[]>; emails: Record<string, string[]> } {
  const phones: Record<string, string[]> = {};
  const emails: Record<string, string[]> = {};
  const add = (map: Record<string, string[]>, key: string, id: string) => {
    const list = (map[key] ??= []);
    if (!list.includes(id)) list.push(id);
  };
  for (const r of prepared(db, 'SELECT c.id, p.value FROM candidates c, json_each(c.phones) p').all() as { id: string; value: string }[]) {
    add(phones, r.value, r.id);
  }
  for (const r of prepared(db, 'SELECT c.id, m.value FROM candidates c, json_each(c.emails) m').all() as { id: string; value: string }[]) {
    add(emails, r.value.toLowerCase(), r.id);
  }
  return { phones, emails };
}

/** Everything about one candidate, for the data-subject export. */
export function collectActivity(db: Db, candidateId: string) {
  const entries = (prepared(db, `${ENTRY_SELECT} WHERE e.candidate_id = ? ORDER BY e.at, e.seq`).all(candidateId) as EntryRow[]).map((r) =>
    toEntry(r, []),
  );
  const revisions = prepared(
    db,
    'SELECT entry_id AS entryId, version, at, direction, title, body, data, changed_at AS changedAt FROM activity_revisions WHERE candidate_id = ? ORDER BY entry_id, version',
  ).all(candidateId);
  const attachments = prepared(
    db,
    'SELECT id, entry_id AS entryId, role, file_name AS fileName, content_type AS contentType, size FROM activity_attachments WHERE candidate_id = ? ORDER BY rowid',
  ).all(candidateId);
  return { entries, revisions, attachments };
}

export const activityQueries = {
  'activity.insert': insertEntries,
  'activity.get': getEntry,
  'activity.timeline': timeline,
  'activity.search': searchEntries,
  'activity.update': updateEntry,
  'activity.revisions': entryRevisions,
  'activity.contactBook': contactBook,
};
