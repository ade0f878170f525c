import type { Db } from '../connection.ts';
import { AppError } from '../../rpc/errors.ts';
import { prepared } from './prepared.ts';

/**
 * The mailbox account (one; its passwords stay inside the encrypted vault), how
 * far each folder has been read, e-mail attachments, and marketing campaigns with
 * the unsubscribe token of each recipient.
 */

export interface StoredAccount {
  settings: Record<string, unknown>;
  imapPassword: string;
  smtpPassword: string;
  lastSyncAt: string | null;
}

export function getAccount(db: Db): StoredAccount | null {
  const row = prepared(db, 'SELECT settings, imap_password, smtp_password, last_sync_at FROM mail_account WHERE id = 1').get() as
    | { settings: string; imap_password: string; smtp_password: string; last_sync_at: string | null }
    | undefined;
  if (!row) return null;
  return { settings: JSON.parse(row.settings) as Record<string, unknown>, imapPassword: row.imap_password, smtpPassword: row.smtp_password, lastSyncAt: row.last_sync_at };
}

/** Passwords left null keep the stored ones. A different server or user starts reading the folders afresh. */
export function saveAccount(
  db: Db,
  a: { settings: Record<string, unknown>; imapPassword: string | null; smtpPassword: string | null; mailboxKey: string },
): StoredAccount {
  return db.transaction(() => {
    const before = getAccount(db);
    if (before && before.settings.mailboxKey !== a.mailboxKey) prepared(db, 'DELETE FROM mail_folders').run();
    prepared(
      db,
      `INSERT INTO mail_account (id, settings, imap_password, smtp_password) VALUES (1, ?, ?, ?)
       ON CONFLICT(id) DO UPDATE SET settings = excluded.settings,
         imap_password = CASE WHEN ? IS NULL THEN mail_account.imap_password ELSE excluded.imap_password END,
         smtp_password = CASE WHEN ? IS NULL THEN mail_account.smtp_password ELSE excluded.smtp_password END`,
    ).run(JSON.stringify({ ...a.settings, mailboxKey: a.mailboxKey }), a.imapPassword ?? '', a.smtpPassword ?? '', a.imapPassword, a.smtpPassword);
    return getAccount(db)!;
  })();
}

export function markSynced(db: Db, a: { at: string }): void {
  prepared(db, 'UPDATE mail_account SET last_sync_at = ? WHERE id = 1').run(a.at);
}

export function folderState(db: Db, a: { folder: string }): { uidValidity: string; lastUid: number } | null {
  const row = prepared(db, 'SELECT uid_validity, last_uid FROM mail_folders WHERE folder = ?').get(a.folder) as
    | { uid_validity: string; last_uid: number }
    | undefined;
  return row ? { uidValidity: row.uid_validity, lastUid: row.last_uid } : null;
}

export function setFolderState(db: Db, a: { folder: string; uidValidity: string; lastUid: number }): void {
  prepared(
    db,
    `INSERT INTO mail_folders (folder, uid_validity, last_uid) VALUES (?, ?, ?)
     ON CONFLICT(folder) DO UPDATE SET uid_validity = excluded.uid_validity, last_uid = excluded.last_uid`,
  ).run(a.folder, a.uidValidity, a.lastUid);
}

export function getAttachment(db: Db, a: { id: string }): { fileName: string; contentType: string; data: Uint8Array; candidateId: string } {
  const row = prepared(db, 'SELECT file_name, content_type, data, candidate_id FROM activity_attachments WHERE id = ?').get(a.id) as
    | { file_name: string; content_type: string; data: Uint8Array; candidate_id: string }
    | undefined;
  if (!row) throw new AppError('NOT_FOUND', 'No attachment with that id', { id: a.id });
  return { fileName: row.file_name, contentType: row.content_type, data: row.data, candidateId: row.candidate_id };
}

export function recordCampaign(
  db: Db,
  a: { id: string; subject: string; body: string; actorId: string; now: string },
): void {
  prepared(db, 'INSERT INTO mail_campaigns (id, subject, body, sent_at, sent_by) VALUES (?, ?, ?, ?, ?)').run(a.id, a.subject, a.body, a.now, a.actorId);
}

export function recordRecipient(db: Db, a: { campaignId: string; candidateId: string; token: string; status: 'sent' | 'failed'; now: string }): void {
  prepared(
    db,
    'INSERT INTO mail_campaign_recipients (campaign_id, candidate_id, token, status, sent_at) VALUES (?, ?, ?, ?, ?)',
  ).run(a.campaignId, a.candidateId, a.token, a.status, a.now);
}

/** The recipient an unsubscribe token was sent to (null: unknown token, or the candidate is gone). */
export function recipientByToken(db: Db, a: { token: string }): { candidateId: string; campaignId: string; unsubscribedAt: string | null } | null {
  const row = prepared(db, 'SELECT candidate_id, campaign_id, unsubscribed_at FROM mail_campaign_recipients WHERE token = ?').get(a.token) as
    | { candidate_id: string; campaign_id: string; unsubscribed_at: string | null }
    | undefined;
  return row ? { candidateId: row.candidate_id, campaignId: row.campaign_id, unsubscribedAt: row.unsubscribed_at } : null;
}

export function markUnsubscribed(db: Db, a: { token: string; at: string }): void {
  prepared(db, 'UPDATE mail_campaign_recipients SET unsubscribed_at = coalesce(unsubscribed_at, ?) WHERE token = ?').run(a.at, a.token);
}

export function collectMail(db: Db, candidateId: string) {
  return prepared(
    db,
    `SELECT c.subject, r.status, r.sent_at AS sentAt, r.unsubscribed_at AS unsubscribedAt
     FROM mail_campaign_recipients r JOIN mail_campaigns c ON c.id = r.campaign_id WHERE r.candidate_id = ? ORDER BY r.sent_at`,
  ).all(candidateId);
}

export const mailQueries = {
  'mail.account': getAccount,
  'mail.saveAccount': saveAccount,
  'mail.markSynced': markSynced,
  'mail.folderState': folderState,
  'mail.setFolderState': setFolderState,
  'mail.attachment': getAttachment,
  'mail.recordCampaign': recordCampaign,
  'mail.recordRecipient': recordRecipient,
  'mail.recipientByToken': recipientByToken,
  'mail.markUnsubscribed': markUnsubscribed,
};
