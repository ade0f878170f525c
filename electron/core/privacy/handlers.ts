import type { HandlerGroup } from '../rpc/handlers.ts';
import { currentConsents, grantConsent, listConsents, listPolicies, publishPolicy, withdrawConsent } from './consents.ts';
import { eraseCandidate, listTombstones } from './erasure.ts';

export const privacyHandlers: HandlerGroup = {
  'privacy.consents.list': (input, ctx) => listConsents(ctx, input.candidateId),
  'privacy.consents.current': (input, ctx) => currentConsents(ctx, input.candidateId),
  'privacy.consents.grant': (input, ctx) => grantConsent(ctx, input),
  'privacy.consents.withdraw': (input, ctx) => withdrawConsent(ctx, input),
  'privacy.policy.publish': (input, ctx) => publishPolicy(ctx, input),
  'privacy.policy.list': (_, ctx) => listPolicies(ctx),
  'privacy.erase': (input, ctx) => eraseCandidate(ctx, input.candidateId, input.reason, { compact: input.compact }),
  'privacy.erasures.list': (input, ctx) => listTombstones(ctx, input),
};
