import type { Statement } from 'better-sqlite3';
import type { Db } from '../connection.ts';

const cache = new WeakMap<Db, Map<string, Statement>>();

/**
 * A prepared statement, compiled once per connection. For queries run thousands
 * of times in one go (a retention run erases each candidate with a dozen
 * statements), compiling dominated the cost.
 */
export function prepared(db: Db, sql: string): Statement {
  let statements = cache.get(db);
  if (!statements) {
    statements = new Map();
    cache.set(db, statements);
  }
  let statement = statements.get(sql);
  if (!statement) {
    statement = db.prepare(sql);
    statements.set(sql, statement);
  }
  return statement;
}
