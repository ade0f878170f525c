import type { Db } from '../connection.ts';
import type {
  ExtensionReason,
  RejectionReason,
  RightsRequest,
  RightsRequestChannel,
  RightsRequestKind,
  RightsRequestLink,
} from '../../../../shared/contract/index.ts';
import { REQUEST_DAYS, REQUEST_EXTENSION_MAX_DAYS } from '../../../../shared/contract/index.ts';
import { AppError } from '../../rpc/errors.ts';
import { appendAudit } from './audit.ts';
import { prepared } from './prepared.ts';

/**
 * Data-subject rights requests and their deadlines. Days are calendar days in
 * UTC (as for legal holds), so a deadline is a date, compared as text. The audit
 * log gets the request's id and codes, never the notes.
 */

interface RequestRow {
  id: string;
  candidate_id: string;
  candidate_name: string | null;
  erased: number;
  kind: RightsRequestKind;
  channel: RightsRequestChannel;
  received_on: string;
  due_on: string;
  extended_to: string | null;
  extension_reason: ExtensionReason | null;
  extension_note: string | null;
  extended_at: string | null;
  extended_by: string | null;
  extended_by_name: string | null;
  status: 'open' | 'completed' | 'rejected';
  note: string | null;
  rejection_reason: RejectionReason | null;
  rejection_note: string | null;
  opened_at: string;
  opened_by: string;
  opened_by_name: string;
  closed_at: string | null;
  closed_by: string | null;
  closed_by_name: string | null;
}

const SELECT = `SELECT r.*, c.name AS candidate_name,
    EXISTS (SELECT 1 FROM erasures e WHERE e.candidate_id = r.candidate_id) AS erased,
    o.name AS opened_by_name, x.name AS extended_by_name, k.name AS closed_by_name
  FROM rights_requests r
  LEFT JOIN candidates c ON c.id = r.candidate_id
  JOIN staff o ON o.id = r.opened_by
  LEFT JOIN staff x ON x.id = r.extended_by
  LEFT JOIN staff k ON k.id = r.closed_by`;

/** SQL: the deadline in force. */
const DUE = 'coalesce(r.extended_to, r.due_on)';

const DAY_MS = 86_400_000;
const today = (iso: string) => iso.slice(0, 10);
const daysBetween = (fromDay: string, toDay: string) => Math.round((Date.parse(toDay) - Date.parse(fromDay)) / DAY_MS);
export const addDays = (day: string, days: number) => new Date(Date.parse(day) + days * DAY_MS).toISOString().slice(0, 10);

function toRequest(db: Db, r: RequestRow, now: string): RightsRequest {
  const dueOn = r.extended_to ?? r.due_on;
  // A closed request is measured on the day it was closed: was it answered in time?
  const measuredOn = r.closed_at ? today(r.closed_at) : today(now);
  const daysLeft = daysBetween(measuredOn, dueOn);
  const links = prepared(db, 'SELECT kind, ref, at FROM rights_request_links WHERE request_id = ? ORDER BY at, kind, ref').all(r.id) as RightsRequestLink[];
  return {
    id: r.id,
    candidateId: r.candidate_id,
    candidateName: r.candidate_name,
    candidateErased: r.erased === 1,
    kind: r.kind,
    channel: r.channel,
    receivedOn: r.received_on,
    dueOn,
    originalDueOn: r.due_on,
    extension:
      r.extended_to && r.extension_reason && r.extended_at && r.extended_by
        ? {
            dueOn: r.extended_to,
            reason: r.extension_reason,
            note: r.extension_note,
            at: r.extended_at,
            by: { id: r.extended_by, name: r.extended_by_name ?? '' },
          }
        : null,
    status: r.status,
    daysLeft,
    overdue: daysLeft < 0,
    note: r.note,
    rejection: r.rejection_reason ? { reason: r.rejection_reason, note: r.rejection_note } : null,
    openedAt: r.opened_at,
    openedBy: { id: r.opened_by, name: r.opened_by_name },
    closedAt: r.closed_at,
    closedBy: r.closed_by ? { id: r.closed_by, name: r.closed_by_name ?? '' } : null,
    links,
  };
}

function row(db: Db, requestId: string): RequestRow {
  const r = prepared(db, `${SELECT} WHERE r.id = ?`).get(requestId) as RequestRow | undefined;
  if (!r) throw new AppError('NOT_FOUND', 'No rights request with that id', { id: requestId });
  return r;
}

function requireOpen(r: RequestRow): void {
  if (r.status !== 'open') throw new AppError('CONFLICT', `This request was ${r.status} already.`, { status: r.status, closedAt: r.closed_at });
}

export function getRequest(db: Db, a: { requestId: string; now: string }): RightsRequest {
  return toRequest(db, row(db, a.requestId), a.now);
}

