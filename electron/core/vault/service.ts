import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Settings, StaffMember, VaultStatus } from '../../../shared/contract/index.ts';
import type { Clock } from '../clock.ts';
import type { EventBus } from '../events.ts';
import { AppError } from '../rpc/errors.ts';
import { openDb, type DbHandle, type DbOpenOptions } from '../db/client.ts';
import { newRecoveryKey } from '../db/crypto.ts';
import {
  DATABASE_FILE,
  buildEnvelope,
  readEnvelope,
  rewrapPassphrase,
  unwrapWithPassphrase,
  unwrapWithRecoveryKey,
  vaultExists,
  writeEnvelope,
} from '../db/envelope.ts';
import type { KeyStore } from './keystore.ts';
import { readPreferences, writePreferences } from './preferences.ts';

export interface Session {
  db: DbHandle;
  vaultId: string;
  owner: StaffMember;
  /** The vault key, held only while unlocked; zeroed on lock. */
  key: Buffer;
}

export interface VaultServiceOptions {
  /** The vault folder: key envelope, database, preferences. */
  dir: string;
  clock: Clock;
  events: EventBus;
  keyStore: KeyStore;
  newId: () => string;
  db?: DbOpenOptions;
}

/**
 * The vault's life cycle: create, unlock (passphrase, recovery key, remembered key),
 * lock (on demand, when idle, at shutdown), change passphrase. Holds the open
 * database for every other feature.
 */
export class VaultService {
  private session: Session | null = null;
  private transition: Promise<unknown> = Promise.resolve();
  private idleTimer: unknown = null;
  private idleLockAt: Date | null = null;

  constructor(private readonly o: VaultServiceOptions) {}

  get dir(): string {
    return this.o.dir;
  }

  /** The open session, or a clear error saying why there is none. */
  requireSession(): Session {
    if (this.session) return this.session;
    if (!vaultExists(this.o.dir)) throw new AppError('NO_VAULT', 'No vault exists yet. Create one first.');
    throw new AppError('VAULT_LOCKED', 'The vault is locked. Unlock it to continue.');
  }

  status(): VaultStatus {
    const keyStore = this.o.keyStore.status();
    const exists = vaultExists(this.o.dir);
    let vaultId: string | null = this.session?.vaultId ?? null;
    if (!vaultId && exists) {
      try {
        vaultId = readEnvelope(this.o.dir).vaultId;
      } catch {
        vaultId = null;
      }
    }
    return {
      state: this.session ? 'unlocked' : exists ? 'locked' : 'none',
      vaultId,
      owner: this.session?.owner ?? null,
      remember: {
        available: keyStore.available,
        reason: keyStore.reason,
        code: keyStore.available ? null : (keyStore.code ?? 'noKeychain'),
        active: keyStore.available && vaultId !== null && this.o.keyStore.load(vaultId) !== null,
      },
    };
  }

