import { parentPort, workerData } from 'node:worker_threads';
import { openVaultDatabase, openVaultReader } from './open.ts';
import { execute, type ExecResult } from './execute.ts';
import { isReadQuery } from './queries/index.ts';
import { AppError } from '../rpc/errors.ts';
import type { WorkerInit, WorkerReply, WorkerRequest } from './client.ts';

/**
 * A database thread. One connection, one message at a time. The writer's connection
 * migrates and takes every query, so writes are serialised by construction and the
 * main process never blocks on SQLite; a reader's connection is read-only and takes
 * only the queries listed as reads.
 */
const init = workerData as WorkerInit;
const port = parentPort!;

try {
  const key = init.keyHex === null ? null : Buffer.from(init.keyHex, 'hex');
  const options = init.nativeBinding ? { nativeBinding: init.nativeBinding } : {};
  const db = init.role === 'reader' ? openVaultReader(init.path, key, options) : openVaultDatabase(init.path, key, options);
  port.postMessage({ type: 'ready' } satisfies WorkerReply);
  port.on('message', (request: WorkerRequest) => {
    if (request.type === 'close') {
      db.close();
      port.postMessage({ type: 'closed' } satisfies WorkerReply);
      port.close();
      return;
    }
    const result: ExecResult =
      init.role === 'reader' && !isReadQuery(request.name)
        ? { ok: false, error: { code: 'INTERNAL', message: `${request.name} is not a read: a reader thread does not run it`, internal: true } }
        : execute(db, request.name, request.args);
    port.postMessage({ type: 'result', id: request.id, result } satisfies WorkerReply);
  });
} catch (error) {
  const e = error instanceof AppError ? error.toRpc() : { code: 'INTERNAL' as const, message: (error as Error).message };
  port.postMessage({ type: 'failed', error: e } satisfies WorkerReply);
}
