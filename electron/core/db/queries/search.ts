import type { Db } from '../connection.ts';
import type { SavedCandidateSearch, SearchFilters } from '../../../../shared/contract/search.ts';
import { prepared } from './prepared.ts';
import { AppError } from '../../rpc/errors.ts';
import { COLUMN_WEIGHTS, INDEX_COLUMNS } from '../../search/fields.ts';

/**
 * Running a search over the index (search-index.ts keeps it current). The MATCH
 * expressions arrive compiled by search/fts.ts from the parsed query: every user
 * term quoted, bound as a parameter.
 */

export interface IndexHit {
  candidateId: string;
  rank: number;
  name: string;
  city: string;
  postalCode: string;
  status: 'active' | 'inactive';
  availableFrom: string | null;
  /** Each column's text, for the snippet (ranked searches only). */
  columns: Record<string, string> | null;
}

/** Weighted bm25 by column, from our own constants (never from input). */
const BM25 = `bm25(search_fts, ${INDEX_COLUMNS.map((c) => COLUMN_WEIGHTS[c].toFixed(1)).join(', ')})`;
const TEXT_COLUMNS = INDEX_COLUMNS.filter((c) => c !== 'tags');

/*
 * How a page is found. Every page read from the encrypted vault is decrypted, so
 * these statements read narrow indexes, never the wide rows of search_docs or
 * candidates, except for the page's own rows at the end:
 *   - the availability filter and the join to the candidate read the dense
 *     index search_docs_keys (doc, available_from, candidate_id); the planner
 *     would rather look a doc up by its rowid in the wide table, hence INDEXED BY;
 *   - CROSS JOIN keeps FTS5 as the outer loop: with the join the other way round,
 *     SQLite runs the MATCH once per row of the other table;
 *   - a name-ordered page (filters only, or only NOT) either sorts the matches
 *     (few of them) or walks the name index in order until the page is full
 *     (many): both give the same rows, in the same order.
 */
const AVAILABLE = 'AND d.available_from IS NOT NULL AND d.available_from <= @availableBy';
/** A part of the index by rowid (see rankSlice); the whole index when absent. */
const RANGE = 'AND f.rowid >= @from AND f.rowid < @to';
const countSql = (available: boolean, range: boolean) =>
  available
    ? `SELECT count(*) AS n FROM search_fts f CROSS JOIN search_docs d INDEXED BY search_docs_keys ON d.doc = f.rowid
       WHERE search_fts MATCH @match ${range ? RANGE : ''} ${AVAILABLE}`
    : `SELECT count(*) AS n FROM search_fts f WHERE search_fts MATCH @match ${range ? RANGE : ''}`;
/** Ties in rank are broken by doc, so parts of a search merge into the order the whole would have. */
const rankedSql = (available: boolean, range: boolean) =>
  available
    ? `SELECT f.rowid AS doc, ${BM25} AS rank FROM search_fts f CROSS JOIN search_docs d INDEXED BY search_docs_keys ON d.doc = f.rowid
       WHERE search_fts MATCH @match ${range ? RANGE : ''} ${AVAILABLE} ORDER BY rank, doc LIMIT @limit`
    : `SELECT f.rowid AS doc, ${BM25} AS rank FROM search_fts f WHERE search_fts MATCH @match ${range ? RANGE : ''} ORDER BY rank, doc LIMIT @limit`;
/** Few matches: each one's name key, sorted (a heap of limit + offset rows). */
const sortedByNameSql = (available: boolean) =>
  `SELECT d.doc AS doc, 0 AS rank FROM search_fts f CROSS JOIN search_docs d INDEXED BY search_docs_keys ON d.doc = f.rowid
   CROSS JOIN candidates c ON c.id = d.candidate_id
   WHERE search_fts MATCH @match ${available ? AVAILABLE : ''} ORDER BY c.sort_key, c.id LIMIT @limit OFFSET @offset`;
/** Many matches: the name index in order, each candidate checked against the matches, until the page is full. */
const walkByNameSql = (available: boolean) =>
  available
    ? `SELECT d.doc AS doc, 0 AS rank FROM candidates c INDEXED BY candidates_by_name
       CROSS JOIN search_docs k ON k.candidate_id = c.id
       CROSS JOIN search_docs d INDEXED BY search_docs_keys ON d.doc = k.doc
       WHERE +k.doc IN (SELECT rowid FROM search_fts WHERE search_fts MATCH @match) ${AVAILABLE}
       ORDER BY c.sort_key, c.id LIMIT @limit OFFSET @offset`
    : `SELECT k.doc AS doc, 0 AS rank FROM candidates c INDEXED BY candidates_by_name
       CROSS JOIN search_docs k ON k.candidate_id = c.id
       WHERE +k.doc IN (SELECT rowid FROM search_fts WHERE search_fts MATCH @match)
       ORDER BY c.sort_key, c.id LIMIT @limit OFFSET @offset`;

