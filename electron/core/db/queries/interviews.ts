import type { Db } from '../connection.ts';
import { templateNameKey, type Interview, type InterviewAnswer, type InterviewQuestion, type InterviewTemplate } from '../../../../shared/contract/index.ts';
import { AppError } from '../../rpc/errors.ts';
import { prepared } from './prepared.ts';
import { requireCandidate, upsertSubjectEntry } from './activity.ts';

/**
 * Interview templates and interviews. An interview is saved whole on every
 * autosave (one small row update, committed at once), so a crash costs only what
 * was typed since the last save. Its text is on the timeline for search.
 */

interface InterviewRow {
  id: string;
  candidate_id: string;
  template_id: string | null;
  title: string;
  at: string;
  questions: string;
  answers: string;
  notes: string;
  revision: number;
  created_by: string;
  creator_name: string | null;
  updated_at: string;
}

const SELECT = 'SELECT i.*, s.name AS creator_name FROM interviews i LEFT JOIN staff s ON s.id = i.created_by';

const toInterview = (r: InterviewRow): Interview => ({
  id: r.id,
  candidateId: r.candidate_id,
  templateId: r.template_id,
  title: r.title,
  at: r.at,
  questions: JSON.parse(r.questions) as InterviewQuestion[],
  answers: JSON.parse(r.answers) as Record<string, InterviewAnswer>,
  notes: r.notes,
  revision: r.revision,
  createdBy: { id: r.created_by, name: r.creator_name ?? '' },
  updatedAt: r.updated_at,
});

export function listTemplates(db: Db): InterviewTemplate[] {
  const rows = prepared(db, 'SELECT id, name, questions, updated_at FROM interview_templates ORDER BY name, id').all() as {
    id: string;
    name: string;
    questions: string;
    updated_at: string;
  }[];
  return rows.map((r) => ({ id: r.id, name: r.name, questions: JSON.parse(r.questions) as InterviewQuestion[], updatedAt: r.updated_at }));
}

/** Names are unique, case folded, so the interview form's list of templates is unambiguous. */
function requireFreeName(db: Db, id: string, name: string): void {
  if (listTemplates(db).some((t) => t.id !== id && templateNameKey(t.name) === templateNameKey(name))) {
    throw new AppError('VALIDATION', 'An interview template with that name exists', { field: 'name', reason: 'duplicateName' });
  }
}

