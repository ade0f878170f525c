import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { UNREAD_CONFIDENCE, type IntakeDraft, type MergeField, type MergePreview } from '../../../../shared/contract/intake.ts';
import { api } from '../../api/client.ts';
import { ApiError } from '../../api/errors.ts';
import { isTypingTarget } from '../../app/shortcuts.ts';
import { useToasts } from '../../app/stores/toasts.ts';
import { useUi } from '../../app/stores/ui.ts';
import { useI18n, type MessageKey } from '../../i18n/index.ts';
import { TagInput } from '../../ui/TagInput.tsx';
import { MergeChoice, type Choice } from './MergeChoice.tsx';
import { usePageImages } from './pageImages.ts';
import { PageViewer } from './PageViewer.tsx';
import {
  checkReview,
  confidenceOf,
  emptyCertificate,
  emptyEducation,
  emptyLanguage,
  emptyWork,
  formFromResume,
  formPathOfIssue,
  LOW_CONFIDENCE,
  resumeFromForm,
  sourceOf,
  type ReviewForm,
  type ReviewProblem,
} from './reviewForm.ts';
import { reviewQueue, useIntake } from './store.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';

/** Loads the draft of a job waiting for review, then shows it beside its original. */
export function ReviewScreen({ jobId }: { jobId: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [draft, setDraft] = useState<IntakeDraft | null>(null);
  const [error, setError] = useState<unknown>(null);
  const back = useCallback(() => useIntake.getState().openReview(null), []);

  useEffect(() => {
    let live = true;
    api()
      .call('intake.getDraft', { jobId })
      .then(
        (d) => live && setDraft(d),
        (e: unknown) => live && setError(e),
      );
    return () => {
      live = false;
    };
  }, [jobId]);

  useEffect(() => {
    if (draft) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      back();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [draft, back]);

  if (!draft) {
    return (
      <section className="review review-loading" aria-labelledby="review-title">
        <h1 id="review-title">{t('review.title')}</h1>
        {error ? (
          <>
            <ErrorAlert error={error} />
            <button type="button" onClick={back}>
              {t('review.back')}
            </button>
          </>
        ) : (
          <p className="muted">{t('review.loading')}</p>
        )}
      </section>
    );
  }
  return <ReviewEditor draft={draft} onBack={back} />;
}

type Problems = Record<string, ReviewProblem | string>;

const problemKey: Record<ReviewProblem, MessageKey> = {
  required: 'invalid.required',
  email: 'invalid.email',
  date: 'review.invalidDate',
  birthDate: 'invalid.date',
};

function ReviewEditor({ draft, onBack }: { draft: IntakeDraft; onBack(): void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const jobId = draft.job.id;
  const initial = useMemo(() => formFromResume(draft.resume), [draft]);
  const form = useIntake((s) => s.edits[jobId]) ?? initial;
  const setForm = useCallback((next: ReviewForm) => useIntake.getState().saveEdits(jobId, next), [jobId]);
  const jobs = useIntake((s) => s.jobs);
  const order = useIntake((s) => s.order);
  const queue = useMemo(() => reviewQueue({ jobs, order }), [jobs, order]);
  const position = queue.findIndex((j) => j.id === jobId);
  const [focused, setFocused] = useState<{ path: string; evidence: string | null }>({ path: 'basics.name', evidence: 'basics.name' });
  const [problems, setProblems] = useState<Problems>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const strong = draft.duplicates.find((d) => d.reasons.includes('email') || d.reasons.includes('phone'));
  const [choice, setChoice] = useState<Choice>(strong ? { kind: 'merge', candidateId: strong.candidateId } : { kind: 'new' });
  const [preview, setPreview] = useState<MergePreview | null>(null);
  const [previewError, setPreviewError] = useState<unknown>(null);
  const [selected, setSelected] = useState<MergeField[] | null>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const focusedPath = useRef(focused.path);
  focusedPath.current = focused.path;
  const formRef = useRef(form);
  formRef.current = form;

  const resume = useMemo(() => resumeFromForm(form, draft.resume), [form, draft.resume]);
  const upNext = position >= 0 ? queue[position + 1] : queue[0];

  // While this one is checked, the next CV's first page is fetched.
  useEffect(() => {
    if (upNext && upNext.id !== jobId && upNext.format && upNext.format !== 'docx') usePageImages.getState().want(upNext.id, 1);
  }, [upNext, jobId]);
  const candidateId = choice.kind === 'merge' ? choice.candidateId : null;

  // The diff follows the corrections: what a merge takes is what the form says now.
  useEffect(() => {
    if (!candidateId) return;
    let live = true;
    const timer = setTimeout(() => {
      api()
        .call('intake.mergePreview', { jobId, candidateId, resume })
        .then(
          (p) => {
            if (!live) return;
            setPreview(p);
            setPreviewError(null);
          },
          (e: unknown) => live && setPreviewError(e),
        );
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [jobId, candidateId, resume]);

  const takenFields = selected ?? preview?.fields.filter((f) => f.suggested).map((f) => f.field) ?? [];
  // The keyboard handler is set up once; it reads what is on screen now from here.
  const latest = useRef({ saving, choice, preview, takenFields, queue, position });
  latest.current = { saving, choice, preview, takenFields, queue, position };

  const focusField = useCallback((path: string) => {
    const el = rootRef.current?.querySelector<HTMLElement>(`[data-field="${CSS.escape(path)}"]`);
    el?.querySelector<HTMLElement>('input, textarea, select')?.focus();
  }, []);

  useLayoutEffect(() => {
    focusField('basics.name');
  }, [focusField]);

  const moveField = useCallback((step: 1 | -1) => {
    const fields = Array.from(rootRef.current?.querySelectorAll<HTMLElement>('[data-field]') ?? []);
    if (fields.length === 0) return;
    // From a checkbox, a button or the page, J/K go on from the field last worked on.
    const current =
      (document.activeElement as HTMLElement | null)?.closest<HTMLElement>('[data-field]') ??
      rootRef.current?.querySelector<HTMLElement>(`[data-field="${CSS.escape(focusedPath.current)}"]`);
    const index = current ? fields.indexOf(current) : -1;
    const next = fields[index < 0 ? 0 : Math.max(0, Math.min(fields.length - 1, index + step))];
    next?.querySelector<HTMLElement>('input, textarea, select')?.focus();
  }, []);

  const confirm = useCallback(async () => {
    const { saving, choice, preview, takenFields, queue, position } = latest.current;
    if (saving) return;
    const current = formRef.current;
    const local = checkReview(current);
    if (Object.keys(local).length) {
      setProblems(local);
      focusField(Object.keys(local)[0]!);
      return;
    }
    if (choice.kind === 'merge' && !preview) return;
    setSaving(true);
    setFailure(null);
    setProblems({});
    const corrected = resumeFromForm(current, draft.resume);
    try {
      const { candidate } =
        choice.kind === 'merge' && preview
          ? await api().call('candidates.mergeDraft', {
              jobId,
              candidateId: choice.candidateId,
              version: preview.candidate.version,
              fields: takenFields,
              resume: corrected,
              keepNationalId: current.keepNationalId,
            })
          : await api().call('candidates.createFromDraft', { jobId, resume: corrected, keepNationalId: current.keepNationalId });
      const intake = useIntake.getState();
      // The next CV in the queue, in the order they came; this one has left it.
      const rest = reviewQueue(intake).filter((j) => j.id !== jobId);
      const after = queue.slice(position + 1).find((j) => rest.some((r) => r.id === j.id)) ?? rest[0] ?? null;
      intake.saveEdits(jobId, null);
      useToasts.getState().show({
        tone: 'info',
        text: t(choice.kind === 'merge' ? 'review.merged' : 'review.created', { name: candidate.name }),
        action: { label: t('review.showCandidate'), run: () => useUi.getState().openPanel({ mode: 'view', id: candidate.id }) },
      });
      intake.openReview(after?.id ?? null);
    } catch (e) {
      setSaving(false);
      if (e instanceof ApiError && e.code === 'VALIDATION' && e.fieldIssues.length) {
        const issues: Problems = {};
        for (const issue of e.fieldIssues) issues[formPathOfIssue(issue.path)] ??= issue.message;
        setProblems(issues);
        const first = Object.keys(issues)[0];
        if (first) focusField(first);
      } else {
        if (e instanceof ApiError && e.code === 'CONFLICT') setPreview(null);
        setFailure(e);
      }
    }
  }, [draft.resume, jobId, t, focusField]);

  const discard = async () => {
    setSaving(true);
    try {
      await api().call('intake.cancel', { jobId });
      useIntake.getState().saveEdits(jobId, null);
      onBack();
    } catch (e) {
      setSaving(false);
      setFailure(e);
    }
  };

  // A layout effect: the keys work from the moment the screen is painted (a key pressed as
  // the screen appears, before a plain effect had run, was lost).
  useLayoutEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || document.querySelector('dialog[open]')) return;
      const plain = !event.ctrlKey && !event.metaKey && !event.altKey;
      let handled = true;
      if (event.key === 'Escape' && plain) onBack();
      else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !event.altKey) void confirm();
      else if (event.altKey && !event.ctrlKey && !event.metaKey && event.key === 'ArrowDown') moveField(1);
      else if (event.altKey && !event.ctrlKey && !event.metaKey && event.key === 'ArrowUp') moveField(-1);
      else if (plain && !event.shiftKey && !isTypingTarget(event.target) && (event.key === 'j' || event.key === 'J')) moveField(1);
      else if (plain && !event.shiftKey && !isTypingTarget(event.target) && (event.key === 'k' || event.key === 'K')) moveField(-1);
      else handled = false;
      if (handled) {
        event.preventDefault();
        event.stopPropagation();
      }
    };
    // Capture: these keys belong to the review screen before any app-wide shortcut sees them.
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [confirm, moveField, onBack]);

  const box = focused.evidence ? sourceOf(draft.fields, focused.evidence) : null;
  const update = (patch: Partial<ReviewForm>) => setForm({ ...formRef.current, ...patch });
  const updateBasics = (key: keyof ReviewForm['basics'], value: string) =>
    update({ basics: { ...formRef.current.basics, [key]: value } });

  /** One field: its label, its control, and what the reader thought of it. */
  const field = (
    path: string,
    evidence: string | null,
    label: string,
    control: (props: { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string; onFocus(): void }) => ReactNode,
    className = '',
  ) => {
    const id = `rv-${path.replace(/\W/g, '-')}`;
    const confidence = evidence ? confidenceOf(draft.fields, evidence) : null;
    const low = confidence !== null && confidence < LOW_CONFIDENCE;
    const problem = problems[path];
    const message = problem ? (problem in problemKey ? t(problemKey[problem as ReviewProblem]) : problem) : null;
    const described = [message ? `${id}-error` : null, low ? `${id}-low` : null].filter(Boolean).join(' ');
    return (
      <div
        className={`field rv-field${low ? ' low' : ''}${message ? ' field-invalid' : ''}${focused.path === path ? ' current' : ''} ${className}`}
        data-field={path}
      >
        <label htmlFor={id}>
          {label}
          {low ? (
            <span className="low-mark" id={`${id}-low`}>
              {confidence !== null && confidence <= UNREAD_CONFIDENCE
                ? t('review.notReadMark')
                : t('review.unsure', { percent: Math.round((confidence ?? 0) * 100) })}
            </span>
          ) : null}
        </label>
        {control({
          id,
          ...(message ? { 'aria-invalid': true as const } : {}),
          ...(described ? { 'aria-describedby': described } : {}),
          onFocus: () => setFocused({ path, evidence }),
        })}
        {message ? (
          <p className="field-error" id={`${id}-error`}>
            {message}
          </p>
        ) : null}
      </div>
    );
  };

  /** A field the page had but the reader could not read (a period lost on a photo). */
  const unread = (evidence: string | null) => evidence !== null && (confidenceOf(draft.fields, evidence) ?? 1) <= UNREAD_CONFIDENCE;
  /** The placeholder of a date: what an empty field means ('nå' for an end), unless it is empty because it was not read. */
  const datePlaceholder = (evidence: string | null, empty: string) => (unread(evidence) ? t('review.datePlaceholder') : empty);

  const text = (path: string, evidence: string | null, label: string, value: string, onChange: (v: string) => void, extra: { placeholder?: string; inputMode?: 'email' | 'tel' | 'numeric'; className?: string } = {}) =>
    field(
      path,
      evidence,
      label,
      (props) => (
        <input
          {...props}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          placeholder={extra.placeholder}
          inputMode={extra.inputMode}
          autoComplete="off"
          spellCheck={false}
        />
      ),
      extra.className,
    );

  const area = (path: string, evidence: string | null, label: string, value: string, onChange: (v: string) => void) =>
    field(path, evidence, label, (props) => (
      <textarea {...props} value={value} rows={Math.min(8, Math.max(2, value.split('\n').length + 1))} onChange={(e) => onChange(e.target.value)} />
    ));

  /** A list section's rows: each row's fields, a remove button, and an add button under them. */
  function rows<R extends { key: string; origin: number | null }>(
    section: 'work' | 'education' | 'languages' | 'certificates',
    list: R[],
    render: (row: R, index: number, set: (patch: Partial<R>) => void, ev: (key: string) => string | null) => ReactNode,
    make: () => R,
    addLabel: MessageKey,
    rowLabel: (row: R) => string,
  ) {
    const setList = (next: R[]) => update({ [section]: next } as Partial<ReviewForm>);
    return (
      <>
        {list.map((row, index) => {
          const set = (patch: Partial<R>) => setList(list.map((r, i) => (i === index ? { ...r, ...patch } : r)));
          const ev = (key: string) => (row.origin === null ? null : `${section}.${row.origin}.${key}`);
          return (
            <div key={row.key} className="rv-row">
              <div className="rv-row-fields">{render(row, index, set, ev)}</div>
              <button
                type="button"
                className="ghost icon small rv-remove"
                aria-label={t('review.removeRow', { what: rowLabel(row) || t(addLabel) })}
                onClick={() => setList(list.filter((_, i) => i !== index))}
              >
                ×
              </button>
            </div>
          );
        })}
        <button type="button" className="small ghost rv-add" onClick={() => setList([...list, make()])}>
          + {t(addLabel)}
        </button>
      </>
    );
  }

  const b = form.basics;
  const skillsConfidence = confidenceOf(draft.fields, 'skills');
  const lowCount = Object.values(draft.fields).filter((f) => f.confidence < LOW_CONFIDENCE).length;
  const saveLabel = choice.kind === 'merge' ? t('review.confirmMerge') : t('review.confirmCreate');

  return (
    <section className="review" aria-labelledby="review-title">
      <header className="review-head">
        <div>
          <h1 id="review-title">{t('review.title')}</h1>
          <p className="muted small">
            {draft.job.fileName}
            {position >= 0 ? ` · ${t('review.position', { n: position + 1, total: queue.length })}` : null}
            {lowCount ? ` · ${i18n.plural('review.lowCount', lowCount)}` : null}
          </p>
        </div>
        <p className="review-keys muted small">
          <kbd>Alt</kbd>+<kbd>↓</kbd>/<kbd>↑</kbd> {t('review.keysMove')} · <kbd>Ctrl</kbd>+<kbd>Enter</kbd> {t('review.keysConfirm')} ·{' '}
          <kbd>Esc</kbd> {t('review.keysBack')}
        </p>
      </header>

      <div className="review-body">
        <PageViewer jobId={jobId} pages={draft.pages} box={box} text={draft.text} />

        <div className="review-form" ref={rootRef}>
          {draft.duplicates.length > 0 ? (
            <MergeChoice
              duplicates={draft.duplicates}
              choice={choice}
              onChoice={(c) => {
                setChoice(c);
                setPreview(null);
                setPreviewError(null);
                setSelected(null);
              }}
              preview={preview}
              previewError={previewError}
              selected={takenFields}
              onSelected={setSelected}
            />
          ) : null}

          <section aria-labelledby="rv-person">
            <h3 id="rv-person">{t('review.person')}</h3>
            {text('basics.name', 'basics.name', t('field.name'), b.name, (v) => updateBasics('name', v))}
            {text('basics.label', 'basics.label', t('review.label'), b.label, (v) => updateBasics('label', v))}
            <div className="field-pair">
              {text('basics.email', 'basics.email', t('field.emails'), b.email, (v) => updateBasics('email', v), { inputMode: 'email' })}
              {text('basics.phone', 'basics.phone', t('field.phones'), b.phone, (v) => updateBasics('phone', v), { inputMode: 'tel' })}
            </div>
            {text('basics.location.address', 'basics.location.address', t('field.address.street'), b.address, (v) => updateBasics('address', v))}
            <div className="field-pair">
              {text('basics.location.postalCode', 'basics.location.postalCode', t('field.address.postalCode'), b.postalCode, (v) => updateBasics('postalCode', v), {
                className: 'narrow',
                inputMode: 'numeric',
              })}
              {text('basics.location.city', 'basics.location.city', t('field.address.city'), b.city, (v) => updateBasics('city', v))}
            </div>
            {text('basics.birthDate', 'basics.birthDate', t('field.birthDate'), b.birthDate, (v) => updateBasics('birthDate', v), {
              placeholder: t('review.birthPlaceholder'),
              className: 'narrow',
            })}
            {draft.nationalIds.length > 0 ? (
              <div className="national-id">
                <p>
                  {i18n.plural('review.nationalIdFound', draft.nationalIds.length)}{' '}
                  <span className="mono">{draft.nationalIds.map((n) => n.masked).join(', ')}</span>
                </p>
                <label className="check">
                  <input type="checkbox" checked={form.keepNationalId} onChange={(e) => update({ keepNationalId: e.target.checked })} />
                  <span>
                    {t('review.keepNationalId')}
                    <span className="block muted small">{t('review.keepNationalIdHint')}</span>
                  </span>
                </label>
              </div>
            ) : null}
            {area('basics.summary', 'basics.summary', t('review.summary'), b.summary, (v) => updateBasics('summary', v))}
          </section>

          <section aria-labelledby="rv-work">
            <h3 id="rv-work">{t('review.work')}</h3>
            {rows(
              'work',
              form.work,
              (row, i, set, ev) => (
                <>
                  <div className="field-pair">
                    {text(`work.${i}.position`, ev('position'), t('review.role'), row.position, (v) => set({ position: v }))}
                    {text(`work.${i}.name`, ev('name'), t('review.employer'), row.name, (v) => set({ name: v }))}
                  </div>
                  <div className="field-pair">
                    {text(`work.${i}.startDate`, ev('startDate'), t('review.from'), row.startDate, (v) => set({ startDate: v }), { placeholder: datePlaceholder(ev('startDate'), t('review.datePlaceholder')), className: 'narrow' })}
                    {text(`work.${i}.endDate`, ev('endDate'), t('review.to'), row.endDate, (v) => set({ endDate: v }), { placeholder: datePlaceholder(ev('endDate'), t('review.endPlaceholder')), className: 'narrow' })}
                    {text(`work.${i}.location`, ev('location'), t('review.place'), row.location, (v) => set({ location: v }))}
                  </div>
                  {area(`work.${i}.summary`, ev('summary'), t('review.description'), row.summary, (v) => set({ summary: v }))}
                </>
              ),
              emptyWork,
              'review.addWork',
              (row) => [row.position, row.name].filter(Boolean).join(', '),
            )}
          </section>

          <section aria-labelledby="rv-education">
            <h3 id="rv-education">{t('review.education')}</h3>
            {rows(
              'education',
              form.education,
              (row, i, set, ev) => (
                <>
                  <div className="field-pair">
                    {text(`education.${i}.institution`, ev('institution'), t('review.institution'), row.institution, (v) => set({ institution: v }))}
                    {text(`education.${i}.studyType`, ev('studyType'), t('review.studyType'), row.studyType, (v) => set({ studyType: v }))}
                  </div>
                  <div className="field-pair">
                    {text(`education.${i}.area`, ev('area'), t('review.area'), row.area, (v) => set({ area: v }))}
                    {text(`education.${i}.startDate`, ev('startDate'), t('review.from'), row.startDate, (v) => set({ startDate: v }), { placeholder: datePlaceholder(ev('startDate'), t('review.datePlaceholder')), className: 'narrow' })}
                    {text(`education.${i}.endDate`, ev('endDate'), t('review.to'), row.endDate, (v) => set({ endDate: v }), { placeholder: datePlaceholder(ev('endDate'), t('review.datePlaceholder')), className: 'narrow' })}
                  </div>
                </>
              ),
              emptyEducation,
              'review.addEducation',
              (row) => [row.studyType, row.institution].filter(Boolean).join(', '),
            )}
          </section>

          <section aria-labelledby="rv-skills">
            <h3 id="rv-skills">{t('review.skills')}</h3>
            <SkillsField
              low={skillsConfidence !== null && skillsConfidence < LOW_CONFIDENCE ? skillsConfidence : null}
              current={focused.path === 'skills'}
              values={form.skills}
              onChange={(skills) => update({ skills })}
              onFocus={() => setFocused({ path: 'skills', evidence: 'skills' })}
            />
          </section>

          <section aria-labelledby="rv-languages">
            <h3 id="rv-languages">{t('review.languages')}</h3>
            {rows(
              'languages',
              form.languages,
              (row, i, set, ev) => (
                <div className="field-pair">
                  {text(`languages.${i}.language`, ev('language'), t('review.language'), row.language, (v) => set({ language: v }))}
                  {text(`languages.${i}.fluency`, ev('fluency'), t('review.fluency'), row.fluency, (v) => set({ fluency: v }))}
                </div>
              ),
              emptyLanguage,
              'review.addLanguage',
              (row) => row.language,
            )}
          </section>

          <section aria-labelledby="rv-certificates">
            <h3 id="rv-certificates">{t('review.certificates')}</h3>
            {rows(
              'certificates',
              form.certificates,
              (row, i, set, ev) => (
                <div className="field-pair">
                  {text(`certificates.${i}.name`, ev('name'), t('review.certificate'), row.name, (v) => set({ name: v }))}
                  {text(`certificates.${i}.date`, ev('date'), t('review.date'), row.date, (v) => set({ date: v }), { placeholder: t('review.datePlaceholder'), className: 'narrow' })}
                  {text(`certificates.${i}.issuer`, ev('issuer'), t('review.issuer'), row.issuer, (v) => set({ issuer: v }))}
                </div>
              ),
              emptyCertificate,
              'review.addCertificate',
              (row) => row.name,
            )}
          </section>
        </div>
      </div>

      <footer className="review-foot">
        {failure ? (
          <p className="alert error" role="alert">
            {failure instanceof ApiError && failure.code === 'CONFLICT' ? t('review.conflict') : i18n.error(failure)}
          </p>
        ) : Object.keys(problems).length ? (
          <p className="alert error" role="alert">
            {t('candidate.fixFields')}
          </p>
        ) : null}
        <div className="review-buttons">
          <button type="button" className="primary" disabled={saving || (choice.kind === 'merge' && !preview)} onClick={() => void confirm()} aria-keyshortcuts="Control+Enter">
            {saving ? t('candidate.saving') : saveLabel}
          </button>
          <button type="button" onClick={onBack} aria-keyshortcuts="Escape">
            {t('review.back')}
          </button>
          <button type="button" className="ghost danger-text" disabled={saving} onClick={() => void discard()}>
            {t('review.discard')}
          </button>
        </div>
      </footer>
    </section>
  );
}

function SkillsField(props: { low: number | null; current: boolean; values: string[]; onChange(v: string[]): void; onFocus(): void }) {
  const { t } = useI18n();
  return (
    <div className={`rv-field rv-tags${props.low !== null ? ' low' : ''}${props.current ? ' current' : ''}`} data-field="skills" onFocus={props.onFocus}>
      {props.low !== null ? <p className="low-mark">{t('review.unsure', { percent: Math.round(props.low * 100) })}</p> : null}
      <TagInput label={t('review.skillsLabel')} values={props.values} onChange={props.onChange} />
    </div>
  );
}
