import { staffQueries } from './staff.ts';
import { activityQueries } from './activity.ts';
import { referenceQueries } from './references.ts';
import { interviewQueries } from './interviews.ts';
import { mailQueries } from './mail.ts';
import { settingsQueries } from './settings.ts';
import { candidateQueries } from './candidates.ts';
import { intakeQueries } from './intake.ts';
import { profileQueries } from './profiles.ts';
import { auditQueries } from './audit.ts';
import { consentQueries } from './consents.ts';
import { erasureQueries } from './erasure.ts';
import { holdQueries } from './holds.ts';
import { retentionQueries } from './retention.ts';
import { subjectDataQueries } from './subject-data.ts';
import { privacyOverviewQueries } from './privacy-overview.ts';
import { rightsRequestQueries } from './rights-requests.ts';
import { clientQueries } from './clients.ts';
import { pictureQueries } from './picture.ts';
import { vacancyQueries } from './vacancies.ts';
import { matchingQueries } from './matching.ts';
import { shortlistQueries } from './shortlists.ts';
import { sharingQueries } from './sharing.ts';
import { searchQueries } from './search.ts';

/**
 * Every query the core may run, by name. They execute where the database lives
 * (the worker thread in the app, inline in some tests); services call them through
 * `DbHandle.call`, so SQL stays in this folder.
 */
export const queries = {
  ...staffQueries,
  ...activityQueries,
  ...referenceQueries,
  ...interviewQueries,
  ...mailQueries,
  ...settingsQueries,
  ...candidateQueries,
  ...intakeQueries,
  ...profileQueries,
  ...auditQueries,
  ...consentQueries,
  ...erasureQueries,
  ...holdQueries,
  ...retentionQueries,
  ...subjectDataQueries,
  ...privacyOverviewQueries,
  ...rightsRequestQueries,
  ...clientQueries,
  ...pictureQueries,
  ...vacancyQueries,
  ...matchingQueries,
  ...shortlistQueries,
  ...sharingQueries,
  ...searchQueries,
};

export type Queries = typeof queries;
export type QueryName = keyof Queries;
export type QueryArgs<K extends QueryName> = Parameters<Queries[K]>[1];
export type QueryResult<K extends QueryName> = ReturnType<Queries[K]>;

/**
 * The queries that only read: a reader thread (a read-only connection beside the
 * writer's) may run them, so a search neither waits behind an import nor blocks it.
 */
export const readQueries = ['search.run', 'search.slice', 'search.page'] as const satisfies readonly QueryName[];
export type ReadQueryName = (typeof readQueries)[number];
export const isReadQuery = (name: string): name is ReadQueryName => (readQueries as readonly string[]).includes(name);
