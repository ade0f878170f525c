import { useLayoutEffect, useRef, useState, type FormEvent } from 'react';
import { TEMPLATE_LIMITS, templateNameKey, type InterviewTemplate } from '../../../../shared/contract/activity.ts';
import { api } from '../../api/client.ts';
import { ApiError } from '../../api/errors.ts';
import { useDiscardQuestion } from '../../ui/useDiscardQuestion.ts';
import { useI18n } from '../../i18n/index.ts';
import { Field } from '../../ui/Field.tsx';

/** A question being edited: `id` once saved, `key` for React and focus either way. */
export interface DraftQuestion {
  key: string;
  id?: string;
  competence: string;
  text: string;
}

export interface Draft {
  id?: string;
  name: string;
  questions: DraftQuestion[];
}

let nextKey = 1;
export const newKey = () => `q${nextKey++}`;
export const blankQuestion = (): DraftQuestion => ({ key: newKey(), competence: '', text: '' });

type Problems = { name: string | null; questions: string | null; items: Record<string, { competence: string | null; text: string | null }> };

/** One template's name and ordered questions, with its checks, keyboard moves and the question before changes are thrown away. */
export function TemplateEditor({ draft, others, onCancel, onSaved }: { draft: Draft; others: InterviewTemplate[]; onCancel(): void; onSaved(saved: InterviewTemplate): Promise<void> }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [name, setName] = useState(draft.name);
  const [questions, setQuestions] = useState<DraftQuestion[]>(draft.questions);
  const [tried, setTried] = useState(false);
  const [saving, setSaving] = useState(false);
  const [nameTaken, setNameTaken] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  /** After a move, add or remove: which control to focus once the list has re-rendered. */
  const pendingFocus = useRef<string | null>(null);

  useLayoutEffect(() => {
    formRef.current?.querySelector<HTMLElement>('[data-focus="name"]')?.focus();
  }, []);

  useLayoutEffect(() => {
    const wanted = pendingFocus.current;
    if (!wanted) return;
    pendingFocus.current = null;
    const key = wanted.split(':')[0]!;
    // A question moved to the top or the bottom: its other move button is the one still usable.
    const candidates = [wanted, `${key}:up`, `${key}:down`, `${key}:competence`];
    for (const c of candidates) {
      const el = formRef.current?.querySelector<HTMLElement>(`[data-focus="${c}"]:not(:disabled)`);
      if (el) {
        el.focus();
        break;
      }
    }
  }, [questions]);

  const shape = (qs: { id?: string; competence: string; text: string }[]) => JSON.stringify(qs.map((q) => [q.id ?? '', q.competence, q.text]));
  const dirty = name !== draft.name || shape(questions) !== shape(draft.questions);
  const question = useDiscardQuestion(dirty);
  /** Cancel (or Esc): leaves at once when nothing changed, else asks before throwing the changes away. */
  const cancel = () => (dirty ? question.ask() : onCancel());
  const keepEditing = () => {
    question.keepEditing();
    cancelRef.current?.focus();
  };

  const tooLong = (value: string, max: number) => ([...value.trim()].length > max ? t('tpl.tooLong', { n: max }) : null);
  const problems: Problems = {
    name: !name.trim()
      ? t('tpl.nameRequired')
      : (tooLong(name, TEMPLATE_LIMITS.name) ?? (nameTaken || others.some((o) => templateNameKey(o.name) === templateNameKey(name)) ? t('tpl.nameTaken') : null)),
    questions: questions.length === 0 ? t('tpl.questionsRequired') : null,
    items: Object.fromEntries(
      questions.map((q) => [
        q.key,
        {
          competence: !q.competence.trim() ? t('tpl.competenceRequired') : tooLong(q.competence, TEMPLATE_LIMITS.competence),
          text: !q.text.trim() ? t('tpl.textRequired') : tooLong(q.text, TEMPLATE_LIMITS.text),
        },
      ]),
    ),
  };
  const invalid = Boolean(problems.name || problems.questions || Object.values(problems.items).some((p) => p.competence || p.text));
  const show = (p: string | null) => (tried ? p : null);

  const update = (key: string, patch: Partial<DraftQuestion>) => setQuestions((qs) => qs.map((q) => (q.key === key ? { ...q, ...patch } : q)));
  const move = (index: number, by: -1 | 1) => {
    const q = questions[index]!;
    pendingFocus.current = `${q.key}:${by < 0 ? 'up' : 'down'}`;
    setQuestions((qs) => {
      const next = [...qs];
      const [moved] = next.splice(index, 1);
      next.splice(index + by, 0, moved!);
      return next;
    });
  };
  const removeAt = (index: number) => {
    const after = questions[index + 1] ?? questions[index - 1];
    pendingFocus.current = after ? `${after.key}:competence` : 'add';
    setQuestions((qs) => qs.filter((_, i) => i !== index));
  };
  const add = () => {
    const q = blankQuestion();
    pendingFocus.current = `${q.key}:competence`;
    setQuestions((qs) => [...qs, q]);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    setFailure(null);
    if (invalid) {
      // The first field to fix gets focus; its error is read with it.
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      if (problems.questions) formRef.current?.querySelector<HTMLElement>('[data-focus="add"]')?.focus();
      return;
    }
    setSaving(true);
    try {
      const saved = await api().call('activity.interviewTemplates.save', {
        ...(draft.id ? { id: draft.id } : {}),
        name: name.trim(),
        questions: questions.map((q) => ({ ...(q.id ? { id: q.id } : {}), competence: q.competence.trim(), text: q.text.trim() })),
      });
      await onSaved(saved);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'VALIDATION' && (e.details as { reason?: string } | undefined)?.reason === 'duplicateName') {
        setNameTaken(true);
        requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[data-focus="name"]')?.focus());
      } else setFailure(e);
    } finally {
      setSaving(false);
    }
  };

  const atLimit = questions.length >= TEMPLATE_LIMITS.questions;

  return (
    <form
      ref={formRef}
      className="template-editor"
      aria-label={draft.id ? t('tpl.editTitle', { name: draft.name }) : t('tpl.newTitle')}
      noValidate
      onSubmit={(e) => void submit(e)}
      onKeyDown={(e) => {
        // Esc cancels the edit here rather than leaving the settings with it unsaved.
        if (e.key !== 'Escape') return;
        e.preventDefault();
        if (question.asking) keepEditing();
        else cancel();
      }}
    >
      <h3 className="template-editor-title">{draft.id ? t('tpl.editTitle', { name: draft.name }) : t('tpl.newTitle')}</h3>
      <Field label={t('tpl.name')} error={show(problems.name)}>
        {(control) => (
          <input
            {...control}
            data-focus="name"
            value={name}
            maxLength={TEMPLATE_LIMITS.name + 20}
            onChange={(e) => {
              setName(e.target.value);
              setNameTaken(false);
            }}
          />
        )}
      </Field>

      <ol className="template-questions" aria-label={t('tpl.questions')}>
        {questions.map((q, index) => {
          const p = problems.items[q.key]!;
          const label = t('tpl.questionN', { n: index + 1 });
          return (
            <li key={q.key}>
              <fieldset className="template-question">
                <legend>{label}</legend>
                <div className="field-pair">
                  <Field label={t('tpl.competence')} className="narrow" error={show(p.competence)}>
                    {(control) => (
                      <input
                        {...control}
                        data-focus={`${q.key}:competence`}
                        value={q.competence}
                        placeholder={t('tpl.competenceExample')}
                        onChange={(e) => update(q.key, { competence: e.target.value })}
                      />
                    )}
                  </Field>
                  <Field label={t('tpl.text')} error={show(p.text)}>
                    {(control) => <textarea {...control} rows={2} value={q.text} onChange={(e) => update(q.key, { text: e.target.value })} />}
                  </Field>
                </div>
                <div className="template-question-actions">
                  <button type="button" className="ghost small" data-focus={`${q.key}:up`} disabled={index === 0} aria-label={t('tpl.moveUpN', { n: index + 1 })} onClick={() => move(index, -1)}>
                    ↑ {t('tpl.moveUp')}
                  </button>
                  <button
                    type="button"
                    className="ghost small"
                    data-focus={`${q.key}:down`}
                    disabled={index === questions.length - 1}
                    aria-label={t('tpl.moveDownN', { n: index + 1 })}
                    onClick={() => move(index, 1)}
                  >
                    ↓ {t('tpl.moveDown')}
                  </button>
                  <button type="button" className="ghost small" aria-label={t('tpl.removeN', { n: index + 1 })} onClick={() => removeAt(index)}>
                    {t('tpl.remove')}
                  </button>
                </div>
              </fieldset>
            </li>
          );
        })}
      </ol>
      {show(problems.questions) ? (
        <p className="field-error" id="tpl-questions-error">
          {problems.questions}
        </p>
      ) : null}
      <div className="toolbar">
        <button type="button" data-focus="add" disabled={atLimit} aria-describedby={show(problems.questions) ? 'tpl-questions-error' : undefined} onClick={add}>
          + {t('tpl.addQuestion')}
        </button>
        {atLimit ? <span className="muted small">{t('tpl.limit', { n: TEMPLATE_LIMITS.questions })}</span> : null}
      </div>

      {tried && invalid ? (
        <p className="alert error" role="alert">
          {t('tpl.fix')}
        </p>
      ) : null}
      {failure ? (
        <p className="alert error" role="alert">
          {failure instanceof ApiError && failure.code === 'NOT_FOUND' ? t('tpl.gone') : i18n.error(failure)}
        </p>
      ) : null}
      {question.asking ? (
        <div className="alert note" role="alertdialog" aria-labelledby="tpl-discard-title">
          <p id="tpl-discard-title">{t('tpl.discardQuestion')}</p>
          <div className="toolbar">
            <button type="button" ref={question.keepEditingRef} onClick={keepEditing}>
              {t('tpl.keepEditing')}
            </button>
            <button type="button" className="danger" onClick={() => question.discard(onCancel)}>
              {t('tpl.discard')}
            </button>
          </div>
        </div>
      ) : null}
      <footer className="toolbar template-editor-foot">
        <button type="submit" className="primary" disabled={saving}>
          {saving ? t('tpl.saving') : t('tpl.save')}
        </button>
        <button type="button" ref={cancelRef} onClick={cancel}>
          {t('tpl.cancel')}
        </button>
      </footer>
    </form>
  );
}
