import { useState } from 'react';
import { useToasts } from '../../app/stores/toasts.ts';
import { useI18n } from '../../i18n/index.ts';
import { problemText, queryProblem } from './searchError.ts';
import { useSearch } from './store.ts';

/** Saved searches: run one with a click, save the current one under a name, delete. */
export function SavedSearches() {
  const i18n = useI18n();
  const { t } = i18n;
  const { saved, save, remove, apply } = useSearch();
  const [name, setName] = useState('');
  const [failure, setFailure] = useState<unknown>(null);
  const problem = queryProblem(failure);

  return (
    <aside className="search-saved card" aria-labelledby="search-saved-title">
      <h2 id="search-saved-title">{t('search.saved')}</h2>
      {saved.length === 0 ? <p className="muted small">{t('search.saved.none')}</p> : null}
      <ul className="search-saved-list">
        {saved.map((s) => (
          <li key={s.id}>
            <button type="button" className="linkish" title={s.query} aria-label={t('search.saved.run', { name: s.name })} onClick={() => void apply(s)}>
              {s.name}
            </button>
            <button type="button" className="ghost small" aria-label={t('search.saved.delete', { name: s.name })} onClick={() => void remove(s.id)}>
              ×
            </button>
          </li>
        ))}
      </ul>
      <form
        className="search-save"
        onSubmit={(e) => {
          e.preventDefault();
          if (!name.trim()) return;
          save(name.trim()).then(
            (s) => {
              setFailure(null);
              setName('');
              useToasts.getState().show({ tone: 'info', text: t('search.saved.saved', { name: s.name }) });
            },
            (error: unknown) => setFailure(error),
          );
        }}
      >
        <label htmlFor="search-save-name">{t('search.saved.name')}</label>
        <input id="search-save-name" value={name} onChange={(e) => setName(e.target.value)} maxLength={100} />
        <button type="submit" disabled={!name.trim()}>
          {t('search.saved.save')}
        </button>
      </form>
      {failure ? (
        <p className="alert error small" role="alert">
          {problem ? problemText(i18n, problem) : i18n.error(failure)}
        </p>
      ) : null}
    </aside>
  );
}