export function openRequest(
  db: Db,
  a: { id: string; candidateId: string; kind: RightsRequestKind; channel: RightsRequestChannel; receivedOn: string; note: string | null; actorId: string; at: string },
): RightsRequest {
  return db.transaction(() => {
    if (!prepared(db, 'SELECT 1 FROM candidates WHERE id = ?').get(a.candidateId)) {
      throw new AppError('NOT_FOUND', 'No candidate with that id', { id: a.candidateId });
    }
    if (a.receivedOn > today(a.at)) {
      throw new AppError('VALIDATION', 'A request cannot be received in the future.', { issues: [{ path: 'receivedOn', message: 'In the future' }] });
    }
    prepared(
      db,
      `INSERT INTO rights_requests (id, candidate_id, kind, channel, received_on, due_on, note, opened_at, opened_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(a.id, a.candidateId, a.kind, a.channel, a.receivedOn, addDays(a.receivedOn, REQUEST_DAYS), a.note, a.at, a.actorId);
    appendAudit(db, {
      at: a.at,
      actorId: a.actorId,
      action: 'request.open',
      candidateId: a.candidateId,
      subjects: { request: a.id },
      detail: { kind: a.kind, channel: a.channel, receivedOn: a.receivedOn },
    });
    return getRequest(db, { requestId: a.id, now: a.at });
  })();
}

export function listRequests(db: Db, a: { candidateId?: string | undefined; status: 'open' | 'all'; now: string }): RightsRequest[] {
  const where = [a.candidateId !== undefined ? 'r.candidate_id = @candidateId' : '', a.status === 'open' ? "r.status = 'open'" : '']
    .filter(Boolean)
    .join(' AND ');
  const order = a.status === 'open' ? `${DUE}, r.received_on, r.id` : 'r.received_on DESC, r.opened_at DESC, r.id';
  const rows = db.prepare(`${SELECT} ${where ? `WHERE ${where}` : ''} ORDER BY ${order}`).all({ candidateId: a.candidateId }) as RequestRow[];
  return rows.map((r) => toRequest(db, r, a.now));
}

function close(db: Db, requestId: string, actorId: string | null, at: string, status: 'completed' | 'rejected', detail: Record<string, string>) {
  const r = row(db, requestId);
  requireOpen(r);
  prepared(db, 'UPDATE rights_requests SET status = ?, closed_at = ?, closed_by = ? WHERE id = ?').run(status, at, actorId, requestId);
  appendAudit(db, {
    at,
    actorId,
    action: status === 'completed' ? 'request.complete' : 'request.reject',
    candidateId: r.candidate_id,
    subjects: { request: requestId },
    detail: { kind: r.kind, onTime: today(at) <= (r.extended_to ?? r.due_on), ...detail },
  });
}

export function completeRequest(db: Db, a: { requestId: string; note: string | null; actorId: string; at: string }): RightsRequest {
  return db.transaction(() => {
    close(db, a.requestId, a.actorId, a.at, 'completed', {});
    // The note joins the one written on opening: what was done, in the staff's words.
    if (a.note) prepared(db, "UPDATE rights_requests SET note = CASE WHEN note IS NULL THEN ? ELSE note || char(10) || ? END WHERE id = ?").run(a.note, a.note, a.requestId);
    return getRequest(db, { requestId: a.requestId, now: a.at });
  })();
}

export function rejectRequest(db: Db, a: { requestId: string; reason: RejectionReason; note: string | null; actorId: string; at: string }): RightsRequest {
  return db.transaction(() => {
    const r = row(db, a.requestId);
    requireOpen(r);
    prepared(db, 'UPDATE rights_requests SET rejection_reason = ?, rejection_note = ?, status = ?, closed_at = ?, closed_by = ? WHERE id = ?').run(
      a.reason,
      a.note,
      'rejected',
      a.at,
      a.actorId,
      a.requestId,
    );
    appendAudit(db, {
      at: a.at,
      actorId: a.actorId,
      action: 'request.reject',
      candidateId: r.candidate_id,
      subjects: { request: a.requestId },
      detail: { kind: r.kind, reason: a.reason, onTime: today(a.at) <= (r.extended_to ?? r.due_on) },
    });
    return getRequest(db, { requestId: a.requestId, now: a.at });
  })();
}

/**
 * Art. 12(3): once, by up to two more months, for complexity or the number of
 * requests, and the candidate must be told within the first month — so the
 * extension is refused once the original deadline has passed.
 */
export function extendRequest(
  db: Db,
  a: { requestId: string; dueOn: string; reason: ExtensionReason; note: string | null; actorId: string; at: string },
): RightsRequest {
  return db.transaction(() => {
    const r = row(db, a.requestId);
    requireOpen(r);
    const invalid = (message: string) => new AppError('VALIDATION', message, { issues: [{ path: 'dueOn', message }] });
    if (r.extended_to) throw new AppError('CONFLICT', `The deadline was extended already, to ${r.extended_to}.`, { extendedTo: r.extended_to });
    if (today(a.at) > r.due_on) {
      throw new AppError('CONFLICT', `The first deadline (${r.due_on}) has passed: an extension must be decided and told within the first month.`, {
        dueOn: r.due_on,
      });
    }
    if (a.dueOn <= r.due_on) throw invalid(`An extension must end after the first deadline (${r.due_on}).`);
    const latest = addDays(r.due_on, REQUEST_EXTENSION_MAX_DAYS);
    if (a.dueOn > latest) throw invalid(`The deadline can be extended by at most two months, to ${latest}.`);
    prepared(
      db,
      'UPDATE rights_requests SET extended_to = ?, extension_reason = ?, extension_note = ?, extended_at = ?, extended_by = ? WHERE id = ?',
    ).run(a.dueOn, a.reason, a.note, a.at, a.actorId, a.requestId);
    appendAudit(db, {
      at: a.at,
      actorId: a.actorId,
      action: 'request.extend',
      candidateId: r.candidate_id,
      subjects: { request: a.requestId },
      detail: { kind: r.kind, reason: a.reason, dueOn: a.dueOn },
    });
    return getRequest(db, { requestId: a.requestId, now: a.at });
  })();
}

/** Which kinds of request each action can honour. */
const HONOURS: Record<RightsRequestLink['kind'], readonly RightsRequestKind[]> = {
  export: ['access', 'portability'],
  erasure: ['erasure', 'objection', 'withdrawal'],
};

/** Before acting on a request: it is open, about this candidate, and of a kind the action answers. */
export function checkRequestFor(db: Db, a: { requestId: string; candidateId: string; action: RightsRequestLink['kind'] }): void {
  const r = row(db, a.requestId);
  requireOpen(r);
  if (r.candidate_id !== a.candidateId) throw new AppError('VALIDATION', 'This request is about another candidate.', { requestId: a.requestId });
  if (!HONOURS[a.action].includes(r.kind)) {
    throw new AppError('VALIDATION', `An ${a.action} does not answer a request for ${r.kind}.`, { kind: r.kind });
  }
}

export function linkRequest(db: Db, a: { requestId: string; kind: RightsRequestLink['kind']; ref: string; at: string }): void {
  prepared(db, 'INSERT OR IGNORE INTO rights_request_links (request_id, kind, ref, at) VALUES (?, ?, ?, ?)').run(a.requestId, a.kind, a.ref, a.at);
}

/**
 * Inside the erasure: the request it honours and every other open erasure request
 * of the candidate are completed, with the erasure linked. Returns their ids.
 */
export function completeByErasure(db: Db, a: { candidateId: string; requestId: string | null; actorId: string | null; at: string }): string[] {
  const ids = (
    prepared(db, "SELECT id FROM rights_requests WHERE candidate_id = ? AND status = 'open' AND kind = 'erasure'").all(a.candidateId) as { id: string }[]
  ).map((r) => r.id);
  if (a.requestId && !ids.includes(a.requestId)) ids.unshift(a.requestId);
  for (const id of ids) {
    linkRequest(db, { requestId: id, kind: 'erasure', ref: a.candidateId, at: a.at });
    close(db, id, a.actorId, a.at, 'completed', {});
  }
  return ids;
}

/** For the export (art. 15): the candidate's requests, oldest first. */
export function requestsOfCandidate(db: Db, candidateId: string, now: string): RightsRequest[] {
  return (prepared(db, `${SELECT} WHERE r.candidate_id = ? ORDER BY r.received_on, r.opened_at, r.id`).all(candidateId) as RequestRow[]).map((r) =>
    toRequest(db, r, now),
  );
}

/** For the erasure: the request records stay as proof, without the words anyone wrote about the candidate. */
export function redactRequests(db: Db, candidateId: string): number {
  return prepared(
    db,
    `UPDATE rights_requests SET note = NULL, rejection_note = NULL, extension_note = NULL
     WHERE candidate_id = ? AND (note IS NOT NULL OR rejection_note IS NOT NULL OR extension_note IS NOT NULL)`,
  ).run(candidateId).changes;
}

export function requestCounts(db: Db, a: { now: string }): { open: number; overdue: number } {
  const r = prepared(
    db,
    `SELECT count(*) AS open, coalesce(sum(${DUE} < @today), 0) AS overdue FROM rights_requests r WHERE r.status = 'open'`,
  ).get({ today: today(a.now) }) as { open: number; overdue: number };
  return { open: r.open, overdue: r.overdue };
}

export const rightsRequestQueries = {
  'requests.open': openRequest,
  'requests.get': getRequest,
  'requests.list': listRequests,
  'requests.complete': completeRequest,
  'requests.reject': rejectRequest,
  'requests.extend': extendRequest,
  'requests.check': checkRequestFor,
  'requests.link': linkRequest,
};
