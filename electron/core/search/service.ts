import type { MethodParsedInput, SavedCandidateSearch, CandidateSearchHit, CandidateSearchResult } from '../../../shared/contract/index.ts';
import type { CoreContext } from '../context.ts';
import type { QueryResult } from '../db/queries/index.ts';
import { AppError } from '../rpc/errors.ts';
import { filterExpressions, hasPositiveTerms, matchExpression, queryExpression } from './fts.ts';
import { parseQuery, QuerySyntaxError, type QueryNode } from './query.ts';
import { highlightTerms, makeSnippet } from './snippet.ts';

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
    highlight: highlightTerms(tree),
  };
}

/** The index's page as the contract's hits, each with its snippet. */
export function toSearchResult(
  result: QueryResult<'search.run'>,
  compiled: Pick<ReturnType<typeof compileSearch>, 'ranked' | 'highlight'>,
): CandidateSearchResult {
  return {
    total: result.total,
    hits: result.hits.map((h): CandidateSearchHit => {
      const snippet = h.columns ? makeSnippet(h.columns, compiled.highlight) : null;
      return {
        id: h.candidateId,
        name: h.name,
        city: h.city,
        postalCode: h.postalCode,
        status: h.status,
        availableFrom: h.availableFrom,
        score: compiled.ranked ? Math.round(-h.rank * 1000) / 1000 : 0,
        snippet: snippet?.parts ?? [],
        snippetField: snippet?.field ?? null,
      };
    }),
  };
}

export async function searchCandidates(ctx: CoreContext, input: MethodParsedInput<'search.query'>): Promise<CandidateSearchResult> {
  const compiled = compileSearch(input);
  const { db } = ctx.vault.requireSession();
  const result = await db.call('search.run', {
    match: compiled.match,
    ranked: compiled.ranked,
    availableBy: input.filters.availableBy,
    limit: input.limit,
    offset: input.offset,
  });
  return toSearchResult(result, compiled);
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
