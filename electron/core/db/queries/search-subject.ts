import type { Db } from '../connection.ts';
import { foldNorwegian } from '../../search/fold.ts';
import { prepared } from './prepared.ts';
import { IN_BATCH, type EraseBatch } from './erasure-batch.ts';
import { setSettings } from './settings.ts';

/**
 * Saved searches and the data-subject rights. A saved search is the agency's
 * query (a name, the query text, filters); it holds no candidate id and its hits
 * are found anew on every run, so an erased candidate never comes back through
 * it. But its free text can name a person — "Gunnhild Sørensen-Aaberg", her
 * e-mail address, her phone number — and that text would outlive the erasure
 * (the erasure test reads every decrypted page for such strings).
 *
 * So erasure removes each saved search whose name or query holds the candidate's
 * full name (two words or more, as whole words, compared folded: "Sorensen
 * Aaberg" meets "Sørensen-Aaberg"), one of their e-mail addresses, or one of
 * their phone numbers (the last eight digits, spaces and dashes ignored). The
 * whole search goes, not just the words: it was made to find that person. A lone
 * first name is left alone: "Ola" is a word many searches hold without meaning
 * one candidate. Nothing goes to the export (art. 15): such a search holds no
 * more than the name and contacts the export carries already.
 */

/** Folded words separated by single spaces, with a space at each end for whole-word tests. */
const words = (text: string) => ` ${foldNorwegian(text).replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `;

/** The phone numbers written in a text, as their digits. */
const phoneDigits = (text: string) => [...text.matchAll(/\+?\d[\d\s-]{6,}\d/g)].map((m) => m[0].replace(/\D/g, ''));

interface Identity {
  name: string;
  emails: string[];
  phones: string[];
}

export function namesCandidate(text: string, who: Identity): boolean {
  const folded = words(text);
  const name = words(who.name).trim();
  if (name.split(' ').length >= 2 && folded.includes(` ${name} `)) return true;
  const lower = text.toLowerCase();
  if (who.emails.some((e) => e.trim() !== '' && lower.includes(e.trim().toLowerCase()))) return true;
  const numbers = phoneDigits(text);
  return who.phones.some((p) => {
    const digits = p.replace(/\D/g, '').slice(-8);
    return digits.length === 8 && numbers.some((n) => n.endsWith(digits));
  });
}

export const eraseNamingSearches: EraseBatch = (db) => {
  const searches = prepared(db, 'SELECT id, name, query FROM saved_searches').all() as { id: string; name: string; query: string }[];
  if (searches.length === 0) return 0;
  const people = (
    prepared(db, `SELECT name, emails, phones FROM candidates WHERE id ${IN_BATCH}`).all() as { name: string; emails: string; phones: string }[]
  ).map((r) => ({ name: r.name, emails: JSON.parse(r.emails) as string[], phones: JSON.parse(r.phones) as string[] }));
  const remove = prepared(db, 'DELETE FROM saved_searches WHERE id = ?');
  let n = 0;
  for (const s of searches) {
    const text = `${s.name}\n${s.query}`;
    if (people.some((who) => namesCandidate(text, who))) n += remove.run(s.id).changes;
  }
  return n;
};

/**
 * A retention run that erases many candidates at once (at least 100, and at least
 * one in fifty of the indexed) takes their words out of the search index in two
 * steps instead of one secure delete each:
 *   1. in each batch's transaction, FTS5's secure-delete is off: a deletion only
 *      records which documents are gone (their words still lie in the index's
 *      segments), and a marker says a purge is owed;
 *   2. after the last batch, 'optimize' merges the index into one segment, which
 *      leaves the deleted documents' words out, and clears the marker (the pages
 *      freed are overwritten: PRAGMA secure_delete).
 * Secure-delete looks every word up in every segment, and with the prefix indexes
 * (migration 010) that is most of the run: 10,000 erasures of 100,000 took 11.8 s
 * with it. A run cut short (the app stopped between the steps) leaves the marker,
 * and the next opening of the vault purges before anything else (openVaultDatabase).
 */
const PURGE_MARKER = 'search.indexPurgePending';

export function isBulkErasure(db: Db, erasing: number): boolean {
  const indexed = (prepared(db, 'SELECT count(*) AS n FROM search_docs').get() as { n: number }).n;
  return erasing >= 100 && erasing * 50 >= indexed;
}

/** Runs `erase` (inside the caller's transaction) with the index's words left for purgeSearchIndex. */
export function withDeferredIndexPurge<T>(db: Db, erase: () => T): T {
  setSettings(db, { values: { [PURGE_MARKER]: true } });
  db.exec("INSERT INTO search_fts (search_fts, rank) VALUES ('secure-delete', 0)");
  try {
    return erase();
  } finally {
    db.exec("INSERT INTO search_fts (search_fts, rank) VALUES ('secure-delete', 1)");
  }
}

/**
 * The second step: the erased documents' words leave the index. Nothing to do without the
 * marker; it is looked for before taking the write lock, since every opening of the vault asks.
 */
export function purgeSearchIndex(db: Db): { purged: boolean } {
  const pending = () => prepared(db, 'SELECT 1 FROM settings WHERE key = ?').get(PURGE_MARKER) !== undefined;
  if (!pending()) return { purged: false };
  return db.transaction(() => {
    if (!pending()) return { purged: false };
    db.exec("INSERT INTO search_fts (search_fts) VALUES ('optimize')");
    prepared(db, 'DELETE FROM settings WHERE key = ?').run(PURGE_MARKER);
    return { purged: true };
  }).immediate();
}
