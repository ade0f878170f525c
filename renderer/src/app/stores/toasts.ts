import { create } from 'zustand';

export interface Toast {
  id: number;
  text: string;
  tone: 'info' | 'error';
  action?: { label: string; run: () => void };
}

interface ToastState {
  toasts: Toast[];
  show(toast: Omit<Toast, 'id'>, ttlMs?: number): number;
  dismiss(id: number): void;
  clear(): void;
}

let nextId = 1;

/** Short notices at the bottom of the window; one with an action (undo) stays a little longer. */
export const useToasts = create<ToastState>()((set, get) => ({
  toasts: [],
  show(toast, ttlMs = toast.action ? 10_000 : 5_000) {
    const id = nextId++;
    set({ toasts: [...get().toasts.slice(-2), { ...toast, id }] });
    setTimeout(() => get().dismiss(id), ttlMs);
    return id;
  },
  dismiss(id) {
    set({ toasts: get().toasts.filter((t) => t.id !== id) });
  },
  clear() {
    set({ toasts: [] });
  },
}));
