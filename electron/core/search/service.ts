import type { MethodParsedInput, SavedCandidateSearch, CandidateSearchHit, CandidateSearchResult } from '../../../shared/contract/index.ts';
import type { CoreContext } from '../context.ts';
import { AppError } from '../rpc/errors.ts';
import { HIGHLIGHT_END, HIGHLIGHT_START } from './fold.ts';
import { filterExpressions, hasPositiveTerms, matchExpression, queryExpression } from './fts.ts';
import { parseQuery, QuerySyntaxError, type QueryNode } from './query.ts';
import { snippetField, snippetParts } from './snippet.ts';

/** The query as the index reads it; a malformed query is a VALIDATION error naming the position. */
export function compileSearch(input: Pick<MethodParsedInput<'search.query'>, 'query' | 'filters' | 'includeInactive'>) {
  let tree: QueryNode | null;
  let words: string | null;
  try {
    tree = parseQuery(input.query);
    words = queryExpression(tree);
  } catch (error) {
    if (error instanceof QuerySyntaxError) {
      throw new AppError('VALIDATION', error.message, {
        reason: error.reason,
        position: error.position,
        length: error.length,
        ...(error.token ? { token: error.token } : {}),
      });
    }
    throw error;
  }
  if (words === null && input.query.trim() !== '') {
    throw new AppError('VALIDATION', 'The query has no letters or digits to search for', {
      reason: 'nothingToSearch',
      position: 0,
      length: input.query.length,
    });
  }
  const positive = hasPositiveTerms(tree);
  return {
    match: matchExpression(words, filterExpressions(input.filters, input.includeInactive)),
    ranked: positive,
  };
}

export async function searchCandidates(ctx: CoreContext, input: MethodParsedInput<'search.query'>): Promise<CandidateSearchResult> {
  const compiled = compileSearch(input);
  const { db } = ctx.vault.requireSession();
  const result = await db.call('search.run', {
    ...compiled,
    availableBy: input.filters.availableBy,
    limit: input.limit,
    offset: input.offset,
    highlight: [HIGHLIGHT_START, HIGHLIGHT_END],
  });
  return {
    total: result.total,
    hits: result.hits.map((h): CandidateSearchHit => {
      const snippet = h.snippet ? snippetParts(h.snippet) : [];
      return {
        id: h.candidateId,
        name: h.name,
        city: h.city,
        postalCode: h.postalCode,
        status: h.status,
        availableFrom: h.availableFrom,
        score: compiled.ranked ? Math.round(-h.rank * 1000) / 1000 : 0,
        snippet,
        snippetField: h.columns && snippet.length > 0 ? snippetField(snippet, h.columns) : null,
      };
    }),
  };
}

export function listSavedSearches(ctx: CoreContext): Promise<SavedCandidateSearch[]> {
  return ctx.vault.requireSession().db.call('search.saved.list', {});
}

/** A search is saved only if it can run: a malformed one is refused with the same message. */
export function saveSearch(ctx: CoreContext, input: MethodParsedInput<'search.saved.save'>): Promise<SavedCandidateSearch> {
  compileSearch(input);
  const { db, owner } = ctx.vault.requireSession();
  return db.call('search.saved.save', {
    id: ctx.newId(),
    name: input.name,
    query: input.query,
    filters: input.filters,
    includeInactive: input.includeInactive,
    actorId: owner.id,
    at: ctx.clock.now().toISOString(),
  });
}

export function deleteSavedSearch(ctx: CoreContext, id: string) {
  return ctx.vault.requireSession().db.call('search.saved.delete', { id });
}
