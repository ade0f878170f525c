import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { SearchRegionNames, SearchRegions, type CandidateSearchHit, type SearchRegion } from '../../../../shared/contract/search.ts';
import { useUi } from '../../app/stores/ui.ts';
import { useI18n, type MessageKey } from '../../i18n/index.ts';
import { SavedSearches } from './SavedSearches.tsx';
import { problemText, queryProblem } from './searchError.ts';
import { EMPTY_FILTERS, statusChoice, useSearch, type StatusChoice } from './store.ts';
import { SyntaxHelp } from './SyntaxHelp.tsx';
import './search.css';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';

/** Boolean search over the register: query, filters, ranked hits with their snippets, saved searches. */
export function SearchView() {
  const i18n = useI18n();
  const { t } = i18n;
  const s = useSearch();
  const inputRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const focusTarget = useUi((u) => u.focusTarget);
  const problem = queryProblem(s.error);

  useEffect(() => {
    inputRef.current?.focus();
    void useSearch.getState().loadSaved();
  }, []);

  // Ctrl+K while the search is on screen: back to the field.
  useEffect(() => {
    if (focusTarget !== 'search') return;
    inputRef.current?.focus();
    inputRef.current?.select();
    useUi.getState().focusHandled();
  }, [focusTarget]);

  // Filters take effect at once once something has been searched.
  const filtersKey = JSON.stringify([s.filters, s.includeInactive]);
  const searched = s.total !== null;
  const firstFilters = useRef(filtersKey);
  useEffect(() => {
    if (filtersKey === firstFilters.current) return;
    firstFilters.current = filtersKey;
    if (searched) void useSearch.getState().run();
  }, [filtersKey, searched]);

  const focusHit = (index: number) => {
    const items = listRef.current?.querySelectorAll<HTMLButtonElement>('button.search-hit');
    if (!items || items.length === 0) return;
    items[Math.max(0, Math.min(index, items.length - 1))]?.focus();
  };

  const onListKey = (event: KeyboardEvent<HTMLUListElement>) => {
    const items = [...(listRef.current?.querySelectorAll<HTMLButtonElement>('button.search-hit') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLButtonElement);
    if (at < 0) return;
    const moves: Record<string, number> = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: items.length - 1 };
    if (event.key === 'ArrowUp' && at === 0) {
      event.preventDefault();
      inputRef.current?.focus();
      return;
    }
    const to = moves[event.key];
    if (to !== undefined) {
      event.preventDefault();
      focusHit(to);
    }
  };

  return (
    <section className="search" aria-labelledby="search-title">
      <div className="search-main">
        <h1 id="search-title">{t('search.title')}</h1>
        <form
          className="search-form"
          role="search"
          onSubmit={(e) => {
            e.preventDefault();
            void s.run();
          }}
        >
          <label htmlFor="search-query" className="sr-only">
            {t('search.label')}
          </label>
          <input
            id="search-query"
            ref={inputRef}
            type="search"
            value={s.query}
            placeholder={t('search.placeholder')}
            onChange={(e) => s.setQuery(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'ArrowDown' && s.hits.length > 0) {
                e.preventDefault();
                focusHit(0);
              }
            }}
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? 'search-problem' : 'search-help'}
            aria-keyshortcuts="Control+K"
            autoComplete="off"
            spellCheck={false}
          />
          <button type="submit" className="primary" disabled={s.busy}>
            {t('search.run')}
          </button>
        </form>
        {problem ? (
          <div id="search-problem" className="alert error search-problem" role="alert">
            <p>{problemText(i18n, problem)}</p>
            <p className="mono search-problem-query" aria-hidden="true">
              {s.query.slice(0, problem.position)}
              <mark>{s.query.slice(problem.position, problem.position + Math.max(1, problem.length)) || '\u00a0'}</mark>
              {s.query.slice(problem.position + Math.max(1, problem.length))}
            </p>
          </div>
        ) : s.error ? (
          <ErrorAlert error={s.error} />
        ) : null}
        <SyntaxHelp />
        <Filters />
        <Results onListKey={onListKey} listRef={listRef} />
      </div>
      <SavedSearches />
    </section>
  );
}

