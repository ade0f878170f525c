import type { Migration } from './index.ts';
import { COLUMN_WEIGHTS, INDEX_COLUMNS } from '../../search/fields.ts';
import { rebuildSearchIndex } from '../queries/search-index.ts';

/**
 * Search: the candidates' searchable text (search_docs) and its FTS5 index
 * (search_fts), plus saved searches.
 *
 * Tokenizer: unicode61 with remove_diacritics 2 lowercases and strips accents
 * (é, ü) but leaves ø, æ and å alone (they are letters of their own, not accented
 * ones), so Norwegian folding is done by us on the text fed to the index and on
 * every query term (search/fold.ts). The content table holds the unfolded text,
 * which FTS5 reads back for snippets (through a view that hides the tags). Prefix indexes for 2 and 3 characters keep
 * short prefixes (`tr*`, `tru*`) from scanning every term. secure-delete makes a
 * delete remove the tokens from the index pages, so an erased candidate's words do
 * not linger in the index.
 */
export const migration006: Migration = {
  version: 6,
  name: 'search',
  up: (db) => {
    db.exec(`
      CREATE TABLE search_docs (
        doc INTEGER PRIMARY KEY,
        candidate_id TEXT NOT NULL UNIQUE,
        available_from TEXT,
        ${INDEX_COLUMNS.map((c) => `${c} TEXT NOT NULL DEFAULT ''`).join(',\n        ')}
      ) STRICT;
      -- Filters and joins read these three for thousands of matches: from a dense index,
      -- not from the wide rows (in an encrypted vault every page touched is decrypted).
      CREATE INDEX search_docs_keys ON search_docs(doc, available_from, candidate_id);

      -- What FTS5 reads back for snippets: the tags column reads empty, so a snippet
      -- is never cut from the internal tokens that filters match.
      CREATE VIEW search_content AS
        SELECT doc, ${INDEX_COLUMNS.map((c) => (c === 'tags' ? "'' AS tags" : c)).join(', ')} FROM search_docs;

      CREATE VIRTUAL TABLE search_fts USING fts5(
        ${INDEX_COLUMNS.join(', ')},
        content = 'search_content',
        content_rowid = 'doc',
        tokenize = 'unicode61 remove_diacritics 2',
        prefix = '2 3'
      );
      INSERT INTO search_fts (search_fts, rank) VALUES ('secure-delete', 1);
      INSERT INTO search_fts (search_fts, rank) VALUES ('rank', 'bm25(${INDEX_COLUMNS.map((c) => COLUMN_WEIGHTS[c].toFixed(1)).join(', ')})');

      CREATE TABLE saved_searches (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        query TEXT NOT NULL,
        filters TEXT NOT NULL,
        include_inactive INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL REFERENCES staff(id),
        updated_at TEXT NOT NULL
      ) STRICT;
    `);
    rebuildSearchIndex(db);
  },
};
