import { openEncrypted, openPlain, type Db, type OpenOptions } from './connection.ts';
import { migrate } from './migrations/index.ts';
import { purgeSearchIndex } from './queries/search-subject.ts';
import { AppError } from '../rpc/errors.ts';

/** The connection itself; `key` null only for a benchmark's unencrypted baseline. */
function connect(path: string, key: Buffer | null, options: OpenOptions): Db {
  if (key === null) return openPlain(path, options);
  try {
    return openEncrypted(path, key, options);
  } catch (error) {
    const message = (error as Error).message;
    if (/not a database|encrypted/i.test(message)) {
      throw new AppError('VAULT_CORRUPT', 'The vault database does not match its key file, or it is damaged.');
    }
    throw error;
  }
}

/** Open with the vault key and migrate; maps driver errors to what a person can act on. */
export function openVaultDatabase(path: string, key: Buffer | null, options: OpenOptions = {}): Db {
  const db = connect(path, key, options);
  try {
    migrate(db);
    // A bulk erasure stopped between its batches and its index purge: finish it first.
    if (!options.readonly) purgeSearchIndex(db);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

/**
 * A read-only connection beside the writer's (a reader thread): no migration, which is the
 * writer's, and no way to write even by mistake.
 */
export function openVaultReader(path: string, key: Buffer | null, options: OpenOptions = {}): Db {
  return connect(path, key, { ...options, readonly: true });
}
