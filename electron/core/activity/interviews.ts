import type { Interview, InterviewTemplate, MethodParsedInput } from '../../../shared/contract/index.ts';
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

export async function listTemplates(ctx: CoreContext): Promise<InterviewTemplate[]> {
  const { db, owner } = ctx.vault.requireSession();
  const templates = await db.call('interviews.templates');
  if (templates.length > 0) return templates;
  await db.call('interviews.saveTemplate', { ...STANDARD_TEMPLATE, actorId: owner.id, now: ctx.clock.now().toISOString() });
  return db.call('interviews.templates');
}

export function saveTemplate(ctx: CoreContext, input: MethodParsedInput<'activity.interviewTemplates.save'>): Promise<InterviewTemplate> {
  const { db, owner } = ctx.vault.requireSession();
  return db.call('interviews.saveTemplate', {
    id: input.id ?? ctx.newId(),
    name: input.name,
    questions: input.questions,
    actorId: owner.id,
    now: ctx.clock.now().toISOString(),
  });
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
