import type { Db } from '../connection.ts';
import type { ConsentPurpose, PrivacyOverview } from '../../../../shared/contract/index.ts';
import { ConsentPurposes } from '../../../../shared/contract/index.ts';
import { listHolds } from './holds.ts';
import { untoldCount } from './consents.ts';
import { requestCounts } from './rights-requests.ts';

/** The privacy screen's counts and lists that are not retention's (that one has its own query). */
export function overviewCounts(db: Db, a: { now: string }): Omit<PrivacyOverview, 'upcoming'> {
  const candidates = { active: 0, inactive: 0 };
  for (const r of db.prepare('SELECT status, count(*) AS n FROM candidates GROUP BY status').all() as { status: 'active' | 'inactive'; n: number }[]) {
    candidates[r.status] = r.n;
  }
  const consents = Object.fromEntries(ConsentPurposes.map((p) => [p, 0])) as Record<ConsentPurpose, number>;
  const granted = db
    .prepare(
      `SELECT purpose, count(DISTINCT candidate_id) AS n FROM (
         SELECT candidate_id, purpose, action,
           row_number() OVER (PARTITION BY candidate_id, purpose, client_id, vacancy_id ORDER BY at DESC, seq DESC) AS newest
         FROM consent_events)
       WHERE newest = 1 AND action = 'grant' GROUP BY purpose`,
    )
    .all() as { purpose: ConsentPurpose; n: number }[];
  for (const r of granted) consents[r.purpose] = r.n;
  const people = db.prepare('SELECT name, status FROM candidates WHERE id = ?');
  const holds = listHolds(db, { state: 'active', now: a.now }).map((h) => {
    const who = people.get(h.candidateId) as { name: string; status: 'active' | 'inactive' };
    return { ...h, candidateName: who.name, candidateStatus: who.status };
  });
  const erasures = (db.prepare('SELECT count(*) AS n FROM erasures').get() as { n: number }).n;
  const newest = db.prepare('SELECT version, published_at AS publishedAt FROM privacy_policies ORDER BY seq DESC LIMIT 1').get() as
    | { version: string; publishedAt: string }
    | undefined;
  const policy = newest ? { ...newest, untold: untoldCount(db, newest.version) } : null;
  return { candidates, consents, holds, erasures, requests: requestCounts(db, a), policy };
}

export const privacyOverviewQueries = { 'privacy.overview': overviewCounts };
