import { useEffect, useRef, useState } from 'react';
import { CallOutcomes, type CallOutcome, type Direction } from '../../../../shared/contract/activity.ts';
import { api } from '../../api/client.ts';
import { useToasts } from '../../app/stores/toasts.ts';
import { useI18n } from '../../i18n/index.ts';
import { CandidatePicker } from './CandidatePicker.tsx';
import { formatDuration, toLocalInput } from './format.ts';

/**
 * Logging a phone call, from anywhere (Alt+C): the timer starts when the dialog
 * opens, because the recruiter opens it as the phone rings.
 */
export function CallDialog({ candidateId, onClose }: { candidateId: string | null; onClose(): void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const ref = useRef<HTMLDialogElement>(null);
  const [openedAt] = useState(() => Date.now());
  const [candidate, setCandidate] = useState<{ id: string; name: string } | null>(null);
  const [at, setAt] = useState(() => toLocalInput(new Date()));
  const [direction, setDirection] = useState<Direction>('in');
  const [running, setRunning] = useState(true);
  const [elapsed, setElapsed] = useState(0);
  const [outcome, setOutcome] = useState<CallOutcome>('reached');
  const [minutes, setMinutes] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const notesRef = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    const opener = document.activeElement as HTMLElement | null;
    dialog?.showModal();
    return () => {
      dialog?.close();
      opener?.focus?.();
    };
  }, []);

  useEffect(() => {
    if (!candidateId) return;
    void api()
      .call('candidates.get', { id: candidateId })
      .then((c) => setCandidate({ id: c.id, name: c.name }));
  }, [candidateId]);

  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setElapsed(Math.round((Date.now() - openedAt) / 1000)), 500);
    return () => clearInterval(timer);
  }, [running, openedAt]);

  const save = async () => {
    if (!candidate) return setError(t('call.noCandidate'));
    setBusy(true);
    setError(null);
    try {
      const durationSec = running ? Math.round((Date.now() - openedAt) / 1000) : elapsed;
      await api().call('activity.calls.log', { candidateId: candidate.id, at: new Date(at).toISOString(), direction, durationSec, outcome, minutes });
      useToasts.getState().show({ tone: 'info', text: t('call.saved', { name: candidate.name }) });
      onClose();
    } catch (e) {
      setError(i18n.error(e));
      setBusy(false);
    }
  };

  return (
    <dialog
      ref={ref}
      className="activity-dialog"
      aria-labelledby="call-title"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <form
        className="activity-dialog-inner"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            void save();
          }
        }}
      >
        <header className="panel-head">
          <h2 id="call-title">{t('call.title')}</h2>
          <button type="button" className="ghost icon" aria-label={t('call.close')} onClick={onClose}>
            ×
          </button>
        </header>
        {candidate ? (
          <p className="call-candidate">
            <strong>{candidate.name}</strong>{' '}
            {candidateId ? null : (
              <button type="button" className="ghost small" onClick={() => setCandidate(null)}>
                {t('activity.edit')}
              </button>
            )}
          </p>
        ) : candidateId ? null : (
          <CandidatePicker id="call-candidate" label={t('call.candidate')} onPick={(c) => {
            setCandidate({ id: c.id, name: c.name });
            notesRef.current?.focus();
          }} />
        )}
        <div className="field-pair">
          <div className="field">
            <label htmlFor="call-at">{t('call.at')}</label>
            <input id="call-at" type="datetime-local" value={at} onChange={(e) => setAt(e.target.value)} required />
          </div>
          <fieldset className="field checks">
            <legend>{t('call.direction')}</legend>
            {(['in', 'out'] as const).map((d) => (
              <label key={d} className="check">
                <input type="radio" name="call-direction" checked={direction === d} onChange={() => setDirection(d)} /> {t(d === 'in' ? 'call.in' : 'call.out')}
              </label>
            ))}
          </fieldset>
        </div>
        <div className="field-pair">
          <div className="field">
            <span className="field-label">{t('call.timer')}</span>
            <div className="call-timer">
              <output aria-live="off" aria-label={t('activity.duration')}>
                {formatDuration(elapsed)}
              </output>
              <button type="button" onClick={() => setRunning((r) => !r)}>
                {running ? t('call.stop') : t('call.start')}
              </button>
            </div>
          </div>
          <div className="field">
            <label htmlFor="call-outcome">{t('call.outcome')}</label>
            <select id="call-outcome" value={outcome} onChange={(e) => setOutcome(e.target.value as CallOutcome)}>
              {CallOutcomes.map((o) => (
                <option key={o} value={o}>
                  {t(`activity.outcome.${o}`)}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="field">
          <label htmlFor="call-notes">{t('call.notes')}</label>
          <textarea id="call-notes" ref={notesRef} rows={5} value={minutes} onChange={(e) => setMinutes(e.target.value)} autoFocus={candidateId !== null} />
        </div>
        {error ? (
          <p className="alert error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="toolbar">
          <button type="submit" className="primary" disabled={busy} aria-keyshortcuts="Control+Enter">
            {t('call.save')}
          </button>
          <button type="button" onClick={onClose}>
            {t('activity.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
