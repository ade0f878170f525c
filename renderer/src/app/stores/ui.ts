import { create } from 'zustand';

export type View = 'candidates' | 'intake' | 'settings' | 'privacy' | 'search' | 'sharing' | 'clients';

/** What the candidate side panel shows. */
export type Panel = { mode: 'view'; id: string } | { mode: 'edit'; id: string } | { mode: 'create' } | null;

interface UiState {
  view: View;
  panel: Panel;
  helpOpen: boolean;
  /** Where focus should go once the register is on screen; the register clears it. */
  focusTarget: 'list' | 'filter' | 'search' | null;
  setView(view: View): void;
  openPanel(panel: Panel): void;
  closePanel(): void;
  setHelpOpen(open: boolean): void;
  focusFilter(): void;
  focusList(): void;
  focusHandled(): void;
  reset(): void;
}

export const useUi = create<UiState>()((set) => ({
  view: 'candidates',
  panel: null,
  helpOpen: false,
  focusTarget: null,
  setView: (view) => set({ view }),
  openPanel: (panel) => set({ panel, view: 'candidates' }),
  closePanel: () => set({ panel: null, focusTarget: 'list' }),
  setHelpOpen: (helpOpen) => set({ helpOpen }),
  focusFilter: () => set({ view: 'candidates', focusTarget: 'filter' }),
  focusList: () => set({ view: 'candidates', focusTarget: 'list' }),
  focusHandled: () => set({ focusTarget: null }),
  reset: () => set({ view: 'candidates', panel: null, helpOpen: false, focusTarget: null }),
}));
