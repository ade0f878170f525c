import type { MatchWeights, MethodParsedInput, PicturePatch, VacancyFields } from '../../../shared/contract/index.ts';
import type { CoreContext } from '../context.ts';

/** The candidate picture, vacancies, matching with its decision log, shortlists. */

const stamp = (ctx: CoreContext) => {
  const { db, owner } = ctx.vault.requireSession();
  return { db, actorId: owner.id, at: ctx.clock.now().toISOString() };
};

export function getPicture(ctx: CoreContext, candidateId: string) {
  return ctx.vault.requireSession().db.call('picture.get', { candidateId, today: ctx.clock.now().toISOString().slice(0, 10) });
}

export async function updatePicture(ctx: CoreContext, candidateId: string, patch: PicturePatch) {
  const { db, actorId, at } = stamp(ctx);
  const picture = await db.call('picture.update', { candidateId, patch, actorId, at });
  ctx.events.emit('candidates.changed', { id: candidateId, kind: 'updated' });
  return picture;
}

export function createVacancy(ctx: CoreContext, fields: VacancyFields) {
  const { db, actorId, at } = stamp(ctx);
  return db.call('vacancies.insert', { id: ctx.newId(), fields, actorId, at });
}

export function updateVacancy(ctx: CoreContext, input: MethodParsedInput<'vacancies.update'>) {
  const { db, actorId, at } = stamp(ctx);
  return db.call('vacancies.update', { ...input, actorId, at });
}

export function setVacancyWeights(ctx: CoreContext, id: string, weights: MatchWeights | null) {
  const { db, actorId, at } = stamp(ctx);
  return db.call('vacancies.setWeights', { id, weights, actorId, at });
}

export function runMatch(ctx: CoreContext, input: MethodParsedInput<'matching.run'>) {
  const { db, actorId, at } = stamp(ctx);
  return db.call('matching.run', { runId: ctx.newId(), vacancyId: input.vacancyId, limit: input.limit, weights: input.weights, actorId, at });
}

export async function decide(ctx: CoreContext, input: MethodParsedInput<'matching.decide'>) {
  const { db, actorId, at } = stamp(ctx);
  const entry = await db.call('matching.decide', { ...input, actorId, at });
  ctx.events.emit('candidates.changed', { id: input.candidateId, kind: 'updated' });
  return entry;
}

export function addToShortlist(ctx: CoreContext, input: MethodParsedInput<'shortlists.add'>) {
  const { db, actorId, at } = stamp(ctx);
  return db.call('shortlists.add', { ...input, runId: null, actorId, at });
}

export async function moveOnShortlist(ctx: CoreContext, input: MethodParsedInput<'shortlists.move'>) {
  const { db, actorId, at } = stamp(ctx);
  const list = await db.call('shortlists.move', { ...input, actorId, at });
  // A placement changes the candidate's availability.
  ctx.events.emit('candidates.changed', { id: input.candidateId, kind: 'updated' });
  return list;
}

export function removeFromShortlist(ctx: CoreContext, input: MethodParsedInput<'shortlists.remove'>) {
  const { db, actorId, at } = stamp(ctx);
  return db.call('shortlists.remove', { ...input, actorId, at });
}
