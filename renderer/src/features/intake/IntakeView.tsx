import { useEffect, useMemo, useRef, useState } from 'react';
import { MAX_PAGES, type IntakeJob } from '../../../../shared/contract/intake.ts';
import { api } from '../../api/client.ts';
import { isTypingTarget } from '../../app/shortcuts.ts';
import { useToasts } from '../../app/stores/toasts.ts';
import { useI18n } from '../../i18n/index.ts';
import { openFilePicker } from './IntakeRoot.tsx';
import { FINISHED, JobRow } from './JobRow.tsx';
import { stateKey } from './labels.ts';
import { usePageImages } from './pageImages.ts';
import { ReviewScreen } from './ReviewScreen.tsx';
import { LOW_CONFIDENCE } from './reviewForm.ts';
import { LIST_LIMIT, reviewQueue, useIntake } from './store.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';

/** The totals shown at the top; the reading steps count as one. */
const TOTALS = [
  { key: 'queued', states: ['queued'] },
  { key: 'reading', states: ['reading', 'ocr', 'parsing'] },
  { key: 'review', states: ['review'] },
  { key: 'accepted', states: ['accepted'] },
  { key: 'failed', states: ['failed'] },
  { key: 'cancelled', states: ['cancelled'] },
  { key: 'duplicate', states: ['duplicate'] },
] as const;

/** The intake: files arriving, the review queue, and the review screen when a draft is open. */
export function IntakeView() {
  const reviewing = useIntake((s) => s.reviewing);
  return reviewing ? <ReviewScreen key={reviewing} jobId={reviewing} /> : <IntakeQueue />;
}

