import type { Db } from '../connection.ts';
import type { Reference } from '../../../../shared/contract/index.ts';
import { AppError } from '../../rpc/errors.ts';
import { prepared } from './prepared.ts';
import { removeSubjectEntry, requireCandidate, upsertSubjectEntry } from './activity.ts';

/**
 * A candidate's references. The person's name, phone and e-mail belong to the
 * reference, not to the candidate: they are never matched as the candidate's
 * contact data, and they are erased with the candidate. A check made (with the
 * candidate's consent) is also on the timeline.
 */

interface ReferenceRow {
  id: string;
  candidate_id: string;
  name: string;
  relation: string;
  company: string;
  phone: string;
  email: string;
  notes: string;
  checked_at: string | null;
  created_at: string;
  created_by: string;
  creator_name: string | null;
  updated_at: string;
  version: number;
}

export interface ReferenceFields {
  name: string;
  relation: string;
  company: string;
  phone: string;
  email: string;
  notes: string;
}

const SELECT = `SELECT r.*, s.name AS creator_name FROM candidate_references r LEFT JOIN staff s ON s.id = r.created_by`;

const toReference = (r: ReferenceRow): Reference => ({
  id: r.id,
  candidateId: r.candidate_id,
  name: r.name,
  relation: r.relation,
  company: r.company,
  phone: r.phone,
  email: r.email,
  notes: r.notes,
  checkedAt: r.checked_at,
  createdAt: r.created_at,
  createdBy: { id: r.created_by, name: r.creator_name ?? '' },
  updatedAt: r.updated_at,
  version: r.version,
});

export function getReference(db: Db, a: { id: string }): Reference {
  const row = prepared(db, `${SELECT} WHERE r.id = ?`).get(a.id) as ReferenceRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', 'No reference with that id', { id: a.id });
  return toReference(row);
}

export function listReferences(db: Db, a: { candidateId: string }): Reference[] {
  requireCandidate(db, a.candidateId);
  return (prepared(db, `${SELECT} WHERE r.candidate_id = ? ORDER BY r.created_at, r.id`).all(a.candidateId) as ReferenceRow[]).map(toReference);
}

/** The check's timeline entry: who was asked, and what they said. */
function syncTimeline(db: Db, r: Reference, entryId: string, actorId: string, now: string, keepRevision: boolean): void {
  if (r.checkedAt === null) return removeSubjectEntry(db, r.id);
  upsertSubjectEntry(db, {
    subjectId: r.id,
    entry: {
      id: entryId,
      candidateId: r.candidateId,
      kind: 'reference',
      at: r.checkedAt,
      direction: 'out',
      title: [r.name, r.relation, r.company].filter(Boolean).join(' · '),
      body: r.notes,
      data: { referenceId: r.id },
    },
    keepRevision,
    actorId,
    now,
  });
}

export function addReference(
  db: Db,
  a: { id: string; entryId: string; candidateId: string; fields: ReferenceFields; checkedAt: string | null; actorId: string; now: string },
): Reference {
  return db.transaction(() => {
    requireCandidate(db, a.candidateId);
    const f = a.fields;
    prepared(
      db,
      `INSERT INTO candidate_references (id, candidate_id, name, relation, company, phone, email, notes, checked_at, created_at, created_by, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(a.id, a.candidateId, f.name, f.relation, f.company, f.phone, f.email, f.notes, a.checkedAt, a.now, a.actorId, a.now);
    const created = getReference(db, { id: a.id });
    syncTimeline(db, created, a.entryId, a.actorId, a.now, false);
    return created;
  })();
}

export function updateReference(
  db: Db,
  a: { id: string; entryId: string; version: number; fields: ReferenceFields; checked: boolean; checkedAt: string; actorId: string; now: string },
): Reference {
  return db.transaction(() => {
    const current = getReference(db, { id: a.id });
    if (current.version !== a.version) throw new AppError('CONFLICT', 'Someone changed this reference since you opened it', { current: current.version });
    const f = a.fields;
    const checkedAt = a.checked ? (current.checkedAt ?? a.checkedAt) : null;
    prepared(
      db,
      `UPDATE candidate_references SET name = ?, relation = ?, company = ?, phone = ?, email = ?, notes = ?, checked_at = ?,
         updated_at = ?, version = version + 1 WHERE id = ?`,
    ).run(f.name, f.relation, f.company, f.phone, f.email, f.notes, checkedAt, a.now, a.id);
    const updated = getReference(db, { id: a.id });
    syncTimeline(db, updated, a.entryId, a.actorId, a.now, true);
    return updated;
  })();
}

export function removeReference(db: Db, a: { id: string }): { id: string; candidateId: string } {
  return db.transaction(() => {
    const current = getReference(db, a);
    removeSubjectEntry(db, a.id);
    prepared(db, 'DELETE FROM candidate_references WHERE id = ?').run(a.id);
    return { id: a.id, candidateId: current.candidateId };
  })();
}

export const referenceQueries = {
  'references.list': listReferences,
  'references.get': getReference,
  'references.add': addReference,
  'references.update': updateReference,
  'references.remove': removeReference,
};
