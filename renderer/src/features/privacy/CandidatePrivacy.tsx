import { useState } from 'react';
import { api } from '../../api/client.ts';
import { useToasts } from '../../app/stores/toasts.ts';
import { useUi } from '../../app/stores/ui.ts';
import { useI18n } from '../../i18n/index.ts';
import { CandidateConsents } from './CandidateConsents.tsx';
import { EraseDialog } from './EraseDialog.tsx';
import { HoldForm } from './HoldForm.tsx';
import { OpenRequestForm } from './OpenRequestForm.tsx';
import { RequestActions } from './RequestActions.tsx';
import { channelLabel } from './labels.ts';
import { deadlineText, deadlineTone } from './deadline.ts';
import { downloadBase64, fileSize } from './download.ts';
import { useCandidatePrivacy } from './useCandidatePrivacy.ts';
import './privacy.css';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';

/** On the candidate screen: consents, rights requests, legal holds, the access export and erasure. */
export function CandidatePrivacy({ id, name }: { id: string; name: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { data, error, reload } = useCandidatePrivacy(id);
  const showToast = useToasts((s) => s.show);
  const closePanel = useUi((s) => s.closePanel);
  const [settingHold, setSettingHold] = useState(false);
  const [opening, setOpening] = useState(false);
  const [erasing, setErasing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);

  if (error && !data) {
    return (
      <section aria-labelledby="sec-privacy">
        <h3 id="sec-privacy">{t('privacy.section')}</h3>
        <ErrorAlert error={error} />
      </section>
    );
  }
  if (!data) return null;

  const run = async (call: () => Promise<string>) => {
    setBusy(true);
    setFailure(null);
    try {
      showToast({ tone: 'info', text: await call() });
      await reload();
    } catch (e) {
      setFailure(e);
    } finally {
      setBusy(false);
    }
  };

  const exportNow = () =>
    run(async () => {
      const zip = await api().call('privacy.export', { candidateId: id, locale: i18n.locale });
      downloadBase64(zip.fileName, zip.base64);
      return t('privacy.exported', { size: fileSize(zip.size, i18n.locale) });
    });

  const held = data.holds.length > 0;
  const open = data.requests.filter((r) => r.status === 'open');
  const closed = data.requests.filter((r) => r.status !== 'open');

  return (
    <section aria-labelledby="sec-privacy" className="candidate-privacy">
      <h3 id="sec-privacy">{t('privacy.section')}</h3>
      <CandidateConsents candidateId={id} data={data} onChanged={() => void reload()} />

      <h4>{t('privacy.requests.title')}</h4>
      {open.length === 0 ? <p className="muted small">{t('privacy.requests.none')}</p> : null}
      <ul className="purpose-list">
        {open.map((r) => (
          <li key={r.id} aria-label={t(`privacy.requests.kind.${r.kind}`)}>
            <div className="purpose-row">
              <div>
                <strong>{t(`privacy.requests.kind.${r.kind}`)}</strong>{' '}
                <span className={`deadline ${deadlineTone(r)}`}>{deadlineText(i18n, r)}</span>
                <div className="muted small">
                  {t('privacy.col.received')} {i18n.date(r.receivedOn)} ({channelLabel(i18n, r.channel)}) · {t('privacy.col.deadline')} {i18n.date(r.dueOn)}
                  {r.extension ? ` · ${t('privacy.requests.extended', { reason: t(`privacy.requests.extension.${r.extension.reason}`) })}` : ''}
                </div>
                {r.note ? <div className="small">{r.note}</div> : null}
              </div>
            </div>
            <RequestActions request={{ ...r, candidateName: name }} onChanged={() => void reload()} />
          </li>
        ))}
      </ul>
      {closed.length ? (
        <details>
          <summary className="small">{t('privacy.requests.history')}</summary>
          <ul>
            {closed.map((r) => (
              <li key={r.id} className="small">
                {t(`privacy.requests.kind.${r.kind}`)} ({i18n.date(r.receivedOn)}):{' '}
                {t(r.status === 'completed' ? 'privacy.requests.status.completed' : 'privacy.requests.status.rejected', {
                  date: i18n.date((r.closedAt ?? '').slice(0, 10)),
                })}
                {r.rejection ? ` – ${t(`privacy.requests.reason.${r.rejection.reason}`)}` : ''}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {opening ? (
        <OpenRequestForm
          candidateId={id}
          onDone={(saved) => {
            setOpening(false);
            if (saved) void reload();
          }}
        />
      ) : (
        <button type="button" onClick={() => setOpening(true)}>
          {t('privacy.requests.open')}
        </button>
      )}

      <h4>{t('privacy.holds.title')}</h4>
      {data.holds.length === 0 ? <p className="muted small">{t('privacy.holds.none')}</p> : null}
      <ul className="purpose-list">
        {data.holds.map((h) => (
          <li key={h.id}>
            <div className="purpose-row">
              <div>
                <span className="badge held">{t('privacy.holds.active', { until: h.until ? i18n.date(h.until) : t('privacy.holds.untilRelease') })}</span>{' '}
                {h.reason}
                <div className="muted small">
                  {t('privacy.col.setBy')}: {h.setBy.name}, {i18n.dateTime(h.setAt)}
                </div>
              </div>
              <button
                type="button"
                disabled={busy}
                onClick={() =>
                  void run(async () => {
                    await api().call('privacy.holds.release', { holdId: h.id });
                    return t('privacy.holds.released');
                  })
                }
              >
                {t('privacy.holds.release')}
              </button>
            </div>
          </li>
        ))}
      </ul>
      {settingHold ? (
        <HoldForm
          candidateId={id}
          title={t('privacy.holds.setFor', { name })}
          onDone={(saved) => {
            setSettingHold(false);
            if (saved) void reload();
          }}
        />
      ) : (
        <button type="button" onClick={() => setSettingHold(true)}>
          {t('privacy.holds.set')}
        </button>
      )}

      <div className="toolbar" style={{ marginTop: '1rem' }}>
        <button type="button" disabled={busy} onClick={() => void exportNow()}>
          {t('privacy.export')}
        </button>
        <button type="button" className="danger" disabled={held} aria-describedby={held ? 'erase-blocked' : undefined} onClick={() => setErasing(true)}>
          {t('privacy.erase')}
        </button>
      </div>
      {held ? (
        <p id="erase-blocked" className="muted small">
          {t('privacy.eraseBlocked')}
        </p>
      ) : null}
      <ErrorAlert error={failure} />
      {erasing ? (
        <EraseDialog
          candidateId={id}
          name={name}
          onClose={(erased) => {
            setErasing(false);
            if (erased) closePanel();
          }}
        />
      ) : null}
    </section>
  );
}
