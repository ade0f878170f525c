import type { Db } from '../connection.ts';
import type {
  Candidate,
  Disclosure,
  OutboxItem,
  OutboxStatus,
  ResumeDocument,
  ShareField,
  ShareMode,
  TransferBasisKind,
} from '../../../../shared/contract/index.ts';
import { OutboxStatuses } from '../../../../shared/contract/index.ts';
import { AppError } from '../../rpc/errors.ts';
import { appendAudit } from './audit.ts';
import { getCandidate } from './candidates.ts';
import { consentGranted, grantedNow } from './consents.ts';
import { prepared } from './prepared.ts';

/**
 * Sharing with clients: connections, profile references, the outbox. The outbox
 * is the record of disclosures too: a delivered profile row keeps which fields
 * went to whom, when and on what basis; its body goes once it has left.
 */

// ---- connections ---------------------------------------------------------------

export interface ConnectionRow {
  client_id: string;
  client_name: string;
  country: string;
  endpoint: string;
  safeguard_reference: string | null;
  adequacy_scope_confirmed: number;
  pin_sha256: string | null;
  fields: string;
  mode: ShareMode;
  created_at: string;
  updated_at: string;
}

const CONNECTION_SELECT = `SELECT k.client_id, c.name AS client_name, c.country, k.endpoint, k.safeguard_reference,
    k.adequacy_scope_confirmed, k.pin_sha256, k.fields, k.mode, k.created_at, k.updated_at
  FROM sharing_connections k JOIN clients c ON c.id = k.client_id`;

export function listConnections(db: Db): ConnectionRow[] {
  return db.prepare(`${CONNECTION_SELECT} ORDER BY c.name_key, c.id`).all() as ConnectionRow[];
}

export function getConnection(db: Db, a: { clientId: string }): ConnectionRow | null {
  return (db.prepare(`${CONNECTION_SELECT} WHERE k.client_id = ?`).get(a.clientId) as ConnectionRow | undefined) ?? null;
}

/** The client as the sharing screens need it, with or without a connection. */
export function clientForSharing(db: Db, a: { clientId: string }): { id: string; name: string; country: string } {
  const row = db.prepare('SELECT id, name, country FROM clients WHERE id = ?').get(a.clientId) as
    | { id: string; name: string; country: string }
    | undefined;
  if (!row) throw new AppError('NOT_FOUND', 'No client with that id', { id: a.clientId });
  return row;
}

