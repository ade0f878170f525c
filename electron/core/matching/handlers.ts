import type { HandlerGroup } from '../rpc/handlers.ts';
import {
  addToShortlist,
  createVacancy,
  decide,
  getPicture,
  moveOnShortlist,
  removeFromShortlist,
  runMatch,
  setVacancyWeights,
  updatePicture,
  updateVacancy,
} from './service.ts';

export const matchingHandlers: HandlerGroup = {
  'picture.get': (input, ctx) => getPicture(ctx, input.candidateId),
  'picture.update': (input, ctx) => updatePicture(ctx, input.candidateId, input.patch),
  'vacancies.list': (input, ctx) => ctx.vault.requireSession().db.call('vacancies.list', input),
  'vacancies.get': (input, ctx) => ctx.vault.requireSession().db.call('vacancies.get', input),
  'vacancies.create': (input, ctx) => createVacancy(ctx, input),
  'vacancies.update': (input, ctx) => updateVacancy(ctx, input),
  'vacancies.setWeights': (input, ctx) => setVacancyWeights(ctx, input.id, input.weights),
  'matching.weights.get': (_, ctx) => ctx.vault.requireSession().db.call('matching.weights.get'),
  'matching.weights.set': (input, ctx) => ctx.vault.requireSession().db.call('matching.weights.set', input),
  'matching.run': (input, ctx) => runMatch(ctx, input),
  'matching.decide': (input, ctx) => decide(ctx, input),
  'matching.log': (input, ctx) => ctx.vault.requireSession().db.call('matching.log', input),
  'shortlists.get': (input, ctx) => ctx.vault.requireSession().db.call('shortlists.get', input),
  'shortlists.add': (input, ctx) => addToShortlist(ctx, input),
  'shortlists.move': (input, ctx) => moveOnShortlist(ctx, input),
  'shortlists.remove': (input, ctx) => removeFromShortlist(ctx, input),
};
