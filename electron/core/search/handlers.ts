import type { HandlerGroup } from '../rpc/handlers.ts';
import { deleteSavedSearch, listSavedSearches, saveSearch, searchCandidates } from './service.ts';

export const searchHandlers: HandlerGroup = {
  'search.query': (input, ctx) => searchCandidates(ctx, input),
  'search.saved.list': (_, ctx) => listSavedSearches(ctx),
  'search.saved.save': (input, ctx) => saveSearch(ctx, input),
  'search.saved.delete': (input, ctx) => deleteSavedSearch(ctx, input.id),
};
