import { existsSync, readFileSync, renameSync, writeFileSync, fsyncSync, openSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import {
  deriveKey,
  newKdfParams,
  recoveryWrappingKey,
  seal,
  unseal,
  normaliseRecoveryKey,
  type KdfParams,
  type Sealed,
} from './crypto.ts';
import { AppError } from '../rpc/errors.ts';

/**
 * vault.json: the key envelope beside the database. It holds no secret in the
 * clear: the random 256-bit vault key, wrapped once by the passphrase (slow KDF)
 * and once by the recovery key. Changing the passphrase rewraps; the database
 * itself is keyed with the raw vault key, so opening it costs no second KDF.
 */
export interface Envelope {
  format: 1;
  vaultId: string;
  createdAt: string;
  kdf: KdfParams;
  passphraseWrap: Sealed;
  recovery: { salt: string; wrap: Sealed };
}

export const ENVELOPE_FILE = 'vault.json';
export const DATABASE_FILE = 'kandidat.db';

export const envelopePath = (dir: string) => join(dir, ENVELOPE_FILE);
export const vaultExists = (dir: string) => existsSync(envelopePath(dir));

export function readEnvelope(dir: string): Envelope {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(envelopePath(dir), 'utf8'));
  } catch (error) {
    throw new AppError('VAULT_CORRUPT', `The vault's key file cannot be read (${(error as Error).message})`);
  }
  const env = parsed as Partial<Envelope>;
  if (typeof env.format === 'number' && env.format > 1) {
    throw new AppError('VAULT_TOO_NEW', 'This vault was made by a newer version of Kandidat. Update Kandidat to open it.');
  }
  if (env.format !== 1 || !env.vaultId || !env.kdf || !env.passphraseWrap || !env.recovery) {
    throw new AppError('VAULT_CORRUPT', "The vault's key file is damaged.");
  }
  return env as Envelope;
}

/** Atomic: a crash leaves the old or the new file, never half of one. */
export function writeEnvelope(dir: string, envelope: Envelope): void {
  const target = envelopePath(dir);
  const temp = `${target}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(temp, JSON.stringify(envelope, null, 2), { mode: 0o600 });
  const fd = openSync(temp, 'r');
  fsyncSync(fd);
  closeSync(fd);
  renameSync(temp, target);
}

const aad = (vaultId: string, purpose: string) => `kandidat:${vaultId}:${purpose}`;

export async function buildEnvelope(
  vaultId: string,
  createdAt: string,
  vaultKey: Buffer,
  passphrase: string,
  recoveryKey: string,
): Promise<Envelope> {
  const kdf = newKdfParams();
  const passKey = await deriveKey(passphrase, kdf);
  const salt = randomBytes(16).toString('base64');
  const normalised = normaliseRecoveryKey(recoveryKey);
  if (!normalised) throw new Error('Generated recovery key is malformed');
  return {
    format: 1,
    vaultId,
    createdAt,
    kdf,
    passphraseWrap: seal(passKey, vaultKey, aad(vaultId, 'passphrase')),
    recovery: { salt, wrap: seal(recoveryWrappingKey(normalised, salt), vaultKey, aad(vaultId, 'recovery')) },
  };
}

export async function unwrapWithPassphrase(envelope: Envelope, passphrase: string): Promise<Buffer> {
  const key = await deriveKey(passphrase, envelope.kdf);
  try {
    return unseal(key, envelope.passphraseWrap, aad(envelope.vaultId, 'passphrase'));
  } catch {
    throw new AppError('WRONG_PASSPHRASE', 'Wrong passphrase. Check Caps Lock and try again, or use the recovery key.');
  }
}

export function unwrapWithRecoveryKey(envelope: Envelope, recoveryKey: string): Buffer {
  const normalised = normaliseRecoveryKey(recoveryKey);
  const fail = () =>
    new AppError('WRONG_RECOVERY_KEY', 'That recovery key does not open this vault. Check each group of characters.');
  if (!normalised) throw fail();
  try {
    return unseal(recoveryWrappingKey(normalised, envelope.recovery.salt), envelope.recovery.wrap, aad(envelope.vaultId, 'recovery'));
  } catch {
    throw fail();
  }
}

/** A new passphrase: new salt, new wrap; the recovery wrap is untouched. */
export async function rewrapPassphrase(envelope: Envelope, vaultKey: Buffer, passphrase: string): Promise<Envelope> {
  const kdf = newKdfParams();
  const passKey = await deriveKey(passphrase, kdf);
  return { ...envelope, kdf, passphraseWrap: seal(passKey, vaultKey, aad(envelope.vaultId, 'passphrase')) };
}
