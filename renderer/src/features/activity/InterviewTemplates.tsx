import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { InterviewTemplate } from '../../../../shared/contract/activity.ts';
import { api } from '../../api/client.ts';
import { ApiError } from '../../api/errors.ts';
import { useToasts } from '../../app/stores/toasts.ts';
import { useI18n } from '../../i18n/index.ts';
import { useActivityUi } from './store.ts';
import { blankQuestion, newKey, TemplateEditor, type Draft } from './TemplateEditor.tsx';
import './activity.css';

/**
 * The settings' interview templates: a list with edit and delete, and a form for
 * one template's name and ordered questions. Interviews copy the questions when they
 * start, so nothing here changes an interview already held.
 */
export function InterviewTemplateSettings() {
  const i18n = useI18n();
  const { t } = i18n;
  const [templates, setTemplates] = useState<InterviewTemplate[] | null>(null);
  const [editing, setEditing] = useState<Draft | null>(null);
  const [confirming, setConfirming] = useState<InterviewTemplate | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  /** Where focus goes when the list comes back: a template's edit button, or "new template". */
  const returnFocus = useRef<string | null>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const keepRef = useRef<HTMLButtonElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const asked = useActivityUi((s) => s.showTemplates);

  useEffect(() => {
    if (!asked) return;
    headingRef.current?.scrollIntoView({ block: 'start' });
    headingRef.current?.focus();
    useActivityUi.getState().templatesShown();
  }, [asked]);

  const load = () =>
    api()
      .call('activity.interviewTemplates.list', {})
      .then((list) => {
        setTemplates(list);
        return list;
      });

  useEffect(() => {
    load().catch(setFailure);
  }, []);

  useLayoutEffect(() => {
    if (editing || !returnFocus.current) return;
    const target = listRef.current?.querySelector<HTMLElement>(`[data-focus="${returnFocus.current}"]`) ?? listRef.current?.querySelector<HTMLElement>('[data-focus="new"]');
    returnFocus.current = null;
    target?.focus();
  }, [editing, templates]);

  useEffect(() => {
    if (confirming) keepRef.current?.focus();
  }, [confirming]);

  const edit = (tpl: InterviewTemplate | null) => {
    setFailure(null);
    setConfirming(null);
    setEditing(
      tpl
        ? { id: tpl.id, name: tpl.name, questions: tpl.questions.map((q) => ({ key: newKey(), id: q.id, competence: q.competence, text: q.text })) }
        : { name: '', questions: [blankQuestion()] },
    );
  };

  const close = (focus: string) => {
    returnFocus.current = focus;
    setEditing(null);
  };

  const remove = async (tpl: InterviewTemplate) => {
    setBusy(true);
    setFailure(null);
    try {
      await api().call('activity.interviewTemplates.delete', { id: tpl.id });
      setConfirming(null);
      returnFocus.current = 'new';
      await load();
      useToasts.getState().show({ tone: 'info', text: t('tpl.deleted', { name: tpl.name }) });
    } catch (e) {
      setConfirming(null);
      setFailure(e);
      await load().catch(() => undefined);
    } finally {
      setBusy(false);
    }
  };

  const onlyOne = templates !== null && templates.length <= 1;
  const lastTemplate = failure instanceof ApiError && failure.code === 'CONFLICT';

  return (
    <section className="card interview-templates" aria-labelledby="settings-templates" id="interview-templates">
      <h2 id="settings-templates" ref={headingRef} tabIndex={-1}>
        {t('tpl.title')}
      </h2>
      <p className="muted">{t('tpl.intro')}</p>
      {editing ? (
        <TemplateEditor
          draft={editing}
          others={(templates ?? []).filter((x) => x.id !== editing.id)}
          onCancel={() => close(editing.id ? `edit-${editing.id}` : 'new')}
          onSaved={async (saved) => {
            useToasts.getState().show({ tone: 'info', text: t('tpl.saved', { name: saved.name }) });
            // The list is reloaded before the form closes, so focus can land on the saved template.
            await load().catch(setFailure);
            returnFocus.current = `edit-${saved.id}`;
            setEditing(null);
          }}
        />
      ) : (
        <div ref={listRef}>
          {templates === null ? (
            <p className="muted">{t('tpl.loading')}</p>
          ) : (
            <ul className="template-list" aria-label={t('tpl.title')}>
              {templates.map((tpl) => (
                <li key={tpl.id}>
                  <div className="template-summary">
                    <strong>{tpl.name}</strong>
                    <span className="muted small">{i18n.plural('tpl.questionCount', tpl.questions.length)}</span>
                  </div>
                  <div className="template-actions">
                    <button type="button" className="ghost small" data-focus={`edit-${tpl.id}`} aria-label={t('tpl.editNamed', { name: tpl.name })} onClick={() => edit(tpl)}>
                      {t('tpl.edit')}
                    </button>
                    <button
                      type="button"
                      className="ghost small"
                      data-focus={`delete-${tpl.id}`}
                      aria-label={t('tpl.deleteNamed', { name: tpl.name })}
                      aria-describedby={onlyOne ? 'tpl-last-hint' : undefined}
                      disabled={onlyOne || busy}
                      onClick={() => setConfirming(tpl)}
                    >
                      {t('tpl.delete')}
                    </button>
                  </div>
                </li>
              ))}
            </ul>
          )}
          {confirming ? (
            <div className="alert note" role="alertdialog" aria-labelledby="tpl-confirm-title" aria-describedby="tpl-confirm-text">
              <p id="tpl-confirm-title">
                <strong>{t('tpl.confirmTitle', { name: confirming.name })}</strong>
              </p>
              <p id="tpl-confirm-text">{t('tpl.confirmText')}</p>
              <div className="toolbar">
                <button
                  type="button"
                  ref={keepRef}
                  onClick={() => {
                    returnFocus.current = `delete-${confirming.id}`;
                    setConfirming(null);
                  }}
                >
                  {t('tpl.keep')}
                </button>
                <button type="button" className="danger" disabled={busy} onClick={() => void remove(confirming)}>
                  {t('tpl.confirmDelete')}
                </button>
              </div>
            </div>
          ) : null}
          <div className="toolbar">
            <button type="button" data-focus="new" disabled={templates === null} onClick={() => edit(null)}>
              {t('tpl.new')}
            </button>
          </div>
          {onlyOne ? (
            <p className="muted small" id="tpl-last-hint">
              {t('tpl.lastHint')}
            </p>
          ) : null}
        </div>
      )}
      {failure ? (
        <p className="alert error" role="alert">
          {lastTemplate ? t('tpl.lastHint') : i18n.error(failure)}
        </p>
      ) : null}
    </section>
  );
}
