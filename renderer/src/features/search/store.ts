import { create } from 'zustand';
import type { CandidateSearchHit, SavedCandidateSearch, SearchFilters } from '../../../../shared/contract/search.ts';
import { api } from '../../api/client.ts';

export const PAGE = 50;

export const EMPTY_FILTERS: SearchFilters = { status: null, availableBy: null, postalPrefix: null, region: null, certificate: '', language: '' };

export type StatusChoice = 'active' | 'inactive' | 'all';

interface SearchState {
  query: string;
  filters: SearchFilters;
  includeInactive: boolean;
  /** null: nothing searched yet. */
  total: number | null;
  hits: CandidateSearchHit[];
  error: unknown;
  busy: boolean;
  saved: SavedCandidateSearch[];
  /** Bumped on every search, so an older answer arriving late is dropped. */
  seq: number;
  setQuery(query: string): void;
  setFilters(patch: Partial<SearchFilters>): void;
  setStatus(choice: StatusChoice): void;
  run(): Promise<void>;
  more(): Promise<void>;
  loadSaved(): Promise<void>;
  save(name: string): Promise<SavedCandidateSearch>;
  remove(id: string): Promise<void>;
  apply(saved: SavedCandidateSearch): Promise<void>;
}

const request = (s: SearchState, offset: number) => ({
  query: s.query,
  filters: {
    ...s.filters,
    postalPrefix: s.filters.postalPrefix?.trim() ? s.filters.postalPrefix.trim() : null,
  },
  includeInactive: s.includeInactive,
  limit: PAGE,
  offset,
});

export const statusChoice = (s: Pick<SearchState, 'filters' | 'includeInactive'>): StatusChoice =>
  s.filters.status === 'inactive' ? 'inactive' : s.includeInactive ? 'all' : 'active';

export const useSearch = create<SearchState>()((set, get) => ({
  query: '',
  filters: EMPTY_FILTERS,
  includeInactive: false,
  total: null,
  hits: [],
  error: null,
  busy: false,
  saved: [],
  seq: 0,
  setQuery: (query) => set({ query }),
  setFilters: (patch) => set({ filters: { ...get().filters, ...patch } }),
  setStatus: (choice) =>
    set({
      includeInactive: choice === 'all',
      filters: { ...get().filters, status: choice === 'inactive' ? 'inactive' : null },
    }),
  run: async () => {
    const seq = get().seq + 1;
    set({ seq, busy: true });
    try {
      const result = await api().call('search.query', request(get(), 0));
      if (get().seq === seq) set({ total: result.total, hits: result.hits, error: null, busy: false });
    } catch (error) {
      // Hits of the previous query under an error about this one would read as its answer.
      if (get().seq === seq) set({ error, busy: false, total: null, hits: [] });
    }
  },
  more: async () => {
    const seq = get().seq;
    try {
      const result = await api().call('search.query', request(get(), get().hits.length));
      if (get().seq === seq) set({ hits: [...get().hits, ...result.hits], total: result.total });
    } catch (error) {
      if (get().seq === seq) set({ error });
    }
  },
  loadSaved: async () => {
    set({ saved: await api().call('search.saved.list', {}) });
  },
  save: async (name) => {
    const s = get();
    const saved = await api().call('search.saved.save', { name, query: s.query, filters: request(s, 0).filters, includeInactive: s.includeInactive });
    await get().loadSaved();
    return saved;
  },
  remove: async (id) => {
    await api().call('search.saved.delete', { id });
    await get().loadSaved();
  },
  apply: async (saved) => {
    set({ query: saved.query, filters: { ...EMPTY_FILTERS, ...saved.filters }, includeInactive: saved.includeInactive });
    await get().run();
  },
}));