export function saveConnection(
  db: Db,
  a: {
    clientId: string;
    endpoint: string;
    secret: string | null;
    safeguardReference: string | null;
    adequacyScopeConfirmed: boolean;
    pinSha256: string | null;
    fields: ShareField[] | null;
    mode: ShareMode | null;
    defaultFields: ShareField[];
    actorId: string;
    at: string;
  },
): ConnectionRow {
  return db.transaction(() => {
    clientForSharing(db, { clientId: a.clientId });
    const existing = db.prepare('SELECT fields, mode FROM sharing_connections WHERE client_id = ?').get(a.clientId) as
      | { fields: string; mode: ShareMode }
      | undefined;
    if (!existing) {
      if (a.secret === null) {
        throw new AppError('VALIDATION', 'A new connection needs the signing secret agreed with the client.', {
          issues: [{ path: 'secret', message: 'Required' }],
        });
      }
      db.prepare(
        `INSERT INTO sharing_connections (client_id, endpoint, secret, safeguard_reference, adequacy_scope_confirmed, pin_sha256,
           fields, mode, created_at, created_by, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        a.clientId,
        a.endpoint,
        a.secret,
        a.safeguardReference,
        a.adequacyScopeConfirmed ? 1 : 0,
        a.pinSha256,
        JSON.stringify(a.fields ?? a.defaultFields),
        a.mode ?? 'full',
        a.at,
        a.actorId,
        a.at,
        a.actorId,
      );
    } else {
      db.prepare(
        `UPDATE sharing_connections SET endpoint = ?, secret = coalesce(?, secret), safeguard_reference = ?, adequacy_scope_confirmed = ?,
           pin_sha256 = ?, fields = ?, mode = ?, updated_at = ?, updated_by = ? WHERE client_id = ?`,
      ).run(
        a.endpoint,
        a.secret,
        a.safeguardReference,
        a.adequacyScopeConfirmed ? 1 : 0,
        a.pinSha256,
        a.fields ? JSON.stringify(a.fields) : existing.fields,
        a.mode ?? existing.mode,
        a.at,
        a.actorId,
        a.clientId,
      );
    }
    return getConnection(db, { clientId: a.clientId })!;
  })();
}

/** Refused while items for the client wait in the outbox: they would have nowhere to go. */
export function removeConnection(db: Db, a: { clientId: string }): { removed: boolean } {
  return db.transaction(() => {
    const waiting = db.prepare("SELECT count(*) AS n FROM sharing_outbox WHERE client_id = ? AND status = 'queued'").get(a.clientId) as { n: number };
    if (waiting.n > 0) {
      throw new AppError('CONFLICT', `${waiting.n} item(s) for this client are still in the outbox: cancel them or let them be delivered first.`);
    }
    return { removed: db.prepare('DELETE FROM sharing_connections WHERE client_id = ?').run(a.clientId).changes > 0 };
  })();
}

// ---- what a share is built from --------------------------------------------------

export interface ShareSource {
  candidateId: string;
  candidate: Candidate | null;
  resume: ResumeDocument | null;
  /** Read only when the client's selection names it. */
  nationalId: string | null;
  /** The grant that allows sharing now (vacancy consent preferred), or null. */
  consent: { id: string; since: string } | null;
  profileRef: string;
}

/** The newest event of one sharing scope, if it is a grant. */
function grantOf(db: Db, candidateId: string, clientId: string, vacancyId: string): { id: string; since: string } | null {
  const row = prepared(
    db,
    `SELECT id, at, action FROM consent_events WHERE candidate_id = ? AND purpose = 'shareWithClient' AND client_id = ? AND vacancy_id = ?
     ORDER BY at DESC, seq DESC LIMIT 1`,
  ).get(candidateId, clientId, vacancyId) as { id: string; at: string; action: string } | undefined;
  return row?.action === 'grant' ? { id: row.id, since: row.at } : null;
}

export function currentShareConsent(db: Db, candidateId: string, clientId: string, vacancyId: string | null) {
  return (vacancyId ? grantOf(db, candidateId, clientId, vacancyId) : null) ?? grantOf(db, candidateId, clientId, '');
}

/**
 * The candidates' data for a share, and each one's profile reference for this
 * client (made on first use from `newRefs`: a reference is not a disclosure).
 */
export function shareSources(
  db: Db,
  a: { candidateIds: string[]; clientId: string; vacancyId: string | null; newRefs: string[]; withNationalId: boolean },
): ShareSource[] {
  return db.transaction(() =>
    a.candidateIds.map((candidateId, i): ShareSource => {
      const exists = prepared(db, 'SELECT 1 FROM candidates WHERE id = ?').get(candidateId);
      if (!exists) return { candidateId, candidate: null, resume: null, nationalId: null, consent: null, profileRef: '' };
      let ref = prepared(db, 'SELECT profile_ref FROM sharing_profile_refs WHERE candidate_id = ? AND client_id = ?').get(candidateId, a.clientId) as
        | { profile_ref: string }
        | undefined;
      if (!ref) {
        ref = { profile_ref: a.newRefs[i] ?? `ref-${candidateId}-${a.clientId}` };
        prepared(db, 'INSERT INTO sharing_profile_refs (candidate_id, client_id, profile_ref) VALUES (?, ?, ?)').run(candidateId, a.clientId, ref.profile_ref);
      }
      const profile = prepared(db, 'SELECT resume FROM candidate_profiles WHERE candidate_id = ?').get(candidateId) as { resume: string } | undefined;
      const nationalId = a.withNationalId
        ? ((prepared(db, 'SELECT value FROM candidate_national_ids WHERE candidate_id = ?').get(candidateId) as { value: string } | undefined)?.value ?? null)
        : null;
      return {
        candidateId,
        candidate: getCandidate(db, { id: candidateId }),
        resume: profile ? (JSON.parse(profile.resume) as ResumeDocument) : null,
        nationalId,
        consent: currentShareConsent(db, candidateId, a.clientId, a.vacancyId),
        profileRef: ref.profile_ref,
      };
    }),
  )();
}

// ---- the outbox --------------------------------------------------------------------

interface OutboxRow {
  seq: number;
  id: string;
  kind: 'profile' | 'deletion';
  candidate_id: string | null;
  candidate_name: string | null;
  client_id: string;
  client_name: string;
  vacancy_id: string | null;
  vacancy_title: string | null;
  status: OutboxStatus;
  attempts: number;
  next_attempt_at: string | null;
  last_error: string | null;
  created_at: string;
  delivered_at: string | null;
}

const OUTBOX_SELECT = `SELECT o.seq, o.id, o.kind, o.candidate_id, ca.name AS candidate_name, o.client_id, cl.name AS client_name, o.vacancy_id,
    v.title AS vacancy_title, o.status, o.attempts, o.next_attempt_at, o.last_error, o.created_at, o.delivered_at
  FROM sharing_outbox o JOIN clients cl ON cl.id = o.client_id LEFT JOIN candidates ca ON ca.id = o.candidate_id
    LEFT JOIN vacancies v ON v.id = o.vacancy_id`;

const toItem = (r: OutboxRow): OutboxItem => ({
  id: r.id,
  kind: r.kind,
  candidateId: r.candidate_id,
  candidateName: r.candidate_name,
  clientId: r.client_id,
  clientName: r.client_name,
  vacancyId: r.vacancy_id,
  vacancyTitle: r.vacancy_title,
  status: r.status,
  attempts: r.attempts,
  nextAttemptAt: r.status === 'queued' ? r.next_attempt_at : null,
  lastError: r.last_error,
  createdAt: r.created_at,
  deliveredAt: r.delivered_at,
});

function itemById(db: Db, id: string): OutboxItem {
  const row = prepared(db, `${OUTBOX_SELECT} WHERE o.id = ?`).get(id) as OutboxRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', 'No outbox item with that id', { id });
  return toItem(row);
}

export interface EnqueueProfile {
  id: string;
  candidateId: string;
  vacancyId: string | null;
  profileRef: string;
  body: string;
  fields: ShareField[];
  mode: ShareMode;
  consentEventId: string;
  transferBasis: TransferBasisKind;
  transferDetail: string;
}

/**
 * Queue profiles for a client. Consent is checked again inside the transaction:
 * a withdrawal recorded since the preview wins.
 */
export function enqueueProfiles(db: Db, a: { clientId: string; items: EnqueueProfile[]; actorId: string; at: string }): OutboxItem[] {
  return db.transaction(() => {
    for (const item of a.items) {
      if (!consentGranted(db, { candidateId: item.candidateId, purpose: 'shareWithClient', clientId: a.clientId, vacancyId: item.vacancyId })) {
        throw new AppError('FORBIDDEN', 'The candidate has not consented to sharing with this client.', {
          refused: [{ candidateId: item.candidateId, refusal: 'noConsent' }],
        });
      }
      insertQueuedProfile(db, a, item);
      appendAudit(db, {
        at: a.at,
        actorId: a.actorId,
        action: 'share',
        candidateId: item.candidateId,
        subjects: { client: a.clientId, outbox: item.id, consentEvent: item.consentEventId, ...(item.vacancyId ? { vacancy: item.vacancyId } : {}) },
        detail: { state: 'queued', mode: item.mode, fields: item.fields.length, basis: item.transferBasis },
      });
    }
    return a.items.map((item) => itemById(db, item.id));
  })();
}

/** One profile row as queued: the single shape both the audited and the bulk path write. */
function insertQueuedProfile(db: Db, a: { clientId: string; actorId: string; at: string }, item: EnqueueProfile): void {
  prepared(
    db,
    `INSERT INTO sharing_outbox (id, kind, candidate_id, client_id, vacancy_id, profile_ref, body, fields, mode, consent_event_id,
       transfer_basis, transfer_detail, status, next_attempt_at, created_at, created_by)
     VALUES (?, 'profile', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'queued', ?, ?, ?)`,
  ).run(
    item.id,
    item.candidateId,
    a.clientId,
    item.vacancyId,
    item.profileRef,
    item.body,
    JSON.stringify(item.fields),
    item.mode,
    item.consentEventId,
    item.transferBasis,
    item.transferDetail,
    a.at,
    a.at,
    a.actorId,
  );
}

/** Bulk queueing for the benchmark and tests: no audit per row, same rows. */
export function enqueueProfilesBulk(db: Db, a: { clientId: string; items: EnqueueProfile[]; actorId: string; at: string }): number {
  return db.transaction(() => {
    for (const item of a.items) insertQueuedProfile(db, a, item);
    return a.items.length;
  })();
}

/** An item ready to go, with what the sender needs to reach and convince the client. */
export interface DueItem {
  id: string;
  kind: 'profile' | 'deletion';
  candidateId: string | null;
  clientId: string;
  vacancyId: string | null;
  profileRef: string;
  body: string;
  attempts: number;
  /** Profile items: does consent stand at this moment? */
  consented: boolean;
  connection: {
    endpoint: string;
    secret: string;
    pinSha256: string | null;
    country: string;
    safeguardReference: string | null;
    adequacyScopeConfirmed: boolean;
  } | null;
}

/**
 * The oldest due items. The planner, left alone, picks the status index and sorts
 * every queued row (bodies and all) on each call: the due index walks them in order.
 */
export function dueItems(db: Db, a: { now: string; limit: number; exclude: string[] }): DueItem[] {
  const rows = prepared(
    db,
    `SELECT o.id, o.kind, o.candidate_id, o.client_id, o.vacancy_id, o.profile_ref, o.body, o.attempts,
       k.endpoint, k.secret, k.pin_sha256, cl.country, k.safeguard_reference, k.adequacy_scope_confirmed,
       CASE WHEN o.kind = 'deletion' THEN 1 ELSE
         coalesce(${grantedNow("'shareWithClient'", 'o.candidate_id', 'o.client_id', "''")}, 0)
         OR (o.vacancy_id IS NOT NULL AND coalesce(${grantedNow("'shareWithClient'", 'o.candidate_id', 'o.client_id', 'o.vacancy_id')}, 0)) END AS consented
     FROM sharing_outbox o INDEXED BY sharing_outbox_due
       JOIN clients cl ON cl.id = o.client_id LEFT JOIN sharing_connections k ON k.client_id = o.client_id
     WHERE o.status = 'queued' AND o.next_attempt_at <= ? AND o.id NOT IN (SELECT value FROM json_each(?))
     ORDER BY o.next_attempt_at, o.seq LIMIT ?`,
  ).all(a.now, JSON.stringify(a.exclude), a.limit) as {
    id: string;
    kind: 'profile' | 'deletion';
    candidate_id: string | null;
    client_id: string;
    vacancy_id: string | null;
    profile_ref: string;
    body: string | null;
    attempts: number;
    endpoint: string | null;
    secret: string | null;
    pin_sha256: string | null;
    country: string;
    safeguard_reference: string | null;
    adequacy_scope_confirmed: number | null;
    consented: number;
  }[];
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    candidateId: r.candidate_id,
    clientId: r.client_id,
    vacancyId: r.vacancy_id,
    profileRef: r.profile_ref,
    body: r.body ?? '',
    attempts: r.attempts,
    consented: r.consented === 1,
    connection:
      r.endpoint !== null && r.secret !== null
        ? {
            endpoint: r.endpoint,
            secret: r.secret,
            pinSha256: r.pin_sha256,
            country: r.country,
            safeguardReference: r.safeguard_reference,
            adequacyScopeConfirmed: r.adequacy_scope_confirmed === 1,
          }
        : null,
  }));
}

/** When the sender should look again: the earliest queued item's time, or null. */
export function nextDue(db: Db): string | null {
  const row = prepared(db, "SELECT min(next_attempt_at) AS at FROM sharing_outbox INDEXED BY sharing_outbox_due WHERE status = 'queued'").get() as {
    at: string | null;
  };
  return row.at;
}

/** Deletion-request ids follow from the reference: unique, and the same if written twice by a retried transaction. */
function queueDeletion(
  db: Db,
  a: { clientId: string; profileRef: string; reason: 'consentWithdrawn' | 'erasure'; at: string; candidateId?: string | null },
): string {
  const n = (prepared(db, "SELECT count(*) AS n FROM sharing_outbox WHERE profile_ref = ? AND kind = 'deletion'").get(a.profileRef) as { n: number }).n;
  const id = `del_${a.profileRef}_${n + 1}`;
  const body = JSON.stringify({ type: 'candidate.profile.deletion_requested', timestamp: a.at, data: { profileRef: a.profileRef, reason: a.reason } });
  prepared(
    db,
    `INSERT INTO sharing_outbox (id, kind, candidate_id, client_id, vacancy_id, profile_ref, body, status, next_attempt_at, created_at)
     VALUES (?, 'deletion', ?, ?, NULL, ?, ?, 'queued', ?, ?)`,
  ).run(id, a.candidateId ?? null, a.clientId, a.profileRef, body, a.at, a.at);
  return id;
}

/**
 * The client acknowledged the items. A profile whose row is gone meanwhile (the
 * candidate was erased while it was on the wire) gets a deletion request at once.
 * The share itself was audited when staff queued it; the row now records when it left.
 */
export function markDelivered(
  db: Db,
  a: {
    items: { id: string; clientId: string; profileRef: string; kind: 'profile' | 'deletion'; transfer: { basis: TransferBasisKind; detail: string } | null }[];
    at: string;
  },
): number {
  return db.transaction(() => {
    let n = 0;
    // The basis recorded is the one the transfer actually relied on, at send time.
    const update = prepared(
      db,
      `UPDATE sharing_outbox SET status = 'delivered', delivered_at = ?, body = NULL, last_error = NULL, next_attempt_at = NULL,
         transfer_basis = coalesce(?, transfer_basis), transfer_detail = coalesce(?, transfer_detail) WHERE id = ?`,
    );
    for (const item of a.items) {
      if (update.run(a.at, item.transfer?.basis ?? null, item.transfer?.detail ?? null, item.id).changes > 0) n++;
      else if (item.kind === 'profile') queueDeletion(db, { clientId: item.clientId, profileRef: item.profileRef, reason: 'erasure', at: a.at });
    }
    return n;
  })();
}

/** A failed attempt: try again later, or (the client refused it) stop until staff retry. */
export function markAttemptFailed(db: Db, a: { id: string; error: string; nextAttemptAt: string | null }): void {
  prepared(
    db,
    `UPDATE sharing_outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = coalesce(?, next_attempt_at),
       status = CASE WHEN ? IS NULL THEN 'failed' ELSE status END WHERE id = ? AND status = 'queued'`,
  ).run(a.error.slice(0, 500), a.nextAttemptAt, a.nextAttemptAt, a.id);
}

/**
 * Not sent: consent gone (withheld; the body is dropped, it must never leave) or
 * no transfer basis now (blocked; kept, to go once a safeguard is recorded).
 */
export function markNotSent(db: Db, a: { id: string; status: 'withheld' | 'blocked'; reason: string; at: string }): void {
  prepared(
    db,
    `UPDATE sharing_outbox SET status = ?, last_error = ?, next_attempt_at = NULL,
       body = CASE WHEN ? = 'withheld' THEN NULL ELSE body END WHERE id = ? AND status = 'queued'`,
  ).run(a.status, a.reason, a.status, a.id);
}

export function retryItem(db: Db, a: { id: string; at: string }): OutboxItem {
  const row = prepared(db, 'SELECT status, body FROM sharing_outbox WHERE id = ?').get(a.id) as { status: OutboxStatus; body: string | null } | undefined;
  if (!row) throw new AppError('NOT_FOUND', 'No outbox item with that id', { id: a.id });
  if (row.body === null || !['queued', 'failed', 'blocked'].includes(row.status)) {
    throw new AppError('CONFLICT', `An item that is ${row.status} cannot be sent again: share the profile anew.`);
  }
  prepared(db, "UPDATE sharing_outbox SET status = 'queued', next_attempt_at = ? WHERE id = ?").run(a.at, a.id);
  return itemById(db, a.id);
}

export function cancelItem(db: Db, a: { id: string; actorId: string; at: string }): OutboxItem {
  const row = prepared(db, 'SELECT status, kind FROM sharing_outbox WHERE id = ?').get(a.id) as { status: OutboxStatus; kind: string } | undefined;
  if (!row) throw new AppError('NOT_FOUND', 'No outbox item with that id', { id: a.id });
  if (row.kind === 'deletion') throw new AppError('FORBIDDEN', 'A deletion request is owed to the client and cannot be cancelled.');
  if (!['queued', 'failed', 'blocked'].includes(row.status)) throw new AppError('CONFLICT', `An item that is ${row.status} cannot be cancelled.`);
  prepared(db, "UPDATE sharing_outbox SET status = 'cancelled', body = NULL, next_attempt_at = NULL WHERE id = ?").run(a.id);
  return itemById(db, a.id);
}

export function listOutbox(
  db: Db,
  a: { candidateId?: string | undefined; clientId?: string | undefined; status?: OutboxStatus | undefined; offset: number; limit: number },
): { total: number; items: OutboxItem[]; counts: Record<OutboxStatus, number> } {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  if (a.candidateId) {
    where.push('o.candidate_id = @candidateId');
    params.candidateId = a.candidateId;
  }
  if (a.clientId) {
    where.push('o.client_id = @clientId');
    params.clientId = a.clientId;
  }
  const scope = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const counts = Object.fromEntries(OutboxStatuses.map((s) => [s, 0])) as Record<OutboxStatus, number>;
  for (const r of db.prepare(`SELECT o.status, count(*) AS n FROM sharing_outbox o ${scope} GROUP BY o.status`).all(params) as { status: OutboxStatus; n: number }[]) {
    counts[r.status] = r.n;
  }
  if (a.status) {
    where.push('o.status = @status');
    params.status = a.status;
  }
  const filtered = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = (db.prepare(`SELECT count(*) AS n FROM sharing_outbox o ${filtered}`).get(params) as { n: number }).n;
  const rows = db.prepare(`${OUTBOX_SELECT} ${filtered} ORDER BY o.seq DESC LIMIT @limit OFFSET @offset`).all({ ...params, limit: a.limit, offset: a.offset }) as OutboxRow[];
  return { total, items: rows.map(toItem), counts };
}

/**
 * Profiles a client holds without a consent that stands any more get a deletion
 * request (once per withdrawal: not again until the profile is shared anew).
 */
export function queueWithdrawalDeletions(db: Db, a: { at: string }): string[] {
  return db.transaction(() => {
    const refs = db
      .prepare(
        `SELECT o.profile_ref, o.client_id, o.candidate_id FROM sharing_outbox o
         WHERE o.kind = 'profile' AND o.status = 'delivered' AND o.candidate_id IS NOT NULL
           AND o.seq > coalesce((SELECT max(d.seq) FROM sharing_outbox d WHERE d.kind = 'deletion' AND d.profile_ref = o.profile_ref), 0)
         GROUP BY o.profile_ref, o.client_id, o.candidate_id
         HAVING max(coalesce(${grantedNow("'shareWithClient'", 'o.candidate_id', 'o.client_id', "''")}, 0)
           OR (o.vacancy_id IS NOT NULL AND coalesce(${grantedNow("'shareWithClient'", 'o.candidate_id', 'o.client_id', 'o.vacancy_id')}, 0))) = 0`,
      )
      .all() as { profile_ref: string; client_id: string; candidate_id: string }[];
    return refs.map((r) =>
      queueDeletion(db, { clientId: r.client_id, profileRef: r.profile_ref, reason: 'consentWithdrawn', at: a.at, candidateId: r.candidate_id }),
    );
  })();
}

// ---- disclosures and the candidate's data -------------------------------------------

export function listDisclosures(db: Db, a: { candidateId: string }): Disclosure[] {
  const rows = prepared(
    db,
    `SELECT o.id, o.client_id, cl.name AS client_name, o.vacancy_id, v.title AS vacancy_title, o.fields, o.mode, o.consent_event_id,
       o.transfer_basis, o.transfer_detail, o.created_at, o.created_by, o.delivered_at
     FROM sharing_outbox o JOIN clients cl ON cl.id = o.client_id LEFT JOIN vacancies v ON v.id = o.vacancy_id
     WHERE o.candidate_id = ? AND o.kind = 'profile' AND o.status = 'delivered' ORDER BY o.delivered_at DESC, o.seq DESC`,
  ).all(a.candidateId) as {
    id: string;
    client_id: string;
    client_name: string;
    vacancy_id: string | null;
    vacancy_title: string | null;
    fields: string;
    mode: ShareMode;
    consent_event_id: string;
    transfer_basis: TransferBasisKind;
    transfer_detail: string;
    created_at: string;
    created_by: string;
    delivered_at: string;
  }[];
  return rows.map((r) => ({
    outboxId: r.id,
    clientId: r.client_id,
    clientName: r.client_name,
    vacancyId: r.vacancy_id,
    vacancyTitle: r.vacancy_title,
    fields: JSON.parse(r.fields) as ShareField[],
    mode: r.mode,
    consentEventId: r.consent_event_id,
    transferBasis: r.transfer_basis,
    transferDetail: r.transfer_detail,
    queuedAt: r.created_at,
    queuedBy: r.created_by,
    deliveredAt: r.delivered_at,
  }));
}

/** The export's part: every disclosure, and what is waiting to go or was stopped before it left. */
export function collectSharing(db: Db, candidateId: string) {
  const notSent = listOutbox(db, { candidateId, offset: 0, limit: 500 })
    .items.filter((i) => i.status !== 'delivered')
    .map((i) => ({ outboxId: i.id, kind: i.kind, clientId: i.clientId, clientName: i.clientName, vacancyId: i.vacancyId, vacancyTitle: i.vacancyTitle, status: i.status, queuedAt: i.createdAt }));
  return { disclosures: listDisclosures(db, { candidateId }), notSent };
}

/**
 * Erasure: every client that received the profile is asked to delete it, by the
 * opaque reference alone; everything else about the candidate here goes.
 */
export function eraseSharing(db: Db, candidateId: string): number {
  const erasedAt =
    (prepared(db, 'SELECT erased_at FROM erasures WHERE candidate_id = ?').get(candidateId) as { erased_at: string } | undefined)?.erased_at ??
    new Date(0).toISOString();
  const received = prepared(
    db,
    `SELECT o.profile_ref, o.client_id FROM sharing_outbox o
     WHERE o.candidate_id = ? AND o.kind = 'profile' AND o.status = 'delivered'
       AND o.seq > coalesce((SELECT max(d.seq) FROM sharing_outbox d WHERE d.kind = 'deletion' AND d.profile_ref = o.profile_ref), 0)
     GROUP BY o.profile_ref, o.client_id`,
  ).all(candidateId) as { profile_ref: string; client_id: string }[];
  for (const r of received) queueDeletion(db, { clientId: r.client_id, profileRef: r.profile_ref, reason: 'erasure', at: erasedAt });
  // Deletion requests already owed (after a withdrawal) still go, without the id.
  const kept = prepared(db, "UPDATE sharing_outbox SET candidate_id = NULL WHERE candidate_id = ? AND kind = 'deletion'").run(candidateId).changes;
  const removed = prepared(db, 'DELETE FROM sharing_outbox WHERE candidate_id = ?').run(candidateId).changes;
  return kept + removed + prepared(db, 'DELETE FROM sharing_profile_refs WHERE candidate_id = ?').run(candidateId).changes;
}

export const sharingQueries = {
  'sharing.connections.list': listConnections,
  'sharing.connections.get': getConnection,
  'sharing.connections.save': saveConnection,
  'sharing.connections.remove': removeConnection,
  'sharing.client': clientForSharing,
  'sharing.sources': shareSources,
  'sharing.enqueue': enqueueProfiles,
  'sharing.enqueueBulk': enqueueProfilesBulk,
  'sharing.due': dueItems,
  'sharing.nextDue': nextDue,
  'sharing.delivered': markDelivered,
  'sharing.attemptFailed': markAttemptFailed,
  'sharing.notSent': markNotSent,
  'sharing.retry': retryItem,
  'sharing.cancel': cancelItem,
  'sharing.outbox': listOutbox,
  'sharing.withdrawalDeletions': queueWithdrawalDeletions,
  'sharing.disclosures': listDisclosures,
};
