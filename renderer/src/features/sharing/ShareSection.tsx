import { useCallback, useEffect, useState } from 'react';
import type { ClientConnection, OutboxItem, ShareMode, SharePreview } from '../../../../shared/contract/sharing.ts';
import type { VacancySummary } from '../../../../shared/contract/matching.ts';
import { api } from '../../api/client.ts';
import { useToasts } from '../../app/stores/toasts.ts';
import { useI18n } from '../../i18n/index.ts';
import { Field } from '../../ui/Field.tsx';
import { refusalsOf, refusalText, transferText } from './labels.ts';
import { ModeField, ProfileDocument, RefusalReason } from './SharePieces.tsx';
import './sharing.css';

/**
 * "Share with client" on the candidate screen: choose the client (and vacancy),
 * see exactly what would leave, then queue it. Refused without consent, with the reason.
 */
export function ShareSection({ candidateId }: { candidateId: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const showToast = useToasts((s) => s.show);
  const [open, setOpen] = useState(false);
  const [connections, setConnections] = useState<ClientConnection[] | null>(null);
  const [items, setItems] = useState<OutboxItem[]>([]);
  const [clientId, setClientId] = useState('');
  const [vacancyId, setVacancyId] = useState('');
  const [vacancies, setVacancies] = useState<VacancySummary[]>([]);
  const [mode, setMode] = useState<ShareMode>('full');
  const [preview, setPreview] = useState<SharePreview | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const reload = useCallback(async () => {
    try {
      const list = await api().call('sharing.outbox.list', { candidateId, limit: 50 });
      setItems(list.items);
    } catch {
      // The section stays usable without its history.
    }
  }, [candidateId]);

  useEffect(() => {
    void reload();
    return api().on('sharing.outbox', () => void reload());
  }, [reload]);

  // The chosen client's open vacancies: a share is for one of them, or for none in particular.
  useEffect(() => {
    if (!open || !clientId) return;
    let live = true;
    api()
      .call('vacancies.list', { clientId, status: 'open' })
      .then(
        (list) => live && setVacancies(list),
        () => live && setVacancies([]),
      );
    return () => {
      live = false;
    };
  }, [open, clientId]);

  const start = async () => {
    setOpen(true);
    setPreview(null);
    setFailure(null);
    try {
      const list = await api().call('sharing.connections.list', {});
      setConnections(list);
      const first = list[0];
      if (first && !list.some((c) => c.clientId === clientId)) {
        setClientId(first.clientId);
        setMode(first.mode);
      }
    } catch (e) {
      setFailure(e);
    }
  };

  const input = () => ({ candidateIds: [candidateId], clientId, mode, ...(vacancyId ? { vacancyId } : {}) });

  const showPreview = async () => {
    setBusy(true);
    setFailure(null);
    try {
      setPreview(await api().call('sharing.preview', input()));
    } catch (e) {
      setFailure(e);
    } finally {
      setBusy(false);
    }
  };

  const confirm = async () => {
    setBusy(true);
    setFailure(null);
    try {
      await api().call('sharing.share', input());
      const name = connections?.find((c) => c.clientId === clientId)?.clientName ?? '';
      showToast({ tone: 'info', text: t('sharing.share.queued', { client: name }) });
      setOpen(false);
      setPreview(null);
      void reload();
    } catch (e) {
      setFailure(e);
    } finally {
      setBusy(false);
    }
  };

  const item = preview?.items[0];
  const connection = connections?.find((c) => c.clientId === clientId) ?? null;
  const refusals = refusalsOf(failure);

  return (
    <section aria-labelledby={`sec-sharing-${candidateId}`} className="share-section">
      <h3 id={`sec-sharing-${candidateId}`}>{t('sharing.share.title')}</h3>
      {!open ? (
        <div className="toolbar">
          <button type="button" onClick={() => void start()}>
            {t('sharing.share.open')}
          </button>
        </div>
      ) : connections && connections.length === 0 ? (
        <p className="alert note">{t('sharing.share.noConnections')}</p>
      ) : (
        <form
          className="subform"
          aria-label={t('sharing.share.open')}
          onSubmit={(e) => {
            e.preventDefault();
            void showPreview();
          }}
        >
          <div className="share-row">
            <Field label={t('sharing.share.client')} className="narrow">
              {(control) => (
                <select
                  {...control}
                  value={clientId}
                  onChange={(e) => {
                    setClientId(e.target.value);
                    setVacancyId('');
                    setMode(connections?.find((c) => c.clientId === e.target.value)?.mode ?? 'full');
                    setPreview(null);
                  }}
                >
                  {(connections ?? []).map((c) => (
                    <option key={c.clientId} value={c.clientId}>
                      {c.clientName}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label={t('sharing.share.vacancy')} className="narrow">
              {(control) => (
                <select
                  {...control}
                  value={vacancyId}
                  onChange={(e) => {
                    setVacancyId(e.target.value);
                    setPreview(null);
                  }}
                >
                  <option value="">{t('sharing.share.noVacancy')}</option>
                  {vacancies.map((v) => (
                    <option key={v.id} value={v.id}>
                      {v.title}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <ModeField
              value={mode}
              onChange={(m) => {
                setMode(m);
                setPreview(null);
              }}
            />
          </div>
          <div className="toolbar">
            <button type="submit" disabled={busy || !clientId}>
              {t('sharing.share.preview')}
            </button>
            <button type="button" onClick={() => setOpen(false)}>
              {t('sharing.form.cancel')}
            </button>
          </div>
        </form>
      )}

      {failure ? (
        <p className="alert error" role="alert">
          {refusals.length ? refusals.map((r) => refusalText(i18n, r)).join(' ') : i18n.error(failure)}
        </p>
      ) : null}

      {open && preview && item ? (
        item.refusal ? (
          <div className="alert error" role="alert">
            <RefusalReason refusal={item.refusal} transfer={preview.transfer} />
          </div>
        ) : item.document ? (
          <div className="share-preview" role="region" aria-label={t('sharing.share.preview')}>
            <p>{t('sharing.share.whatLeaves', { client: connection?.clientName ?? '' })}</p>
            {preview.transfer ? <p className="muted small">{transferText(i18n, preview.transfer)}</p> : null}
            <ProfileDocument document={item.document} />
            <div className="toolbar">
              <button type="button" className="primary" disabled={busy} onClick={() => void confirm()}>
                {t('sharing.share.confirm')}
              </button>
            </div>
          </div>
        ) : null
      ) : null}

      <h4>{t('sharing.share.history')}</h4>
      {items.length === 0 ? (
        <p className="muted">{t('sharing.share.none')}</p>
      ) : (
        <ul className="share-history">
          {items.map((i) => (
            <li key={i.id}>
              <strong>{i.clientName}</strong>
              {i.vacancyId ? <span className="muted"> · {i.vacancyTitle ?? i.vacancyId}</span> : null}{' '}
              <span className={`badge share-${i.status}`}>{t(`sharing.status.${i.status}`)}</span>{' '}
              <span className="muted small">{i18n.dateTime(i.deliveredAt ?? i.createdAt)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
