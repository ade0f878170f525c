import { create } from 'zustand';

export type View = 'candidates' | 'settings';

/** What the candidate side panel shows. */
export type Panel = { mode: 'view'; id: string } | { mode: 'edit'; id: string } | { mode: 'create' } | null;

interface UiState {
  view: View;
  panel: Panel;
  helpOpen: boolean;
  /** Bumped to ask the list's quick filter to take focus. */
  focusFilterRequest: number;
  /** Bumped to ask the list to take focus. */
  focusListRequest: number;
  setView(view: View): void;
  openPanel(panel: Panel): void;
  closePanel(): void;
  setHelpOpen(open: boolean): void;
  focusFilter(): void;
  focusList(): void;
  reset(): void;
}

export const useUi = create<UiState>()((set) => ({
  view: 'candidates',
  panel: null,
  helpOpen: false,
  focusFilterRequest: 0,
  focusListRequest: 0,
  setView: (view) => set({ view }),
  openPanel: (panel) => set({ panel, view: 'candidates' }),
  closePanel: () => set((s) => ({ panel: null, focusListRequest: s.focusListRequest + 1 })),
  setHelpOpen: (helpOpen) => set({ helpOpen }),
  focusFilter: () => set((s) => ({ view: 'candidates', focusFilterRequest: s.focusFilterRequest + 1 })),
  focusList: () => set((s) => ({ view: 'candidates', focusListRequest: s.focusListRequest + 1 })),
  reset: () => set({ view: 'candidates', panel: null, helpOpen: false }),
}));
