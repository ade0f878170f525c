import { useState } from 'react';
import type { RightsRequestChannel, RightsRequestKind } from '../../../../shared/contract/privacy.ts';
import { RightsRequestChannels, RightsRequestKinds } from '../../../../shared/contract/privacy.ts';
import { api } from '../../api/client.ts';
import { useToasts } from '../../app/stores/toasts.ts';
import { useI18n } from '../../i18n/index.ts';
import { Field } from '../../ui/Field.tsx';
import { channelLabel } from './labels.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';

/** Register a rights request as received: what, how, when (its deadline follows). */
export function OpenRequestForm({ candidateId, onDone }: { candidateId: string; onDone(saved: boolean): void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const showToast = useToasts((s) => s.show);
  const [kind, setKind] = useState<RightsRequestKind>('access');
  const [channel, setChannel] = useState<RightsRequestChannel>('email');
  const [receivedOn, setReceivedOn] = useState('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);

  const save = async () => {
    setBusy(true);
    setFailure(null);
    try {
      const r = await api().call('privacy.requests.open', {
        candidateId,
        kind,
        channel,
        ...(receivedOn ? { receivedOn } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
      });
      showToast({ tone: 'info', text: t('privacy.requests.opened', { date: i18n.date(r.dueOn) }) });
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
      aria-label={t('privacy.requests.open')}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <Field label={t('privacy.requests.kind')}>
        {(control) => (
          <select {...control} value={kind} autoFocus onChange={(e) => setKind(e.target.value as RightsRequestKind)}>
            {RightsRequestKinds.map((k) => (
              <option key={k} value={k}>
                {t(`privacy.requests.kind.${k}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="field-pair">
        <Field label={t('privacy.requests.channel')} className="narrow">
          {(control) => (
            <select {...control} value={channel} onChange={(e) => setChannel(e.target.value as RightsRequestChannel)}>
              {RightsRequestChannels.map((c) => (
                <option key={c} value={c}>
                  {channelLabel(i18n, c)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('privacy.requests.receivedOn')} className="narrow">
          {(control) => <input {...control} type="date" value={receivedOn} onChange={(e) => setReceivedOn(e.target.value)} />}
        </Field>
      </div>
      <Field label={t('privacy.requests.note')}>
        {(control) => <input {...control} value={note} onChange={(e) => setNote(e.target.value)} />}
      </Field>
      <p className="muted small">{t('privacy.requests.deadlineHint')}</p>
      <ErrorAlert error={failure} />
      <div className="toolbar">
        <button type="submit" className="primary" disabled={busy}>
          {t('privacy.requests.save')}
        </button>
        <button type="button" onClick={() => onDone(false)}>
          {t('privacy.holds.cancel')}
        </button>
      </div>
    </form>
  );
}
