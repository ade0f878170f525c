import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import type { SafeStorage } from 'electron';
import type { KeyStore, KeyStoreStatus } from '../core/vault/keystore.ts';

type SafeStorageLike = Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'> & {
  getSelectedStorageBackend?: SafeStorage['getSelectedStorageBackend'];
};

export const INSECURE_LINUX_KEYCHAIN =
  'This computer has no secure keychain (GNOME Keyring or KWallet was not found), so the vault key would be stored ' +
  'in plain text. Kandidat does not remember the key here: unlock with your passphrase.';
export const NO_KEYCHAIN = "The operating system's keychain is not available, so Kandidat cannot remember the vault key on this computer.";

/**
 * Whether safeStorage may hold the vault key. On Linux Electron falls back to
 * `basic_text` (a hard-coded password) when no secret service runs: that is
 * obfuscation, not protection, so it is refused, as is a backend it cannot name.
 */
export function keychainStatus(safeStorage: SafeStorageLike, platform: NodeJS.Platform): KeyStoreStatus {
  let encryption = false;
  try {
    encryption = safeStorage.isEncryptionAvailable();
  } catch {
    encryption = false;
  }
  if (platform === 'linux') {
    let backend = 'unknown';
    try {
      backend = safeStorage.getSelectedStorageBackend?.() ?? 'unknown';
    } catch {
      backend = 'unknown';
    }
    if (backend === 'basic_text' || backend === 'unknown') {
      return { available: false, reason: INSECURE_LINUX_KEYCHAIN, code: 'insecureKeychain' };
    }
  }
  return encryption ? { available: true, reason: null, code: null } : { available: false, reason: NO_KEYCHAIN, code: 'noKeychain' };
}

interface StoredKey {
  v: 1;
  vaultId: string;
  key: string;
}

/**
 * "Remember on this computer": the vault key, encrypted by the OS keychain
 * (safeStorage), in one file beside the vault. It names the vault it belongs to, so
 * a replaced vault never gets a stale key.
 */
export function safeStorageKeyStore(o: { safeStorage: SafeStorageLike; file: string; platform: NodeJS.Platform }): KeyStore {
  const status = () => keychainStatus(o.safeStorage, o.platform);

  const read = (): StoredKey | null => {
    let blob: Buffer;
    try {
      blob = readFileSync(o.file);
    } catch {
      return null;
    }
    try {
      const parsed = JSON.parse(o.safeStorage.decryptString(blob)) as Partial<StoredKey>;
      if (parsed.v !== 1 || typeof parsed.vaultId !== 'string' || typeof parsed.key !== 'string') return null;
      if (!/^[0-9a-f]{64}$/.test(parsed.key)) return null;
      return parsed as StoredKey;
    } catch {
      return null;
    }
  };

  return {
    status,
    load(vaultId) {
      if (!status().available) return null;
      const stored = read();
      return stored && stored.vaultId === vaultId ? Buffer.from(stored.key, 'hex') : null;
    },
    save(vaultId, key) {
      const s = status();
      if (!s.available) throw new Error(s.reason ?? NO_KEYCHAIN);
      const record: StoredKey = { v: 1, vaultId, key: key.toString('hex') };
      const blob = o.safeStorage.encryptString(JSON.stringify(record));
      // Write beside and rename: a crash never leaves half a key file.
      const partial = `${o.file}.partial`;
      writeFileSync(partial, blob, { mode: 0o600 });
      renameSync(partial, o.file);
    },
    clear(vaultId) {
      const stored = read();
      // An unreadable file is useless to every vault: drop it too.
      if (!stored || stored.vaultId === vaultId) rmSync(o.file, { force: true });
    },
  };
}
