import { useState, type FormEvent } from 'react';
import type { Vacancy, VacancyStatus, WorkType } from '../../../../shared/contract/matching.ts';
import { VacancyStatuses, WorkTypes } from '../../../../shared/contract/matching.ts';
import { api } from '../../api/client.ts';
import { ApiError } from '../../api/errors.ts';
import { useI18n } from '../../i18n/index.ts';
import { Field } from '../../ui/Field.tsx';
import { formatLanguageLines, formatNameLines, formatSkillLines, parseLanguageLines, parseNameLines, parseSkillLines } from './requirements.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';

type ListKey = 'requiredSkills' | 'desiredSkills' | 'requiredCertificates' | 'desiredCertificates' | 'languages';

interface FormState {
  title: string;
  postalCode: string;
  city: string;
  start: string;
  extent: string;
  workType: WorkType;
  status: VacancyStatus;
  requiredSkills: string;
  desiredSkills: string;
  requiredCertificates: string;
  desiredCertificates: string;
  languages: string;
  minYears: string;
}

const EMPTY: FormState = {
  title: '',
  postalCode: '',
  city: '',
  start: '',
  extent: '100',
  workType: 'temp',
  status: 'open',
  requiredSkills: '',
  desiredSkills: '',
  requiredCertificates: '',
  desiredCertificates: '',
  languages: '',
  minYears: '',
};

/** A vacancy as the form shows it: requirement lists one per line, as recruiters type them. */
function fromVacancy(v: Vacancy): FormState {
  return {
    title: v.title,
    postalCode: v.location.postalCode,
    city: v.location.city,
    start: v.start ?? '',
    extent: String(v.extentPercent),
    workType: v.workType,
    status: v.status,
    requiredSkills: formatSkillLines(v.requiredSkills),
    desiredSkills: formatSkillLines(v.desiredSkills),
    requiredCertificates: formatNameLines(v.requiredCertificates),
    desiredCertificates: formatNameLines(v.desiredCertificates),
    languages: formatLanguageLines(v.languages),
    minYears: v.minYearsExperience === null ? '' : String(v.minYearsExperience),
  };
}

/** The form's values as the contract's fields (validated by the same schema in the core as on create). */
function toFields(f: FormState) {
  return {
    title: f.title,
    postalCode: f.postalCode,
    city: f.city,
    start: f.start || null,
    extentPercent: Number(f.extent) || 100,
    workType: f.workType,
    requiredSkills: parseSkillLines(f.requiredSkills),
    desiredSkills: parseSkillLines(f.desiredSkills),
    requiredCertificates: parseNameLines(f.requiredCertificates),
    desiredCertificates: parseNameLines(f.desiredCertificates),
    languages: parseLanguageLines(f.languages),
    minYearsExperience: f.minYears ? Number(f.minYears) : null,
  };
}

const FIELD_OF: Record<Exclude<keyof FormState, 'status'>, keyof ReturnType<typeof toFields>> = {
  title: 'title',
  postalCode: 'postalCode',
  city: 'city',
  start: 'start',
  extent: 'extentPercent',
  workType: 'workType',
  requiredSkills: 'requiredSkills',
  desiredSkills: 'desiredSkills',
  requiredCertificates: 'requiredCertificates',
  desiredCertificates: 'desiredCertificates',
  languages: 'languages',
  minYears: 'minYearsExperience',
};

/**
 * A new vacancy for a client, or an edit of one. An edit sends only the fields
 * the recruiter changed (with the version it started from: someone else's change
 * in between is a conflict, not overwritten), so what the form cannot show (a
 * language that is only desired, the description) stays as it was.
 */
