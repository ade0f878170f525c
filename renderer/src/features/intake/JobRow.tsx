import { memo, useState } from 'react';
import type { IntakeJob } from '../../../../shared/contract/intake.ts';
import { api } from '../../api/client.ts';
import { useToasts } from '../../app/stores/toasts.ts';
import { useUi } from '../../app/stores/ui.ts';
import { useI18n } from '../../i18n/index.ts';
import { FORMAT_NAMES, formatSize, jobDetail, progressOf, stateKey } from './labels.ts';
import { useIntake } from './store.ts';

const ACTIVE = new Set(['queued', 'reading', 'ocr', 'parsing']);
export const FINISHED = new Set(['failed', 'cancelled', 'duplicate', 'accepted']);
/** Reasons another attempt can change; a damaged or unsupported file stays what it is. */
const PASSING = new Set(['timeout', 'outOfMemory', 'crashed', 'error']);

const retryable = (job: IntakeJob) =>
  !!job.sha256 && !!job.format && (job.state === 'cancelled' || (job.state === 'failed' && (!job.reasonCode || PASSING.has(job.reasonCode))));

/**
 * One dropped file: its name, where it is in the queue, and what can be done with it now.
 * Memoised: a large drop sends many events, and only the row whose job changed re-renders.
 */
export const JobRow = memo(function JobRow({ job }: { job: IntakeJob }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [busy, setBusy] = useState(false);
  const openPanel = useUi((s) => s.openPanel);
  const openReview = useIntake((s) => s.openReview);
  const active = ACTIVE.has(job.state);
  const progress = progressOf(job);
  const candidateId = job.state === 'accepted' ? job.candidateId : job.state === 'duplicate' ? (job.duplicateOf?.candidateId ?? null) : null;

  const act = async (action: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await action();
    } catch (error) {
      useToasts.getState().show({ tone: 'error', text: i18n.error(error) });
    } finally {
      setBusy(false);
    }
  };

  const meta = [job.format ? FORMAT_NAMES[job.format] : null, formatSize(job.size, i18n)].filter(Boolean).join(' · ');
  const detail = jobDetail(job, i18n);

  return (
    <li className={`job state-${job.state}`} aria-label={job.fileName}>
      <div className="job-file">
        <span className="job-name" title={job.fileName}>
          {job.fileName}
        </span>
        <span className="job-meta">{meta}</span>
      </div>
      <div className="job-status">
        <div className="job-status-line">
          <span className={`state-badge state-${job.state}`}>{t(stateKey(job.state))}</span>
          {detail !== t(stateKey(job.state)) ? <span className="job-detail">{detail}</span> : null}
        </div>
        {active ? (
          progress === null ? (
            <progress className="job-progress" aria-label={t('intake.progressOf', { name: job.fileName })} />
          ) : (
            <progress className="job-progress" max={100} value={progress} aria-label={t('intake.progressOf', { name: job.fileName })} />
          )
        ) : null}
      </div>
      <div className="job-actions">
        {job.state === 'review' ? (
          <button type="button" className="small primary" onClick={() => openReview(job.id)}>
            {t('intake.action.review')}
          </button>
        ) : null}
        {candidateId ? (
          <button type="button" className="small link-button" onClick={() => openPanel({ mode: 'view', id: candidateId })}>
            {t('intake.action.showCandidate')}
          </button>
        ) : null}
        {active ? (
          <button type="button" className="small" disabled={busy} onClick={() => void act(() => api().call('intake.cancel', { jobId: job.id }))}>
            {t('intake.action.cancel')}
          </button>
        ) : null}
        {retryable(job) ? (
          <button type="button" className="small" disabled={busy} onClick={() => void act(() => api().call('intake.retry', { jobId: job.id }))}>
            {t('intake.action.retry')}
          </button>
        ) : null}
        {FINISHED.has(job.state) ? (
          <button
            type="button"
            className="small ghost"
            disabled={busy}
            aria-label={t('intake.action.dismissFile', { name: job.fileName })}
            onClick={() =>
              void act(async () => {
                await api().call('intake.dismiss', { jobIds: [job.id] });
                useIntake.getState().removed([job.id]);
              })
            }
          >
            {t('intake.action.dismiss')}
          </button>
        ) : null}
      </div>
    </li>
  );
});
