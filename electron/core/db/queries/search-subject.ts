import type { Db } from '../connection.ts';
import { foldNorwegian } from '../../search/fold.ts';
import { prepared } from './prepared.ts';
import { IN_BATCH, type EraseBatch } from './erasure-batch.ts';

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
 * Before a retention run erases many candidates: merge the search index into one
 * segment. Each candidate's index entry is deleted with FTS5's secure-delete,
 * which looks every word up in every segment of the index; a bulk-loaded index of
 * 100,000 candidates has eight or more, and the deletions cost four to five times
 * what they cost in one (measured: 2,000 deletions 1.0 s against 0.23 s, the merge
 * 0.5 s for 50,000 candidates). Only worth it when the run erases at least one in
 * fifty of the indexed candidates; a merged index is left as it is.
 */
export function compactSearchIndexFor(db: Db, a: { erasing: number }): { compacted: boolean } {
  const indexed = (prepared(db, 'SELECT count(*) AS n FROM search_docs').get() as { n: number }).n;
  if (a.erasing < 100 || a.erasing * 50 < indexed) return { compacted: false };
  db.transaction(() => db.exec("INSERT INTO search_fts (search_fts) VALUES ('optimize')")).immediate();
  return { compacted: true };
}