export function VacancyForm(
  props: { clientId: string; vacancy?: undefined; onDone: (saved: Vacancy | null) => void } | { clientId?: undefined; vacancy: Vacancy; onDone: (saved: Vacancy | null) => void },
) {
  const i18n = useI18n();
  const { t } = i18n;
  const editing = props.vacancy;
  const [initial] = useState<FormState>(() => (editing ? fromVacancy(editing) : EMPTY));
  const [f, setF] = useState<FormState>(initial);
  const [failure, setFailure] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const set = (k: keyof FormState) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });
  const label = editing ? t('vacancies.edit') : t('vacancies.new');
  // The core's checks (the contract's schema), shown at the field they concern.
  const issues = failure instanceof ApiError ? failure.fieldIssues : [];
  const problem = (k: Exclude<keyof FormState, 'status'>): string | null => {
    const issue = issues.find((i) => i.path.split('.')[0] === FIELD_OF[k]);
    if (!issue) return null;
    return k === 'title' || k === 'postalCode' ? t(`vacancies.invalid.${k}`) : t('vacancies.invalid.other', { message: issue.message });
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaving(true);
    setFailure(null);
    try {
      const fields = toFields(f);
      let saved: Vacancy;
      if (editing) {
        const patch: Record<string, unknown> = {};
        for (const [key, field] of Object.entries(FIELD_OF) as [keyof typeof FIELD_OF, keyof typeof fields][]) {
          if (f[key] !== initial[key]) patch[field] = fields[field];
        }
        if (f.status !== initial.status) patch.status = f.status;
        saved = Object.keys(patch).length === 0 ? editing : await api().call('vacancies.update', { id: editing.id, version: editing.version, patch });
      } else {
        saved = await api().call('vacancies.create', { clientId: props.clientId!, ...fields });
      }
      props.onDone(saved);
    } catch (err) {
      setFailure(err);
    } finally {
      setSaving(false);
    }
  };
  const area = (k: ListKey, hint: string) => (
    <Field label={t(`vacancies.field.${k}`)} hint={hint} error={problem(k)}>
      {(p) => <textarea {...p} rows={3} value={f[k]} onChange={set(k)} />}
    </Field>
  );
  return (
    <form
      className={editing ? 'card vacancy-form' : 'vacancy-form'}
      onSubmit={(e) => void submit(e)}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          props.onDone(null);
        }
      }}
      aria-label={label}
    >
      {editing ? <h2>{label}</h2> : null}
      <div className="vacancy-grid">
        <Field label={t('vacancies.field.title')} error={problem('title')}>{(p) => <input {...p} required maxLength={200} value={f.title} onChange={set('title')} autoFocus />}</Field>
        <Field label={t('vacancies.field.postalCode')} error={problem('postalCode')}>
          {(p) => <input {...p} inputMode="numeric" maxLength={4} value={f.postalCode} onChange={set('postalCode')} />}
        </Field>
        <Field label={t('vacancies.field.city')} error={problem('city')}>{(p) => <input {...p} maxLength={100} value={f.city} onChange={set('city')} />}</Field>
        <Field label={t('vacancies.field.start')} error={problem('start')}>{(p) => <input {...p} type="date" value={f.start} onChange={set('start')} />}</Field>
        <Field label={t('vacancies.field.extent')} error={problem('extent')}>{(p) => <input {...p} type="number" min={1} max={100} value={f.extent} onChange={set('extent')} />}</Field>
        <Field label={t('vacancies.field.workType')}>
          {(p) => (
            <select {...p} value={f.workType} onChange={set('workType')}>
              {WorkTypes.map((w) => (
                <option key={w} value={w}>
                  {t(`vacancies.workType.${w}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('vacancies.field.minYears')} error={problem('minYears')}>{(p) => <input {...p} type="number" min={0} max={40} value={f.minYears} onChange={set('minYears')} />}</Field>
        {editing ? (
          <Field label={t('vacancies.field.status')}>
            {(p) => (
              <select {...p} value={f.status} onChange={set('status')}>
                {VacancyStatuses.map((s) => (
                  <option key={s} value={s}>
                    {t(`vacancies.status.${s}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : null}
      </div>
      <div className="vacancy-grid">
        {area('requiredSkills', t('vacancies.field.listHint'))}
        {area('desiredSkills', t('vacancies.field.listHint'))}
        {area('requiredCertificates', '')}
        {area('desiredCertificates', '')}
        {area('languages', t('vacancies.field.langHint'))}
      </div>
      <ErrorAlert error={failure} />
      <div className="toolbar">
        <button type="submit" disabled={saving}>
          {editing ? t('vacancies.save') : t('vacancies.create')}
        </button>
        <button type="button" className="ghost" onClick={() => props.onDone(null)}>
          {t('clients.cancel')}
        </button>
      </div>
    </form>
  );
}
