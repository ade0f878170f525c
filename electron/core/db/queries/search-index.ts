import type { Db } from '../connection.ts';
import type { ResumeDocument } from '../../../../shared/contract/intake.ts';
import { prepared } from './prepared.ts';
import { INDEX_COLUMNS } from '../../search/fields.ts';
import { foldNorwegian } from '../../search/fold.ts';
import { buildIndexDocument, type IndexDocument, type IndexSource } from '../../search/document.ts';
import { pictureOf } from './picture.ts';
import { lexicon } from '../../matching/synonyms.ts';

/**
 * The search index: `search_docs` holds each candidate's searchable text as shown
 * in snippets, `search_fts` (FTS5, external content) indexes the same text folded
 * (foldNorwegian). Folding keeps every token at its position, so FTS5 cuts
 * snippets from the original text with the positions of folded hits.
 *
 * Because the index holds folded text and the content table does not, FTS5's own
 * 'rebuild' and 'integrity-check' would compare the wrong things: rebuild with
 * rebuildSearchIndex, and delete with the folded values (ftsDelete).
 */

const COLUMN_LIST = INDEX_COLUMNS.join(', ');
const PLACEHOLDERS = INDEX_COLUMNS.map(() => '?').join(', ');

type ContentRow = IndexDocument & { doc: number };

/** What the index is fed: folded text; the tags as they are (they must keep their "aa"). */
function folded(document: IndexDocument): string[] {
  return INDEX_COLUMNS.map((c) => (c === 'tags' ? document[c] : foldNorwegian(document[c])));
}

function ftsInsert(db: Db, doc: number, document: IndexDocument): void {
  prepared(db, `INSERT INTO search_fts (rowid, ${COLUMN_LIST}) VALUES (?, ${PLACEHOLDERS})`).run(doc, ...folded(document));
}

function ftsDelete(db: Db, row: ContentRow): void {
  prepared(db, `INSERT INTO search_fts (search_fts, rowid, ${COLUMN_LIST}) VALUES ('delete', ?, ${PLACEHOLDERS})`).run(row.doc, ...folded(row));
}

/**
 * The candidate picture (matching feature) as searchable words: a recruiter's edits
 * to competences, certificates and languages, and the synonym table's labels in
 * both languages, so `forklift` finds a truckfører. Absent while the picture's
 * tables do not exist yet (this index is built by migration 006, before them).
 */
