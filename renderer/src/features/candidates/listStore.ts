import { create } from 'zustand';
import type { CandidateSort, CandidateSummary } from '../../../../shared/contract/candidates.ts';
import { api } from '../../api/client.ts';
import { onVaultLocked } from '../../app/stores/session.ts';

export const PAGE_SIZE = 100;

export type StatusFilter = 'active' | 'inactive' | 'all';
export type ListSort = Extract<CandidateSort, 'name' | 'city' | 'updatedAt'>;

export interface ListQuery {
  sort: ListSort;
  dir: 'asc' | 'desc';
  status: StatusFilter;
  text: string;
}

interface ListState {
  query: ListQuery;
  /** null until the first page of this query has arrived. */
  total: number | null;
  /** Loaded pages by page number; rows in between are fetched as they scroll into view. */
  pages: Record<number, CandidateSummary[]>;
  /** Bumped on every new query or refresh: answers for an older one are dropped. */
  generation: number;
  activeIndex: number;
  error: unknown;
  setQuery(patch: Partial<ListQuery>): void;
  /** Make sure rows start…end (inclusive) are loaded or loading. */
  ensureRange(start: number, end: number): void;
  /** Something changed: reload what is on screen, keep the position. */
  refresh(): void;
  setActiveIndex(index: number): void;
  clear(): void;
}

const initialQuery: ListQuery = { sort: 'name', dir: 'asc', status: 'active', text: '' };

// Outside the store: which pages are in flight, and the range the user last saw.
let inFlight = new Set<number>();
let visible = { start: 0, end: PAGE_SIZE - 1 };

export const useCandidateList = create<ListState>()((set, get) => {
  const fetchPage = (page: number) => {
    const { query, generation } = get();
    if (inFlight.has(page)) return;
    inFlight.add(page);
    const flight = inFlight;
    api()
      .call('candidates.list', { ...query, offset: page * PAGE_SIZE, limit: PAGE_SIZE })
      .then(
        (result) => {
          if (get().generation !== generation) return;
          const total = result.total;
          set((s) => ({
            total,
            pages: { ...s.pages, [page]: result.items },
            activeIndex: Math.min(s.activeIndex, Math.max(0, total - 1)),
            error: null,
          }));
        },
        (error: unknown) => {
          if (get().generation === generation) set({ error });
        },
      )
      .finally(() => flight.delete(page));
  };

  const pagesOf = (start: number, end: number) => {
    const first = Math.floor(Math.max(0, start) / PAGE_SIZE);
    const last = Math.floor(Math.max(0, end) / PAGE_SIZE);
    const pages: number[] = [];
    for (let p = first; p <= last; p++) pages.push(p);
    return pages;
  };

  return {
    query: initialQuery,
    total: null,
    pages: {},
    generation: 0,
    activeIndex: 0,
    error: null,

    setQuery(patch) {
      inFlight = new Set();
      set((s) => ({ query: { ...s.query, ...patch }, total: null, pages: {}, generation: s.generation + 1, activeIndex: 0 }));
      for (const page of pagesOf(0, PAGE_SIZE - 1)) fetchPage(page);
    },

    ensureRange(start, end) {
      visible = { start, end };
      const { pages, total } = get();
      for (const page of pagesOf(start, end)) {
        if (total !== null && page * PAGE_SIZE >= Math.max(total, 1)) continue;
        if (!pages[page]) fetchPage(page);
      }
    },

    refresh() {
      inFlight = new Set();
      const keep = new Set(pagesOf(visible.start, visible.end));
      // Keep showing the old rows for the visible pages until their fresh copies arrive.
      set((s) => ({
        generation: s.generation + 1,
        pages: Object.fromEntries(Object.entries(s.pages).filter(([p]) => keep.has(Number(p)))),
      }));
      for (const page of keep) fetchPage(page);
    },

    setActiveIndex(index) {
      const total = get().total ?? 0;
      set({ activeIndex: Math.max(0, Math.min(index, total - 1)) });
    },

    clear() {
      inFlight = new Set();
      set((s) => ({ query: initialQuery, total: null, pages: {}, generation: s.generation + 1, activeIndex: 0, error: null }));
    },
  };
});

export function rowAt(pages: Record<number, CandidateSummary[]>, index: number): CandidateSummary | undefined {
  return pages[Math.floor(index / PAGE_SIZE)]?.[index % PAGE_SIZE];
}

onVaultLocked(() => useCandidateList.getState().clear());
