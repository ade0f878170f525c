import type { HandlerGroup } from '../rpc/handlers.ts';
import {
  currentConsents,
  grantConsent,
  holdersOfPurpose,
  listConsents,
  listPolicies,
  markPolicyTold,
  publishPolicy,
  untoldOfPolicy,
  withdrawConsent,
} from './consents.ts';
import { completeRequest, extendRequest, getRequest, listRequests, openRequest, rejectRequest } from './requests.ts';
import { eraseCandidate, listTombstones } from './erasure.ts';
import { listHolds, releaseHold, setHold } from './holds.ts';
import { exportCandidate } from './export.ts';
import { privacyOverview } from './overview.ts';
import { privacySettings, recordOwnActivity, upcomingErasures, updatePrivacySettings, type RetentionJob } from './retention.ts';

/** The retention job holds the run in progress (one at a time, cancellable), so handlers close over it. */
export const privacyHandlers = (retention: RetentionJob): HandlerGroup => ({
  'privacy.consents.list': (input, ctx) => listConsents(ctx, input.candidateId),
  'privacy.consents.current': (input, ctx) => currentConsents(ctx, input.candidateId),
  'privacy.consents.grant': (input, ctx) => grantConsent(ctx, input),
  'privacy.consents.withdraw': (input, ctx) => withdrawConsent(ctx, input),
  'privacy.policy.publish': (input, ctx) => publishPolicy(ctx, input),
  'privacy.policy.list': (_, ctx) => listPolicies(ctx),
  'privacy.policy.untold': (input, ctx) => untoldOfPolicy(ctx, input),
  'privacy.policy.markTold': (input, ctx) => markPolicyTold(ctx, input),
  'privacy.consents.holders': (input, ctx) => holdersOfPurpose(ctx, input),
  'privacy.erase': (input, ctx) => eraseCandidate(ctx, input.candidateId, input.reason, { compact: input.compact, requestId: input.requestId }),
  'privacy.erasures.list': (input, ctx) => listTombstones(ctx, input),
  'privacy.holds.set': (input, ctx) => setHold(ctx, input),
  'privacy.holds.release': (input, ctx) => releaseHold(ctx, input.holdId),
  'privacy.holds.list': (input, ctx) => listHolds(ctx, input),
  'privacy.settings.get': (_, ctx) => privacySettings(ctx),
  'privacy.settings.update': (input, ctx) => updatePrivacySettings(ctx, input),
  'privacy.activity.record': (input, ctx) => recordOwnActivity(ctx, input.candidateId, input.kind, input.at),
  'privacy.retention.run': (input) => retention.run({ dryRun: input.dryRun, asOf: input.asOf }),
  'privacy.retention.cancel': () => retention.cancel(),
  'privacy.retention.upcoming': (input, ctx) => upcomingErasures(ctx, input.days),
  'privacy.export': (input, ctx) => exportCandidate(ctx, input.candidateId, input.locale, input.requestId),
  'privacy.requests.open': (input, ctx) => openRequest(ctx, input),
  'privacy.requests.list': (input, ctx) => listRequests(ctx, input),
  'privacy.requests.get': (input, ctx) => getRequest(ctx, input.requestId),
  'privacy.requests.complete': (input, ctx) => completeRequest(ctx, input),
  'privacy.requests.reject': (input, ctx) => rejectRequest(ctx, input),
  'privacy.requests.extend': (input, ctx) => extendRequest(ctx, input),
  'privacy.overview': (_, ctx) => privacyOverview(ctx),
});