function IntakeQueue() {
  const i18n = useI18n();
  const { t } = i18n;
  const jobs = useIntake((s) => s.jobs);
  const order = useIntake((s) => s.order);
  const counts = useIntake((s) => s.counts);
  const total = useIntake((s) => s.total);
  const loaded = useIntake((s) => s.loaded);
  const error = useIntake((s) => s.error);
  const sending = useIntake((s) => s.sending);
  const sendError = useIntake((s) => s.sendError);
  const openReview = useIntake((s) => s.openReview);
  const queue = useMemo(() => reviewQueue({ jobs, order }), [jobs, order]);
  const rows = useMemo(() => order.map((id) => jobs[id]).filter((j): j is IntakeJob => !!j), [jobs, order]);
  const finished = rows.filter((j) => FINISHED.has(j.state));
  const [clearing, setClearing] = useState(false);
  const nextRef = useRef<HTMLButtonElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const first = queue[0];

  // The first CV's page is on its way before the recruiter opens it.
  useEffect(() => {
    if (first && first.format && first.format !== 'docx') usePageImages.getState().want(first.id, 1);
  }, [first]);

  useEffect(() => {
    // Back from a review: straight on to the next one with Enter.
    if (nextRef.current) nextRef.current.focus();
    else headingRef.current?.focus();
  }, []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.key !== 'Enter' || event.ctrlKey || event.metaKey || event.altKey || event.shiftKey) return;
      const target = event.target;
      // Enter on a button or link does what that says; elsewhere it opens the next CV to review.
      if (isTypingTarget(target) || (target instanceof HTMLElement && target.closest('button, a, [role="button"]'))) return;
      const next = reviewQueue(useIntake.getState())[0];
      if (!next) return;
      event.preventDefault();
      useIntake.getState().openReview(next.id);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const clearFinished = async () => {
    setClearing(true);
    try {
      const ids = finished.map((j) => j.id);
      for (let i = 0; i < ids.length; i += 1000) {
        const part = ids.slice(i, i + 1000);
        await api().call('intake.dismiss', { jobIds: part });
        useIntake.getState().removed(part);
      }
    } catch (e) {
      useToasts.getState().show({ tone: 'error', text: i18n.error(e) });
    } finally {
      setClearing(false);
    }
  };

  const totals = TOTALS.map((group) => ({ key: group.key, count: group.states.reduce((n, s) => n + counts[s], 0) })).filter(
    (g) => g.count > 0,
  );

  return (
    <section className="intake" aria-labelledby="intake-title">
      <div className="intake-head">
        <h1 id="intake-title" ref={headingRef} tabIndex={-1}>
          {t('intake.title')}
        </h1>
        {totals.length ? (
          <ul className="intake-totals" aria-label={t('intake.totals')}>
            {totals.map((g) => (
              <li key={g.key} className={`total state-${g.key}`}>
                <span className="total-count">{i18n.number(g.count)}</span> {t(stateKey(g.key))}
              </li>
            ))}
          </ul>
        ) : null}
        <button type="button" className="primary intake-pick" onClick={openFilePicker} aria-keyshortcuts="Control+O" title="Ctrl+O">
          {t('intake.pick')}
        </button>
      </div>

      {sending ? (
        <div className="intake-sending" role="status">
          <span>{t('intake.sending', { sent: sending.sent, total: sending.total })}</span>
          <progress max={sending.total} value={sending.sent} aria-hidden="true" />
        </div>
      ) : null}
      {sendError ? (
        <p className="alert error" role="alert">
          {t('intake.sendFailed')} {i18n.error(sendError)}
        </p>
      ) : null}
      <ErrorAlert error={error} />

      {loaded && rows.length === 0 && !sending ? (
        <button type="button" className="intake-empty" onClick={openFilePicker}>
          <span className="intake-empty-title">{t('intake.emptyTitle')}</span>
          <span className="intake-empty-hint">{t('intake.emptyHint', { mb: 25, pages: MAX_PAGES })}</span>
        </button>
      ) : null}

      {queue.length > 0 ? (
        <section className="card review-queue" aria-labelledby="review-queue-title">
          <div className="card-head">
            <h2 id="review-queue-title">
              {t('intake.queueTitle')} <span className="count-pill">{i18n.number(queue.length)}</span>
            </h2>
            {first ? (
              <button type="button" ref={nextRef} className="primary" onClick={() => openReview(first.id)}>
                {t('intake.reviewNext')} <kbd>Enter</kbd>
              </button>
            ) : null}
          </div>
          <ol className="queue-list">
            {queue.slice(0, 50).map((job) => (
              <li key={job.id}>
                <button type="button" className="queue-item" onClick={() => openReview(job.id)}>
                  <span className="queue-name">{job.draftName || t('review.noName')}</span>
                  <span className="queue-file">{job.fileName}</span>
                  <span className="queue-flags">
                    {job.possibleDuplicates > 0 ? (
                      <span className="flag warn">{i18n.plural('intake.flag.duplicates', job.possibleDuplicates)}</span>
                    ) : null}
                    {job.minConfidence !== null && job.minConfidence < LOW_CONFIDENCE ? (
                      <span className="flag">{t('intake.flag.unsure')}</span>
                    ) : null}
                  </span>
                </button>
              </li>
            ))}
          </ol>
          {queue.length > 50 ? <p className="muted small">{t('intake.queueMore', { n: queue.length - 50 })}</p> : null}
        </section>
      ) : null}

      {rows.length > 0 ? (
        <section className="card files" aria-labelledby="files-title">
          <div className="card-head">
            <h2 id="files-title">{t('intake.filesTitle')}</h2>
            {finished.length > 0 ? (
              <button type="button" className="small" disabled={clearing} onClick={() => void clearFinished()}>
                {t('intake.clearFinished', { n: finished.length })}
              </button>
            ) : null}
          </div>
          <ul className="job-list" aria-label={t('intake.filesTitle')}>
            {rows.map((job) => (
              <JobRow key={job.id} job={job} />
            ))}
          </ul>
          {total > rows.length && rows.length >= LIST_LIMIT ? (
            <p className="muted small">{t('intake.listLimited', { shown: rows.length, total })}</p>
          ) : null}
        </section>
      ) : null}
    </section>
  );
}
