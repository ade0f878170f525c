import type { HandlerGroup } from '../rpc/handlers.ts';
import { deleteTemplate, listTemplates, saveInterview, saveTemplate, startInterview } from './interviews.ts';
import { addReference, listReferences, removeReference, updateReference } from './references.ts';
import { entryHistory, getEntry, importSms, logCall, logSms, search, timeline, updateEntry } from './service.ts';

export const activityHandlers: HandlerGroup = {
  'activity.timeline': (input, ctx) => timeline(ctx, input),
  'activity.search': (input, ctx) => search(ctx, input),
  'activity.get': (input, ctx) => getEntry(ctx, input.id),
  'activity.history': (input, ctx) => entryHistory(ctx, input.id),
  'activity.calls.log': (input, ctx) => logCall(ctx, input),
  'activity.sms.log': (input, ctx) => logSms(ctx, input),
  'activity.sms.import': (input, ctx) => importSms(ctx, input.csv),
  'activity.update': (input, ctx) => updateEntry(ctx, input),
  'activity.references.list': (input, ctx) => listReferences(ctx, input.candidateId),
  'activity.references.add': (input, ctx) => addReference(ctx, input),
  'activity.references.update': (input, ctx) => updateReference(ctx, input),
  'activity.references.remove': (input, ctx) => removeReference(ctx, input.id),
  'activity.interviewTemplates.list': (_input, ctx) => listTemplates(ctx),
  'activity.interviewTemplates.save': (input, ctx) => saveTemplate(ctx, input),
  'activity.interviewTemplates.delete': (input, ctx) => deleteTemplate(ctx, input),
  'activity.interviews.list': (input, ctx) => ctx.vault.requireSession().db.call('interviews.list', input),
  'activity.interviews.get': (input, ctx) => ctx.vault.requireSession().db.call('interviews.get', input),
  'activity.interviews.start': (input, ctx) => startInterview(ctx, input),
  'activity.interviews.save': (input, ctx) => saveInterview(ctx, input),
};
