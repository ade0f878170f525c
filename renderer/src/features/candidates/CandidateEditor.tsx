import { useLayoutEffect, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { Candidate, Shift } from '../../../../shared/contract/candidates.ts';
import { api } from '../../api/client.ts';
import { ApiError } from '../../api/errors.ts';
import { useUi, type Panel } from '../../app/stores/ui.ts';
import { useDiscardQuestion } from '../../ui/useDiscardQuestion.ts';
import { useToasts } from '../../app/stores/toasts.ts';
import { useI18n } from '../../i18n/index.ts';
import { Field } from '../../ui/Field.tsx';
import { TagInput } from '../../ui/TagInput.tsx';
import { COUNTRY_CODES } from './countries.ts';
import {
  SHIFTS,
  checkForm,
  emptyForm,
  errorsFromIssues,
  formFromCandidate,
  patchOf,
  toSubmission,
  type CandidateForm,
  type FormErrors,
} from './form.ts';
import { useCandidate } from './useCandidate.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';

/** Edit an existing candidate: the form starts from the version that was loaded. */
export function CandidateEditor({ id }: { id: string }) {
  const i18n = useI18n();
  const { candidate, error, reload } = useCandidate(id, { live: false });
  if (error && !candidate) {
    return (
      <div className="panel-body">
        <ErrorAlert error={error} />
      </div>
    );
  }
  if (!candidate) return <div className="panel-body muted">{i18n.t('list.loadingRow')}</div>;
  return <EditorForm key={candidate.version} candidate={candidate} onReload={() => void reload()} />;
}

export function CandidateCreator() {
  return <EditorForm candidate={null} onReload={() => {}} />;
}

type ListKey = 'emails' | 'phones';

function EditorForm({ candidate, onReload }: { candidate: Candidate | null; onReload(): void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const initial = useMemo(() => (candidate ? formFromCandidate(candidate) : emptyForm()), [candidate]);
  const [form, setForm] = useState<CandidateForm>(initial);
  const [errors, setErrors] = useState<FormErrors>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [conflict, setConflict] = useState(false);
  const [saving, setSaving] = useState(false);
  const openPanel = useUi((s) => s.openPanel);
  const closePanel = useUi((s) => s.closePanel);
  const showToast = useToasts((s) => s.show);
  const nameRef = useRef<HTMLInputElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const dirty = JSON.stringify(form) !== JSON.stringify(initial);
  const question = useDiscardQuestion(dirty);

  // Before paint: a key pressed as soon as the form is visible must already reach it
  // (an Escape that arrived first would close the whole panel).
  useLayoutEffect(() => nameRef.current?.focus(), []);

  const set = <K extends keyof CandidateForm>(key: K, value: CandidateForm[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
  };
  const setRow = (key: ListKey, index: number, value: string) =>
    setForm((f) => ({ ...f, [key]: f[key].map((v, i) => (i === index ? value : v)) }));
  const addRow = (key: ListKey) => setForm((f) => ({ ...f, [key]: [...f[key], ''] }));
  const removeRow = (key: ListKey, index: number) =>
    setForm((f) => {
      const rest = f[key].filter((_, i) => i !== index);
      return { ...f, [key]: rest.length ? rest : [''] };
    });
  const toggleShift = (shift: Shift, on: boolean) =>
    set('shifts', on ? SHIFTS.filter((s) => s === shift || form.shifts.includes(s)) : form.shifts.filter((s) => s !== shift));

  /** The editor's own ways out (saved, cancelled, discarded) do not ask. */
  const leave = (to: Panel = candidate ? { mode: 'view', id: candidate.id } : null) => {
    question.release();
    if (to) openPanel(to);
    else closePanel();
  };

  const focusFirstError = () => {
    requestAnimationFrame(() => {
      formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    });
  };

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (saving) return;
    setFailure(null);
    const local = checkForm(form);
    setErrors(local);
    if (Object.keys(local).length > 0) return focusFirstError();
    const submission = toSubmission(form);
    setSaving(true);
    try {
      if (candidate) {
        if (Object.keys(patchOf(initial, form)).length > 0) {
          // The whole record, not just the changed parts: the contract's partial patch
          // fills absent fields with their defaults, which would blank them. The version
          // still guards against overwriting someone else's edit (CONFLICT).
          const patch = submission.fields;
          await api().call('candidates.update', { id: candidate.id, version: candidate.version, patch });
          showToast({ tone: 'info', text: t('candidate.saved') });
        }
        leave({ mode: 'view', id: candidate.id });
      } else {
        const created = await api().call('candidates.create', submission.fields);
        showToast({ tone: 'info', text: t('candidate.created', { name: created.name }) });
        leave({ mode: 'view', id: created.id });
      }
    } catch (error) {
      setSaving(false);
      if (error instanceof ApiError && error.code === 'VALIDATION' && error.fieldIssues.length) {
        setErrors(errorsFromIssues(error.fieldIssues, submission));
        focusFirstError();
      } else if (error instanceof ApiError && error.code === 'CONFLICT') {
        setConflict(true);
      } else {
        setFailure(error);
      }
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 's') {
      event.preventDefault();
      void submit();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      if (question.asking) question.keepEditing();
      else if (dirty) question.ask();
      else leave();
    }
  };

  const err = (path: string) => (errors[path] ? t(errors[path]) : null);
  const countries = useMemo(() => {
    const codes: string[] = [...COUNTRY_CODES];
    if (!codes.includes(form.country)) codes.push(form.country);
    const [home, ...rest] = codes;
    // Norway first, the rest alphabetically in the user's language.
    return [home!, ...rest.sort((a, b) => i18n.country(a).localeCompare(i18n.country(b), i18n.locale))];
  }, [form.country, i18n]);
  const hasErrors = Object.keys(errors).length > 0;

  const rows = (key: ListKey, label: string, addLabel: string, type: 'email' | 'tel') =>
    form[key].map((value, index) => (
      <Field
        key={`${key}-${index}`}
        label={index === 0 ? label : `${label} ${index + 1}`}
        error={err(`${key}.${index}`)}
        hint={key === 'phones' && index === form.phones.length - 1 ? t('candidate.phoneHint') : undefined}
      >
        {(control) => (
          <div className="row-input">
            <input
              {...control}
              type={type}
              inputMode={type === 'tel' ? 'tel' : 'email'}
              autoComplete="off"
              value={value}
              onChange={(e) => setRow(key, index, e.target.value)}
            />
            {form[key].length > 1 || value ? (
              <button
                type="button"
                className="ghost icon"
                aria-label={t('candidate.removeValue', { value: value || `${label} ${index + 1}` })}
                onClick={() => removeRow(key, index)}
              >
                ×
              </button>
            ) : null}
            {index === form[key].length - 1 ? (
              <button type="button" className="ghost small" onClick={() => addRow(key)}>
                + {addLabel}
              </button>
            ) : null}
          </div>
        )}
      </Field>
    ));

  return (
    <form ref={formRef} className="panel-body editor" onSubmit={(e) => void submit(e)} onKeyDown={onKeyDown} noValidate>
      <header className="panel-head">
        <h2>{candidate ? t('candidate.editTitle') : t('candidate.newTitle')}</h2>
        <button type="button" className="ghost icon" aria-label={t('candidate.close')} title="Esc" onClick={() => (dirty ? question.ask() : leave())}>
          ×
        </button>
      </header>

      {conflict ? (
        <div className="alert error" role="alert">
          <p>
            <strong>{t('candidate.conflict')}</strong> {t('candidate.conflictHint')}
          </p>
          <button type="button" onClick={onReload}>
            {t('candidate.reload')}
          </button>
        </div>
      ) : null}
      {hasErrors ? (
        <p className="alert error" role="alert">
          {t('candidate.fixFields')}
        </p>
      ) : null}
      <ErrorAlert error={failure} />

      <Field label={t('field.name')} error={err('name')}>
        {(control) => (
          <input {...control} ref={nameRef} value={form.name} onChange={(e) => set('name', e.target.value)} autoComplete="off" required />
        )}
      </Field>

      <fieldset>
        <legend>{t('candidate.contact')}</legend>
        {rows('emails', t('field.emails'), t('candidate.addEmail'), 'email')}
        {rows('phones', t('field.phones'), t('candidate.addPhone'), 'tel')}
      </fieldset>

      <fieldset>
        <legend>{t('field.address')}</legend>
        <Field label={t('field.address.street')} error={err('address.street')}>
          {(control) => <input {...control} value={form.street} onChange={(e) => set('street', e.target.value)} autoComplete="off" />}
        </Field>
        <div className="field-pair">
          <Field label={t('field.address.postalCode')} error={err('address.postalCode')} className="narrow">
            {(control) => (
              <input
                {...control}
                value={form.postalCode}
                inputMode="numeric"
                onChange={(e) => set('postalCode', e.target.value)}
                autoComplete="off"
              />
            )}
          </Field>
          <Field label={t('field.address.city')} error={err('address.city')}>
            {(control) => <input {...control} value={form.city} onChange={(e) => set('city', e.target.value)} autoComplete="off" />}
          </Field>
        </div>
        <Field label={t('field.address.country')} error={err('address.country')}>
          {(control) => (
            <select {...control} value={form.country} onChange={(e) => set('country', e.target.value)}>
              {countries.map((code) => (
                <option key={code} value={code}>
                  {i18n.country(code)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('field.birthDate')} error={err('birthDate')} className="narrow">
          {(control) => (
            <input {...control} type="date" value={form.birthDate} onChange={(e) => set('birthDate', e.target.value)} />
          )}
        </Field>
      </fieldset>

      <fieldset>
        <legend>{t('field.availability')}</legend>
        <div className="field-pair">
          <Field label={t('field.availability.from')} error={err('availability.from')}>
            {(control) => (
              <input {...control} type="date" value={form.availableFrom} onChange={(e) => set('availableFrom', e.target.value)} />
            )}
          </Field>
          <Field label={t('field.availability.extentPercent')} error={err('availability.extentPercent')} className="narrow">
            {(control) => (
              <input
                {...control}
                type="number"
                min={1}
                max={100}
                step={1}
                value={form.extentPercent}
                onChange={(e) => set('extentPercent', e.target.value)}
              />
            )}
          </Field>
        </div>
        <fieldset className="checks">
          <legend>{t('field.availability.shifts')}</legend>
          {SHIFTS.map((shift) => (
            <label key={shift} className="check">
              <input type="checkbox" checked={form.shifts.includes(shift)} onChange={(e) => toggleShift(shift, e.target.checked)} />
              {t(`shift.${shift}`)}
            </label>
          ))}
        </fieldset>
      </fieldset>

      <fieldset>
        <legend>{t('candidate.wishes')}</legend>
        <TagInput label={t('field.desiredRoles')} values={form.desiredRoles} onChange={(v) => set('desiredRoles', v)} error={err('desiredRoles')} />
        <TagInput label={t('field.desiredSectors')} values={form.desiredSectors} onChange={(v) => set('desiredSectors', v)} error={err('desiredSectors')} />
      </fieldset>

      <Field label={t('field.notes')} error={err('notes')}>
        {(control) => <textarea {...control} rows={5} value={form.notes} onChange={(e) => set('notes', e.target.value)} />}
      </Field>

      {question.asking ? (
        <div className="alert note" role="alertdialog" aria-label={t('candidate.discardQuestion')}>
          <p>{t('candidate.discardQuestion')}</p>
          <div className="toolbar">
            <button type="button" ref={question.keepEditingRef} onClick={question.keepEditing}>
              {t('candidate.keepEditing')}
            </button>
            <button type="button" className="danger" onClick={() => question.discard(leave)}>
              {t('candidate.discard')}
            </button>
          </div>
        </div>
      ) : null}

      <footer className="panel-foot">
        <button type="submit" className="primary" disabled={saving} aria-keyshortcuts="Control+S">
          {saving ? t('candidate.saving') : candidate ? t('candidate.save') : t('candidate.create')}
        </button>
        <button type="button" onClick={() => (dirty ? question.ask() : leave())}>
          {t('candidate.cancel')}
        </button>
      </footer>
    </form>
  );
}
