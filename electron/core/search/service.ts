import type { MethodParsedInput, SavedCandidateSearch, CandidateSearchHit, CandidateSearchResult } from '../../../shared/contract/index.ts';
import type { CoreContext } from '../context.ts';
import type { QueryResult } from '../db/queries/index.ts';
import type { DbHandle } from '../db/client.ts';
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
  return toSearchResult(await runSearch(db, compiled, input), compiled);
}

/** Where the last search saw the index end, per open database: the next one cuts its ranking there. */
const lastDocSeen = new WeakMap<DbHandle, number>();

/**
 * One page of a search, on the reader threads. Ranking is most of a search's time (bm25 for
 * every match: ≈ 0.4 µs each, and a broad word matches a fifth of the register), so a ranked
 * search is cut into one part per reader by index rowid, the parts run side by side (one per
 * core), and their best rows merge into the page. A name-ordered page is one read.
 */
export async function runSearch(
  db: DbHandle,
  compiled: Pick<ReturnType<typeof compileSearch>, 'match' | 'ranked'>,
  input: { filters: { availableBy: string | null }; limit: number; offset: number },
): Promise<QueryResult<'search.run'>> {
  const { match, ranked } = compiled;
  const availableBy = input.filters.availableBy;
  if (!ranked) return db.read('search.run', { match, ranked, availableBy, limit: input.limit, offset: input.offset });
  const end = input.offset + input.limit;
  const parts = await Promise.all(
    cutPoints(lastDocSeen.get(db) ?? 0, db.readers).map(([from, to]) => db.read('search.slice', { match, availableBy, from, to, limit: end })),
  );
  lastDocSeen.set(db, Math.max(...parts.map((p) => p.lastDoc)));
  const total = parts.reduce((sum, p) => sum + p.total, 0);
  const page = parts
    .flatMap((p) => p.docs)
    .sort((a, b) => a.rank - b.rank || a.doc - b.doc)
    .slice(input.offset, end);
  return { total, hits: page.length === 0 ? [] : await db.read('search.page', { docs: page, ranked: true }) };
}

/**
 * [from, to) ranges covering every rowid, `parts` of them of about equal size up to the
 * last doc seen (the last range is open-ended, so docs added since are never missed).
 */
export function cutPoints(lastDoc: number, parts: number): [number, number][] {
  const n = lastDoc > 0 ? Math.max(1, parts) : 1;
  const step = Math.ceil(lastDoc / n);
  return Array.from({ length: n }, (_, i) => [i === 0 ? 0 : 1 + i * step, i === n - 1 ? Number.MAX_SAFE_INTEGER : 1 + (i + 1) * step]);
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
