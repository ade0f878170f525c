import { useEffect, useRef, useState } from 'react';
import type { ErasureReason } from '../../../../shared/contract/privacy.ts';
import { api } from '../../api/client.ts';
import { useToasts } from '../../app/stores/toasts.ts';
import { useI18n } from '../../i18n/index.ts';
import { Field } from '../../ui/Field.tsx';
import './privacy.css';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';

const REASONS: Exclude<ErasureReason, 'retention'>[] = ['request', 'consentWithdrawn', 'noLongerNeeded', 'unlawful'];

interface Props {
  candidateId: string;
  name: string;
  /** The erasure request this answers (completed with it). */
  request?: { id: string; receivedOn: string } | undefined;
  onClose(erased: boolean): void;
}

/** Saying what goes, and asking for the name typed out: erasure cannot be undone. */
export function EraseDialog({ candidateId, name, request, onClose }: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  const ref = useRef<HTMLDialogElement>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const showToast = useToasts((s) => s.show);
  const [typed, setTyped] = useState('');
  const [reason, setReason] = useState<Exclude<ErasureReason, 'retention'>>('request');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const matches = typed.trim().toLocaleLowerCase() === name.trim().toLocaleLowerCase();

  useEffect(() => {
    const dialog = ref.current;
    const opener = document.activeElement as HTMLElement | null;
    dialog?.showModal();
    // Only once the dialog is open can its field take the focus (showModal would give it to the first control).
    nameRef.current?.focus();
    return () => {
      dialog?.close();
      opener?.focus?.();
    };
  }, []);

  const erase = async () => {
    if (!matches) return;
    setBusy(true);
    setFailure(null);
    try {
      await api().call('privacy.erase', { candidateId, reason, ...(request ? { requestId: request.id } : {}) });
      showToast({ tone: 'info', text: t('privacy.erase.done', { name }) });
      onClose(true);
    } catch (e) {
      setFailure(e);
      setBusy(false);
    }
  };

  return (
    <dialog
      ref={ref}
      className="erase"
      aria-labelledby="erase-title"
      aria-describedby="erase-intro"
      onCancel={(e) => {
        e.preventDefault();
        if (!busy) onClose(false);
      }}
      // The workspace closes the side panel on Escape; here Escape only closes this dialog.
      onKeyDown={(e) => {
        if (e.key === 'Escape') e.stopPropagation();
      }}
    >
      <form
        className="erase-inner"
        onSubmit={(e) => {
          e.preventDefault();
          void erase();
        }}
      >
        <h2 id="erase-title">{t('privacy.erase.title', { name })}</h2>
        <p id="erase-intro">{t('privacy.erase.intro')}</p>
        <ul>
          <li>{t('privacy.erase.what.record')}</li>
          <li>{t('privacy.erase.what.documents')}</li>
          <li>{t('privacy.erase.what.profile')}</li>
          <li>{t('privacy.erase.what.consents')}</li>
          <li>{t('privacy.erase.what.other')}</li>
        </ul>
        <p className="muted small">{t('privacy.erase.keeps')}</p>
        {request ? <p className="alert note">{t('privacy.erase.forRequest', { date: i18n.date(request.receivedOn) })}</p> : null}
        <Field label={t('privacy.erase.reason')} className="narrow">
          {(control) => (
            <select {...control} value={reason} onChange={(e) => setReason(e.target.value as typeof reason)}>
              {REASONS.map((r) => (
                <option key={r} value={r}>
                  {t(`privacy.erase.reason.${r}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('privacy.erase.type', { name })}>
          {(control) => (
            <input {...control} ref={nameRef} value={typed} autoComplete="off" spellCheck={false} onChange={(e) => setTyped(e.target.value)} />
          )}
        </Field>
        <ErrorAlert error={failure} />
        <div className="toolbar">
          <button type="submit" className="danger solid" disabled={!matches || busy}>
            {t('privacy.erase.confirm')}
          </button>
          <button type="button" onClick={() => onClose(false)} disabled={busy}>
            {t('privacy.erase.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
