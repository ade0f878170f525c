import type { HandlerGroup } from '../rpc/handlers.ts';
import { candidateHistory, createCandidate, getCandidate, listCandidates, updateCandidate } from './service.ts';

export const candidateHandlers: HandlerGroup = {
  'candidates.list': (input, ctx) => listCandidates(ctx, input),
  'candidates.get': (input, ctx) => getCandidate(ctx, input.id),
  'candidates.create': (input, ctx) => createCandidate(ctx, input),
  'candidates.update': (input, ctx) => updateCandidate(ctx, input.id, input.version, input.patch),
  // Deactivation keeps the record (out of search, matching and marketing); it is not erasure.
  'candidates.setStatus': (input, ctx) => updateCandidate(ctx, input.id, null, { status: input.status }),
  'candidates.history': (input, ctx) => candidateHistory(ctx, input.id),
};
