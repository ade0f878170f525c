import { Fragment, useState } from 'react';
import type { PrivacyOverview } from '../../../../shared/contract/privacy.ts';
import { api } from '../../api/client.ts';
import { useToasts } from '../../app/stores/toasts.ts';
import { useUi } from '../../app/stores/ui.ts';
import { useI18n } from '../../i18n/index.ts';
import { HoldForm } from './HoldForm.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';

function CandidateLink({ id, name }: { id: string; name: string }) {
  const openPanel = useUi((s) => s.openPanel);
  return (
    <button type="button" className="link" onClick={() => openPanel({ mode: 'view', id })}>
      {name}
    </button>
  );
}

/** Who the retention job erases within 30 days; a hold keeps them, and can be set from here. */
export function UpcomingCard({ upcoming, onChanged }: { upcoming: PrivacyOverview['upcoming']; onChanged(): void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [holding, setHolding] = useState<string | null>(null);
  const today = new Date().toISOString();
  return (
    <section className="card" aria-labelledby="privacy-upcoming">
      <h2 id="privacy-upcoming">{t('privacy.upcoming.title')}</h2>
      {upcoming.length === 0 ? (
        <p className="muted">{t('privacy.upcoming.none')}</p>
      ) : (
        <table className="privacy-table">
          <thead>
            <tr>
              <th scope="col">{t('privacy.col.candidate')}</th>
              <th scope="col">{t('privacy.col.due')}</th>
              <th scope="col">{t('privacy.col.basis')}</th>
              <th scope="col">{t('privacy.col.contact')}</th>
              <th scope="col">{t('privacy.col.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {upcoming.map((u) => (
              <Fragment key={u.candidateId}>
                <tr>
                  <td>
                    <CandidateLink id={u.candidateId} name={u.name} />{' '}
                    {u.status === 'inactive' ? <span className="badge inactive">{t('status.inactive')}</span> : null}
                  </td>
                  <td>
                    {t(u.dueAt < today ? 'privacy.upcoming.overdue' : 'privacy.upcoming.due', { date: i18n.date(u.dueAt.slice(0, 10)) })}
                    {u.held ? (
                      <div>
                        <span className="badge held">{t('privacy.upcoming.held')}</span>
                      </div>
                    ) : null}
                  </td>
                  <td className="small">
                    {t(u.keepConsent ? 'privacy.upcoming.keep' : 'privacy.upcoming.noKeep', { months: u.limitMonths })}
                  </td>
                  <td className="small">{[u.email, u.phone].filter(Boolean).join(' · ')}</td>
                  <td className="actions">
                    {!u.held ? (
                      <button
                        type="button"
                        aria-expanded={holding === u.candidateId}
                        aria-label={t('privacy.holds.setFor', { name: u.name })}
                        onClick={() => setHolding(holding === u.candidateId ? null : u.candidateId)}
                      >
                        {t('privacy.holds.set')}
                      </button>
                    ) : null}
                  </td>
                </tr>
                {holding === u.candidateId ? (
                  <tr>
                    <td colSpan={5}>
                      <HoldForm
                        candidateId={u.candidateId}
                        title={t('privacy.holds.setFor', { name: u.name })}
                        onDone={(saved) => {
                          setHolding(null);
                          if (saved) onChanged();
                        }}
                      />
                    </td>
                  </tr>
                ) : null}
              </Fragment>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** Legal holds in force, with their reason and last day; released from here. */
export function HoldsCard({ holds, onChanged }: { holds: PrivacyOverview['holds']; onChanged(): void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const showToast = useToasts((s) => s.show);
  const [failure, setFailure] = useState<unknown>(null);
  const release = async (holdId: string) => {
    setFailure(null);
    try {
      await api().call('privacy.holds.release', { holdId });
      showToast({ tone: 'info', text: t('privacy.holds.released') });
      onChanged();
    } catch (e) {
      setFailure(e);
    }
  };
  return (
    <section className="card" aria-labelledby="privacy-holds">
      <h2 id="privacy-holds">{t('privacy.holds.title')}</h2>
      {holds.length === 0 ? (
        <p className="muted">{t('privacy.holds.none')}</p>
      ) : (
        <table className="privacy-table">
          <thead>
            <tr>
              <th scope="col">{t('privacy.col.candidate')}</th>
              <th scope="col">{t('privacy.col.reason')}</th>
              <th scope="col">{t('privacy.col.until')}</th>
              <th scope="col">{t('privacy.col.setBy')}</th>
              <th scope="col">{t('privacy.col.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {holds.map((h) => (
              <tr key={h.id}>
                <td>
                  <CandidateLink id={h.candidateId} name={h.candidateName} />
                </td>
                <td>{h.reason}</td>
                <td>{h.until ? i18n.date(h.until) : t('privacy.holds.untilRelease')}</td>
                <td className="small">
                  {h.setBy.name}, {i18n.date(h.setAt.slice(0, 10))}
                </td>
                <td className="actions">
                  <button type="button" aria-label={`${t('privacy.holds.release')}: ${h.candidateName}`} onClick={() => void release(h.id)}>
                    {t('privacy.holds.release')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ErrorAlert error={failure} />
    </section>
  );
}
