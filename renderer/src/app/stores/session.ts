import { create } from 'zustand';
import type { VaultStatus } from '../../../../shared/contract/vault.ts';
import { api } from '../../api/client.ts';

export type Phase = 'starting' | 'unreachable' | 'create' | 'recoveryKey' | 'locked' | 'unlocked';
export type LockReason = 'user' | 'idle' | 'shutdown';

interface SessionState {
  status: VaultStatus | null;
  /** Shown once, right after the vault was created; dropped when acknowledged. */
  recoveryKey: string | null;
  lockReason: LockReason | null;
  unreachable: boolean;
  refresh(): Promise<void>;
  create(input: { passphrase: string; ownerName: string; ownerEmail: string; remember: boolean }): Promise<void>;
  acknowledgeRecoveryKey(): void;
  unlock(passphrase: string, remember: boolean): Promise<void>;
  unlockWithRecoveryKey(recoveryKey: string, newPassphrase: string): Promise<void>;
  lock(): Promise<void>;
  /** The core locked the vault by itself (idle timer, shutdown). */
  lockedByCore(reason: LockReason): void;
  setStatus(status: VaultStatus): void;
}

const lockListeners = new Set<() => void>();

/** Stores holding personal data register here to drop it the moment the vault locks. */
export function onVaultLocked(listener: () => void): () => void {
  lockListeners.add(listener);
  return () => void lockListeners.delete(listener);
}

const forgetPersonalData = () => {
  for (const listener of lockListeners) listener();
};

export const useSession = create<SessionState>()((set, get) => ({
  status: null,
  recoveryKey: null,
  lockReason: null,
  unreachable: false,

  async refresh() {
    try {
      const status = await api().call('vault.status', {});
      if (status.state !== 'unlocked' && get().status?.state === 'unlocked') forgetPersonalData();
      set({ status, unreachable: false });
    } catch {
      // Whatever the cause (no core, a refused token), the start screen offers to try again.
      set({ unreachable: true });
    }
  },

  async create(input) {
    const { status, recoveryKey } = await api().call('vault.create', input);
    set({ status, recoveryKey, lockReason: null });
  },

  acknowledgeRecoveryKey() {
    set({ recoveryKey: null });
  },

  async unlock(passphrase, remember) {
    const status = await api().call('vault.unlock', { passphrase, remember });
    set({ status, lockReason: null });
  },

  async unlockWithRecoveryKey(recoveryKey, newPassphrase) {
    const status = await api().call('vault.unlockWithRecoveryKey', { recoveryKey, newPassphrase });
    set({ status, lockReason: null });
  },

  async lock() {
    forgetPersonalData();
    const status = await api().call('vault.lock', {});
    set({ status, lockReason: 'user', recoveryKey: null });
  },

  lockedByCore(reason) {
    const current = get().status;
    if (current?.state === 'unlocked') forgetPersonalData();
    set({
      status: current ? { ...current, state: 'locked', owner: null } : current,
      lockReason: reason,
      recoveryKey: null,
    });
  },

  setStatus(status) {
    set({ status });
  },
}));

export function phaseOf(s: Pick<SessionState, 'status' | 'recoveryKey' | 'unreachable'>): Phase {
  if (s.recoveryKey) return 'recoveryKey';
  if (!s.status) return s.unreachable ? 'unreachable' : 'starting';
  if (s.status.state === 'none') return 'create';
  if (s.status.state === 'locked') return 'locked';
  return 'unlocked';
}
