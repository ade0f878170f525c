import { useState } from 'react';
import type { ConsentPurpose, ConsentSource, SimplePurpose } from '../../../../shared/contract/privacy.ts';
import { ConsentSources } from '../../../../shared/contract/privacy.ts';
import { api } from '../../api/client.ts';
import { useToasts } from '../../app/stores/toasts.ts';
import { useI18n } from '../../i18n/index.ts';
import { Field } from '../../ui/Field.tsx';
import type { CandidatePrivacyData } from './useCandidatePrivacy.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';

const SIMPLE: SimplePurpose[] = ['recruitment', 'keepForFuture', 'marketingEmail', 'contactReferences'];

/** The candidate's consent per purpose now, with the notice shown, and grant or withdraw. */
export function CandidateConsents({ candidateId, data, onChanged }: { candidateId: string; data: CandidatePrivacyData; onChanged(): void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const showToast = useToasts((s) => s.show);
  const [granting, setGranting] = useState<ConsentPurpose | null>(null);
  const [clientId, setClientId] = useState('');
  const [clientError, setClientError] = useState<string | null>(null);
  const [withdrawing, setWithdrawing] = useState<{ purpose: SimplePurpose | 'shareWithClient'; clientId?: string; vacancyId?: string } | null>(null);
  const [source, setSource] = useState<ConsentSource>('form');
  const [version, setVersion] = useState(data.policies[0]?.version ?? '');
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [versionError, setVersionError] = useState<string | null>(null);

  const stateOf = (purpose: SimplePurpose) => data.current.states.find((s) => s.purpose === purpose && s.scope === null);
  const eventById = new Map(data.events.map((e) => [e.id, e]));
  const publishedVersions = new Set(data.policies.map((p) => p.version));

  const act = async (call: () => Promise<unknown>, done: string) => {
    setBusy(true);
    setFailure(null);
    try {
      await call();
      showToast({ tone: 'info', text: done });
      setGranting(null);
      setWithdrawing(null);
      onChanged();
    } catch (e) {
      setFailure(e);
    } finally {
      setBusy(false);
    }
  };

  const grant = (purpose: ConsentPurpose) => {
    if (purpose === 'shareWithClient' && !clientId) {
      setClientError(t('invalid.required'));
      return;
    }
    setClientError(null);
    if (!version.trim()) {
      setVersionError(t('invalid.required'));
      return;
    }
    if (!text.trim() && !publishedVersions.has(version.trim())) {
      setVersionError(t('privacy.consent.noticeTextHint'));
      return;
    }
    setVersionError(null);
    void act(
      () =>
        api().call('privacy.consents.grant', {
          candidateId,
          purpose,
          ...(purpose === 'shareWithClient' ? { clientId } : {}),
          source,
          notice: { version: version.trim(), ...(text.trim() ? { text } : {}) },
        }),
      t('privacy.consent.saved'),
    );
  };

  const sourceSelect = (label: string) => (
    <Field label={label} className="narrow">
      {(control) => (
        <select {...control} value={source} onChange={(e) => setSource(e.target.value as ConsentSource)}>
          {ConsentSources.map((s) => (
            <option key={s} value={s}>
              {t(`privacy.source.${s}`)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );

  const grantForm = (purpose: ConsentPurpose, name: string) => (
    <form
      className="subform"
      aria-label={`${t('privacy.consent.grant')}: ${name}`}
      onSubmit={(e) => {
        e.preventDefault();
        grant(purpose);
      }}
    >
      {purpose === 'shareWithClient' ? (
        <Field label={t('privacy.consent.client')} error={clientError} className="narrow">
          {(control) => (
            <select {...control} value={clientId} onChange={(e) => setClientId(e.target.value)}>
              <option value="">–</option>
              {[...data.clients].map(([id, clientName]) => (
                <option key={id} value={id}>
                  {clientName}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : null}
      {sourceSelect(t('privacy.consent.source'))}
      <Field label={t('privacy.consent.noticeVersion')} error={versionError} className="narrow">
        {(control) => (
          <input {...control} value={version} list={`versions-${candidateId}`} onChange={(e) => setVersion(e.target.value)} />
        )}
      </Field>
      <datalist id={`versions-${candidateId}`}>
        {data.policies.map((p) => (
          <option key={p.version} value={p.version} />
        ))}
      </datalist>
      <Field label={t('privacy.consent.noticeText')} hint={t('privacy.consent.noticeTextHint')}>
        {(control) => <textarea {...control} rows={4} value={text} onChange={(e) => setText(e.target.value)} />}
      </Field>
      <div className="toolbar">
        <button type="submit" className="primary" disabled={busy}>
          {t('privacy.consent.save')}
        </button>
        <button type="button" onClick={() => setGranting(null)}>
          {t('privacy.holds.cancel')}
        </button>
      </div>
    </form>
  );

  return (
    <div>
      <h4>{t('privacy.consent.current')}</h4>
      <ul className="purpose-list">
        {SIMPLE.map((purpose) => {
          const state = stateOf(purpose);
          const event = state ? eventById.get(state.eventId) : undefined;
          const name = t(`privacy.purpose.${purpose}`);
          const status = !state ? 'never' : state.granted ? 'granted' : 'withdrawn';
          return (
            <li key={purpose} aria-label={name}>
              <div className="purpose-row">
                <div>
                  <strong>{name}</strong>{' '}
                  <span className={`badge ${status}`}>
                    {t(status === 'never' ? 'privacy.consent.never' : status === 'granted' ? 'privacy.consent.granted' : 'privacy.consent.withdrawn')}
                  </span>
                  {state ? (
                    <div className="muted small">
                      {t('privacy.consent.since', {
                        state: t(state.granted ? 'privacy.consent.granted' : 'privacy.consent.withdrawn'),
                        date: i18n.dateTime(state.since),
                        source: t(`privacy.source.${state.source}`),
                      })}
                    </div>
                  ) : null}
                  {event?.notice ? (
                    <details>
                      <summary className="small">{t('privacy.consent.notice', { version: event.notice.version })}</summary>
                      <p className="notice-text">{event.notice.text}</p>
                    </details>
                  ) : null}
                </div>
                <div className="toolbar">
                  {state?.granted ? (
                    <button
                      type="button"
                      aria-label={`${t('privacy.consent.withdraw')}: ${name}`}
                      aria-expanded={withdrawing?.purpose === purpose}
                      onClick={() => setWithdrawing(withdrawing?.purpose === purpose ? null : { purpose })}
                    >
                      {t('privacy.consent.withdraw')}
                    </button>
                  ) : (
                    <button
                      type="button"
                      aria-label={`${t('privacy.consent.grant')}: ${name}`}
                      aria-expanded={granting === purpose}
                      onClick={() => setGranting(granting === purpose ? null : purpose)}
                    >
                      {t('privacy.consent.grant')}
                    </button>
                  )}
                </div>
              </div>
              {granting === purpose ? grantForm(purpose, name) : null}
              {withdrawing?.purpose === purpose ? (
                <form
                  className="subform"
                  aria-label={`${t('privacy.consent.withdraw')}: ${name}`}
                  onSubmit={(e) => {
                    e.preventDefault();
                    void act(() => api().call('privacy.consents.withdraw', { candidateId, purpose, source }), t('privacy.consent.withdrawnNow'));
                  }}
                >
                  {sourceSelect(t('privacy.consent.withdrawSource'))}
                  <div className="toolbar">
                    <button type="submit" className="danger" disabled={busy}>
                      {t('privacy.consent.withdraw')}
                    </button>
                    <button type="button" onClick={() => setWithdrawing(null)}>
                      {t('privacy.holds.cancel')}
                    </button>
                  </div>
                </form>
              ) : null}
            </li>
          );
        })}
        <li aria-label={t('privacy.consent.sharing')}>
          <div className="purpose-row">
            <strong>{t('privacy.consent.sharing')}</strong>
            <button
              type="button"
              aria-label={`${t('privacy.consent.grant')}: ${t('privacy.consent.sharing')}`}
              aria-expanded={granting === 'shareWithClient'}
              disabled={data.clients.size === 0}
              onClick={() => setGranting(granting === 'shareWithClient' ? null : 'shareWithClient')}
            >
              {t('privacy.consent.grant')}
            </button>
          </div>
          {granting === 'shareWithClient' ? grantForm('shareWithClient', t('privacy.consent.sharing')) : null}
          {data.current.sharing.length === 0 ? (
            <p className="muted small">{t('privacy.consent.sharingNone')}</p>
          ) : (
            <ul>
              {data.current.sharing.map((s) => (
                <li key={`${s.clientId}/${s.vacancyId ?? ''}`}>
                  {data.clients.get(s.clientId) ?? t('privacy.consents.client', { client: s.clientId })}
                  {s.vacancyId ? `, ${t('privacy.consents.vacancy', { vacancy: s.vacancyTitle ?? s.vacancyId })}` : ''} · {i18n.date(s.since.slice(0, 10))}{' '}
                  <button
                    type="button"
                    className="small"
                    disabled={busy}
                    onClick={() =>
                      void act(
                        () =>
                          api().call('privacy.consents.withdraw', {
                            candidateId,
                            purpose: 'shareWithClient',
                            clientId: s.clientId,
                            ...(s.vacancyId ? { vacancyId: s.vacancyId } : {}),
                            source,
                          }),
                        t('privacy.consent.withdrawnNow'),
                      )
                    }
                  >
                    {t('privacy.consent.withdraw')}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </li>
      </ul>
      <ErrorAlert error={failure} />
    </div>
  );
}
