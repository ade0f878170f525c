import type { Db } from '../connection.ts';
import type { CandidatePicture, PicturePatch, ResumeDocument, Shift } from '../../../../shared/contract/index.ts';
import { AppError } from '../../rpc/errors.ts';
import { prepared } from './prepared.ts';
import { updateCandidate } from './candidates.ts';
import { lexicon } from '../../matching/synonyms.ts';
import { certificateOf, competenceOf, derivePicture, languageOf, type StoredEdits } from '../../matching/picture.ts';
import { factsOf, termsOf, type MatchFacts } from '../../matching/facts.ts';
import { refreshSearchIndex } from './search-index.ts';

/**
 * The candidate picture: read (CV + edits), edited, and kept in step with the
 * compact facts and terms the matcher reads. `pictureOf` is the stable entry for
 * other features (search indexes the picture as text with `pictureText`).
 */

interface SourceRow {
  id: string;
  status: string;
  postal_code: string;
  city: string;
  available_from: string | null;
  extent_percent: number | null;
  shifts: string;
  desired_roles: string;
  desired_sectors: string;
  resume: string | null;
  edits: string | null;
  picture_at: string | null;
}

const SOURCE = `SELECT c.id, c.status, c.postal_code, c.city, c.available_from, c.extent_percent, c.shifts,
    c.desired_roles, c.desired_sectors, p.resume, e.edits, e.updated_at AS picture_at
  FROM candidates c LEFT JOIN candidate_profiles p ON p.candidate_id = c.id LEFT JOIN candidate_pictures e ON e.candidate_id = c.id`;

function derive(row: SourceRow, today: string): CandidatePicture {
  return derivePicture(
    {
      candidateId: row.id,
      candidate: {
        postalCode: row.postal_code,
        city: row.city,
        availableFrom: row.available_from,
        extentPercent: row.extent_percent,
        shifts: JSON.parse(row.shifts) as Shift[],
        desiredRoles: JSON.parse(row.desired_roles) as string[],
        desiredSectors: JSON.parse(row.desired_sectors) as string[],
      },
      resume: row.resume ? (JSON.parse(row.resume) as ResumeDocument) : null,
      edits: row.edits ? (JSON.parse(row.edits) as StoredEdits) : null,
      updatedAt: row.picture_at,
      today,
    },
    lexicon(),
  );
}

function sourceRow(db: Db, candidateId: string): SourceRow {
  const row = prepared(db, `${SOURCE} WHERE c.id = ?`).get(candidateId) as SourceRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', 'No candidate with that id', { id: candidateId });
  return row;
}

/** A candidate's picture as of `today` (YYYY-MM-DD; ongoing jobs count up to it). */
export function pictureOf(db: Db, candidateId: string, today: string = new Date().toISOString().slice(0, 10)): CandidatePicture {
  return derive(sourceRow(db, candidateId), today);
}

/** The picture as words, for full-text indexing: skills with their synonyms' labels, certificates, languages, roles. */
export function pictureText(p: CandidatePicture): string {
  const lex = lexicon();
  const label = (key: string) => [lex.label(key, 'nb'), lex.label(key, 'en')];
  return [
    ...p.competences.flatMap((c) => [c.name, ...label(c.key)]),
    ...p.certificates.flatMap((c) => [c.name, c.code]),
    ...p.languages.flatMap((l) => [l.name, lex.languages.get(l.code)?.en ?? '']),
    ...p.experience.byRole.map((r) => r.label),
    ...p.experience.bySector.map((s) => s.label),
    ...p.education.flatMap((e) => [e.institution, e.area, e.studyType]),
    ...p.interests.desiredRoles,
    ...p.interests.sectors,
    ...p.interests.regions,
  ]
    .filter(Boolean)
    .join(' ');
}

// ---- facts for matching, kept in step ------------------------------------------

const factsCache = new WeakMap<Db, Map<string, MatchFacts>>();

/** The in-memory facts of this connection (filled lazily by the matcher). */
export function cachedFacts(db: Db): Map<string, MatchFacts> {
  let m = factsCache.get(db);
  if (!m) {
    m = new Map();
    factsCache.set(db, m);
  }
  return m;
}

function storeFacts(db: Db, row: SourceRow, today: string, at: string) {
  const facts = factsOf(derive(row, today));
  const active = row.status === 'active' ? 1 : 0;
  prepared(
    db,
    `INSERT INTO candidate_match_facts (candidate_id, active, facts, refreshed_at) VALUES (?, ?, ?, ?)
     ON CONFLICT(candidate_id) DO UPDATE SET active = excluded.active, facts = excluded.facts, refreshed_at = excluded.refreshed_at`,
  ).run(row.id, active, JSON.stringify(facts), at);
  prepared(db, 'DELETE FROM candidate_terms WHERE candidate_id = ?').run(row.id);
  // Inactive candidates keep their facts but leave the index: matching never sees them.
  if (active) {
    const insert = prepared(db, 'INSERT OR IGNORE INTO candidate_terms (term, candidate_id) VALUES (?, ?)');
    for (const term of termsOf(facts)) insert.run(term, row.id);
  }
  cachedFacts(db).set(row.id, facts);
  prepared(db, 'DELETE FROM picture_stale WHERE candidate_id = ?').run(row.id);
}

/**
 * Rebuild the facts of every candidate marked stale (by the triggers) and return
 * how many. Matching calls this first; a bulk import can call it once up front.
 */