/**
 * Sorting costs a lookup of each match's name key (about five times a step of the
 * walk, measured on the 100k bench vault); walking the name index takes about
 * (offset + limit) × candidates / matches steps. Either gives the same page.
 */
function walkByName(db: Db, total: number, end: number): boolean {
  return 5 * total * total > end * lastDoc(db);
}

const lastDoc = (db: Db) => (prepared(db, 'SELECT max(doc) AS n FROM search_docs').get() as { n: number | null }).n ?? 0;

export interface RankedDoc {
  doc: number;
  rank: number;
}

/**
 * A part of a ranked search: the matches whose index rowid lies in [from, to), how many
 * there are and the best `limit` of them. bm25 weighs each word by how rare it is in the
 * whole index, not in the part, so parts run side by side on reader threads merge into
 * exactly the whole search's order (ties by doc). `lastDoc` tells the next search where
 * to cut. Each part reads its own snapshot: a write committed between two parts may be
 * counted by one and not the other, which the next search corrects.
 */
export function rankSlice(
  db: Db,
  a: { match: string; availableBy: string | null; from: number; to: number; limit: number },
): { total: number; docs: RankedDoc[]; lastDoc: number } {
  const available = a.availableBy !== null && a.availableBy !== '';
  const params = { match: a.match, from: a.from, to: a.to, ...(available ? { availableBy: a.availableBy } : {}) };
  const total = (prepared(db, countSql(available, true)).get(params) as { n: number }).n;
  const docs = total === 0 ? [] : (prepared(db, rankedSql(available, true)).all({ ...params, limit: a.limit }) as RankedDoc[]);
  return { total, docs, lastDoc: lastDoc(db) };
}

type DetailRow = { candidate_id: string; name: string; city: string; postal_code: string; status: 'active' | 'inactive'; available_from: string | null } & Record<string, string>;

/**
 * The rows of a page, in the page's order; a ranked page brings the texts of its rows
 * for the snippets (cut in search/snippet.ts). A doc erased since it was found is left out.
 */
export function pageOf(db: Db, a: { docs: RankedDoc[]; ranked: boolean }): IndexHit[] {
  const details = prepared(
    db,
    a.ranked
      ? `SELECT d.candidate_id, c.name, c.city, c.postal_code, c.status, c.available_from, ${TEXT_COLUMNS.map((col) => `d.${col} AS col_${col}`).join(', ')}
         FROM search_docs d JOIN candidates c ON c.id = d.candidate_id WHERE d.doc = ?`
      : // A name-ordered page shows no snippet: the candidate's own row only.
        `SELECT d.candidate_id, c.name, c.city, c.postal_code, c.status, c.available_from
         FROM search_docs d INDEXED BY search_docs_keys JOIN candidates c ON c.id = d.candidate_id WHERE d.doc = ?`,
  );
  const hits: IndexHit[] = [];
  for (const row of a.docs) {
    const d = details.get(row.doc) as DetailRow | undefined;
    if (!d) continue;
    const columns: Record<string, string> = {};
    if (a.ranked) for (const col of TEXT_COLUMNS) columns[col] = d[`col_${col}`] ?? '';
    hits.push({
      candidateId: d.candidate_id,
      rank: row.rank,
      name: d.name,
      city: d.city,
      postalCode: d.postal_code,
      status: d.status,
      availableFrom: d.available_from,
      columns: a.ranked ? columns : null,
    });
  }
  return hits;
}

/**
 * One page of hits, on one connection. Ranked pages sort by weighted bm25 with a LIMIT,
 * which SQLite does with a small heap (search/service.ts runs them in parts on the reader
 * threads instead); name-ordered pages (filters only, or only NOT) come from here.
 */
export function searchIndex(
  db: Db,
  a: {
    /** Query words AND filters. */
    match: string;
    /** Rank by relevance; false: by name (filters only, or only NOT). */
    ranked: boolean;
    availableBy: string | null;
    limit: number;
    offset: number;
  },
): { total: number; hits: IndexHit[] } {
  const available = a.availableBy !== null && a.availableBy !== '';
  const countParams = { match: a.match, ...(available ? { availableBy: a.availableBy } : {}) };
  const total = (prepared(db, countSql(available, false)).get(countParams) as { n: number }).n;
  if (total === 0 || a.offset >= total) return { total, hits: [] };

  const end = a.offset + a.limit;
  const page = a.ranked
    ? (prepared(db, rankedSql(available, false)).all({ ...countParams, limit: end }) as RankedDoc[]).slice(a.offset)
    : (prepared(db, walkByName(db, total, end) ? walkByNameSql(available) : sortedByNameSql(available)).all({
        ...countParams,
        limit: a.limit,
        offset: a.offset,
      }) as RankedDoc[]);
  return { total, hits: pageOf(db, { docs: page, ranked: a.ranked }) };
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
  'search.slice': rankSlice,
  'search.page': pageOf,
  'search.saved.list': listSavedSearches,
  'search.saved.save': saveSearch,
  'search.saved.delete': deleteSavedSearch,
};
