import type { Db } from '../connection.ts';
import type { SavedCandidateSearch, SearchFilters } from '../../../../shared/contract/search.ts';
import { prepared } from './prepared.ts';
import { AppError } from '../../rpc/errors.ts';

/**
 * Running a search over the index (search-index.ts keeps it current). The MATCH
 * expressions arrive compiled by search/fts.ts from the parsed query: every user
 * term quoted, bound as a parameter.
 */

export interface IndexHit {
  candidateId: string;
  rank: number;
  snippet: string | null;
  name: string;
  city: string;
  postalCode: string;
  status: 'active' | 'inactive';
  availableFrom: string | null;
  /** The content of each column, to tell which one the snippet came from. */
  columns: Record<string, string> | null;
}

const SNIPPET_TOKENS = 14;
const SNIPPET_COLUMNS = 'name, role, skill, cert, lang, sector, city, postal, email, phone, cv, notes';

/**
 * One page of hits. Ranked pages come from FTS5's own ORDER BY rank, so bm25 is
 * computed once per match and the snippet only for the rows on the page.
 */
export function searchIndex(
  db: Db,
  a: {
    /** Query words AND filters. */
    match: string;
    /** Rank by relevance with snippets; false: by name, without snippets (filters only, or only NOT). */
    ranked: boolean;
    availableBy: string | null;
    limit: number;
    offset: number;
    highlight: [string, string];
  },
): { total: number; hits: IndexHit[] } {
  const available = a.availableBy ? 'AND d.available_from IS NOT NULL AND d.available_from <= @availableBy' : '';
  const params = {
    match: a.match,
    limit: a.limit,
    offset: a.offset,
    ...(a.availableBy ? { availableBy: a.availableBy } : {}),
  };
  const { limit: _l, offset: _o, ...countParams } = params;
  const total = (
    prepared(
      db,
      available
        ? `SELECT count(*) AS n FROM search_fts f JOIN search_docs d ON d.doc = f.rowid WHERE search_fts MATCH @match ${available}`
        : 'SELECT count(*) AS n FROM search_fts WHERE search_fts MATCH @match',
    ).get(countParams) as { n: number }
  ).n;
  if (total === 0 || a.offset >= total) return { total, hits: [] };

  const snippet = `snippet(search_fts, -1, @start, @end, '…', ${SNIPPET_TOKENS})`;
  const page = (
    a.ranked
      ? prepared(
          db,
          available
            ? `SELECT f.rowid AS doc, f.rank AS rank, ${snippet} AS snippet FROM search_fts f JOIN search_docs d ON d.doc = f.rowid
               WHERE search_fts MATCH @match ${available} ORDER BY f.rank LIMIT @limit OFFSET @offset`
            : `SELECT rowid AS doc, rank, ${snippet} AS snippet FROM search_fts WHERE search_fts MATCH @match
               ORDER BY rank LIMIT @limit OFFSET @offset`,
        ).all({ ...params, start: a.highlight[0], end: a.highlight[1] })
      : prepared(
          db,
          `SELECT d.doc AS doc, 0 AS rank, NULL AS snippet FROM search_docs d JOIN candidates c ON c.id = d.candidate_id
           WHERE d.doc IN (SELECT rowid FROM search_fts WHERE search_fts MATCH @match) ${available}
           ORDER BY c.sort_key, c.id LIMIT @limit OFFSET @offset`,
        ).all(params)
  ) as { doc: number; rank: number; snippet: string | null }[];

  const details = prepared(
    db,
    `SELECT d.candidate_id, c.name, c.city, c.postal_code, c.status, c.available_from, ${SNIPPET_COLUMNS.split(', ').map((col) => `d.${col} AS col_${col}`).join(', ')}
     FROM search_docs d JOIN candidates c ON c.id = d.candidate_id WHERE d.doc = ?`,
  );
  const hits: IndexHit[] = [];
  for (const row of page) {
    const d = details.get(row.doc) as
      | ({ candidate_id: string; name: string; city: string; postal_code: string; status: 'active' | 'inactive'; available_from: string | null } & Record<string, string>)
      | undefined;
    if (!d) continue;
    const columns: Record<string, string> = {};
    for (const col of SNIPPET_COLUMNS.split(', ')) columns[col] = d[`col_${col}`] ?? '';
    hits.push({
      candidateId: d.candidate_id,
      rank: row.rank,
      snippet: row.snippet,
      name: d.name,
      city: d.city,
      postalCode: d.postal_code,
      status: d.status,
      availableFrom: d.available_from,
      columns: row.snippet ? columns : null,
    });
  }
  return { total, hits };
}

interface SavedRow {
  id: string;
  name: string;
  query: string;
  filters: string;
  include_inactive: number;
  created_at: string;
  updated_at: string;
}

const toSaved = (r: SavedRow): SavedCandidateSearch => ({
  id: r.id,
  name: r.name,
  query: r.query,
  filters: JSON.parse(r.filters) as SearchFilters,
  includeInactive: r.include_inactive === 1,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export function listSavedSearches(db: Db, _a: Record<string, never>): SavedCandidateSearch[] {
  return (db.prepare('SELECT * FROM saved_searches ORDER BY name COLLATE NOCASE, id').all() as SavedRow[]).map(toSaved);
}

/** A name already saved is replaced (same id, new query), so "save" twice does not make two. */
export function saveSearch(
  db: Db,
  a: { id: string; name: string; query: string; filters: SearchFilters; includeInactive: boolean; actorId: string; at: string },
): SavedCandidateSearch {
  db.prepare(
    `INSERT INTO saved_searches (id, name, query, filters, include_inactive, created_at, created_by, updated_at)
     VALUES (@id, @name, @query, @filters, @inactive, @at, @actor, @at)
     ON CONFLICT(name) DO UPDATE SET query = excluded.query, filters = excluded.filters,
       include_inactive = excluded.include_inactive, updated_at = excluded.updated_at`,
  ).run({ id: a.id, name: a.name, query: a.query, filters: JSON.stringify(a.filters), inactive: a.includeInactive ? 1 : 0, at: a.at, actor: a.actorId });
  return toSaved(db.prepare('SELECT * FROM saved_searches WHERE name = ?').get(a.name) as SavedRow);
}

export function deleteSavedSearch(db: Db, a: { id: string }): { deleted: boolean } {
  const changes = db.prepare('DELETE FROM saved_searches WHERE id = ?').run(a.id).changes;
  if (changes === 0) throw new AppError('NOT_FOUND', 'No saved search with that id', { id: a.id });
  return { deleted: true };
}

export const searchQueries = {
  'search.run': searchIndex,
  'search.saved.list': listSavedSearches,
  'search.saved.save': saveSearch,
  'search.saved.delete': deleteSavedSearch,
};
