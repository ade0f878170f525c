import type { RightsRequest } from '../../../../shared/contract/privacy.ts';
import { useUi } from '../../app/stores/ui.ts';
import { useI18n } from '../../i18n/index.ts';
import { channelLabel } from './labels.ts';
import { RequestActions } from './RequestActions.tsx';
import { deadlineText, deadlineTone } from './deadline.ts';

/** Open rights requests, soonest deadline first, with the days left and what to do. */
export function RequestsCard({ requests, onChanged }: { requests: RightsRequest[]; onChanged(): void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const openPanel = useUi((s) => s.openPanel);
  return (
    <section className="card" aria-labelledby="privacy-requests">
      <h2 id="privacy-requests">{t('privacy.requests.title')}</h2>
      {requests.length === 0 ? (
        <p className="muted">{t('privacy.requests.none')}</p>
      ) : (
        <table className="privacy-table">
          <thead>
            <tr>
              <th scope="col">{t('privacy.col.candidate')}</th>
              <th scope="col">{t('privacy.col.kind')}</th>
              <th scope="col">{t('privacy.col.received')}</th>
              <th scope="col">{t('privacy.col.deadline')}</th>
              <th scope="col">{t('privacy.col.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {requests.map((r) => (
              <tr key={r.id}>
                <td>
                  {r.candidateName ? (
                    <button type="button" className="link" onClick={() => openPanel({ mode: 'view', id: r.candidateId })}>
                      {r.candidateName}
                    </button>
                  ) : (
                    <span className="muted">{t('privacy.requests.erased')}</span>
                  )}
                </td>
                <td>
                  {t(`privacy.requests.kind.${r.kind}`)}
                  {r.note ? <div className="muted small">{r.note}</div> : null}
                </td>
                <td>
                  {i18n.date(r.receivedOn)}
                  <div className="muted small">{channelLabel(i18n, r.channel)}</div>
                </td>
                <td>
                  <span className={`deadline ${deadlineTone(r)}`}>{deadlineText(i18n, r)}</span>
                  <div className="muted small">
                    {i18n.date(r.dueOn)}
                    {r.extension ? ` · ${t('privacy.requests.extended', { reason: t(`privacy.requests.extension.${r.extension.reason}`) })}` : ''}
                  </div>
                </td>
                <td>
                  <RequestActions request={r} onChanged={onChanged} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
