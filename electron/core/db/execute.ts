import type { RpcError } from '../../../shared/errors.ts';
import type { Db } from './connection.ts';
import { queries } from './queries/index.ts';
import { AppError } from '../rpc/errors.ts';

export type ExecResult = { ok: true; value: unknown } | { ok: false; error: RpcError & { internal?: boolean } };

/** Run one named query; errors become plain data so they cross a thread boundary. */
export function execute(db: Db, name: string, args: unknown): ExecResult {
  const query = (queries as Record<string, (db: Db, args: unknown) => unknown>)[name];
  if (!query) return { ok: false, error: { code: 'INTERNAL', message: `Unknown query ${name}`, internal: true } };
  try {
    return { ok: true, value: query(db, args) };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error: error.toRpc() };
    return { ok: false, error: { code: 'INTERNAL', message: (error as Error).message, internal: true } };
  }
}

export function toError(error: RpcError & { internal?: boolean }): Error {
  return error.internal ? new Error(error.message) : new AppError(error.code, error.message, error.details);
}
