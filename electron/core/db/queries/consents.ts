import type { Db } from '../connection.ts';
import type {
  ConsentEvent,
  ConsentHolder,
  ConsentPurpose,
  ConsentScope,
  ConsentSource,
  ConsentState,
  CurrentConsents,
  PolicyRecipient,
  PolicyVersion,
  SimplePurpose,
} from '../../../../shared/contract/index.ts';
import { AppError } from '../../rpc/errors.ts';
import { appendAudit } from './audit.ts';

/**
 * The consent ledger and the privacy-policy versions. The ledger only grows
 * (triggers refuse UPDATE, and DELETE except for an erased candidate); the
 * current state is the newest event per candidate, purpose and scope, by the
 * time the candidate said it (then by the order recorded).
 */

interface EventRow {
  id: string;
  candidate_id: string;
  purpose: ConsentPurpose;
  client_id: string;
  vacancy_id: string;
  action: 'grant' | 'withdraw';
  at: string;
  recorded_at: string;
  source: ConsentSource;
  recorded_by: string;
  recorder_name: string;
  notice_version: string | null;
  notice_sha256: string | null;
  notice_text: string | null;
  client_name: string | null;
  vacancy_title: string | null;
}

/**
 * The scope's client and vacancy by name (of the consent row `alias`), for people to read:
 * null once gone, or for a vacancy reference of the client's own.
 */
const scopeNames = (alias: string) =>
  `(SELECT name FROM clients WHERE id = ${alias}.client_id) AS client_name, (SELECT title FROM vacancies WHERE id = ${alias}.vacancy_id) AS vacancy_title`;

const EVENT_SELECT = `SELECT e.*, s.name AS recorder_name, n.text AS notice_text, ${scopeNames('e')}
  FROM consent_events e JOIN staff s ON s.id = e.recorded_by LEFT JOIN privacy_notices n ON n.sha256 = e.notice_sha256`;

const scopeOf = (r: { purpose: ConsentPurpose; client_id: string; vacancy_id: string; client_name?: string | null; vacancy_title?: string | null }): ConsentScope | null =>
  r.purpose === 'shareWithClient'
    ? { clientId: r.client_id, vacancyId: r.vacancy_id || null, clientName: r.client_name ?? null, vacancyTitle: r.vacancy_title ?? null }
    : null;

function toEvent(r: EventRow): ConsentEvent {
  return {
    id: r.id,
    candidateId: r.candidate_id,
    purpose: r.purpose,
    scope: scopeOf(r),
    action: r.action,
    at: r.at,
    recordedAt: r.recorded_at,
    source: r.source,
    recordedBy: { id: r.recorded_by, name: r.recorder_name },
    notice:
      r.notice_version !== null && r.notice_sha256 !== null
        ? { version: r.notice_version, sha256: r.notice_sha256, text: r.notice_text ?? '' }
        : null,
  };
}

function requireCandidate(db: Db, candidateId: string): void {
  if (!db.prepare('SELECT 1 FROM candidates WHERE id = ?').get(candidateId)) {
    throw new AppError('NOT_FOUND', 'No candidate with that id', { id: candidateId });
  }
}

export function listConsentEvents(db: Db, a: { candidateId: string }): ConsentEvent[] {
  requireCandidate(db, a.candidateId);
  return (db.prepare(`${EVENT_SELECT} WHERE e.candidate_id = ? ORDER BY e.at DESC, e.seq DESC`).all(a.candidateId) as EventRow[]).map(toEvent);
}

/** The newest event of each purpose and scope. */
function latestEvents(db: Db, candidateId: string): EventRow[] {
  return db
    .prepare(
      `${EVENT_SELECT} WHERE e.seq IN (
         SELECT (SELECT x.seq FROM consent_events x
                 WHERE x.candidate_id = g.candidate_id AND x.purpose = g.purpose AND x.client_id = g.client_id AND x.vacancy_id = g.vacancy_id
                 ORDER BY x.at DESC, x.seq DESC LIMIT 1)
         FROM (SELECT DISTINCT candidate_id, purpose, client_id, vacancy_id FROM consent_events WHERE candidate_id = ?) g)
       ORDER BY e.purpose, e.client_id, e.vacancy_id`,
    )
    .all(candidateId) as EventRow[];
}

export function currentConsents(db: Db, a: { candidateId: string }): CurrentConsents {
  requireCandidate(db, a.candidateId);
  const purposes: Record<SimplePurpose, boolean> = {
    recruitment: false,
    keepForFuture: false,
    marketingEmail: false,
    contactReferences: false,
  };
  const sharing: CurrentConsents['sharing'] = [];
  const states: ConsentState[] = [];
  for (const r of latestEvents(db, a.candidateId)) {
    const granted = r.action === 'grant';
    states.push({
      purpose: r.purpose,
      scope: scopeOf(r),
      granted,
      since: r.at,
      eventId: r.id,
      source: r.source,
      noticeVersion: r.notice_version,
    });
    if (r.purpose === 'shareWithClient') {
      if (granted) sharing.push({ clientId: r.client_id, vacancyId: r.vacancy_id || null, vacancyTitle: r.vacancy_title, since: r.at });
    } else purposes[r.purpose] = granted;
  }
  return { candidateId: a.candidateId, purposes, sharing, states };
}

