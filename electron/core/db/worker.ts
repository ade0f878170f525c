import { parentPort, workerData } from 'node:worker_threads';
import { openVaultDatabase } from './open.ts';
import { execute } from './execute.ts';
import { AppError } from '../rpc/errors.ts';
import type { WorkerInit, WorkerReply, WorkerRequest } from './client.ts';

/**
 * The database thread. One connection, one message at a time: writes are
 * serialised by construction and the main process never blocks on SQLite.
 */
const init = workerData as WorkerInit;
const port = parentPort!;

try {
  const db = openVaultDatabase(init.path, Buffer.from(init.keyHex, 'hex'), init.nativeBinding ? { nativeBinding: init.nativeBinding } : {});
  port.postMessage({ type: 'ready' } satisfies WorkerReply);
  port.on('message', (request: WorkerRequest) => {
    if (request.type === 'close') {
      db.close();
      port.postMessage({ type: 'closed' } satisfies WorkerReply);
      port.close();
      return;
    }
    const result = execute(db, request.name, request.args);
    port.postMessage({ type: 'result', id: request.id, result } satisfies WorkerReply);
  });
} catch (error) {
  const e = error instanceof AppError ? error.toRpc() : { code: 'INTERNAL' as const, message: (error as Error).message };
  port.postMessage({ type: 'failed', error: e } satisfies WorkerReply);
}
