import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { Candidate } from '../../../../shared/contract/candidates.ts';
import { formatPhone } from '../../../../shared/phone.ts';
import { api } from '../../api/client.ts';
import { useUi } from '../../app/stores/ui.ts';
import { useToasts } from '../../app/stores/toasts.ts';
import { useI18n } from '../../i18n/index.ts';
import { CandidateProfile } from '../intake/CandidateProfile.tsx';
import { PictureSection } from '../matching/PictureSection.tsx';
import { CandidatePrivacy } from '../privacy/CandidatePrivacy.tsx';
import { History } from './History.tsx';
import { ActivitySection } from '../activity/ActivitySection.tsx';
import { ShareSection } from '../sharing/ShareSection.tsx';
import { SHIFTS } from './form.ts';
import { useCandidate } from './useCandidate.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

/** A candidate's record, read-only, with its actions and edit history. */
export function CandidateView({ id }: { id: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { candidate, history, error } = useCandidate(id);
  const openPanel = useUi((s) => s.openPanel);
  const closePanel = useUi((s) => s.closePanel);
  const showToast = useToasts((s) => s.show);
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<unknown>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const loaded = candidate !== null;

  useEffect(() => {
    if (loaded) headingRef.current?.focus();
  }, [loaded, id]);

  if (error && !candidate) {
    return (
      <div className="panel-body">
        <ErrorAlert error={error} />
      </div>
    );
  }
  if (!candidate) return <div className="panel-body muted">{t('list.loadingRow')}</div>;

  const setStatus = async (c: Candidate, status: Candidate['status'], undoable: boolean) => {
    setBusy(true);
    setActionError(null);
    try {
      await api().call('candidates.setStatus', { id: c.id, status });
      if (undoable) {
        showToast({
          tone: 'info',
          text: t('candidate.deactivated', { name: c.name }),
          action: { label: t('toast.undo'), run: () => void api().call('candidates.setStatus', { id: c.id, status: 'active' }) },
        });
      } else {
        showToast({ tone: 'info', text: t('candidate.reactivated', { name: c.name }) });
      }
    } catch (e) {
      setActionError(e);
    } finally {
      setBusy(false);
    }
  };

  const notSet = <span className="muted">{t('candidate.notSet')}</span>;
  const list = (values: string[]) => (values.length ? values.join(', ') : notSet);
  const { address, availability } = candidate;
  const addressLines = [address.street, [address.postalCode, address.city].filter(Boolean).join(' ')].filter(Boolean);
  if (address.country && address.country !== 'NO') addressLines.push(i18n.country(address.country));

  return (
    <div className="panel-body">
      <header className="panel-head">
        <div>
          <h2 ref={headingRef} tabIndex={-1}>
            {candidate.name}
          </h2>
          <p className="muted small">
            <span className={`badge ${candidate.status}`}>{t(`status.${candidate.status}`)}</span>{' '}
            {t('candidate.updatedAt', { date: i18n.dateTime(candidate.updatedAt) })}
          </p>
        </div>
        <button type="button" className="ghost icon" aria-label={t('candidate.close')} title="Esc" onClick={closePanel}>
          ×
        </button>
      </header>

      <div className="toolbar">
        <button type="button" className="primary" onClick={() => openPanel({ mode: 'edit', id })} aria-keyshortcuts="Control+E">
          {t('candidate.edit')}
        </button>
        {candidate.status === 'active' ? (
          <button type="button" disabled={busy} onClick={() => void setStatus(candidate, 'inactive', true)}>
            {t('candidate.deactivate')}
          </button>
        ) : (
          <button type="button" disabled={busy} onClick={() => void setStatus(candidate, 'active', false)}>
            {t('candidate.reactivate')}
          </button>
        )}
      </div>
      <ErrorAlert error={actionError} />
      {candidate.status === 'inactive' ? <p className="alert note">{t('candidate.inactiveNote')}</p> : null}

      <section aria-labelledby="sec-contact">
        <h3 id="sec-contact">{t('candidate.contact')}</h3>
        <dl className="facts">
          <Row label={t('field.emails')}>{list(candidate.emails)}</Row>
          <Row label={t('field.phones')}>{list(candidate.phones.map((p) => formatPhone(p)))}</Row>
          <Row label={t('field.address')}>
            {addressLines.length ? addressLines.map((line) => <div key={line}>{line}</div>) : notSet}
          </Row>
          <Row label={t('field.birthDate')}>{candidate.birthDate ? i18n.date(candidate.birthDate) : notSet}</Row>
        </dl>
      </section>

      <section aria-labelledby="sec-availability">
        <h3 id="sec-availability">{t('field.availability')}</h3>
        <dl className="facts">
          <Row label={t('field.availability.from')}>{availability.from ? i18n.date(availability.from) : notSet}</Row>
          <Row label={t('field.availability.extentPercent')}>
            {availability.extentPercent !== null
              ? t('candidate.extentValue', { percent: availability.extentPercent })
              : notSet}
          </Row>
          <Row label={t('field.availability.shifts')}>
            {availability.shifts.length
              ? SHIFTS.filter((s) => availability.shifts.includes(s))
                  .map((s) => t(`shift.${s}`))
                  .join(', ')
              : notSet}
          </Row>
        </dl>
      </section>

      <section aria-labelledby="sec-wishes">
        <h3 id="sec-wishes">{t('candidate.wishes')}</h3>
        <dl className="facts">
          <Row label={t('field.desiredRoles')}>
            {candidate.desiredRoles.length ? <Tags values={candidate.desiredRoles} /> : notSet}
          </Row>
          <Row label={t('field.desiredSectors')}>
            {candidate.desiredSectors.length ? <Tags values={candidate.desiredSectors} /> : notSet}
          </Row>
        </dl>
      </section>

      <CandidateProfile id={id} />
      <PictureSection candidateId={id} />
      <ActivitySection candidateId={id} />

      <section aria-labelledby="sec-notes">
        <h3 id="sec-notes">{t('field.notes')}</h3>
        {candidate.notes ? <p className="notes">{candidate.notes}</p> : <p className="muted">{t('candidate.none')}</p>}
      </section>

      <CandidatePrivacy id={id} name={candidate.name} />
      <ShareSection candidateId={id} />

      <section aria-labelledby="sec-history">
        <h3 id="sec-history">{t('history.title')}</h3>
        <History entries={history} />
      </section>
    </div>
  );
}

function Tags({ values }: { values: string[] }) {
  return (
    <ul className="tag-list static">
      {values.map((v) => (
        <li key={v} className="tag">
          {v}
        </li>
      ))}
    </ul>
  );
}