/** SQL: is the newest event of this scope a grant? Each argument is an SQL expression. */
export const grantedNow = (purpose: string, candidate = 'c.id', client = "''", vacancy = "''") =>
  `(SELECT x.action FROM consent_events x WHERE x.candidate_id = ${candidate} AND x.purpose = ${purpose}
     AND x.client_id = ${client} AND x.vacancy_id = ${vacancy} ORDER BY x.at DESC, x.seq DESC LIMIT 1) = 'grant'`;

/**
 * May the candidate's profile be used for this purpose now? Sharing is allowed by
 * consent for the client as a whole or for the very vacancy.
 */
export function consentGranted(
  db: Db,
  a: { candidateId: string; purpose: ConsentPurpose; clientId?: string | null; vacancyId?: string | null },
): boolean {
  const one = (client: string, vacancy: string) =>
    (db
      .prepare(`SELECT ${grantedNow('@purpose', '@candidateId', '@client', '@vacancy')} AS ok`)
      .get({ purpose: a.purpose, candidateId: a.candidateId, client, vacancy }) as { ok: number | null }).ok === 1;
  if (a.purpose !== 'shareWithClient') return one('', '');
  if (!a.clientId) return false;
  return one(a.clientId, '') || (!!a.vacancyId && one(a.clientId, a.vacancyId));
}

/** Active candidates whose consent to a simple purpose stands now (e.g. the marketing list). */
export function consentHolders(db: Db, a: { purpose: SimplePurpose }): string[] {
  return (
    db
      .prepare(
        `SELECT c.id FROM candidates c
         WHERE c.status = 'active' AND c.id IN (SELECT candidate_id FROM consent_events WHERE purpose = @purpose)
           AND ${grantedNow('@purpose')}`,
      )
      .all({ purpose: a.purpose }) as { id: string }[]
  ).map((r) => r.id);
}

function storeNotice(db: Db, text: string, sha256: string, at: string): void {
  db.prepare('INSERT OR IGNORE INTO privacy_notices (sha256, text, created_at) VALUES (?, ?, ?)').run(sha256, text, at);
}

export interface RecordConsent {
  candidateId: string;
  purpose: ConsentPurpose;
  clientId: string | null;
  vacancyId: string | null;
  source: ConsentSource;
  at: string;
  recordedAt: string;
  actorId: string;
}

export function recordGrant(
  db: Db,
  a: RecordConsent & { id: string; notice: { version: string; text: string | null; sha256: string | null } },
): ConsentEvent {
  return db.transaction(() => {
    requireCandidate(db, a.candidateId);
    let noticeSha: string;
    if (a.notice.text !== null && a.notice.sha256 !== null) {
      storeNotice(db, a.notice.text, a.notice.sha256, a.recordedAt);
      noticeSha = a.notice.sha256;
    } else {
      const policy = db.prepare('SELECT notice_sha256 FROM privacy_policies WHERE version = ?').get(a.notice.version) as
        | { notice_sha256: string }
        | undefined;
      if (!policy) {
        throw new AppError('VALIDATION', `No privacy policy has version "${a.notice.version}": give the text of the notice shown.`, {
          issues: [{ path: 'notice.text', message: 'Required for a notice that is not a published policy' }],
        });
      }
      noticeSha = policy.notice_sha256;
    }
    insertEvent(db, a, 'grant', a.id, a.notice.version, noticeSha);
    return toEvent(db.prepare(`${EVENT_SELECT} WHERE e.id = ?`).get(a.id) as EventRow);
  })();
}

/**
 * Record withdrawals. Sharing withdrawn for a whole client ends every vacancy
 * consent of that client as well (one event each), so nothing stays granted under it.
 */
