import { createDecipheriv } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATABASE_FILE } from '../db/envelope.ts';

/**
 * Every page of the vault as it lies on disk — the database file and each frame
 * of its -wal, free pages included — decrypted here, independently of SQLite, by
 * the SQLCipher 4 page format: 4096-byte pages, AES-256-CBC with the raw vault key,
 * 80 reserved bytes at the end (16-byte IV, 64-byte HMAC); page 1 starts with the
 * 16-byte salt. Only for tests that must prove something is gone; it never writes
 * the plaintext anywhere.
 */
const PAGE = 4096;
const RESERVE = 80;
const WAL_HEADER = 32;
const FRAME_HEADER = 24;

function decryptPage(page: Buffer, pageNumber: number, key: Buffer): Buffer {
  const start = pageNumber === 1 ? 16 : 0;
  const iv = page.subarray(PAGE - RESERVE, PAGE - RESERVE + 16);
  const decipher = createDecipheriv('aes-256-cbc', key, iv);
  decipher.setAutoPadding(false);
  return Buffer.concat([decipher.update(page.subarray(start, PAGE - RESERVE)), decipher.final()]);
}

export interface DecryptedPage {
  file: 'db' | 'wal';
  pageNumber: number;
  bytes: Buffer;
}

export function decryptedVaultPages(vaultDir: string, key: Buffer): DecryptedPage[] {
  const pages: DecryptedPage[] = [];
  const db = readFileSync(join(vaultDir, DATABASE_FILE));
  if (db.length % PAGE !== 0) throw new Error(`The database file is ${db.length} bytes, not whole ${PAGE}-byte pages`);
  for (let i = 0; i * PAGE < db.length; i++) {
    pages.push({ file: 'db', pageNumber: i + 1, bytes: decryptPage(db.subarray(i * PAGE, (i + 1) * PAGE), i + 1, key) });
  }
  // The first page must decrypt to a SQLite header (page size 4096, 80 reserved bytes), or the key or format is wrong.
  const first = pages[0]?.bytes;
  if (!first || first.readUInt16BE(0) !== PAGE || first[4] !== RESERVE) throw new Error('Page 1 does not decrypt to a SQLite header');
  const walPath = join(vaultDir, `${DATABASE_FILE}-wal`);
  const wal = existsSync(walPath) ? readFileSync(walPath) : Buffer.alloc(0);
  for (let offset = WAL_HEADER; offset + FRAME_HEADER + PAGE <= wal.length; offset += FRAME_HEADER + PAGE) {
    const pageNumber = wal.readUInt32BE(offset);
    const frame = wal.subarray(offset + FRAME_HEADER, offset + FRAME_HEADER + PAGE);
    pages.push({ file: 'wal', pageNumber, bytes: decryptPage(frame, pageNumber, key) });
  }
  return pages;
}

/** Which of the strings appear in any decrypted page, as UTF-8 or UTF-16. */
export function findInPages(pages: DecryptedPage[], needles: (string | Buffer)[]): string[] {
  const found = new Set<string>();
  for (const needle of needles) {
    const forms = typeof needle === 'string' ? [Buffer.from(needle, 'utf8'), Buffer.from(needle, 'utf16le')] : [needle];
    const label = typeof needle === 'string' ? needle : `<${needle.length} bytes>`;
    for (const page of pages) if (forms.some((f) => page.bytes.includes(f))) found.add(label);
  }
  return [...found];
}
