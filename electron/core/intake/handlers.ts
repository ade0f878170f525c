import type { HandlerGroup } from '../rpc/handlers.ts';
import type { IntakeService } from './service.ts';
import { pageImage } from './page-image.ts';

/** The intake's part of the one table; the service holds the queue, so handlers close over it. */
export const intakeHandlers = (intake: IntakeService): HandlerGroup => ({
  'intake.submit': (input) => intake.submit(input),
  'intake.list': (input) => intake.list(input),
  'intake.get': (input) => intake.get(input.jobId),
  'intake.cancel': (input) => intake.cancel(input.jobId),
  'intake.retry': (input) => intake.retry(input.jobId),
  'intake.dismiss': (input) => intake.dismiss(input.jobIds),
  'intake.getDraft': (input) => intake.getDraft(input.jobId),
  'intake.getOriginal': (input) => intake.getOriginal(input.jobId),
  'intake.getPageImage': (input, ctx) => pageImage(ctx, input),
  'intake.mergePreview': (input) => intake.mergePreview(input),
  'intake.getSettings': () => intake.getSettings(),
  'intake.updateSettings': (input) => intake.updateSettings(input),
  'candidates.createFromDraft': (input) => intake.createFromDraft(input),
  'candidates.mergeDraft': (input) => intake.mergeDraft(input),
  'candidates.profile': (input) => intake.profile(input.id),
});
