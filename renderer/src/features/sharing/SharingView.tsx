import { useCallback, useEffect, useRef, useState } from 'react';
import type { ClientSummary } from '../../../../shared/contract/clients.ts';
import type { ClientConnection, OutboxItem, OutboxStatus } from '../../../../shared/contract/sharing.ts';
import { OutboxStatuses } from '../../../../shared/contract/sharing.ts';
import { api } from '../../api/client.ts';
import { ApiError } from '../../api/errors.ts';
import { useToasts } from '../../app/stores/toasts.ts';
import { useI18n } from '../../i18n/index.ts';
import { Field } from '../../ui/Field.tsx';
import { ConnectionForm } from './ConnectionForm.tsx';
import { transferText } from './labels.ts';
import './sharing.css';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';

/** The sharing screen: client connections and the outbox with each item's status. */
export function SharingView() {
  const { t } = useI18n();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <section className="sharing" aria-labelledby="sharing-title">
      <h1 id="sharing-title" ref={headingRef} tabIndex={-1}>
        {t('sharing.title')}
      </h1>
      <ConnectionsCard />
      <OutboxCard />
    </section>
  );
}

function ConnectionsCard() {
  const i18n = useI18n();
  const { t } = i18n;
  const showToast = useToasts((s) => s.show);
  const [connections, setConnections] = useState<ClientConnection[] | null>(null);
  const [clients, setClients] = useState<ClientSummary[]>([]);
  const [editing, setEditing] = useState<ClientConnection | 'new' | null>(null);
  const [failure, setFailure] = useState<unknown>(null);

  const reload = useCallback(async () => {
    try {
      const [list, all] = await Promise.all([api().call('sharing.connections.list', {}), api().call('clients.list', { limit: 500 })]);
      setConnections(list);
      setClients(all.items);
      setFailure(null);
    } catch (e) {
      setFailure(e);
    }
  }, []);
  useEffect(() => void reload(), [reload]);

  const unconnected = clients.filter((c) => !connections?.some((k) => k.clientId === c.id));

  // Refused (CONFLICT) while items for the client wait in the outbox: the message says so.
  const remove = async (c: ClientConnection) => {
    try {
      await api().call('sharing.connections.remove', { clientId: c.clientId });
      showToast({ tone: 'info', text: t('sharing.connections.removed', { client: c.clientName }) });
      await reload();
    } catch (e) {
      setFailure(e instanceof ApiError && e.code === 'CONFLICT' ? new ApiError('CONFLICT', t('sharing.connections.busy')) : e);
    }
  };

  return (
    <section className="card" aria-labelledby="sharing-connections">
      <div className="card-head">
        <h2 id="sharing-connections">{t('sharing.connections.title')}</h2>
        {editing === null ? (
          <button type="button" onClick={() => setEditing('new')} disabled={unconnected.length === 0}>
            {t('sharing.connections.add')}
          </button>
        ) : null}
      </div>
      <p className="muted small">{t('sharing.connections.intro')}</p>
      {failure ? (
        <p className="alert error" role="alert">
          {failure instanceof ApiError && failure.code === 'CONFLICT' ? failure.message : i18n.error(failure)}
        </p>
      ) : null}
      {editing === 'new' ? (
        unconnected.length ? (
          <ConnectionForm
            existing={null}
            clients={unconnected}
            onCancel={() => setEditing(null)}
            onSaved={(c) => {
              setEditing(null);
              showToast({ tone: 'info', text: t('sharing.connections.saved', { client: c.clientName }) });
              void reload();
            }}
          />
        ) : (
          <p className="alert note">{t('sharing.connections.noClients')}</p>
        )
      ) : null}
      {!connections ? (
        <p className="muted">{t('sharing.loading')}</p>
      ) : connections.length === 0 ? (
        <p className="muted">{t('sharing.connections.none')}</p>
      ) : (
        <table className="sharing-table">
          <thead>
            <tr>
              <th scope="col">{t('sharing.col.client')}</th>
              <th scope="col">{t('sharing.col.endpoint')}</th>
              <th scope="col">{t('sharing.col.basis')}</th>
              <th scope="col">{t('sharing.col.mode')}</th>
              <th scope="col">
                <span className="sr-only">{t('sharing.connections.edit')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {connections.map((c) => (
              <tr key={c.clientId}>
                <th scope="row">{c.clientName}</th>
                <td className="endpoint">{c.endpoint}</td>
                <td className={c.transfer.allowed ? '' : 'blocked'}>{transferText(i18n, c.transfer)}</td>
                <td>{t(`sharing.mode.${c.mode}`)}</td>
                <td className="actions">
                  <button type="button" aria-label={`${t('sharing.connections.edit')}: ${c.clientName}`} onClick={() => setEditing(c)}>
                    {t('sharing.connections.edit')}
                  </button>
                  <button type="button" aria-label={`${t('sharing.connections.remove')}: ${c.clientName}`} onClick={() => void remove(c)}>
                    {t('sharing.connections.remove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {editing !== null && editing !== 'new' ? (
        <ConnectionForm
          existing={editing}
          clients={clients.filter((c) => c.id === editing.clientId)}
          onCancel={() => setEditing(null)}
          onSaved={(c) => {
            setEditing(null);
            showToast({ tone: 'info', text: t('sharing.connections.saved', { client: c.clientName }) });
            void reload();
          }}
        />
      ) : null}
    </section>
  );
}

function OutboxCard() {
  const i18n = useI18n();
  const { t } = i18n;
  const [status, setStatus] = useState<OutboxStatus | ''>('');
  const [page, setPage] = useState<{ total: number; items: OutboxItem[]; counts: Record<OutboxStatus, number> } | null>(null);
  const [failure, setFailure] = useState<unknown>(null);

  const reload = useCallback(async () => {
    try {
      setPage(await api().call('sharing.outbox.list', { limit: 200, ...(status ? { status } : {}) }));
      setFailure(null);
    } catch (e) {
      setFailure(e);
    }
  }, [status]);

  useEffect(() => {
    void reload();
    // Many items change at once while the sender drains: refresh at most a few times a second.
    let pending: ReturnType<typeof setTimeout> | null = null;
    const off = api().on('sharing.outbox', () => {
      pending ??= setTimeout(() => {
        pending = null;
        void reload();
      }, 250);
    });
    return () => {
      off();
      if (pending) clearTimeout(pending);
    };
  }, [reload]);

  const act = async (call: () => Promise<unknown>) => {
    try {
      await call();
      await reload();
    } catch (e) {
      setFailure(e);
    }
  };

  const counts = page?.counts;
  return (
    <section className="card" aria-labelledby="sharing-outbox">
      <div className="card-head">
        <h2 id="sharing-outbox">{t('sharing.outbox.title')}</h2>
        {counts ? (
          <span className="muted small" role="status">
            {t('sharing.outbox.counts', {
              queued: counts.queued,
              delivered: counts.delivered,
              other: counts.withheld + counts.blocked + counts.failed + counts.cancelled,
            })}
          </span>
        ) : null}
      </div>
      <p className="muted small">{t('sharing.outbox.intro')}</p>
      <Field label={t('sharing.outbox.filter')} className="narrow">
        {(control) => (
          <select {...control} value={status} onChange={(e) => setStatus(e.target.value as OutboxStatus | '')}>
            <option value="">{t('sharing.outbox.all')}</option>
            {OutboxStatuses.map((s) => (
              <option key={s} value={s}>
                {t(`sharing.status.${s}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <ErrorAlert error={failure} />
      {!page ? (
        <p className="muted">{t('sharing.loading')}</p>
      ) : page.items.length === 0 ? (
        <p className="muted">{t('sharing.outbox.empty')}</p>
      ) : (
        <table className="sharing-table" aria-label={t('sharing.outbox.title')}>
          <thead>
            <tr>
              <th scope="col">{t('sharing.col.when')}</th>
              <th scope="col">{t('sharing.col.candidate')}</th>
              <th scope="col">{t('sharing.col.client')}</th>
              <th scope="col">{t('sharing.col.kind')}</th>
              <th scope="col">{t('sharing.col.status')}</th>
              <th scope="col">{t('sharing.col.attempts')}</th>
              <th scope="col">{t('sharing.col.note')}</th>
              <th scope="col">
                <span className="sr-only">{t('sharing.outbox.retry')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {page.items.map((i) => (
              <tr key={i.id}>
                <td>{i18n.shortMoment(i.deliveredAt ?? i.createdAt)}</td>
                <td>{i.candidateName ?? <span className="muted">{t('sharing.outbox.erased')}</span>}</td>
                <td>
                  {i.clientName}
                  {i.vacancyId ? <span className="muted"> · {i.vacancyTitle ?? i.vacancyId}</span> : null}
                </td>
                <td>{t(`sharing.kind.${i.kind}`)}</td>
                <td>
                  <span className={`badge share-${i.status}`}>{t(`sharing.status.${i.status}`)}</span>
                </td>
                <td>{i.attempts}</td>
                <td className="small">
                  {i.lastError ?? ''}
                  {i.nextAttemptAt && i.attempts > 0 ? <div className="muted">{t('sharing.outbox.nextAttempt', { when: i18n.shortMoment(i.nextAttemptAt) })}</div> : null}
                </td>
                <td className="actions">
                  {['queued', 'failed', 'blocked'].includes(i.status) ? (
                    <button type="button" onClick={() => void act(() => api().call('sharing.outbox.retry', { id: i.id }))}>
                      {t('sharing.outbox.retry')}
                    </button>
                  ) : null}
                  {i.kind === 'profile' && ['queued', 'failed', 'blocked'].includes(i.status) ? (
                    <button type="button" onClick={() => void act(() => api().call('sharing.outbox.cancel', { id: i.id }))}>
                      {t('sharing.outbox.cancel')}
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
