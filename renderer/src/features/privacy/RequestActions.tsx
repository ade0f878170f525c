import { useState } from 'react';
import type { ExtensionReason, RejectionReason, RightsRequest } from '../../../../shared/contract/privacy.ts';
import { ExtensionReasons, RejectionReasons, REQUEST_EXTENSION_MAX_DAYS } from '../../../../shared/contract/privacy.ts';
import { api } from '../../api/client.ts';
import { useToasts } from '../../app/stores/toasts.ts';
import { useI18n } from '../../i18n/index.ts';
import { Field } from '../../ui/Field.tsx';
import { EraseDialog } from './EraseDialog.tsx';
import { downloadBase64, fileSize } from './download.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';

const addDays = (day: string, days: number) => new Date(Date.parse(day) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * What can be done with an open request: answer it (with the export or the
 * erasure where that is the answer), refuse it with a reason, or extend it once.
 */
export function RequestActions({ request, onChanged }: { request: RightsRequest; onChanged(): void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const showToast = useToasts((s) => s.show);
  const [mode, setMode] = useState<'none' | 'reject' | 'extend' | 'erase'>('none');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [rejectReason, setRejectReason] = useState<RejectionReason>('manifestlyUnfounded');
  const [rejectNote, setRejectNote] = useState('');
  const latest = addDays(request.originalDueOn, REQUEST_EXTENSION_MAX_DAYS);
  const [extendTo, setExtendTo] = useState(latest);
  const [extendReason, setExtendReason] = useState<ExtensionReason>('complexity');
  const label = t(`privacy.requests.kind.${request.kind}`);

  const run = async (action: () => Promise<string>) => {
    setBusy(true);
    setFailure(null);
    try {
      const text = await action();
      showToast({ tone: 'info', text });
      setMode('none');
      onChanged();
    } catch (e) {
      setFailure(e);
    } finally {
      setBusy(false);
    }
  };

  const exportNow = () =>
    run(async () => {
      const zip = await api().call('privacy.export', { candidateId: request.candidateId, locale: i18n.locale, requestId: request.id });
      downloadBase64(zip.fileName, zip.base64);
      return t('privacy.exported', { size: fileSize(zip.size, i18n.locale) });
    });

  const canExport = !request.candidateErased && (request.kind === 'access' || request.kind === 'portability');
  const canErase = !request.candidateErased && request.candidateName !== null && request.kind === 'erasure';
  const canExtend = !request.extension && request.daysLeft >= 0 && request.dueOn === request.originalDueOn;

  return (
    <div>
      <div className="toolbar">
        {canExport ? (
          <button type="button" disabled={busy} onClick={() => void exportNow()}>
            {t('privacy.requests.export')}
          </button>
        ) : null}
        {canErase ? (
          <button type="button" className="danger" disabled={busy} onClick={() => setMode('erase')}>
            {t('privacy.requests.erase')}
          </button>
        ) : null}
        <button
          type="button"
          disabled={busy}
          aria-label={`${t('privacy.requests.complete')}: ${label}`}
          onClick={() => void run(async () => (await api().call('privacy.requests.complete', { requestId: request.id }), t('privacy.requests.completed')))}
        >
          {t('privacy.requests.complete')}
        </button>
        <button type="button" disabled={busy} aria-expanded={mode === 'reject'} onClick={() => setMode(mode === 'reject' ? 'none' : 'reject')}>
          {t('privacy.requests.reject')}
        </button>
        {canExtend ? (
          <button type="button" disabled={busy} aria-expanded={mode === 'extend'} onClick={() => setMode(mode === 'extend' ? 'none' : 'extend')}>
            {t('privacy.requests.extend')}
          </button>
        ) : null}
      </div>
      {mode === 'reject' ? (
        <form
          className="subform"
          aria-label={t('privacy.requests.rejectConfirm')}
          onSubmit={(e) => {
            e.preventDefault();
            void run(async () => {
              await api().call('privacy.requests.reject', {
                requestId: request.id,
                reason: rejectReason,
                ...(rejectNote.trim() ? { note: rejectNote.trim() } : {}),
              });
              return t('privacy.requests.rejected');
            });
          }}
        >
          <Field label={t('privacy.requests.rejectReason')}>
            {(control) => (
              <select {...control} value={rejectReason} autoFocus onChange={(e) => setRejectReason(e.target.value as RejectionReason)}>
                {RejectionReasons.map((r) => (
                  <option key={r} value={r}>
                    {t(`privacy.requests.reason.${r}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('privacy.requests.rejectNote')}>
            {(control) => <input {...control} value={rejectNote} onChange={(e) => setRejectNote(e.target.value)} />}
          </Field>
          <div className="toolbar">
            <button type="submit" className="danger" disabled={busy}>
              {t('privacy.requests.rejectConfirm')}
            </button>
            <button type="button" onClick={() => setMode('none')}>
              {t('privacy.holds.cancel')}
            </button>
          </div>
        </form>
      ) : null}
      {mode === 'extend' ? (
        <form
          className="subform"
          aria-label={t('privacy.requests.extend')}
          onSubmit={(e) => {
            e.preventDefault();
            void run(async () => {
              const r = await api().call('privacy.requests.extend', { requestId: request.id, dueOn: extendTo, reason: extendReason });
              return t('privacy.requests.extendedTo', { date: i18n.date(r.dueOn) });
            });
          }}
        >
          <Field label={t('privacy.requests.extendTo')} hint={t('privacy.requests.extendHint', { date: i18n.date(request.originalDueOn) })} className="narrow">
            {(control) => (
              <input
                {...control}
                type="date"
                value={extendTo}
                min={addDays(request.originalDueOn, 1)}
                max={latest}
                autoFocus
                onChange={(e) => setExtendTo(e.target.value)}
              />
            )}
          </Field>
          <Field label={t('privacy.requests.extendReason')} className="narrow">
            {(control) => (
              <select {...control} value={extendReason} onChange={(e) => setExtendReason(e.target.value as ExtensionReason)}>
                {ExtensionReasons.map((r) => (
                  <option key={r} value={r}>
                    {t(`privacy.requests.extension.${r}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <div className="toolbar">
            <button type="submit" className="primary" disabled={busy}>
              {t('privacy.requests.extendConfirm')}
            </button>
            <button type="button" onClick={() => setMode('none')}>
              {t('privacy.holds.cancel')}
            </button>
          </div>
        </form>
      ) : null}
      <ErrorAlert error={failure} />
      {mode === 'erase' && request.candidateName ? (
        <EraseDialog
          candidateId={request.candidateId}
          name={request.candidateName}
          request={{ id: request.id, receivedOn: request.receivedOn }}
          onClose={(erased) => {
            setMode('none');
            if (erased) onChanged();
          }}
        />
      ) : null}
    </div>
  );
}
