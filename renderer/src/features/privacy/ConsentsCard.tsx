import { useState } from 'react';
import type { ConsentHolder, ConsentPurpose } from '../../../../shared/contract/privacy.ts';
import { ConsentPurposes } from '../../../../shared/contract/privacy.ts';
import { api } from '../../api/client.ts';
import { useUi } from '../../app/stores/ui.ts';
import { useI18n } from '../../i18n/index.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';

/** How many consent to each purpose now, and on request who. */
export function ConsentsCard({ counts }: { counts: Record<ConsentPurpose, number> }) {
  const i18n = useI18n();
  const { t } = i18n;
  const openPanel = useUi((s) => s.openPanel);
  const [shown, setShown] = useState<ConsentPurpose | null>(null);
  const [holders, setHolders] = useState<{ total: number; items: ConsentHolder[] } | null>(null);
  const [failure, setFailure] = useState<unknown>(null);

  const toggle = async (purpose: ConsentPurpose) => {
    if (shown === purpose) {
      setShown(null);
      return;
    }
    setShown(purpose);
    setHolders(null);
    setFailure(null);
    try {
      setHolders(await api().call('privacy.consents.holders', { purpose }));
    } catch (e) {
      setFailure(e);
    }
  };

  return (
    <section className="card" aria-labelledby="privacy-consents">
      <h2 id="privacy-consents">{t('privacy.consents.title')}</h2>
      <ul className="purpose-list">
        {ConsentPurposes.map((purpose) => (
          <li key={purpose}>
            <div className="purpose-row">
              <span>
                <strong>{t(`privacy.purpose.${purpose}`)}</strong> <span className="muted">{t('privacy.consents.count', { count: counts[purpose] })}</span>
              </span>
              <button
                type="button"
                className="small"
                aria-expanded={shown === purpose}
                aria-label={`${t(shown === purpose ? 'privacy.consents.hide' : 'privacy.consents.show')}: ${t(`privacy.purpose.${purpose}`)}`}
                disabled={counts[purpose] === 0}
                onClick={() => void toggle(purpose)}
              >
                {t(shown === purpose ? 'privacy.consents.hide' : 'privacy.consents.show')}
              </button>
            </div>
            {shown === purpose ? (
              failure ? (
                <ErrorAlert error={failure} />
              ) : holders ? (
                holders.items.length === 0 ? (
                  <p className="muted small">{t('privacy.consents.none')}</p>
                ) : (
                  <>
                    <ul>
                      {holders.items.map((h) => (
                        <li key={`${h.candidateId}/${h.scope?.clientId ?? ''}/${h.scope?.vacancyId ?? ''}`} className="small">
                          <button type="button" className="link" onClick={() => openPanel({ mode: 'view', id: h.candidateId })}>
                            {h.name}
                          </button>
                          {h.scope ? ` – ${h.scope.clientName ?? t('privacy.consents.client', { client: h.scope.clientId })}` : ''}
                          {h.scope?.vacancyId ? `, ${t('privacy.consents.vacancy', { vacancy: h.scope.vacancyTitle ?? h.scope.vacancyId })}` : ''} ·{' '}
                          {i18n.date(h.since.slice(0, 10))} · {t(`privacy.source.${h.source}`)}
                          {h.noticeVersion ? ` · ${h.noticeVersion}` : ''}
                        </li>
                      ))}
                    </ul>
                    {holders.total > holders.items.length ? (
                      <p className="muted small">{t('privacy.consents.more', { shown: holders.items.length, total: holders.total })}</p>
                    ) : null}
                  </>
                )
              ) : null
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