export function refreshPictures(db: Db, a: { at: string; batch?: number }): number {
  const today = a.at.slice(0, 10);
  const batch = a.batch ?? 2000;
  let done = 0;
  for (;;) {
    const rows = prepared(db, `${SOURCE} WHERE c.id IN (SELECT candidate_id FROM picture_stale LIMIT ?)`).all(batch) as SourceRow[];
    if (rows.length === 0) {
      // Stale marks of candidates that no longer exist.
      prepared(db, 'DELETE FROM picture_stale WHERE candidate_id NOT IN (SELECT id FROM candidates)').run();
      return done;
    }
    db.transaction(() => {
      for (const row of rows) storeFacts(db, row, today, a.at);
    })();
    done += rows.length;
  }
}

// ---- edits ------------------------------------------------------------------------

function readEdits(db: Db, candidateId: string): StoredEdits {
  const row = prepared(db, 'SELECT edits FROM candidate_pictures WHERE candidate_id = ?').get(candidateId) as { edits: string } | undefined;
  return row ? (JSON.parse(row.edits) as StoredEdits) : {};
}

function writeEdits(db: Db, candidateId: string, edits: StoredEdits, actorId: string | null, at: string) {
  prepared(
    db,
    `INSERT INTO candidate_pictures (candidate_id, edits, updated_at, updated_by) VALUES (?, ?, ?, ?)
     ON CONFLICT(candidate_id) DO UPDATE SET edits = excluded.edits, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
  ).run(candidateId, JSON.stringify(edits), at, actorId);
}

function setSection<K extends keyof StoredEdits>(edits: StoredEdits, key: K, value: StoredEdits[K] | null | undefined) {
  if (value === undefined) return;
  if (value === null) delete edits[key];
  else edits[key] = value;
}

/**
 * A recruiter's edit. Sections of the picture go to its own table; desired roles,
 * sectors and availability are the candidate's fields (their history records it).
 */
export function updatePicture(db: Db, a: { candidateId: string; patch: PicturePatch; actorId: string; at: string }): CandidatePicture {
  return db.transaction(() => {
    sourceRow(db, a.candidateId);
    const lex = lexicon();
    const p = a.patch;
    const edits = readEdits(db, a.candidateId);
    setSection(edits, 'competences', p.competences === undefined ? undefined : p.competences?.map((c) => competenceOf(c, lex)) ?? null);
    setSection(edits, 'certificates', p.certificates === undefined ? undefined : p.certificates?.flatMap((c) => certificateOf(c, lex)) ?? null);
    setSection(edits, 'languages', p.languages === undefined ? undefined : p.languages?.map((l) => languageOf(l, lex)) ?? null);
    setSection(edits, 'experience', p.experience);
    setSection(edits, 'education', p.education === undefined ? undefined : p.education?.map((e) => ({ ...e })) ?? null);
    if (p.interests === null) {
      delete edits.workTypes;
      delete edits.regions;
    } else if (p.interests) {
      if (p.interests.workTypes) edits.workTypes = p.interests.workTypes;
      if (p.interests.regions) edits.regions = p.interests.regions;
    }
    if (p.availability?.noticeWeeks !== undefined) edits.noticeWeeks = p.availability.noticeWeeks;
    writeEdits(db, a.candidateId, edits, a.actorId, a.at);

    const { noticeWeeks: _notice, ...availability } = p.availability ?? {};
    const own = {
      ...(p.interests?.desiredRoles ? { desiredRoles: p.interests.desiredRoles } : {}),
      ...(p.interests?.sectors ? { desiredSectors: p.interests.sectors } : {}),
      ...(Object.keys(availability).length ? { availability } : {}),
    };
    if (Object.keys(own).length) updateCandidate(db, { id: a.candidateId, version: null, patch: own, actorId: a.actorId, at: a.at });
    // The edited competences, certificates, languages and interests are searchable at once
    // (updateCandidate indexes only when the candidate's own fields changed).
    refreshSearchIndex(db, a.candidateId);
    storeFacts(db, sourceRow(db, a.candidateId), a.at.slice(0, 10), a.at);
    return pictureOf(db, a.candidateId, a.at.slice(0, 10));
  })();
}

/**
 * A placement (or its end): the picture remembers it and the candidate is
 * available again the day after its last day. Runs inside the shortlist's transaction.
 */
export function setPlacement(
  db: Db,
  a: { candidateId: string; placement: { vacancyId: string; until: string | null } | null; actorId: string; at: string },
): void {
  const edits = readEdits(db, a.candidateId);
  const previous = edits.placement ?? null;
  if (a.placement) edits.placement = a.placement;
  else if (previous) delete edits.placement;
  else return;
  writeEdits(db, a.candidateId, edits, a.actorId, a.at);
  if (a.placement?.until) {
    const next = new Date(Date.parse(a.placement.until + 'T12:00:00Z') + 86_400_000).toISOString().slice(0, 10);
    updateCandidate(db, { id: a.candidateId, version: null, patch: { availability: { from: next } }, actorId: a.actorId, at: a.at });
  }
  storeFacts(db, sourceRow(db, a.candidateId), a.at.slice(0, 10), a.at);
}

/** For the data-subject export and erasure. */
export function pictureEdits(db: Db, candidateId: string): StoredEdits | null {
  const row = prepared(db, 'SELECT edits FROM candidate_pictures WHERE candidate_id = ?').get(candidateId) as { edits: string } | undefined;
  return row ? (JSON.parse(row.edits) as StoredEdits) : null;
}

export const pictureQueries = {
  'picture.get': (db: Db, a: { candidateId: string; today: string }) => pictureOf(db, a.candidateId, a.today),
  'picture.update': updatePicture,
  'picture.refresh': refreshPictures,
};
