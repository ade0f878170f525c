import { useCallback, useEffect, useRef, useState } from 'react';
import type { AuditVerification, PrivacyOverview, RightsRequest } from '../../../../shared/contract/privacy.ts';
import { api } from '../../api/client.ts';
import { useI18n } from '../../i18n/index.ts';
import { ConsentsCard } from './ConsentsCard.tsx';
import { HoldsCard, UpcomingCard } from './RetentionCards.tsx';
import { PolicyCard } from './PolicyCard.tsx';
import { RequestsCard } from './RequestsCard.tsx';
import './privacy.css';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';

/** The privacy screen: what the agency's privacy promises need attention today. */
export function PrivacyView() {
  const i18n = useI18n();
  const { t } = i18n;
  const [overview, setOverview] = useState<PrivacyOverview | null>(null);
  const [requests, setRequests] = useState<RightsRequest[]>([]);
  const [failure, setFailure] = useState<unknown>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  const reload = useCallback(async () => {
    try {
      const [o, r] = await Promise.all([api().call('privacy.overview', {}), api().call('privacy.requests.list', { status: 'open' })]);
      setOverview(o);
      setRequests(r);
      setFailure(null);
    } catch (e) {
      setFailure(e);
    }
  }, []);

  useEffect(() => {
    void reload();
    headingRef.current?.focus();
    return api().on('candidates.changed', () => void reload());
  }, [reload]);

  return (
    <section className="privacy" aria-labelledby="privacy-title">
      <div className="privacy-head">
        <h1 id="privacy-title" ref={headingRef} tabIndex={-1}>
          {t('privacy.title')}
        </h1>
        {overview ? (
          <p className="muted">
            {t('privacy.summary', { active: overview.candidates.active, inactive: overview.candidates.inactive, erasures: overview.erasures })}
          </p>
        ) : null}
        {overview?.requests.open ? (
          <p className={overview.requests.overdue ? 'deadline overdue' : 'deadline'}>
            {t('privacy.requestsSummary', { open: overview.requests.open, overdue: overview.requests.overdue })}
          </p>
        ) : null}
      </div>
      <AuditStatus />
      <ErrorAlert error={failure} />
      {!overview ? (
        <p className="muted">{t('privacy.loading')}</p>
      ) : (
        <>
          <RequestsCard requests={requests} onChanged={() => void reload()} />
          <UpcomingCard upcoming={overview.upcoming} onChanged={() => void reload()} />
          <HoldsCard holds={overview.holds} onChanged={() => void reload()} />
          <ConsentsCard counts={overview.consents} />
          <PolicyCard onChanged={() => void reload()} />
        </>
      )}
    </section>
  );
}

function AuditStatus() {
  const { t } = useI18n();
  const [result, setResult] = useState<AuditVerification | null>(null);
  const [checking, setChecking] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const i18n = useI18n();

  const verify = useCallback(async () => {
    setChecking(true);
    try {
      setResult(await api().call('privacy.audit.verify', {}));
      setFailure(null);
    } catch (e) {
      setFailure(e);
    } finally {
      setChecking(false);
    }
  }, []);

  useEffect(() => void verify(), [verify]);

  const text = failure
    ? i18n.error(failure)
    : !result
      ? t('privacy.audit.checking')
      : result.intact
        ? t('privacy.audit.intact', { entries: result.entries })
        : t('privacy.audit.broken', {
            seq: result.firstBroken?.seq ?? 0,
            problem: t(`privacy.audit.problem.${result.firstBroken?.problem ?? 'changed'}`),
          });
  return (
    <p className={`audit-status ${result ? (result.intact ? 'intact' : 'broken') : ''}`} role="status">
      <span>{result?.intact ? '✓ ' : result ? '⚠ ' : ''}{text}</span>
      <button type="button" className="small ghost" disabled={checking} onClick={() => void verify()}>
        {t('privacy.audit.recheck')}
      </button>
    </p>
  );
}
