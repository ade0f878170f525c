import { useState } from 'react';
import { api } from '../../api/client.ts';
import { useToasts } from '../../app/stores/toasts.ts';
import { useI18n } from '../../i18n/index.ts';
import { Field } from '../../ui/Field.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';

/** Reason and last day of a legal hold on one candidate. */
export function HoldForm({ candidateId, title, onDone }: { candidateId: string; title: string; onDone(saved: boolean): void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const showToast = useToasts((s) => s.show);
  const [reason, setReason] = useState('');
  const [until, setUntil] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const save = async () => {
    if (!reason.trim()) {
      setError(t('invalid.required'));
      return;
    }
    setError(null);
    setBusy(true);
    setFailure(null);
    try {
      await api().call('privacy.holds.set', { candidateId, reason: reason.trim(), until: until || null });
      showToast({ tone: 'info', text: t('privacy.holds.saved') });
      onDone(true);
    } catch (e) {
      setFailure(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="subform"
      aria-label={title}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <Field label={t('privacy.holds.reason')} hint={t('privacy.holds.reasonHint')} error={error}>
        {(control) => <input {...control} value={reason} autoFocus onChange={(e) => setReason(e.target.value)} />}
      </Field>
      <Field label={t('privacy.holds.until')} hint={t('privacy.holds.untilHint')} className="narrow">
        {(control) => <input {...control} type="date" value={until} onChange={(e) => setUntil(e.target.value)} />}
      </Field>
      <ErrorAlert error={failure} />
      <div className="toolbar">
        <button type="submit" className="primary" disabled={busy}>
          {t('privacy.holds.save')}
        </button>
        <button type="button" onClick={() => onDone(false)}>
          {t('privacy.holds.cancel')}
        </button>
      </div>
    </form>
  );
}
