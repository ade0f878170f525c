import type { Interview, InterviewQuestion, InterviewTemplate, MethodParsedInput } from '../../../shared/contract/index.ts';
import type { CoreContext } from '../context.ts';

/**
 * Interviews from templates of competence questions (scored 1–5, with free text).
 * The form autosaves the whole interview (debounced under a second); each save is
 * one committed transaction, so a crash loses at most the last second of typing.
 */

/** Offered until the agency writes its own. */
const STANDARD_TEMPLATE = {
  id: 'standard',
  name: 'Standardintervju',
  questions: [
    { id: 'motivation', competence: 'Motivasjon', text: 'Hvorfor søker du denne typen stilling?' },
    { id: 'cooperation', competence: 'Samarbeid', text: 'Fortell om en gang du løste en uenighet i et team.' },
    { id: 'responsibility', competence: 'Ansvar', text: 'Beskriv en oppgave du tok ansvar for fra start til slutt.' },
    { id: 'adaptability', competence: 'Fleksibilitet', text: 'Hvordan takler du endringer i planer og arbeidstid?' },
    { id: 'safety', competence: 'HMS', text: 'Hvordan sørger du for at arbeidet gjøres trygt?' },
  ],
};

/**
 * The templates by name. A new vault gets the standard one on first list; after that
 * the list is never empty, since the last template cannot be deleted, so a deleted
 * standard template does not come back.
 */
export async function listTemplates(ctx: CoreContext): Promise<InterviewTemplate[]> {
  const { db, owner } = ctx.vault.requireSession();
  const templates = await db.call('interviews.templates');
  if (templates.length > 0) return templates;
  await db.call('interviews.saveTemplate', { ...STANDARD_TEMPLATE, actorId: owner.id, now: ctx.clock.now().toISOString() });
  return db.call('interviews.templates');
}

/**
 * Creates a template (no id) or replaces an existing one's name and questions. New
 * questions get their ids here; kept questions keep theirs, so an edit does not
 * change what interviews already started refer to. A name in use (case folded) is
 * refused by the query, in the same call on the writer as the write, so two saves
 * cannot both take one name.
 */
export async function saveTemplate(ctx: CoreContext, input: MethodParsedInput<'activity.interviewTemplates.save'>): Promise<InterviewTemplate> {
  const { db, owner } = ctx.vault.requireSession();
  await listTemplates(ctx);
  const questions: InterviewQuestion[] = input.questions.map((q) => ({ id: q.id ?? ctx.newId(), competence: q.competence, text: q.text }));
  const now = ctx.clock.now().toISOString();
  if (input.id !== undefined) return db.call('interviews.updateTemplate', { id: input.id, name: input.name, questions, actorId: owner.id, now });
  return db.call('interviews.saveTemplate', { id: ctx.newId(), name: input.name, questions, actorId: owner.id, now });
}

export async function deleteTemplate(ctx: CoreContext, input: MethodParsedInput<'activity.interviewTemplates.delete'>): Promise<{ id: string }> {
  const { db } = ctx.vault.requireSession();
  await listTemplates(ctx);
  return db.call('interviews.deleteTemplate', input);
}

export async function startInterview(ctx: CoreContext, input: MethodParsedInput<'activity.interviews.start'>): Promise<Interview> {
  const { db, owner } = ctx.vault.requireSession();
  if (input.templateId !== undefined) await listTemplates(ctx);
  const now = ctx.clock.now().toISOString();
  const created = await db.call('interviews.start', {
    id: ctx.newId(),
    entryId: ctx.newId(),
    candidateId: input.candidateId,
    templateId: input.templateId ?? null,
    title: input.title ?? null,
    at: input.at ? new Date(input.at).toISOString() : now,
    actorId: owner.id,
    now,
  });
  ctx.events.emit('activity.changed', { candidateId: input.candidateId });
  return created;
}

export async function saveInterview(ctx: CoreContext, input: MethodParsedInput<'activity.interviews.save'>) {
  const { db, owner } = ctx.vault.requireSession();
  const saved = await db.call('interviews.save', {
    id: input.id,
    entryId: ctx.newId(),
    revision: input.revision,
    answers: input.answers,
    notes: input.notes,
    title: input.title,
    actorId: owner.id,
    now: ctx.clock.now().toISOString(),
  });
  ctx.events.emit('activity.changed', { candidateId: saved.candidateId });
  return { id: saved.id, revision: saved.revision, savedAt: saved.savedAt };
}
