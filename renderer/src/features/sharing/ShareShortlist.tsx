import { useEffect, useMemo, useRef, useState } from 'react';
import type { ShortlistEntry } from '../../../../shared/contract/matching.ts';
import type { ClientConnection, OutboxItem, ShareMode, SharePreview, SharePreviewItem } from '../../../../shared/contract/sharing.ts';
import { api } from '../../api/client.ts';
import { useI18n } from '../../i18n/index.ts';
import { refusalsOf, transferText } from './labels.ts';
import { ModeField, ProfileFields, ProfileJson, RefusalReason } from './SharePieces.tsx';
import './sharing.css';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';

interface Result {
  queued: OutboxItem[];
  refused: Pick<SharePreviewItem, 'candidateId' | 'refusal'>[];
}

/**
 * "Share the shortlist with the client" on a vacancy: every candidate on the
 * shortlist (not the rejected ones) with exactly what would leave, or why it may
 * not (no consent to sharing with this client, …). The consented ones are queued;
 * the rest are listed with the reason.
 */
export function ShareShortlist({ vacancyId, entries }: { vacancyId: string; entries: ShortlistEntry[] }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [open, setOpen] = useState(false);
  const [client, setClient] = useState<{ id: string; name: string } | null>(null);
  const [connection, setConnection] = useState<ClientConnection | null | undefined>(undefined);
  const [mode, setMode] = useState<ShareMode>('full');
  const [preview, setPreview] = useState<SharePreview | null>(null);
  const [left, setLeft] = useState<Set<string>>(new Set());
  const [result, setResult] = useState<Result | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  const openRef = useRef<HTMLButtonElement>(null);

  const candidates = useMemo(() => entries.filter((e) => e.stage !== 'rejected'), [entries]);
  const rejected = entries.length - candidates.length;
  const names = useMemo(() => new Map(entries.map((e) => [e.candidateId, e.candidateName])), [entries]);
  const ids = candidates.map((e) => e.candidateId).join(',');

  const start = async () => {
    setOpen(true);
    setResult(null);
    setFailure(null);
    setPreview(null);
    setLeft(new Set());
    try {
      const vacancy = await api().call('vacancies.get', { id: vacancyId });
      setClient({ id: vacancy.clientId, name: vacancy.clientName });
      const { connection: found } = await api().call('sharing.connections.get', { clientId: vacancy.clientId });
      setConnection(found);
      if (found) setMode(found.mode);
    } catch (e) {
      setFailure(e);
    }
  };

  // Focus follows the panel: its heading when it opens, the result once shared, the action once closed.
  const wasOpen = useRef(false);
  useEffect(() => {
    if (open) headingRef.current?.focus();
    else if (wasOpen.current) openRef.current?.focus();
    wasOpen.current = open;
  }, [open, client]);
  useEffect(() => {
    if (result) resultRef.current?.focus();
  }, [result]);

  // The preview follows the shortlist and the chosen mode while the panel is open.
  useEffect(() => {
    if (!open || !client || !connection || !ids || result) return;
    let live = true;
    setBusy(true);
    api()
      .call('sharing.preview', { candidateIds: ids.split(','), clientId: client.id, vacancyId, mode })
      .then(
        (p) => live && setPreview(p),
        (e: unknown) => live && setFailure(e),
      )
      .finally(() => live && setBusy(false));
    return () => {
      live = false;
      setBusy(false);
    };
  }, [open, client, connection, ids, mode, vacancyId, result]);

  const items = preview?.items ?? [];
  const sendable = items.filter((i) => i.document && !left.has(i.candidateId));
  const blocked = items.filter((i) => i.refusal);
  const firstDocument = items.find((i) => i.document)?.document ?? null;
  const transferBlocked = preview?.transfer && !preview.transfer.allowed ? preview.transfer : null;

  const confirm = async () => {
    if (!client) return;
    setBusy(true);
    setFailure(null);
    // The blocked ones go too: the core decides again now and names each refusal in the result.
    const chosen = items.filter((i) => !left.has(i.candidateId)).map((i) => i.candidateId);
    try {
      const done = await api().call('sharing.share', { candidateIds: chosen, clientId: client.id, vacancyId, mode, allowPartial: true });
      setResult(done);
    } catch (e) {
      // Nothing could be queued: the refusals come in the error's details.
      const refused = (e as { details?: { refused?: Result['refused'] } }).details?.refused;
      if (refusalsOf(e).length && refused) setResult({ queued: [], refused });
      else setFailure(e);
    } finally {
      setBusy(false);
    }
  };

  const close = () => {
    setOpen(false);
    setPreview(null);
    setResult(null);
  };

  if (!open) {
    return (
      <div className="toolbar">
        <button type="button" ref={openRef} onClick={() => void start()} disabled={candidates.length === 0}>
          {t('sharing.shortlist.open')}
        </button>
      </div>
    );
  }

  return (
    <section className="share-shortlist" aria-labelledby="share-shortlist-title">
      <h3 id="share-shortlist-title" ref={headingRef} tabIndex={-1}>
        {client ? t('sharing.shortlist.title', { client: client.name }) : t('sharing.shortlist.open')}
      </h3>
      <ErrorAlert error={failure} />
      {connection === null && client ? <p className="alert note">{t('sharing.shortlist.noConnection', { client: client.name })}</p> : null}

      {result ? (
        <div className="share-result" role="status" tabIndex={-1} ref={resultRef} aria-labelledby="share-result-title">
          <h4 id="share-result-title">{t('sharing.shortlist.resultTitle')}</h4>
          <p>
            <strong>{i18n.plural('sharing.shortlist.resultQueued', result.queued.length, { client: client?.name ?? '' })}</strong>
          </p>
          {result.queued.length ? (
            <ul className="share-candidates">
              {result.queued.map((q) => (
                <li key={q.id}>
                  {q.candidateName ?? names.get(q.candidateId ?? '') ?? ''} <span className="badge share-queued">{t('sharing.status.queued')}</span>
                </li>
              ))}
            </ul>
          ) : null}
          {result.refused.length ? <p>{i18n.plural('sharing.shortlist.resultBlocked', result.refused.length)}</p> : null}
          {result.refused.length ? (
            <ul className="share-candidates">
              {result.refused.map((r) => (
                <li key={r.candidateId}>
                  <strong>{names.get(r.candidateId) ?? r.candidateId}</strong> <span className="badge share-blocked">{t('sharing.shortlist.blocked')}</span>
                  {r.refusal ? (
                    <div className="share-reason">
                      <RefusalReason refusal={r.refusal} transfer={null} />
                    </div>
                  ) : null}
                </li>
              ))}
            </ul>
          ) : null}
          <div className="toolbar">
            <button type="button" onClick={close}>
              {t('sharing.shortlist.close')}
            </button>
          </div>
        </div>
      ) : connection ? (
        <>
          <p className="small">{t('sharing.shortlist.intro')}</p>
          <div className="share-row">
            <ModeField
              value={mode}
              onChange={(m) => {
                setMode(m);
                setPreview(null);
              }}
            />
          </div>
          {transferBlocked ? (
            <p className="alert error" role="alert">
              {transferText(i18n, transferBlocked)}
            </p>
          ) : preview?.transfer ? (
            <p className="muted small">
              {t('sharing.share.whatLeaves', { client: client?.name ?? '' })} {transferText(i18n, preview.transfer)}
            </p>
          ) : null}
          {firstDocument ? <ProfileFields document={firstDocument} /> : null}
          {rejected ? <p className="muted small">{i18n.plural('sharing.shortlist.rejectedLeftOut', rejected)}</p> : null}
          {!preview ? (
            <p className="muted">{t('sharing.loading')}</p>
          ) : (
            <ul className="share-candidates" aria-label={t('sharing.shortlist.candidates')}>
              {items.map((i) => {
                const name = names.get(i.candidateId) ?? i.candidateId;
                return (
                  <li key={i.candidateId} className={i.refusal ? 'refused' : undefined}>
                    {i.document ? (
                      <>
                        <label className="share-include">
                          <input
                            type="checkbox"
                            checked={!left.has(i.candidateId)}
                            onChange={(e) => {
                              const next = new Set(left);
                              if (e.target.checked) next.delete(i.candidateId);
                              else next.add(i.candidateId);
                              setLeft(next);
                            }}
                          />{' '}
                          <strong>{name}</strong>
                        </label>{' '}
                        <span className="badge share-delivered">{t('sharing.shortlist.canSend')}</span>
                        <details>
                          <summary>{t('sharing.shortlist.showDocument', { name })}</summary>
                          <ProfileJson document={i.document} label={t('sharing.shortlist.showDocument', { name })} />
                        </details>
                      </>
                    ) : (
                      <>
                        <strong>{name}</strong> <span className="badge share-blocked">{t('sharing.shortlist.blocked')}</span>
                        {i.refusal && !transferBlocked ? (
                          <div className="share-reason">
                            <RefusalReason refusal={i.refusal} transfer={preview.transfer} />
                          </div>
                        ) : null}
                      </>
                    )}
                  </li>
                );
              })}
            </ul>
          )}
          <div className="toolbar">
            <button type="button" className="primary" disabled={busy || !preview || sendable.length === 0} onClick={() => void confirm()}>
              {i18n.plural('sharing.shortlist.confirm', sendable.length)}
            </button>
            <button type="button" onClick={close}>
              {t('sharing.form.cancel')}
            </button>
            {preview && blocked.length ? <span className="muted small">{i18n.plural('sharing.shortlist.blockedCount', blocked.length)}</span> : null}
          </div>
        </>
      ) : (
        <div className="toolbar">
          <button type="button" onClick={close}>
            {t('sharing.shortlist.close')}
          </button>
        </div>
      )}
    </section>
  );
}
