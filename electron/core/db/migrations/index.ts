import type { Db } from '../connection.ts';
import { AppError } from '../../rpc/errors.ts';
import { migration001 } from './001-foundation.ts';
import { migration002 } from './002-intake.ts';
import { migration003 } from './003-privacy.ts';
import { migration004 } from './004-rights-requests.ts';
import { migration005 } from './005-clients-matching.ts';
import { migration009 } from './009-vacancies-matching.ts';
import { migration006 } from './006-search.ts';
import { migration007 } from './007-sharing.ts';
import { migration008 } from './008-activity.ts';
import { migration010 } from './010-search-prefixes.ts';

export interface Migration {
  version: number;
  name: string;
  up: (db: Db) => void;
}

/** Numbered, append-only. Never edit a migration that has shipped: add the next. */
export const migrations: readonly Migration[] = [migration001, migration002, migration003, migration004, migration005, migration006, migration007, migration008, migration009, migration010];

export const LATEST_VERSION = migrations.at(-1)!.version;

/**
 * Bring the schema to LATEST_VERSION in one transaction, tracked by user_version.
 * A vault written by a newer Kandidat is refused rather than half-understood.
 */
export function migrate(db: Db, list: readonly Migration[] = migrations): { from: number; to: number } {
  const latest = list.at(-1)?.version ?? 0;
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > latest) {
    throw new AppError(
      'VAULT_TOO_NEW',
      `This vault was written by a newer version of Kandidat (schema ${current}, this version knows ${latest}). Update Kandidat to open it.`,
    );
  }
  const pending = list.filter((m) => m.version > current);
  if (pending.length === 0) return { from: current, to: current };
  db.transaction(() => {
    for (const m of pending) {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    }
  })();
  return { from: current, to: latest };
}
