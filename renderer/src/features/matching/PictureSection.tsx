import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { CandidatePicture, PicturePatch, WorkType } from '../../../../shared/contract/matching.ts';
import { WorkTypes } from '../../../../shared/contract/matching.ts';
import { api } from '../../api/client.ts';
import { useI18n } from '../../i18n/index.ts';
import { parseLevel } from '../clients/requirements.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';

/** The candidate picture on the candidate screen: what the CV gave, edited where a recruiter knows better. */
export function PictureSection({ candidateId }: { candidateId: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [picture, setPicture] = useState<CandidatePicture | null>(null);
  const [editing, setEditing] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);

  const reload = useCallback(async () => {
    try {
      setPicture(await api().call('picture.get', { candidateId }));
    } catch (e) {
      setFailure(e);
    }
  }, [candidateId]);
  useEffect(() => {
    void reload();
    return api().on('candidates.changed', (p) => {
      if (p.id === candidateId && p.kind === 'updated') void reload();
    });
  }, [reload, candidateId]);

  if (!picture) {
    return <ErrorAlert error={failure} />;
  }
  const edited = (s: CandidatePicture['edited'][number]) => (picture.edited.includes(s) ? <span className="badge">{t('picture.edited')}</span> : null);
  const none = <span className="muted">{t('picture.none')}</span>;
  const a = picture.availability;

  return (
    <section aria-labelledby="sec-picture" className="picture">
      <div className="card-head">
        <h3 id="sec-picture">{t('picture.title')}</h3>
        {!editing ? (
          <button type="button" className="ghost small" onClick={() => setEditing(true)}>
            {t('picture.edit')}
          </button>
        ) : null}
      </div>
      {editing ? (
        <PictureEditor
          picture={picture}
          onDone={(p) => {
            setEditing(false);
            if (p) setPicture(p);
          }}
        />
      ) : (
        <dl className="facts">
          <dt>
            {t('picture.competences')} {edited('competences')}
          </dt>
          <dd>
            {picture.competences.length === 0
              ? none
              : picture.competences.map((c) => (
                  <span key={c.key} className="tag">
                    {c.name}
                    {c.years !== null ? ` · ${t('picture.years', { years: i18n.number(c.years) })}` : ''}
                    {c.lastUsed ? ` · ${t('picture.lastUsed', { when: c.lastUsed === 'present' ? t('picture.present') : c.lastUsed })}` : ''}
                  </span>
                ))}
          </dd>
          <dt>
            {t('picture.certificates')} {edited('certificates')}
          </dt>
          <dd>{picture.certificates.length === 0 ? none : picture.certificates.map((c) => <span key={c.code} className="tag">{c.name}</span>)}</dd>
          <dt>
            {t('picture.languages')} {edited('languages')}
          </dt>
          <dd>
            {picture.languages.length === 0
              ? none
              : picture.languages.map((l) => (
                  <span key={l.code} className="tag">
                    {l.name}
                    {l.level ? ` · ${l.level === 'native' ? t('picture.native') : l.level}` : ''}
                  </span>
                ))}
          </dd>
          <dt>
            {t('picture.experience')} {edited('experience')}
          </dt>
          <dd>
            {picture.experience.totalYears === 0 && picture.experience.byRole.length === 0 ? none : null}
            {picture.experience.totalYears > 0 ? t('picture.totalYears', { years: i18n.number(picture.experience.totalYears) }) : null}
            {picture.experience.byRole.length ? ` · ${picture.experience.byRole.map((r) => `${r.label} ${i18n.number(r.years)}`).join(', ')}` : ''}
            {picture.experience.bySector.length ? ` · ${picture.experience.bySector.map((s) => s.label).join(', ')}` : ''}
          </dd>
          {picture.education.length ? (
            <>
              <dt>{t('picture.education')}</dt>
              <dd>{picture.education.map((e) => [e.studyType, e.area, e.institution, e.endYear].filter(Boolean).join(', ')).join(' · ')}</dd>
            </>
          ) : null}
          <dt>
            {t('picture.interests')} {edited('interests')}
          </dt>
          <dd>
            {[
              picture.interests.desiredRoles.join(', '),
              picture.interests.workTypes.map((w) => t(`vacancies.workType.${w}`)).join(', '),
              picture.interests.regions.join(', '),
            ]
              .filter(Boolean)
              .join(' · ') || none}
          </dd>
          <dt>{t('picture.availability')}</dt>
          <dd>
            {[
              a.placement ? (a.placement.until ? t('picture.placed', { until: i18n.date(a.placement.until) }) : t('picture.placedOpen')) : '',
              a.from ? i18n.date(a.from) : '',
              a.extentPercent ? `${a.extentPercent} %` : '',
              a.noticeWeeks !== null ? t('picture.notice', { weeks: a.noticeWeeks }) : '',
              picture.location.region ? t('picture.region', { region: picture.location.region }) : '',
            ]
              .filter(Boolean)
              .join(' · ') || none}
          </dd>
        </dl>
      )}
    </section>
  );
}

