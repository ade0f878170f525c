import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { formatPhone } from '../../../../shared/phone.ts';
import { api } from '../../api/client.ts';
import { useUi } from '../../app/stores/ui.ts';
import { useI18n, type MessageKey } from '../../i18n/index.ts';
import { PAGE_SIZE, rowAt, useCandidateList, type ListSort, type StatusFilter } from './listStore.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';

const ROW_HEIGHT = 44;

interface Column {
  key: string;
  label: MessageKey;
  sort?: ListSort;
}

const COLUMNS: Column[] = [
  { key: 'name', label: 'list.col.name', sort: 'name' },
  { key: 'city', label: 'list.col.city', sort: 'city' },
  { key: 'phone', label: 'list.col.phone' },
  { key: 'email', label: 'list.col.email' },
  { key: 'status', label: 'list.col.status' },
  { key: 'updated', label: 'list.col.updated', sort: 'updatedAt' },
];

/** The register: a toolbar (filter, status, new) over a virtualised, sortable grid. */
export function CandidateList() {
  const i18n = useI18n();
  const { t } = i18n;
  const { query, total, pages, generation, activeIndex, error } = useCandidateList();
  const { setQuery, ensureRange, refresh, setActiveIndex } = useCandidateList.getState();
  const panel = useUi((s) => s.panel);
  const openPanel = useUi((s) => s.openPanel);
  const focusTarget = useUi((s) => s.focusTarget);
  const [text, setText] = useState(query.text);
  const filterRef = useRef<HTMLInputElement>(null);
  const gridRef = useRef<HTMLDivElement>(null);
  const scrollRef = useRef<HTMLDivElement>(null);

  const count = total ?? 0;
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? PAGE_SIZE - 1;

  useEffect(() => {
    ensureRange(first, last);
  }, [first, last, generation, ensureRange]);

  // The quick filter waits for a pause in typing before it asks the core.
  useEffect(() => {
    if (text === query.text) return;
    const timer = setTimeout(() => setQuery({ text }), 150);
    return () => clearTimeout(timer);
  }, [text, query.text, setQuery]);

  // Changes made while the register was not on screen (an intake, another tab): reload on return.
  useEffect(() => {
    if (useCandidateList.getState().total !== null) refresh();
  }, [refresh]);

  // A bulk import sends an event per candidate: coalesce them into one reload of the visible rows.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const off = api().on('candidates.changed', () => {
      timer ??= setTimeout(() => {
        timer = null;
        refresh();
      }, 120);
    });
    return () => {
      off();
      if (timer) clearTimeout(timer);
    };
  }, [refresh]);

  useEffect(() => {
    if (!focusTarget) return;
    (focusTarget === 'filter' ? filterRef : gridRef).current?.focus();
    useUi.getState().focusHandled();
  }, [focusTarget]);

  const move = (index: number) => {
    if (count === 0) return;
    const next = Math.max(0, Math.min(index, count - 1));
    setActiveIndex(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };

  const open = (index: number) => {
    const row = rowAt(pages, index);
    if (row) openPanel({ mode: 'view', id: row.id });
  };

  const pageRows = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? ROW_HEIGHT * 10) / ROW_HEIGHT) - 1);

  const onGridKey = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.target !== gridRef.current) return;
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(activeIndex + 1),
      ArrowUp: () => move(activeIndex - 1),
      PageDown: () => move(activeIndex + pageRows),
      PageUp: () => move(activeIndex - pageRows),
      Home: () => move(0),
      End: () => move(count - 1),
      Enter: () => open(activeIndex),
    };
    const action = keys[event.key];
    if (action && !event.altKey && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      action();
    }
  };

  const sortBy = (sort: ListSort) => {
    if (query.sort === sort) setQuery({ dir: query.dir === 'asc' ? 'desc' : 'asc' });
    else setQuery({ sort, dir: sort === 'updatedAt' ? 'desc' : 'asc' });
  };

  const openId = panel && panel.mode !== 'create' ? panel.id : null;
  const activeRow = rowAt(pages, activeIndex);

  return (
    <section className="register" aria-labelledby="register-title">
      <div className="register-head">
        <h1 id="register-title">{t('list.title')}</h1>
        <p className="register-count muted" aria-live="polite">
          {total === null ? '\u00a0' : i18n.plural('list.count', total)}
        </p>
        <button type="button" className="primary" onClick={() => openPanel({ mode: 'create' })} aria-keyshortcuts="Control+N">
          {t('list.new')}
        </button>
      </div>
      <div className="register-bar">
        <div className="field inline grow">
          <label htmlFor="quick-filter">{t('list.filter')}</label>
          <input
            id="quick-filter"
            ref={filterRef}
            type="search"
            value={text}
            placeholder={t('list.filterPlaceholder')}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'ArrowDown' || (e.key === 'Enter' && count > 0)) {
                e.preventDefault();
                gridRef.current?.focus();
                if (e.key === 'Enter') open(activeIndex);
              }
            }}
            aria-keyshortcuts="/"
            autoComplete="off"
          />
        </div>
        <div className="field inline">
          <label htmlFor="status-filter">{t('list.status')}</label>
          <select
            id="status-filter"
            value={query.status}
            onChange={(e) => setQuery({ status: e.target.value as StatusFilter })}
          >
            <option value="active">{t('list.status.active')}</option>
            <option value="inactive">{t('list.status.inactive')}</option>
            <option value="all">{t('list.status.all')}</option>
          </select>
        </div>
      </div>
      <ErrorAlert error={error} />

      <div
        ref={gridRef}
        className="grid"
        role="grid"
        aria-label={t('list.title')}
        aria-rowcount={count + 1}
        aria-colcount={COLUMNS.length}
        tabIndex={0}
        aria-activedescendant={count > 0 && activeRow ? `cand-row-${activeIndex}` : undefined}
        onKeyDown={onGridKey}
      >
        <div role="rowgroup" className="grid-head">
          <div role="row" aria-rowindex={1} className="grid-row">
            {COLUMNS.map((col) => {
              const sorted = col.sort && query.sort === col.sort;
              return (
                <div
                  key={col.key}
                  role="columnheader"
                  className={`cell cell-${col.key}`}
                  aria-sort={sorted ? (query.dir === 'asc' ? 'ascending' : 'descending') : col.sort ? 'none' : undefined}
                >
                  {col.sort ? (
                    <button type="button" className="sort" onClick={() => sortBy(col.sort!)}>
                      {t(col.label)}
                      <span className="sort-mark" aria-hidden="true">
                        {sorted ? (query.dir === 'asc' ? '▲' : '▼') : ''}
                      </span>
                    </button>
                  ) : (
                    t(col.label)
                  )}
                </div>
              );
            })}
          </div>
        </div>
        <div role="rowgroup" ref={scrollRef} className="grid-body">
          {total === 0 ? (
            <div className="grid-empty">
              {query.text || query.status !== 'active' ? (
                <p>{t('list.noMatch')}</p>
              ) : (
                <>
                  <p>{t('list.empty')}</p>
                  <p className="muted">{t('list.emptyHint')}</p>
                </>
              )}
            </div>
          ) : null}
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {items.map((item) => {
              const row = rowAt(pages, item.index);
              const classes = ['grid-row', 'body-row'];
              if (item.index === activeIndex) classes.push('active');
              if (row && row.id === openId) classes.push('open');
              if (row?.status === 'inactive') classes.push('inactive');
              return (
                <div
                  key={item.key}
                  id={`cand-row-${item.index}`}
                  role="row"
                  aria-rowindex={item.index + 2}
                  aria-selected={item.index === activeIndex}
                  className={classes.join(' ')}
                  style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
                  onClick={() => {
                    setActiveIndex(item.index);
                    open(item.index);
                  }}
                >
                  {row ? (
                    <>
                      <div role="gridcell" className="cell cell-name">
                        {row.name}
                      </div>
                      <div role="gridcell" className="cell cell-city">
                        {row.city}
                      </div>
                      <div role="gridcell" className="cell cell-phone">
                        {row.phone ? formatPhone(row.phone) : ''}
                      </div>
                      <div role="gridcell" className="cell cell-email">
                        {row.email ?? ''}
                      </div>
                      <div role="gridcell" className="cell cell-status">
                        <span className={`badge ${row.status}`}>{t(`status.${row.status}`)}</span>
                      </div>
                      <div role="gridcell" className="cell cell-updated">
                        <time dateTime={row.updatedAt}>{i18n.shortMoment(row.updatedAt)}</time>
                      </div>
                    </>
                  ) : (
                    <div role="gridcell" className="cell cell-loading muted">
                      {t('list.loadingRow')}
                    </div>
                  )}
                </div>
              );
            })}
          </div>
        </div>
      </div>
    </section>
  );
}
