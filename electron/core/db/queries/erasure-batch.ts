import type { Db } from '../connection.ts';
import { prepared } from './prepared.ts';

/**
 * The candidates one erasure removes. A retention run erases thousands at once, a
 * request one: both go through the same parts (subject-data.ts), a single erasure
 * as a batch of one. The ids are written to `temp.erasure_batch`, so each table is
 * cleared with one statement for the whole batch (`WHERE candidate_id IN_BATCH`).
 */
export interface ErasureBatch {
  ids: readonly string[];
}

/** Remove what a part holds about the batch's candidates; returns the rows removed, adds the originals they referenced to `freed`. */
export type EraseBatch = (db: Db, batch: ErasureBatch, freed: Set<string>) => number;

/**
 * `column IN_BATCH`: the column holds the id of a candidate of the batch. The table
 * lives with the connection's temporary tables, in memory (temp_store=MEMORY); it
 * holds ids only and is emptied when the erasure ends.
 */
export const IN_BATCH = 'IN (SELECT id FROM temp.erasure_batch)';

/** Write the batch's ids where IN_BATCH finds them (inside the erasure's transaction). */
export function fillErasureBatch(db: Db, ids: readonly string[]): void {
  db.exec('CREATE TEMP TABLE IF NOT EXISTS erasure_batch (id TEXT PRIMARY KEY) WITHOUT ROWID');
  clearErasureBatch(db);
  const insert = prepared(db, 'INSERT OR IGNORE INTO temp.erasure_batch (id) VALUES (?)');
  for (const id of ids) insert.run(id);
}

export function clearErasureBatch(db: Db): void {
  prepared(db, 'DELETE FROM temp.erasure_batch').run();
}

/** The table's rows of the batch's candidates, in one statement. */
export const byCandidate =
  (table: string, column = 'candidate_id'): EraseBatch =>
  (db) =>
    prepared(db, `DELETE FROM ${table} WHERE ${column} ${IN_BATCH}`).run().changes;

/**
 * A feature's erasure that takes one candidate at a time, by its own rules (the
 * sharing outbox queues deletion requests, the search index deletes the folded
 * tokens). Its statements run back to back for the whole batch, with no savepoint
 * between them: FTS5 flushes its pending changes at every savepoint and, with
 * secure-delete, each flush rewrites index pages — a savepoint per candidate made
 * the search index most of a retention run's cost.
 */
export const eachCandidate =
  (erase: (db: Db, candidateId: string) => number): EraseBatch =>
  (db, batch) => {
    let n = 0;
    for (const id of batch.ids) n += erase(db, id);
    return n;
  };
