import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { CandidateProfile as Profile } from '../../../../shared/contract/intake.ts';
import { api } from '../../api/client.ts';
import { useI18n, type I18n } from '../../i18n/index.ts';
import { FORMAT_NAMES, formatSize } from './labels.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';

/** "2019-03" → "mar. 2019", "2019" stays; an empty end means "now". */
function period(i18n: I18n, start?: string, end?: string): string {
  const show = (d: string) => {
    const m = /^(\d{4})-(\d{2})/.exec(d);
    if (!m) return d;
    return new Intl.DateTimeFormat(i18n.locale === 'nb' ? 'nb-NO' : 'en-GB', { month: 'short', year: 'numeric' }).format(
      new Date(Number(m[1]), Number(m[2]) - 1, 1),
    );
  };
  if (!start) return end ? show(end) : '';
  return `${show(start)} – ${end ? show(end) : i18n.t('profile.now')}`;
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="profile-section">
      <h3 id={id}>{title}</h3>
      {children}
    </section>
  );
}

/** The candidate's CV profile beside the register's fields: work, education, skills, languages, certificates, documents. */
export function CandidateProfile({ id }: { id: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [profile, setProfile] = useState<Profile | null>(null);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(() => {
    api()
      .call('candidates.profile', { id })
      .then(
        (p) => {
          setProfile(p);
          setError(null);
        },
        (e: unknown) => setError(e),
      );
  }, [id]);

  useEffect(() => {
    setProfile(null);
    load();
    return api().on('candidates.changed', (event) => {
      if (event.id === id) load();
    });
  }, [id, load]);

  if (error) {
    return (
      <ErrorAlert error={error} />
    );
  }
  if (!profile) return null;
  const r = profile.resume ?? {};
  const work = r.work ?? [];
  const education = r.education ?? [];
  const skills = (r.skills ?? []).map((s) => s.name).filter(Boolean);
  const languages = r.languages ?? [];
  const certificates = r.certificates ?? [];
  const hasCv = !!(r.basics?.label || r.basics?.summary || work.length || education.length || skills.length || languages.length || certificates.length);
  if (!hasCv && profile.documents.length === 0 && !profile.nationalIdKept) return null;

  return (
    <div className="candidate-profile">
      {r.basics?.label || r.basics?.summary ? (
        <Section id="prof-summary" title={t('profile.summary')}>
          {r.basics.label ? <p className="profile-label">{r.basics.label}</p> : null}
          {r.basics.summary ? <p className="notes">{r.basics.summary}</p> : null}
        </Section>
      ) : null}
      {work.length ? (
        <Section id="prof-work" title={t('review.work')}>
          <ul className="entries">
            {work.map((w, i) => (
              <li key={i}>
                <span className="entry-title">{[w.position, w.name].filter(Boolean).join(', ')}</span>
                <span className="entry-meta">{[period(i18n, w.startDate, w.endDate), w.location].filter(Boolean).join(' · ')}</span>
                {w.summary ? <span className="entry-text">{w.summary}</span> : null}
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
      {education.length ? (
        <Section id="prof-education" title={t('review.education')}>
          <ul className="entries">
            {education.map((e, i) => (
              <li key={i}>
                <span className="entry-title">{[[e.studyType, e.area].filter(Boolean).join(' '), e.institution].filter(Boolean).join(', ')}</span>
                <span className="entry-meta">{period(i18n, e.startDate, e.endDate)}</span>
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
      {skills.length ? (
        <Section id="prof-skills" title={t('review.skills')}>
          <ul className="tag-list static">
            {skills.map((s) => (
              <li key={s} className="tag">
                {s}
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
      {languages.length ? (
        <Section id="prof-languages" title={t('review.languages')}>
          <p>{languages.map((l) => (l.fluency ? `${l.language} (${l.fluency})` : l.language)).join(', ')}</p>
        </Section>
      ) : null}
      {certificates.length ? (
        <Section id="prof-certificates" title={t('review.certificates')}>
          <ul className="entries">
            {certificates.map((c, i) => (
              <li key={i}>
                <span className="entry-title">{c.name}</span>
                {c.issuer || c.date ? <span className="entry-meta">{[c.issuer, c.date].filter(Boolean).join(' · ')}</span> : null}
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
      {profile.documents.length || profile.nationalIdKept ? (
        <Section id="prof-documents" title={t('profile.documents')}>
          {profile.documents.length ? (
            <ul className="entries">
              {profile.documents.map((d) => (
                <li key={d.id}>
                  <span className="entry-title">{d.fileName}</span>
                  <span className="entry-meta">
                    {[FORMAT_NAMES[d.format], formatSize(d.size, i18n), t('profile.added', { date: i18n.dateTime(d.addedAt) })].join(' · ')}
                  </span>
                </li>
              ))}
            </ul>
          ) : null}
          {profile.nationalIdKept ? <p className="muted small">{t('profile.nationalIdKept')}</p> : null}
        </Section>
      ) : null}
    </div>
  );
}
