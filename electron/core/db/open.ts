import { openEncrypted, type Db, type OpenOptions } from './connection.ts';
import { migrate } from './migrations/index.ts';
import { purgeSearchIndex } from './queries/search-subject.ts';
import { AppError } from '../rpc/errors.ts';

/** Open with the vault key and migrate; maps driver errors to what a person can act on. */
export function openVaultDatabase(path: string, key: Buffer, options: OpenOptions = {}): Db {
  let db: Db;
  try {
    db = openEncrypted(path, key, options);
  } catch (error) {
    const message = (error as Error).message;
    if (/not a database|encrypted/i.test(message)) {
      throw new AppError('VAULT_CORRUPT', 'The vault database does not match its key file, or it is damaged.');
    }
    throw error;
  }
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
