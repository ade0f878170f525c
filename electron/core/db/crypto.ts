import { createCipheriv, createDecipheriv, hkdfSync, pbkdf2, randomBytes } from 'node:crypto';
import { promisify } from 'node:util';

const pbkdf2Async = promisify(pbkdf2);

/**
 * Key derivation for the passphrase. Slow on purpose: PBKDF2-HMAC-SHA512 with
 * 256,000 iterations, SQLCipher 4's default and above OWASP's 210,000 minimum.
 * Never lower it for speed; the unlock benchmark reports it apart.
 */
export interface KdfParams {
  alg: 'pbkdf2-sha512';
  iterations: number;
  salt: string; // base64
}

export const KDF_ITERATIONS = 256_000;
export const MIN_KDF_ITERATIONS = 210_000;

export function newKdfParams(): KdfParams {
  return { alg: 'pbkdf2-sha512', iterations: KDF_ITERATIONS, salt: randomBytes(16).toString('base64') };
}

export async function deriveKey(passphrase: string, kdf: KdfParams): Promise<Buffer> {
  if (kdf.alg !== 'pbkdf2-sha512' || kdf.iterations < MIN_KDF_ITERATIONS) {
    throw new Error('Unsupported or weakened key derivation parameters');
  }
  // NFC so "ø" typed as one or two code points gives the same key.
  return pbkdf2Async(passphrase.normalize('NFC'), Buffer.from(kdf.salt, 'base64'), kdf.iterations, 32, 'sha512');
}

export interface Sealed {
  iv: string;
  tag: string;
  data: string;
}

/** AES-256-GCM; `aad` binds the ciphertext to its purpose (e.g. the vault id). */
export function seal(key: Buffer, plaintext: Buffer, aad: string): Sealed {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad));
  const data = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64') };
}

/** Throws when the key is wrong or anything was tampered with. */
export function unseal(key: Buffer, sealed: Sealed, aad: string): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64'));
  decipher.setAAD(Buffer.from(aad));
  decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]);
}

// Crockford's base32: no I, L, O, U, so a handwritten key reads back unambiguously.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A recovery key: 160 random bits shown as 8 groups of 4 characters. */
export function newRecoveryKey(): string {
  const bytes = randomBytes(20);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out.match(/.{4}/g)!.join('-');
}

/** Accepts what a person types: any case, spaces or dashes, O for 0, I/L for 1. */
export function normaliseRecoveryKey(typed: string): string | null {
  const cleaned = typed
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (cleaned.length !== 32 || [...cleaned].some((c) => !ALPHABET.includes(c))) return null;
  return cleaned;
}

/** The recovery key has full entropy already, so a fast HKDF is enough. */
export function recoveryWrappingKey(normalisedKey: string, salt: string): Buffer {
  return Buffer.from(hkdfSync('sha256', normalisedKey, Buffer.from(salt, 'base64'), 'kandidat vault recovery', 32));
}