export function recordWithdrawal(db: Db, a: RecordConsent & { id: string }): ConsentEvent[] {
  return db.transaction(() => {
    requireCandidate(db, a.candidateId);
    const scopes: { client: string; vacancy: string }[] = [{ client: a.clientId ?? '', vacancy: a.vacancyId ?? '' }];
    if (a.purpose === 'shareWithClient' && a.clientId && !a.vacancyId) {
      const vacancies = db
        .prepare(
          `SELECT DISTINCT vacancy_id FROM consent_events e WHERE candidate_id = @candidateId AND purpose = 'shareWithClient'
             AND client_id = @client AND vacancy_id <> '' AND ${grantedNow("'shareWithClient'", '@candidateId', '@client', 'e.vacancy_id')}`,
        )
        .all({ candidateId: a.candidateId, client: a.clientId }) as { vacancy_id: string }[];
      for (const v of vacancies) scopes.push({ client: a.clientId, vacancy: v.vacancy_id });
    }
    const ids = scopes.map((scope, i) => {
      // The ends of vacancy consents get ids derived from the one given: unique, and grouped.
      const eventId = i === 0 ? a.id : `${a.id}.${i}`;
      insertEvent(db, { ...a, clientId: scope.client || null, vacancyId: scope.vacancy || null }, 'withdraw', eventId, null, null);
      return eventId;
    });
    return ids.map((eventId) => toEvent(db.prepare(`${EVENT_SELECT} WHERE e.id = ?`).get(eventId) as EventRow));
  })();
}