function PictureEditor({ picture, onDone }: { picture: CandidatePicture; onDone: (p: CandidatePicture | null) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [competences, setCompetences] = useState(
    picture.competences.map((c) => [c.name, c.years ?? '', c.level ?? ''].join('; ').replace(/(; )+$/, '')).join('\n'),
  );
  const [certificates, setCertificates] = useState(picture.certificates.map((c) => c.name).join('\n'));
  const [languages, setLanguages] = useState(picture.languages.map((l) => (l.level ? `${l.name}; ${l.level}` : l.name)).join('\n'));
  const [workTypes, setWorkTypes] = useState<WorkType[]>(picture.interests.workTypes);
  const [regions, setRegions] = useState(picture.interests.regions.join(', '));
  const [notice, setNotice] = useState(picture.availability.noticeWeeks?.toString() ?? '');
  const [failure, setFailure] = useState<unknown>(null);

  const lines = (s: string) =>
    s
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
  const num = (s: string | undefined) => {
    const n = Number((s ?? '').replace(',', '.'));
    return s && Number.isFinite(n) ? n : null;
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const patch: PicturePatch = {
      competences: lines(competences).map((l) => {
        const [name = '', years, level] = l.split(';').map((p) => p.trim());
        const lv = num(level);
        return { name, years: num(years), level: lv !== null && lv >= 1 && lv <= 5 ? Math.round(lv) : null, lastUsed: null };
      }),
      certificates: lines(certificates).map((name) => ({ name, validUntil: null })),
      languages: lines(languages).map((l) => {
        const [name = '', level] = l.split(';').map((p) => p.trim());
        return { name, level: parseLevel(level) };
      }),
      interests: {
        workTypes,
        regions: regions
          .split(',')
          .map((r) => r.trim())
          .filter(Boolean),
      },
      availability: { noticeWeeks: notice === '' ? null : Math.max(0, Math.round(Number(notice) || 0)) },
    };
    try {
      onDone(await api().call('picture.update', { candidateId: picture.candidateId, patch }));
    } catch (err) {
      setFailure(err);
    }
  };

  return (
    <form className="picture-editor" onSubmit={(e) => void submit(e)} aria-label={t('picture.edit')}>
      <p className="muted small">{t('picture.linesHint')}</p>
      <label>
        <span>{t('picture.competences')}</span>
        <textarea rows={4} value={competences} onChange={(e) => setCompetences(e.target.value)} />
      </label>
      <label>
        <span>{t('picture.certificates')}</span>
        <textarea rows={3} value={certificates} onChange={(e) => setCertificates(e.target.value)} />
      </label>
      <label>
        <span>{t('picture.languages')}</span>
        <textarea rows={2} value={languages} onChange={(e) => setLanguages(e.target.value)} />
      </label>
      <fieldset>
        <legend>{t('picture.workTypes')}</legend>
        {WorkTypes.map((w) => (
          <label key={w} className="check">
            <input
              type="checkbox"
              checked={workTypes.includes(w)}
              onChange={(e) => setWorkTypes(e.target.checked ? [...workTypes, w] : workTypes.filter((x) => x !== w))}
            />{' '}
            {t(`vacancies.workType.${w}`)}
          </label>
        ))}
      </fieldset>
      <label>
        <span>{t('picture.regions')}</span>
        <input value={regions} onChange={(e) => setRegions(e.target.value)} />
      </label>
      <label>
        <span>{t('picture.noticeWeeks')}</span>
        <input type="number" min={0} max={52} value={notice} onChange={(e) => setNotice(e.target.value)} />
      </label>
      <ErrorAlert error={failure} />
      <div className="toolbar">
        <button type="submit">{t('picture.save')}</button>
        <button type="button" className="ghost" onClick={() => onDone(null)}>
          {t('picture.cancel')}
        </button>
      </div>
    </form>
  );
}
