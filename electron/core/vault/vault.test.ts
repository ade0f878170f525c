import { afterEach, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTestCore, TEST_PASSPHRASE } from '../testing/harness.ts';
import { memoryKeyStore } from './keystore.ts';
import { openEncrypted } from '../db/connection.ts';
import { LATEST_VERSION } from '../db/migrations/index.ts';
import { readEnvelope } from '../db/envelope.ts';

let t: ReturnType<typeof makeTestCore>;
afterEach(async () => t?.cleanup());

const snapshot = (dir: string) =>
  Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f)).toString('base64')]));

describe('vault', () => {
  it('starts with no vault and refuses work until one is created', async () => {
    t = makeTestCore();
    expect((await t.call('vault.status', {})).state).toBe('none');
    expect((await t.fail('candidates.list', {})).code).toBe('NO_VAULT');
  });

  it('creates a vault, shows a recovery key once, and names the owner', async () => {
    t = makeTestCore();
    const { status, recoveryKey } = await t.createVault();
    expect(recoveryKey).toMatch(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/);
    expect(status.state).toBe('unlocked');
    expect(status.owner).toMatchObject({ name: 'Kari Rekrutterer', email: 'kari@byraa.no' });
    expect((await t.fail('vault.create', { passphrase: TEST_PASSPHRASE, ownerName: 'X', ownerEmail: 'x@y.no' })).code).toBe(
      'VAULT_EXISTS',
    );
  });

  it('refuses a passphrase shorter than 12 characters', async () => {
    t = makeTestCore();
    const error = await t.fail('vault.create', { passphrase: 'kort', ownerName: 'A', ownerEmail: 'a@b.no' });
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toMatch(/12 characters/);
  });

  it('locks and unlocks with the passphrase; a wrong one changes no file', async () => {
    t = makeTestCore();
    await t.createVault();
    const created = await t.call('candidates.create', { name: 'Ola Nordmann' });
    await t.call('vault.lock', {});
    expect((await t.fail('candidates.list', {})).code).toBe('VAULT_LOCKED');
    const before = snapshot(t.vaultDir);
    const error = await t.fail('vault.unlock', { passphrase: 'feil passord her' });
    expect(error.code).toBe('WRONG_PASSPHRASE');
    expect(error.message).toMatch(/Wrong passphrase/);
    expect(snapshot(t.vaultDir)).toEqual(before);
    await t.call('vault.unlock', { passphrase: TEST_PASSPHRASE });
    expect((await t.call('candidates.get', { id: created.id })).name).toBe('Ola Nordmann');
  });

  it('checks the passphrase even when the vault is already unlocked', async () => {
    t = makeTestCore();
    await t.createVault();
    expect((await t.fail('vault.unlock', { passphrase: 'not the passphrase' })).code).toBe('WRONG_PASSPHRASE');
    expect((await t.call('vault.unlock', { passphrase: TEST_PASSPHRASE })).state).toBe('unlocked');
  });

  it('unlocks with the recovery key typed loosely and can set a new passphrase', async () => {
    t = makeTestCore();
    const { recoveryKey } = await t.createVault();
    await t.call('vault.lock', {});
    const typed = recoveryKey.toLowerCase().replace(/-/g, ' ');
    await t.call('vault.unlockWithRecoveryKey', { recoveryKey: typed, newPassphrase: 'et helt nytt passord 2026' });
    await t.call('vault.lock', {});
    expect((await t.fail('vault.unlock', { passphrase: TEST_PASSPHRASE })).code).toBe('WRONG_PASSPHRASE');
    expect((await t.call('vault.unlock', { passphrase: 'et helt nytt passord 2026' })).state).toBe('unlocked');
    expect((await t.fail('vault.unlockWithRecoveryKey', { recoveryKey: 'AAAA-BBBB' })).code).toBe('WRONG_RECOVERY_KEY');
  });

  it('changes the passphrase: the old one stops working at once', async () => {
    t = makeTestCore();
    await t.createVault();
    expect((await t.fail('vault.changePassphrase', { current: 'not the one!!', next: 'ny og lang passfrase' })).code).toBe(
      'WRONG_PASSPHRASE',
    );
    await t.call('vault.changePassphrase', { current: TEST_PASSPHRASE, next: 'ny og lang passfrase' });
    await t.call('vault.lock', {});
    expect((await t.fail('vault.unlock', { passphrase: TEST_PASSPHRASE })).code).toBe('WRONG_PASSPHRASE');
    await t.call('vault.unlock', { passphrase: 'ny og lang passfrase' });
  });

  it('derives the key with at least OWASP-strength PBKDF2', async () => {
    t = makeTestCore();
    await t.createVault();
    const { kdf } = readEnvelope(t.vaultDir);
    expect(kdf.alg).toBe('pbkdf2-sha512');
    expect(kdf.iterations).toBeGreaterThanOrEqual(210_000);
  });

  it('locks itself after the idle time set in settings', async () => {
    t = makeTestCore();
    await t.call('settings.update', { idleLockMinutes: 5 });
    await t.createVault();
    const locked: string[] = [];
    t.core.events.on((name, payload) => {
      if (name === 'vault.locked') locked.push((payload as { reason: string }).reason);
    });
    t.clock.advance(4 * 60_000);
    await t.call('session.ping', {});
    t.clock.advance(4 * 60_000);
    expect((await t.call('vault.status', {})).state).toBe('unlocked');
    t.clock.advance(61_000);
    await new Promise((r) => setImmediate(r));
    expect((await t.call('vault.status', {})).state).toBe('locked');
    expect(locked).toEqual(['idle']);
  });

  it('remembers the key in the keychain and reopens without a passphrase', async () => {
    const keyStore = memoryKeyStore();
    t = makeTestCore({ keyStore });
    await t.call('vault.create', { passphrase: TEST_PASSPHRASE, ownerName: 'A B', ownerEmail: 'a@b.no', remember: true });
    expect((await t.call('vault.status', {})).remember.active).toBe(true);
    await t.call('vault.lock', {});
    expect(await t.core.ctx.vault.unlockRemembered()).toBe(true);
    expect((await t.call('vault.status', {})).state).toBe('unlocked');
    await t.call('vault.forgetRemembered', {});
    expect(keyStore.keys.size).toBe(0);
  });

  it('refuses "remember" where no keychain is available, with the reason', async () => {
    t = makeTestCore();
    await t.createVault();
    await t.call('vault.lock', {});
    const error = await t.fail('vault.unlock', { passphrase: TEST_PASSPHRASE, remember: true });
    expect(error.code).toBe('KEYSTORE_UNAVAILABLE');
  });

  it('refuses a vault written by a newer version, clearly', async () => {
    t = makeTestCore();
    const { status } = await t.createVault();
    expect(status.vaultId).toBeTruthy();
    await t.call('vault.lock', {});
    // Simulate a newer Kandidat: raise the schema version inside the encrypted file.
    const keyStore = memoryKeyStore();
    const t2 = makeTestCore({ vaultDir: t.vaultDir, keyStore });
    await t2.call('vault.unlock', { passphrase: TEST_PASSPHRASE });
    const key = (t2.core.ctx.vault.requireSession().key);
    const keyCopy = Buffer.from(key);
    await t2.call('vault.lock', {});
    const raw = openEncrypted(join(t.vaultDir, 'kandidat.db'), keyCopy);
    raw.pragma(`user_version = ${LATEST_VERSION + 1}`);
    raw.close();
    const error = await t.fail('vault.unlock', { passphrase: TEST_PASSPHRASE });
    expect(error.code).toBe('VAULT_TOO_NEW');
    expect(error.message).toMatch(/newer version of Kandidat/);
    await t2.cleanup();
  });

  it('keeps the key file private to its owner', async () => {
    t = makeTestCore();
    await t.createVault();
    if (process.platform !== 'win32') expect(statSync(join(t.vaultDir, 'vault.json')).mode & 0o077).toBe(0);
    writeFileSync(join(t.vaultDir, 'vault.json'), '{"format": 9}');
    await t.call('vault.lock', {});
    expect((await t.fail('vault.unlock', { passphrase: TEST_PASSPHRASE })).code).toBe('VAULT_TOO_NEW');
  });
});