export function saveTemplate(db: Db, a: { id: string; name: string; questions: InterviewQuestion[]; actorId: string; now: string }): InterviewTemplate {
  requireFreeName(db, a.id, a.name);
  prepared(
    db,
    `INSERT INTO interview_templates (id, name, questions, updated_at, updated_by) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT(id) DO UPDATE SET name = excluded.name, questions = excluded.questions, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
  ).run(a.id, a.name, JSON.stringify(a.questions), a.now, a.actorId);
  return { id: a.id, name: a.name, questions: a.questions, updatedAt: a.now };
}

/** An edit of an existing template; NOT_FOUND when it was deleted meanwhile (a stale editor does not bring it back). */
export function updateTemplate(db: Db, a: { id: string; name: string; questions: InterviewQuestion[]; actorId: string; now: string }): InterviewTemplate {
  requireFreeName(db, a.id, a.name);
  const changed = prepared(db, 'UPDATE interview_templates SET name = ?, questions = ?, updated_at = ?, updated_by = ? WHERE id = ?').run(
    a.name,
    JSON.stringify(a.questions),
    a.now,
    a.actorId,
    a.id,
  ).changes;
  if (changed === 0) throw new AppError('NOT_FOUND', 'No interview template with that id', { id: a.id });
  return { id: a.id, name: a.name, questions: a.questions, updatedAt: a.now };
}

/**
 * Deletes a template, never the last one: there is always a template to start an
 * interview from. Interviews keep their own copy of the questions and their
 * template_id, which then points nowhere.
 */
export function deleteTemplate(db: Db, a: { id: string }): { id: string } {
  return db.transaction(() => {
    const exists = prepared(db, 'SELECT 1 FROM interview_templates WHERE id = ?').get(a.id);
    if (!exists) throw new AppError('NOT_FOUND', 'No interview template with that id', { id: a.id });
    const { n } = prepared(db, 'SELECT count(*) AS n FROM interview_templates').get() as { n: number };
    if (n <= 1) throw new AppError('CONFLICT', 'The last interview template cannot be deleted', { id: a.id, reason: 'lastTemplate' });
    prepared(db, 'DELETE FROM interview_templates WHERE id = ?').run(a.id);
    return { id: a.id };
  })();
}

export function getTemplate(db: Db, id: string): InterviewTemplate {
  const found = listTemplates(db).find((t) => t.id === id);
  if (!found) throw new AppError('NOT_FOUND', 'No interview template with that id', { id });
  return found;
}

export function getInterview(db: Db, a: { id: string }): Interview {
  const row = prepared(db, `${SELECT} WHERE i.id = ?`).get(a.id) as InterviewRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', 'No interview with that id', { id: a.id });
  return toInterview(row);
}

export function listInterviews(db: Db, a: { candidateId: string }): Interview[] {
  requireCandidate(db, a.candidateId);
  return (prepared(db, `${SELECT} WHERE i.candidate_id = ? ORDER BY i.at DESC, i.id`).all(a.candidateId) as InterviewRow[]).map(toInterview);
}

/** What the timeline shows and search finds: each question with its score and answer, then the notes. */
function interviewText(i: Interview): string {
  const parts: string[] = [];
  for (const q of i.questions) {
    const answer = i.answers[q.id];
    if (!answer || (answer.score === null && !answer.text.trim())) continue;
    parts.push(`${q.competence}${answer.score === null ? '' : ` (${answer.score}/5)`}: ${answer.text.trim()}`);
  }
  if (i.notes.trim()) parts.push(i.notes.trim());
  return parts.join('\n');
}

function syncTimeline(db: Db, i: Interview, entryId: string, actorId: string, now: string): void {
  upsertSubjectEntry(db, {
    subjectId: i.id,
    entry: { id: entryId, candidateId: i.candidateId, kind: 'interview', at: i.at, direction: null, title: i.title, body: interviewText(i), data: { interviewId: i.id } },
    keepRevision: false,
    actorId,
    now,
  });
}

export function startInterview(
  db: Db,
  a: { id: string; entryId: string; candidateId: string; templateId: string | null; title: string | null; at: string; actorId: string; now: string },
): Interview {
  return db.transaction(() => {
    requireCandidate(db, a.candidateId);
    const template = a.templateId === null ? null : getTemplate(db, a.templateId);
    const title = a.title?.trim() || template?.name || 'Intervju';
    prepared(
      db,
      `INSERT INTO interviews (id, candidate_id, template_id, title, at, questions, created_at, created_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(a.id, a.candidateId, a.templateId, title, a.at, JSON.stringify(template?.questions ?? []), a.now, a.actorId, a.now);
    const created = getInterview(db, { id: a.id });
    syncTimeline(db, created, a.entryId, a.actorId, a.now);
    return created;
  })();
}

/** Autosave: applied only when newer than what is stored (a late, older save is dropped). */
export function saveInterview(
  db: Db,
  a: { id: string; entryId: string; revision: number; answers: Record<string, InterviewAnswer>; notes: string; title?: string | undefined; actorId: string; now: string },
): { id: string; revision: number; savedAt: string; candidateId: string } {
  return db.transaction(() => {
    const current = getInterview(db, { id: a.id });
    if (a.revision <= current.revision) return { id: a.id, revision: current.revision, savedAt: current.updatedAt, candidateId: current.candidateId };
    prepared(db, 'UPDATE interviews SET answers = ?, notes = ?, title = ?, revision = ?, updated_at = ? WHERE id = ?').run(
      JSON.stringify(a.answers),
      a.notes,
      a.title?.trim() || current.title,
      a.revision,
      a.now,
      a.id,
    );
    syncTimeline(db, getInterview(db, { id: a.id }), a.entryId, a.actorId, a.now);
    return { id: a.id, revision: a.revision, savedAt: a.now, candidateId: current.candidateId };
  })();
}

export const interviewQueries = {
  'interviews.templates': listTemplates,
  'interviews.saveTemplate': saveTemplate,
  'interviews.updateTemplate': updateTemplate,
  'interviews.deleteTemplate': deleteTemplate,
  'interviews.get': getInterview,
  'interviews.list': listInterviews,
  'interviews.start': startInterview,
  'interviews.save': saveInterview,
};