function insertEvent(db: Db, a: RecordConsent, action: 'grant' | 'withdraw', id: string, noticeVersion: string | null, noticeSha: string | null) {
  db.prepare(
    `INSERT INTO consent_events (id, candidate_id, purpose, client_id, vacancy_id, action, at, recorded_at, source, recorded_by,
       notice_version, notice_sha256) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, a.candidateId, a.purpose, a.clientId ?? '', a.vacancyId ?? '', action, a.at, a.recordedAt, a.source, a.actorId, noticeVersion, noticeSha);
  appendAudit(db, {
    at: a.recordedAt,
    actorId: a.actorId,
    action: action === 'grant' ? 'consent.grant' : 'consent.withdraw',
    candidateId: a.candidateId,
    subjects: {
      consentEvent: id,
      ...(a.clientId ? { client: a.clientId } : {}),
      ...(a.vacancyId ? { vacancy: a.vacancyId } : {}),
      ...(noticeVersion ? { noticeVersion } : {}),
    },
    detail: { purpose: a.purpose, source: a.source },
  });
}

// ---- privacy-policy versions ---------------------------------------------------

interface PolicyRow {
  version: string;
  locale: 'nb' | 'en';
  notice_sha256: string;
  text: string;
  published_at: string;
  published_by: string;
  publisher_name: string;
  notified: number;
}

const POLICY_SELECT = `SELECT p.version, p.locale, p.notice_sha256, n.text, p.published_at, p.published_by, s.name AS publisher_name,
    (SELECT count(*) FROM policy_notifications pn WHERE pn.policy_version = p.version) AS notified
  FROM privacy_policies p JOIN privacy_notices n ON n.sha256 = p.notice_sha256 JOIN staff s ON s.id = p.published_by`;

const toPolicy = (r: PolicyRow): PolicyVersion => ({
  version: r.version,
  locale: r.locale,
  sha256: r.notice_sha256,
  text: r.text,
  publishedAt: r.published_at,
  publishedBy: { id: r.published_by, name: r.publisher_name },
  notified: r.notified,
});

export function listPolicies(db: Db): PolicyVersion[] {
  return (db.prepare(`${POLICY_SELECT} ORDER BY p.seq DESC`).all() as PolicyRow[]).map(toPolicy);
}

/**
 * Publish a version: every candidate in the register must be told, and is listed.
 * Nobody is recorded as told yet: that is `markTold`, once someone has told them.
 */
export function publishPolicy(
  db: Db,
  a: { version: string; text: string; sha256: string; locale: 'nb' | 'en'; actorId: string; at: string },
): { policy: PolicyVersion; mustBeTold: PolicyRecipient[] } {
  return db.transaction(() => {
    if (db.prepare('SELECT 1 FROM privacy_policies WHERE version = ?').get(a.version)) {
      throw new AppError('CONFLICT', `Version "${a.version}" is already published. A published policy is never changed: give the new text a new version.`);
    }
    storeNotice(db, a.text, a.sha256, a.at);
    db.prepare('INSERT INTO privacy_policies (version, notice_sha256, locale, published_at, published_by) VALUES (?, ?, ?, ?, ?)').run(
      a.version,
      a.sha256,
      a.locale,
      a.at,
      a.actorId,
    );
    const mustBeTold = untoldOf(db, a.version, -1);
    appendAudit(db, {
      at: a.at,
      actorId: a.actorId,
      action: 'policy.publish',
      subjects: { policyVersion: a.version },
      detail: { mustBeTold: mustBeTold.length },
    });
    return { policy: toPolicy(db.prepare(`${POLICY_SELECT} WHERE p.version = ?`).get(a.version) as PolicyRow), mustBeTold };
  })();
}

function requirePolicy(db: Db, version: string): void {
  if (!db.prepare('SELECT 1 FROM privacy_policies WHERE version = ?').get(version)) {
    throw new AppError('NOT_FOUND', `No privacy policy has version "${version}".`, { version });
  }
}

const UNTOLD = `FROM candidates c WHERE NOT EXISTS
  (SELECT 1 FROM policy_notifications pn WHERE pn.policy_version = @version AND pn.candidate_id = c.id)`;

/** Candidates not yet told of the version, in register order (limit -1: all). */
function untoldOf(db: Db, version: string, limit: number): PolicyRecipient[] {
  const rows = db
    .prepare(
      `SELECT c.id, c.name, c.status, c.emails ->> '$[0]' AS email, c.phones ->> '$[0]' AS phone ${UNTOLD}
       ORDER BY c.sort_key, c.id LIMIT @limit`,
    )
    .all({ version, limit }) as { id: string; name: string; status: 'active' | 'inactive'; email: string | null; phone: string | null }[];
  return rows.map((r) => ({ candidateId: r.id, name: r.name, status: r.status, email: r.email, phone: r.phone }));
}

export function untoldCount(db: Db, version: string): number {
  return (db.prepare(`SELECT count(*) AS n ${UNTOLD}`).get({ version }) as { n: number }).n;
}

export function listUntold(db: Db, a: { version: string; limit: number }): { total: number; items: PolicyRecipient[] } {
  requirePolicy(db, a.version);
  return { total: untoldCount(db, a.version), items: untoldOf(db, a.version, a.limit) };
}

/** Recorded only when someone has actually told them: by hand here (e-mail once the mail transport exists). */
export function markTold(db: Db, a: { version: string; candidateIds: string[]; actorId: string; at: string }): { told: number; untold: number } {
  return db.transaction(() => {
    requirePolicy(db, a.version);
    const exists = db.prepare('SELECT 1 FROM candidates WHERE id = ?');
    const insert = db.prepare(
      `INSERT OR IGNORE INTO policy_notifications (policy_version, candidate_id, method, at, by) VALUES (?, ?, 'byHand', ?, ?)`,
    );
    let told = 0;
    for (const candidateId of new Set(a.candidateIds)) {
      if (!exists.get(candidateId)) throw new AppError('NOT_FOUND', 'No candidate with that id', { id: candidateId });
      if (insert.run(a.version, candidateId, a.at, a.actorId).changes === 0) continue;
      told++;
      appendAudit(db, {
        at: a.at,
        actorId: a.actorId,
        action: 'policy.told',
        candidateId,
        subjects: { policyVersion: a.version },
        detail: { method: 'byHand' },
      });
    }
    return { told, untold: untoldCount(db, a.version) };
  })();
}

/** Everyone whose consent to a purpose stands now, in register order. */
export function consentHoldersOf(db: Db, a: { purpose: ConsentPurpose; limit: number }): { total: number; items: ConsentHolder[] } {
  const latest = `SELECT e.*, row_number() OVER (PARTITION BY e.candidate_id, e.client_id, e.vacancy_id ORDER BY e.at DESC, e.seq DESC) AS newest
    FROM consent_events e WHERE e.purpose = @purpose`;
  const total = (
    db.prepare(`SELECT count(*) AS n FROM (${latest}) l WHERE l.newest = 1 AND l.action = 'grant'`).get({ purpose: a.purpose }) as { n: number }
  ).n;
  const rows = db
    .prepare(
      `SELECT l.candidate_id, c.name, c.status, l.purpose, l.client_id, l.vacancy_id, l.at, l.source, l.notice_version, ${scopeNames('l')}
       FROM (${latest}) l JOIN candidates c ON c.id = l.candidate_id
       WHERE l.newest = 1 AND l.action = 'grant' ORDER BY c.sort_key, c.id, l.client_id, l.vacancy_id LIMIT @limit`,
    )
    .all({ purpose: a.purpose, limit: a.limit }) as {
    candidate_id: string;
    name: string;
    status: 'active' | 'inactive';
    purpose: ConsentPurpose;
    client_id: string;
    vacancy_id: string;
    client_name: string | null;
    vacancy_title: string | null;
    at: string;
    source: ConsentSource;
    notice_version: string | null;
  }[];
  return {
    total,
    items: rows.map((r) => ({
      candidateId: r.candidate_id,
      name: r.name,
      status: r.status,
      scope: scopeOf(r),
      since: r.at,
      source: r.source,
      noticeVersion: r.notice_version,
    })),
  };
}

export const consentQueries = {
  'consents.list': listConsentEvents,
  'consents.current': currentConsents,
  'consents.granted': consentGranted,
  'consents.holders': consentHolders,
  'consents.grant': recordGrant,
  'consents.withdraw': recordWithdrawal,
  'policy.list': listPolicies,
  'policy.publish': publishPolicy,
  'policy.untold': listUntold,
  'policy.markTold': markTold,
  'consents.holdersOf': consentHoldersOf,
};
