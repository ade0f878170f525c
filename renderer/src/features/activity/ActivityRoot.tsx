import { useEffect, useRef } from 'react';
import { api } from '../../api/client.ts';
import { useUi } from '../../app/stores/ui.ts';
import { useI18n } from '../../i18n/index.ts';
import { CallDialog } from './CallDialog.tsx';
import { CandidatePicker } from './CandidatePicker.tsx';
import { useActivityUi } from './store.ts';
import './activity.css';

/** Opens the call dialog for the candidate on screen, or for one to choose (Alt+C). */
export function openCallDialog(): void {
  const panel = useUi.getState().panel;
  useActivityUi.getState().openCall(panel && panel.mode !== 'create' ? panel.id : null);
}

/** Always mounted while the register is open: the call dialog and e-mails waiting for their candidate. */
export function ActivityRoot() {
  const call = useActivityUi((s) => s.call);
  const closeCall = useActivityUi((s) => s.closeCall);
  const unmatched = useActivityUi((s) => s.unmatched[0]);
  return (
    <>
      {call ? <CallDialog candidateId={call.candidateId} onClose={closeCall} /> : null}
      {unmatched && !call ? <UnmatchedMail key={unmatched.fileName} item={unmatched} /> : null}
    </>
  );
}

function UnmatchedMail({ item }: { item: ReturnType<typeof useActivityUi.getState>['unmatched'][number] }) {
  const { t } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  const drop = () => useActivityUi.getState().dropUnmatched(item.fileName);

  useEffect(() => {
    const dialog = ref.current;
    dialog?.showModal();
    return () => dialog?.close();
  }, []);

  const logOn = async (candidateId: string) => {
    await api().call('mail.import', { candidateId, files: [{ fileName: item.fileName, bytes: item.bytes }] });
    drop();
  };

  return (
    <dialog
      ref={ref}
      className="activity-dialog"
      aria-labelledby="unmatched-title"
      onCancel={(e) => {
        e.preventDefault();
        drop();
      }}
    >
      <div className="activity-dialog-inner">
        <h2 id="unmatched-title">{t('mail.unmatchedTitle')}</h2>
        <p>{t('mail.unmatchedText', { subject: item.result.subject || item.fileName, from: item.result.from || '?' })}</p>
        <CandidatePicker id="unmatched-candidate" label={t('mail.pickCandidate')} onPick={(c) => void logOn(c.id)} />
        <div className="toolbar">
          <button type="button" onClick={drop}>
            {t('mail.skip')}
          </button>
        </div>
      </div>
    </dialog>
  );
}