  /** State changes run one after another: a double-clicked unlock opens one database. */
  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.transition.then(work, work);
    this.transition = next.catch(() => undefined);
    return next;
  }

  create(a: { passphrase: string; ownerName: string; ownerEmail: string; remember: boolean }) {
    return this.serial(async () => {
      if (vaultExists(this.o.dir)) throw new AppError('VAULT_EXISTS', 'A vault already exists here. Unlock it instead.');
      mkdirSync(this.o.dir, { recursive: true, mode: 0o700 });
      // A database without a key file is unreadable debris from an interrupted create.
      for (const suffix of ['', '-wal', '-shm']) rmSync(join(this.o.dir, DATABASE_FILE + suffix), { force: true });

      const key = randomBytes(32);
      const vaultId = this.o.newId();
      const at = this.o.clock.now().toISOString();
      const recoveryKey = newRecoveryKey();
      const envelope = await buildEnvelope(vaultId, at, key, a.passphrase, recoveryKey);
      const db = await openDb(join(this.o.dir, DATABASE_FILE), key, this.o.db);
      const owner: StaffMember = { id: this.o.newId(), name: a.ownerName, email: a.ownerEmail };
      try {
        await db.call('staff.insert', { member: owner, at });
        await db.call('settings.set', { values: { ownerId: owner.id, vaultId } });
        await db.call('audit.append', { at, actorId: owner.id, action: 'vault.unlock', detail: { via: 'create' } });
      } catch (error) {
        await db.close();
        throw error;
      }
      // The key file is written last: until it exists, there is no vault.
      writeEnvelope(this.o.dir, envelope);
      this.begin({ db, vaultId, owner, key });
      if (a.remember) this.remember();
      return { status: this.status(), recoveryKey };
    });
  }

  unlock(a: { passphrase: string; remember: boolean }) {
    return this.serial(async () => {
      const envelope = this.readEnvelopeOrFail();
      // Checked even when already unlocked (a second tab): success must mean the passphrase was right.
      const key = await unwrapWithPassphrase(envelope, a.passphrase);
      if (!this.session) await this.open(envelope.vaultId, key, 'passphrase');
      if (a.remember) this.remember();
      return this.status();
    });
  }

  unlockWithRecoveryKey(a: { recoveryKey: string; newPassphrase?: string | undefined }) {
    return this.serial(async () => {
      const envelope = this.readEnvelopeOrFail();
      const key = unwrapWithRecoveryKey(envelope, a.recoveryKey);
      if (!this.session) await this.open(envelope.vaultId, key, 'recoveryKey');
      if (a.newPassphrase) writeEnvelope(this.o.dir, await rewrapPassphrase(envelope, key, a.newPassphrase));
      return this.status();
    });
  }

  /** At start-up: open with the key the OS keychain remembered, if any. */
  unlockRemembered() {
    return this.serial(async () => {
      if (this.session || !vaultExists(this.o.dir) || !this.o.keyStore.status().available) return false;
      const envelope = this.readEnvelopeOrFail();
      const key = this.o.keyStore.load(envelope.vaultId);
      if (!key) return false;
      try {
        await this.open(envelope.vaultId, key, 'remembered');
        return true;
      } catch {
        // A stale remembered key (vault replaced): forget it, ask for the passphrase.
        this.o.keyStore.clear(envelope.vaultId);
        return false;
      }
    });
  }

  lock(reason: 'user' | 'idle' | 'shutdown') {
    return this.serial(async () => {
      const session = this.session;
      if (!session) return this.status();
      this.session = null;
      this.stopIdleTimer();
      await session.db.close();
      session.key.fill(0);
      this.o.events.emit('vault.locked', { reason });
      return this.status();
    });
  }

  changePassphrase(a: { current: string; next: string }) {
    return this.serial(async () => {
      const session = this.requireSession();
      const envelope = this.readEnvelopeOrFail();
      await unwrapWithPassphrase(envelope, a.current);
      writeEnvelope(this.o.dir, await rewrapPassphrase(envelope, session.key, a.next));
      return { changed: true as const };
    });
  }

  forgetRemembered(): VaultStatus {
    const id = this.status().vaultId;
    if (id) this.o.keyStore.clear(id);
    return this.status();
  }

  settings(): Settings {
    return readPreferences(this.o.dir);
  }

  updateSettings(patch: Partial<Settings>): Settings {
    const next = { ...this.settings(), ...patch };
    mkdirSync(this.o.dir, { recursive: true, mode: 0o700 });
    writePreferences(this.o.dir, next);
    if (this.session) this.touch();
    return next;
  }

  /** Activity: push the idle lock back. */
  touch(): { idleLockAt: string | null } {
    if (!this.session) return { idleLockAt: null };
    this.stopIdleTimer();
    const minutes = this.settings().idleLockMinutes;
    if (minutes > 0) {
      const ms = minutes * 60_000;
      this.idleLockAt = new Date(this.o.clock.now().getTime() + ms);
      this.idleTimer = this.o.clock.setTimeout(() => void this.lock('idle'), ms);
    }
    return { idleLockAt: this.idleLockAt?.toISOString() ?? null };
  }

  /** The raw key for the shell's keychain; never crosses a transport. */
  private remember(): void {
    const session = this.requireSession();
    const status = this.o.keyStore.status();
    if (!status.available) throw new AppError('KEYSTORE_UNAVAILABLE', status.reason ?? 'No secure key storage on this computer.');
    this.o.keyStore.save(session.vaultId, session.key);
  }

  private readEnvelopeOrFail() {
    if (!vaultExists(this.o.dir)) throw new AppError('NO_VAULT', 'No vault exists yet. Create one first.');
    return readEnvelope(this.o.dir);
  }

  private async open(vaultId: string, key: Buffer, via: 'passphrase' | 'recoveryKey' | 'remembered'): Promise<void> {
    const path = join(this.o.dir, DATABASE_FILE);
    if (!existsSync(path)) throw new AppError('VAULT_CORRUPT', 'The vault database is missing.');
    const db = await openDb(path, key, this.o.db);
    const settings = (await db.call('settings.get')) as { ownerId?: string };
    const owner = settings.ownerId ? await db.call('staff.get', { id: settings.ownerId }) : null;
    if (!owner) {
      await db.close();
      throw new AppError('VAULT_CORRUPT', 'The vault has no owner record.');
    }
    // The audit log lives in the vault, so the unlock is logged as soon as it is open.
    try {
      await db.call('audit.append', { at: this.o.clock.now().toISOString(), actorId: owner.id, action: 'vault.unlock', detail: { via } });
    } catch (error) {
      await db.close();
      throw error;
    }
    this.begin({ db, vaultId, owner, key: Buffer.from(key) });
  }

  private begin(session: Session): void {
    this.session = session;
    this.touch();
    this.o.events.emit('vault.unlocked', { vaultId: session.vaultId });
  }

  private stopIdleTimer(): void {
    if (this.idleTimer !== null) this.o.clock.clearTimeout(this.idleTimer);
    this.idleTimer = null;
    this.idleLockAt = null;
  }
}
