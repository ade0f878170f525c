import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Interview, InterviewAnswer, InterviewTemplate } from '../../../../shared/contract/activity.ts';
import { api } from '../../api/client.ts';
import { useI18n } from '../../i18n/index.ts';
import { Autosaver } from './autosave.ts';
import { useActivityUi } from './store.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';

/** Interviews: started from a template, typed into freely, saved as you type. */
export function Interviews({ candidateId }: { candidateId: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [templates, setTemplates] = useState<InterviewTemplate[] | null>(null);
  const [templateId, setTemplateId] = useState('');
  const [items, setItems] = useState<Interview[]>([]);
  const [open, setOpen] = useState<Interview | null>(null);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(() => void api().call('activity.interviews.list', { candidateId }).then(setItems, setError), [candidateId]);
  useEffect(() => {
    load();
    void api()
      .call('activity.interviewTemplates.list', {})
      .then((list) => {
        setTemplates(list);
        setTemplateId((id) => id || list[0]?.id || '');
      }, setError);
  }, [load]);

  const start = async () => {
    try {
      const created = await api().call('activity.interviews.start', { candidateId, ...(templateId ? { templateId } : {}) });
      setOpen(created);
      load();
    } catch (e) {
      setError(e);
    }
  };

  return (
    <section aria-labelledby="sec-interviews" className="interviews">
      <h3 id="sec-interviews">{t('iv.title')}</h3>
      {open ? (
        <InterviewForm
          key={open.id}
          interview={open}
          onClose={() => {
            setOpen(null);
            load();
          }}
        />
      ) : (
        <>
          {items.length === 0 ? <p className="muted">{t('iv.none')}</p> : null}
          <ul className="interview-list">
            {items.map((iv) => (
              <li key={iv.id}>
                <button type="button" className="ghost" onClick={() => void api().call('activity.interviews.get', { id: iv.id }).then(setOpen, setError)}>
                  {iv.title} · {i18n.shortMoment(iv.at)}
                </button>
              </li>
            ))}
          </ul>
          <div className="toolbar">
            <label className="inline-label" htmlFor="iv-template">
              {t('iv.template')}
            </label>
            <select id="iv-template" value={templateId} onChange={(e) => setTemplateId(e.target.value)}>
              {(templates ?? []).map((tpl) => (
                <option key={tpl.id} value={tpl.id}>
                  {tpl.name}
                </option>
              ))}
              <option value="">{t('iv.blank')}</option>
            </select>
            <button type="button" disabled={templates === null} onClick={() => void start()}>
              {t('iv.start')}
            </button>
            <button type="button" className="ghost small" onClick={() => useActivityUi.getState().openTemplates()}>
              {t('iv.editTemplates')}
            </button>
          </div>
        </>
      )}
      <ErrorAlert error={error} />
    </section>
  );
}

function InterviewForm({ interview, onClose }: { interview: Interview; onClose(): void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [answers, setAnswers] = useState<Record<string, InterviewAnswer>>(interview.answers);
  const [notes, setNotes] = useState(interview.notes);
  const [status, setStatus] = useState<{ state: 'idle' | 'saving' | 'saved' | 'failed'; at: string | null }>({ state: 'idle', at: null });
  const revision = useRef(interview.revision);

  const saver = useMemo(
    () =>
      new Autosaver<{ answers: Record<string, InterviewAnswer>; notes: string }>(
        async (s) => {
          const saved = await api().call('activity.interviews.save', { id: interview.id, revision: ++revision.current, answers: s.answers, notes: s.notes });
          setStatus({ state: 'saved', at: saved.savedAt });
        },
        (state) => setStatus((s) => ({ state: state === 'saved' ? 'saved' : state, at: s.at })),
      ),
    [interview.id],
  );
  useEffect(() => () => void saver.flush(), [saver]);

  const change = (nextAnswers: Record<string, InterviewAnswer>, nextNotes: string) => {
    setAnswers(nextAnswers);
    setNotes(nextNotes);
    saver.change({ answers: nextAnswers, notes: nextNotes });
  };
  const answer = (id: string) => answers[id] ?? { score: null, text: '' };

  return (
    <form className="card interview-form" aria-label={interview.title} onSubmit={(e) => e.preventDefault()}>
      <header className="panel-head">
        <h4>
          {interview.title} · {i18n.shortMoment(interview.at)}
        </h4>
        <output className="muted small" aria-live="polite">
          {status.state === 'saving' ? t('iv.saving') : status.state === 'failed' ? t('iv.saveFailed') : status.at ? t('iv.savedAt', { when: i18n.shortMoment(status.at) }) : t('iv.unsaved')}
        </output>
      </header>
      {interview.questions.map((q) => (
        <fieldset key={q.id} className="question">
          <legend>
            <strong>{q.competence}</strong> {q.text ? <span className="muted">– {q.text}</span> : null}
          </legend>
          <div className="scores" role="radiogroup" aria-label={`${q.competence}: ${t('iv.score')}`}>
            {[1, 2, 3, 4, 5].map((n) => (
              <label key={n} className="score">
                <input type="radio" name={`score-${q.id}`} checked={answer(q.id).score === n} onChange={() => change({ ...answers, [q.id]: { ...answer(q.id), score: n } }, notes)} /> {n}
              </label>
            ))}
          </div>
          <textarea
            aria-label={`${q.competence}: ${t('iv.answer')}`}
            rows={3}
            value={answer(q.id).text}
            onChange={(e) => change({ ...answers, [q.id]: { ...answer(q.id), text: e.target.value } }, notes)}
          />
        </fieldset>
      ))}
      <div className="field">
        <label htmlFor={`iv-notes-${interview.id}`}>{t('iv.notes')}</label>
        <textarea id={`iv-notes-${interview.id}`} rows={4} value={notes} onChange={(e) => change(answers, e.target.value)} />
      </div>
      <div className="toolbar">
        <button
          type="button"
          onClick={() => {
            void saver.flush().then(onClose);
          }}
        >
          {t('iv.close')}
        </button>
      </div>
    </form>
  );
}
