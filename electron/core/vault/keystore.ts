/**
 * Where "remember on this computer" keeps the vault key. The Electron shell supplies
 * one backed by the OS keychain (safeStorage); other transports have none.
 */
import type { RememberUnavailable } from '../../../shared/contract/vault.ts';

export interface KeyStoreStatus {
  available: boolean;
  reason: string | null;
  code?: RememberUnavailable | null;
}

export interface KeyStore {
  status(): KeyStoreStatus;
  load(vaultId: string): Buffer | null;
  save(vaultId: string, key: Buffer): void;
  clear(vaultId: string): void;
}

export const noKeyStore = (reason = 'Only the desktop app can remember the vault key.'): KeyStore => ({
  status: () => ({ available: false, reason, code: 'desktopOnly' }),
  load: () => null,
  save: () => {
    throw new Error(reason);
  },
  clear: () => {},
});

/** An in-memory keystore for tests. */
export function memoryKeyStore(): KeyStore & { keys: Map<string, Buffer> } {
  const keys = new Map<string, Buffer>();
  return {
    keys,
    status: () => ({ available: true, reason: null }),
    load: (id) => keys.get(id) ?? null,
    save: (id, key) => void keys.set(id, Buffer.from(key)),
    clear: (id) => void keys.delete(id),
  };
}