function Filters() {
  const { t } = useI18n();
  const s = useSearch();
  const status = statusChoice(s);
  return (
    <fieldset className="search-filters">
      <legend>{t('search.filters')}</legend>
      <div className="field inline">
        <label htmlFor="search-status">{t('search.filter.status')}</label>
        <select id="search-status" value={status} onChange={(e) => s.setStatus(e.target.value as StatusChoice)}>
          <option value="active">{t('search.filter.status.active')}</option>
          <option value="inactive">{t('search.filter.status.inactive')}</option>
          <option value="all">{t('search.filter.status.all')}</option>
        </select>
      </div>
      <div className="field inline">
        <label htmlFor="search-available">{t('search.filter.availableBy')}</label>
        <input id="search-available" type="date" value={s.filters.availableBy ?? ''} onChange={(e) => s.setFilters({ availableBy: e.target.value || null })} />
      </div>
      <div className="field inline">
        <label htmlFor="search-region">{t('search.filter.region')}</label>
        <select
          id="search-region"
          value={s.filters.region ?? ''}
          onChange={(e) => s.setFilters({ region: (e.target.value || null) as SearchRegion | null })}
        >
          <option value="">{t('search.filter.region.any')}</option>
          {SearchRegions.map((r) => (
            <option key={r} value={r}>
              {SearchRegionNames[r]}
            </option>
          ))}
        </select>
      </div>
      <div className="field inline">
        <label htmlFor="search-postal">{t('search.filter.postalPrefix')}</label>
        <input
          id="search-postal"
          inputMode="numeric"
          maxLength={4}
          size={5}
          value={s.filters.postalPrefix ?? ''}
          onChange={(e) => {
            const digits = e.target.value.replace(/\D/g, '');
            s.setFilters({ postalPrefix: digits || null });
          }}
        />
      </div>
      <DeferredText id="search-cert" label={t('search.filter.certificate')} value={s.filters.certificate} onCommit={(v) => s.setFilters({ certificate: v })} />
      <DeferredText id="search-lang" label={t('search.filter.language')} value={s.filters.language} onCommit={(v) => s.setFilters({ language: v })} />
      <button
        type="button"
        className="ghost"
        onClick={() => useSearch.setState({ filters: EMPTY_FILTERS, includeInactive: false })}
      >
        {t('search.filter.clear')}
      </button>
    </fieldset>
  );
}

/** A text filter that applies when the recruiter leaves the field or presses Enter, not on every letter. */
function DeferredText(props: { id: string; label: string; value: string; onCommit(value: string): void }) {
  const [text, setText] = useState(props.value);
  useEffect(() => setText(props.value), [props.value]);
  const commit = () => {
    if (text.trim() !== props.value) props.onCommit(text.trim());
  };
  return (
    <div className="field inline">
      <label htmlFor={props.id}>{props.label}</label>
      <input
        id={props.id}
        value={text}
        size={14}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            commit();
          }
        }}
      />
    </div>
  );
}

function Results(props: { onListKey(e: KeyboardEvent<HTMLUListElement>): void; listRef: React.RefObject<HTMLUListElement | null> }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { total, hits, more } = useSearch();
  const openPanel = useUi((u) => u.openPanel);
  if (total === null) return <p className="muted search-start">{t('search.start')}</p>;
  return (
    <div className="search-results" aria-labelledby="search-count">
      <p id="search-count" className="muted" aria-live="polite">
        {i18n.plural('search.count', total)}
      </p>
      {total === 0 ? <p className="search-none">{t('search.none')}</p> : null}
      <ul ref={props.listRef} className="search-hits" aria-label={t('search.results')} onKeyDown={props.onListKey}>
        {hits.map((hit) => (
          <li key={hit.id}>
            <button type="button" className="search-hit" onClick={() => openPanel({ mode: 'view', id: hit.id })}>
              <HitBody hit={hit} />
            </button>
          </li>
        ))}
      </ul>
      {hits.length < total ? (
        <button type="button" onClick={() => void more()}>
          {t('search.more')}
        </button>
      ) : null}
    </div>
  );
}

function HitBody({ hit }: { hit: CandidateSearchHit }) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <>
      <span className="search-hit-head">
        <span className="search-hit-name">{hit.name}</span>
        <span className="muted small">
          {[hit.postalCode, hit.city].filter(Boolean).join(' ')}
          {hit.availableFrom ? ` · ${t('search.availableFrom', { date: i18n.date(hit.availableFrom) })}` : ''}
        </span>
        {hit.status === 'inactive' ? <span className="badge">{t('search.inactive')}</span> : null}
      </span>
      {hit.snippet.length > 0 ? (
        <span className="search-snippet">
          {hit.snippetField ? <span className="search-snippet-field">{t(`search.field.${hit.snippetField}` as MessageKey)}: </span> : null}
          {hit.snippet.map((part, i) => (part.hit ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}
        </span>
      ) : null}
    </>
  );
}