function pictureWords(db: Db, candidateId: string): IndexSource['extra'] | undefined {
  if (!prepared(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'candidate_pictures'").get()) return undefined;
  const picture = pictureOf(db, candidateId);
  const lex = lexicon();
  const labels = (key: string) => [lex.label(key, 'nb'), lex.label(key, 'en')];
  return {
    skill: picture.competences.flatMap((c) => [c.name, ...labels(c.key)]),
    cert: picture.certificates.map((c) => c.name),
    lang: picture.languages.flatMap((l) => [l.name, lex.languages.get(l.code)?.nb ?? '', lex.languages.get(l.code)?.en ?? '']),
    role: picture.experience.byRole.map((r) => r.label),
    sector: picture.experience.bySector.map((r) => r.label),
  };
}

interface CandidateSourceRow {
  name: string;
  emails: string;
  phones: string;
  postal_code: string;
  city: string;
  country: string;
  status: 'active' | 'inactive';
  available_from: string | null;
  desired_roles: string;
  desired_sectors: string;
  notes: string;
  resume: string | null;
}

/** Candidates whose entries wait for the end of a bulk operation (see withDeferredIndexing). */
let deferred: Set<string> | null = null;

/**
 * Run a bulk operation (an import: candidates, then their profiles) and index each
 * candidate it touched once at the end, instead of once per write. Synchronous,
 * like every query: nothing else runs on this connection meanwhile.
 */
export function withDeferredIndexing<T>(db: Db, operation: () => T): T {
  if (deferred) return operation();
  const touched = new Set<string>();
  deferred = touched;
  try {
    return db.transaction(() => {
      const result = operation();
      deferred = null;
      for (const id of touched) refreshSearchIndex(db, id);
      return result;
    })();
  } finally {
    deferred = null;
  }
}

/** Bring one candidate's index entry up to date with the register (or remove it when the candidate is gone). */
export function refreshSearchIndex(db: Db, candidateId: string): void {
  if (deferred) {
    deferred.add(candidateId);
    return;
  }
  const existing = prepared(db, `SELECT doc, ${COLUMN_LIST} FROM search_docs WHERE candidate_id = ?`).get(candidateId) as ContentRow | undefined;
  const source = prepared(
    db,
    `SELECT c.name, c.emails, c.phones, c.postal_code, c.city, c.country, c.status, c.available_from,
            c.desired_roles, c.desired_sectors, c.notes, p.resume
     FROM candidates c LEFT JOIN candidate_profiles p ON p.candidate_id = c.id WHERE c.id = ?`,
  ).get(candidateId) as CandidateSourceRow | undefined;
  if (existing) ftsDelete(db, existing);
  if (!source) {
    if (existing) prepared(db, 'DELETE FROM search_docs WHERE doc = ?').run(existing.doc);
    return;
  }
  const texts = prepared(db, 'SELECT text FROM candidate_documents WHERE candidate_id = ? ORDER BY added_at, id').all(candidateId) as { text: string }[];
  const document = buildIndexDocument({
    name: source.name,
    emails: JSON.parse(source.emails) as string[],
    phones: JSON.parse(source.phones) as string[],
    postalCode: source.postal_code,
    city: source.city,
    country: source.country,
    status: source.status,
    desiredRoles: JSON.parse(source.desired_roles) as string[],
    desiredSectors: JSON.parse(source.desired_sectors) as string[],
    notes: source.notes,
    resume: source.resume ? (JSON.parse(source.resume) as ResumeDocument) : null,
    documentTexts: texts.map((t) => t.text).filter((t) => t.trim() !== ''),
    extra: pictureWords(db, candidateId),
  });
  const values = INDEX_COLUMNS.map((c) => document[c]);
  let doc: number;
  if (existing) {
    doc = existing.doc;
    prepared(db, `UPDATE search_docs SET available_from = ?, ${INDEX_COLUMNS.map((c) => `${c} = ?`).join(', ')} WHERE doc = ?`).run(
      source.available_from,
      ...values,
      doc,
    );
  } else {
    const result = prepared(db, `INSERT INTO search_docs (candidate_id, available_from, ${COLUMN_LIST}) VALUES (?, ?, ${PLACEHOLDERS})`).run(
      candidateId,
      source.available_from,
      ...values,
    );
    doc = Number(result.lastInsertRowid);
  }
  ftsInsert(db, doc, document);
}

/** Erasure: the candidate's entry leaves the index (FTS5 secure-delete removes its tokens, not just marks them). */
export function removeFromSearchIndex(db: Db, candidateId: string): number {
  const existing = prepared(db, `SELECT doc, ${COLUMN_LIST} FROM search_docs WHERE candidate_id = ?`).get(candidateId) as ContentRow | undefined;
  if (!existing) return 0;
  ftsDelete(db, existing);
  return prepared(db, 'DELETE FROM search_docs WHERE doc = ?').run(existing.doc).changes;
}

/**
 * Feed a freshly created search_fts from search_docs, as they stand (a migration
 * that changes only how FTS5 stores the index, not what is indexed), then merge it
 * into one segment.
 */
export function refillSearchFts(db: Db): number {
  // In slices: a statement being iterated keeps the connection from running the inserts.
  const slice = db.prepare(`SELECT doc, ${COLUMN_LIST} FROM search_docs WHERE doc > ? ORDER BY doc LIMIT 1000`);
  let n = 0;
  for (let rows = slice.all(0) as ContentRow[]; rows.length > 0; rows = slice.all(rows.at(-1)!.doc) as ContentRow[]) {
    for (const row of rows) ftsInsert(db, row.doc, row);
    n += rows.length;
  }
  db.exec(`INSERT INTO search_fts (search_fts) VALUES ('optimize')`);
  return n;
}

/** Index every candidate from scratch (the migration; after a change to folding or to what is indexed). */
export function rebuildSearchIndex(db: Db): number {
  db.exec(`INSERT INTO search_fts (search_fts) VALUES ('delete-all'); DELETE FROM search_docs;`);
  const ids = db.prepare('SELECT id FROM candidates ORDER BY rowid').pluck().all() as string[];
  for (const id of ids) refreshSearchIndex(db, id);
  return ids.length;
}
