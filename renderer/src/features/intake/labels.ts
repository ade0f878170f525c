import type { DuplicateReason, IntakeFailureCode, IntakeFormat, IntakeJob, IntakeState, MergeField } from '../../../../shared/contract/intake.ts';
import type { I18n } from '../../i18n/index.ts';
import type { MessageKey } from '../../i18n/nb.ts';

/** The words for the intake's states, reasons and fields: by code, never the core's English. */

export const stateKey = (state: IntakeState): MessageKey => `intake.state.${state}`;

export const reasonKey = (code: IntakeFailureCode): MessageKey => `intake.reason.${code}`;

export const duplicateReasonKey = (reason: DuplicateReason): MessageKey => `review.dupReason.${reason}`;

export const mergeFieldKey = (field: MergeField): MessageKey => `merge.field.${field}`;

export const FORMAT_NAMES: Record<IntakeFormat, string> = { pdf: 'PDF', docx: 'Word', jpeg: 'JPEG', png: 'PNG', tiff: 'TIFF' };

/** What a row says under the file name: the step it is at, or why it stopped. */
export function jobDetail(job: IntakeJob, i18n: I18n): string {
  const { t } = i18n;
  switch (job.state) {
    case 'reading':
      return job.page && job.pages ? t('intake.detail.readingPage', { page: job.page, pages: job.pages }) : t('intake.detail.reading');
    case 'ocr':
      return job.page && job.pages ? t('intake.detail.ocrPage', { page: job.page, pages: job.pages }) : t('intake.detail.ocr');
    case 'failed':
      return job.reasonCode ? t(reasonKey(job.reasonCode)) : t('intake.reason.error');
    case 'duplicate':
      return job.duplicateOf?.candidateId ? t('intake.detail.duplicateImported') : t('intake.detail.duplicateQueued');
    case 'review':
      return job.draftName || t('intake.detail.reviewNoName');
    case 'accepted':
      return job.autoAccepted
        ? t('intake.detail.autoAccepted')
        : job.outcome === 'merged'
          ? t('intake.detail.merged')
          : t('intake.detail.created');
    default:
      return t(stateKey(job.state));
  }
}

/** 0–100 for a determinate bar; null while there is nothing to measure yet. */
export function progressOf(job: IntakeJob): number | null {
  switch (job.state) {
    case 'queued':
      return 0;
    case 'reading':
    case 'ocr':
      return job.page && job.pages ? Math.round(5 + (85 * (job.page - (job.state === 'ocr' ? 0.5 : 0))) / job.pages) : null;
    case 'parsing':
      return 92;
    default:
      return 100;
  }
}

/** "120 kB", "1,5 MB": the units every language writes alike, the numbers as the locale writes them. */
export function formatSize(bytes: number, i18n: Pick<I18n, 'locale'>): string {
  const tag = i18n.locale === 'nb' ? 'nb-NO' : 'en-GB';
  const [value, unit] =
    bytes < 1024 ? [bytes, 'byte'] : bytes < 1024 * 1024 ? [Math.round(bytes / 1024), 'kilobyte'] : [Math.round(bytes / 104857.6) / 10, 'megabyte'];
  return new Intl.NumberFormat(tag, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 }).format(value);
}
