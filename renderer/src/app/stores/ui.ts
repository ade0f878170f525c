import { create } from 'zustand';

export type View = 'candidates' | 'intake' | 'settings' | 'privacy' | 'search' | 'sharing' | 'clients';

/** What the candidate side panel shows. */
export type Panel = { mode: 'view'; id: string } | { mode: 'edit'; id: string } | { mode: 'create' } | null;

/** Asked before the screen changes: show "throw the changes away?" and call `leave` on yes. */
export type LeaveGuard = (leave: () => void) => void;

interface UiState {
  view: View;
  panel: Panel;
  helpOpen: boolean;
  /** Where focus should go once the register is on screen; the register clears it. */
  focusTarget: 'list' | 'filter' | 'search' | null;
  /** Set by an editor while it holds unsaved changes, so no header button or shortcut loses them. */
  leaveGuard: LeaveGuard | null;
  setView(view: View): void;
  openPanel(panel: Panel): void;
  closePanel(): void;
  setHelpOpen(open: boolean): void;
  focusFilter(): void;
  focusList(): void;
  focusSearch(): void;
  focusHandled(): void;
  setLeaveGuard(guard: LeaveGuard | null): void;
  reset(): void;
}

export const useUi = create<UiState>()((set, get) => {
  /**
   * Another screen or another panel, unless an editor with unsaved changes asks first (then
   * only if the recruiter says yes). An editor leaving by itself clears its guard first.
   */
  const go = (next: Partial<UiState>) => {
    const now = get();
    const changes = (next.view !== undefined && next.view !== now.view) || ('panel' in next && JSON.stringify(next.panel) !== JSON.stringify(now.panel));
    if (now.leaveGuard && changes) now.leaveGuard(() => set({ ...next, leaveGuard: null }));
    else set(next);
  };
  return {
    view: 'candidates',
    panel: null,
    helpOpen: false,
    focusTarget: null,
    leaveGuard: null,
    setView: (view) => go({ view }),
    openPanel: (panel) => go({ panel, view: 'candidates' }),
    closePanel: () => go({ panel: null, focusTarget: 'list' }),
    setHelpOpen: (helpOpen) => set({ helpOpen }),
    focusFilter: () => go({ view: 'candidates', focusTarget: 'filter' }),
    focusList: () => go({ view: 'candidates', focusTarget: 'list' }),
    focusSearch: () => go({ view: 'search', focusTarget: 'search' }),
    focusHandled: () => set({ focusTarget: null }),
    setLeaveGuard: (leaveGuard) => set({ leaveGuard }),
    // Locking the vault throws drafts away with everything else on screen.
    reset: () => set({ view: 'candidates', panel: null, helpOpen: false, focusTarget: null, leaveGuard: null }),
  };
});
