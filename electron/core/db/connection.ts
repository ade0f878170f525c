import Database from 'better-sqlite3-multiple-ciphers';
import type { Database as Db } from 'better-sqlite3';

export type { Db };

export interface OpenOptions {
  /** Path to an Electron-ABI build of the native module (see README). */
  nativeBinding?: string;
  readonly?: boolean;
}

/**
 * Open the encrypted database with the raw 256-bit vault key (SQLCipher 4 scheme).
 * A raw key skips SQLCipher's own KDF: the slow derivation already happened when
 * the passphrase unwrapped the key. Throws if the key does not fit.
 */
export function openEncrypted(path: string, key: Buffer, options: OpenOptions = {}): Db {
  const db = new Database(path, {
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    ...(options.readonly ? { readonly: true } : {}),
  }) as unknown as Db;
  try {
    db.pragma(`cipher='sqlcipher'`);
    db.pragma('legacy=4');
    db.pragma(`key="x'${key.toString('hex')}'"`);
    // Fails with "file is not a database" when the key is wrong.
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    applyPragmas(db, options.readonly ?? false);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** An unencrypted database with the same pragmas: for benchmarks' baselines only. */
export function openPlain(path: string, options: OpenOptions = {}): Db {
  const db = new Database(path, {
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    ...(options.readonly ? { readonly: true } : {}),
  }) as unknown as Db;
  applyPragmas(db, options.readonly ?? false);
  return db;
}

function applyPragmas(db: Db, readonly: boolean): void {
  // Temporary tables and sort spills stay in memory: no plaintext temp files.
  db.pragma('temp_store=MEMORY');
  // Overwrite deleted content so erased personal data does not linger in free pages.
  db.pragma('secure_delete=ON');
  db.pragma('foreign_keys=ON');
  db.pragma('busy_timeout=5000');
  if (!readonly) {
    db.pragma('journal_mode=WAL');
    // NORMAL in WAL mode survives an application crash; only power loss may cost
    // the last transactions.
    db.pragma('synchronous=NORMAL');
    // Every checkpoint decrypts WAL frames and re-encrypts them into the database;
    // checkpointing every 10,000 pages (≈40 MB) instead of 1,000 cuts that work
    // several-fold for bulk imports, at the cost of a larger -wal file.
    db.pragma('wal_autocheckpoint=10000');
  }
  // A page cache allocated as used: fewer evictions, so fewer pages decrypted again
  // on the next read. 64 MiB for the writer; 32 MiB for each reader thread, which
  // only reads the search index and a page of rows at a time.
  db.pragma(readonly ? 'cache_size=-32768' : 'cache_size=-65536');
}
