import { create } from 'zustand';
import type { MailImportResult } from '../../../../shared/contract/mail.ts';
import { useUi } from '../../app/stores/ui.ts';

/** What the always-mounted activity root shows: the call dialog, and e-mails waiting for a candidate. */
interface ActivityUi {
  call: { candidateId: string | null } | null;
  /** Dropped messages that matched nobody: the recruiter picks the candidate. */
  unmatched: { fileName: string; bytes: string; result: MailImportResult }[];
  openCall(candidateId: string | null): void;
  closeCall(): void;
  addUnmatched(items: ActivityUi['unmatched']): void;
  dropUnmatched(fileName: string): void;
  /** Set by "Edit templates" on an interview: the settings screen scrolls to its templates and clears it. */
  showTemplates: boolean;
  openTemplates(): void;
  templatesShown(): void;
}

export const useActivityUi = create<ActivityUi>()((set) => ({
  call: null,
  unmatched: [],
  openCall: (candidateId) => set({ call: { candidateId } }),
  closeCall: () => set({ call: null }),
  addUnmatched: (items) => set((s) => ({ unmatched: [...s.unmatched, ...items] })),
  dropUnmatched: (fileName) => set((s) => ({ unmatched: s.unmatched.filter((u) => u.fileName !== fileName) })),
  showTemplates: false,
  openTemplates: () => {
    set({ showTemplates: true });
    useUi.getState().setView('settings');
  },
  templatesShown: () => set({ showTemplates: false }),
}));
