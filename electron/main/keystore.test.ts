import { mkdtempSync, readFileSync, rmSync, existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { SafeStorage } from 'electron';
import { makeTestCore } from '../core/testing/harness.ts';
import { INSECURE_LINUX_KEYCHAIN, keychainStatus, safeStorageKeyStore } from './keystore.ts';

type Backend = ReturnType<SafeStorage['getSelectedStorageBackend']>;

/** A stand-in for the OS keychain: reversible, and visibly not the plaintext. */
function fakeSafeStorage(backend: Backend | undefined, available = true) {
  return {
    isEncryptionAvailable: () => available,
    ...(backend ? { getSelectedStorageBackend: () => backend } : {}),
    encryptString: (s: string) => Buffer.from(Buffer.from(s).map((b) => b ^ 0x5a)),
    decryptString: (b: Buffer) => Buffer.from(b.map((x) => x ^ 0x5a)).toString(),
  };
}

const dirs: string[] = [];
const tempFile = () => {
  const dir = mkdtempSync(join(tmpdir(), 'kandidat-keystore-'));
  dirs.push(dir);
  return join(dir, 'remembered-key.bin');
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const key = Buffer.alloc(32, 7);

describe('keychain status', () => {
  it.each(['basic_text', 'unknown'] as const)('refuses the Linux %s backend with an explanation', (backend) => {
    const status = keychainStatus(fakeSafeStorage(backend), 'linux');
    expect(status.available).toBe(false);
    expect(status.reason).toBe(INSECURE_LINUX_KEYCHAIN);
    expect(status.code).toBe('insecureKeychain');
    expect(status.reason).toMatch(/GNOME Keyring or KWallet/);
  });

  it.each(['gnome_libsecret', 'kwallet5', 'kwallet6'] as const)('accepts the Linux %s backend', (backend) => {
    expect(keychainStatus(fakeSafeStorage(backend), 'linux')).toEqual({ available: true, reason: null, code: null });
  });

  it('uses the keychain on macOS and Windows when encryption is available', () => {
    expect(keychainStatus(fakeSafeStorage(undefined), 'darwin').available).toBe(true);
    expect(keychainStatus(fakeSafeStorage(undefined, false), 'win32').available).toBe(false);
  });
});

describe('safeStorage keystore', () => {
  it('keeps the key wrapped, for its own vault only', () => {
    const file = tempFile();
    const store = safeStorageKeyStore({ safeStorage: fakeSafeStorage('gnome_libsecret'), file, platform: 'linux' });
    store.save('vault-1', key);
    expect(readFileSync(file).toString('latin1')).not.toContain(key.toString('hex'));
    expect(store.load('vault-1')).toEqual(key);
    expect(store.load('vault-2')).toBeNull();
    store.clear('vault-2');
    expect(store.load('vault-1')).toEqual(key);
    store.clear('vault-1');
    expect(existsSync(file)).toBe(false);
  });

  it('on basic_text: refuses to save and ignores a key file left from before', () => {
    const file = tempFile();
    safeStorageKeyStore({ safeStorage: fakeSafeStorage('gnome_libsecret'), file, platform: 'linux' }).save('vault-1', key);
    const store = safeStorageKeyStore({ safeStorage: fakeSafeStorage('basic_text'), file, platform: 'linux' });
    expect(() => store.save('vault-1', key)).toThrow(/no secure keychain/);
    expect(store.load('vault-1')).toBeNull();
  });

  it('treats a damaged key file as no key', () => {
    const file = tempFile();
    writeFileSync(file, 'garbage');
    const store = safeStorageKeyStore({ safeStorage: fakeSafeStorage('kwallet6'), file, platform: 'linux' });
    expect(store.load('vault-1')).toBeNull();
  });

  it('reaches the user: vault.status says why the key cannot be remembered', async () => {
    const file = tempFile();
    const t = makeTestCore({ keyStore: safeStorageKeyStore({ safeStorage: fakeSafeStorage('basic_text'), file, platform: 'linux' }) });
    try {
      const status = await t.call('vault.status', {});
      expect(status.remember).toMatchObject({ available: false, reason: INSECURE_LINUX_KEYCHAIN });
    } finally {
      await t.cleanup();
    }
  });

  it('a remembered key unlocks the vault at the next start', async () => {
    const file = tempFile();
    const keyStore = safeStorageKeyStore({ safeStorage: fakeSafeStorage('gnome_libsecret'), file, platform: 'linux' });
    const first = makeTestCore({ keyStore });
    try {
      await first.call('vault.create', { passphrase: 'korrekt hest batteri stift', ownerName: 'Kari', ownerEmail: 'kari@byraa.no', remember: true });
      await first.core.close();
      expect((await first.call('vault.status', {})).state).toBe('locked');
      expect(await first.core.ctx.vault.unlockRemembered()).toBe(true);
      expect((await first.call('vault.status', {})).state).toBe('unlocked');
    } finally {
      await first.cleanup();
    }
  });
});
