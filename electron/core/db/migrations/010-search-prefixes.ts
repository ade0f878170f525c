import type { Migration } from './index.ts';
import { COLUMN_WEIGHTS, INDEX_COLUMNS } from '../../search/fields.ts';
import { refillSearchFts } from '../queries/search-index.ts';

/**
 * Search: prefix indexes for 4 and 5 characters beside 2 and 3. Recruiters search
 * by word stems (`truck*`, `kran*`, `sveis*`); without an index of that length
 * FTS5 merges the posting lists of every term with the stem, once to count the
 * hits, once to rank them and once more for bm25's document frequencies. On the
 * 100,000-candidate bench vault (`npm run -s bench -- search`) `truck*` (22,500
 * hits) took 2.8 ms to count before and 0.8 ms after, and the whole search 23.7
 * ms of CPU before and 17–18 ms after. Longer stems (`elektro*`) still merge,
 * over fewer terms. The index grows by about 10 % (568 → 626 MB in that vault).
 *
 * The table is made anew with the same columns, content, tokenizer, secure-delete
 * and rank as in migration 006 and filled from search_docs (the folded values).
 */
export const migration010: Migration = {
  version: 10,
  name: 'search-prefixes',
  up: (db) => {
    db.exec(`
      DROP TABLE search_fts;
      CREATE VIRTUAL TABLE search_fts USING fts5(
        ${INDEX_COLUMNS.join(', ')},
        content = 'search_content',
        content_rowid = 'doc',
        tokenize = 'unicode61 remove_diacritics 2',
        prefix = '2 3 4 5'
      );
      INSERT INTO search_fts (search_fts, rank) VALUES ('secure-delete', 1);
      INSERT INTO search_fts (search_fts, rank) VALUES ('rank', 'bm25(${INDEX_COLUMNS.map((c) => COLUMN_WEIGHTS[c].toFixed(1)).join(', ')})');
    `);
    refillSearchFts(db);
  },
};
