import { Worker } from 'node:worker_threads';
import type { RpcError } from '../../../shared/errors.ts';
import type { OpenOptions } from './connection.ts';
import { execute, toError, type ExecResult } from './execute.ts';
import { openVaultDatabase } from './open.ts';
import type { QueryArgs, QueryName, QueryResult } from './queries/index.ts';

export interface WorkerInit {
  path: string;
  keyHex: string;
  nativeBinding?: string;
}
export type WorkerRequest = { type: 'query'; id: number; name: string; args: unknown } | { type: 'close' };
export type WorkerReply =
  | { type: 'ready' }
  | { type: 'failed'; error: RpcError }
  | { type: 'result'; id: number; result: ExecResult }
  | { type: 'closed' };

type CallArgs<K extends QueryName> = QueryArgs<K> extends undefined ? [] : [QueryArgs<K>];

/** An open vault database, wherever it runs. */
export interface DbHandle {
  call<K extends QueryName>(name: K, ...args: CallArgs<K>): Promise<QueryResult<K>>;
  close(): Promise<void>;
}

export interface DbOpenOptions extends OpenOptions {
  /** 'worker' (the app) or 'inline' (same thread; tests and short CLI runs). */
  mode?: 'worker' | 'inline';
  /** The worker script; defaults to the tsx entry beside this file. */
  workerUrl?: URL | string;
}

export async function openDb(path: string, key: Buffer, options: DbOpenOptions = {}): Promise<DbHandle> {
  return options.mode === 'inline' ? openInline(path, key, options) : openInWorker(path, key, options);
}

function openInline(path: string, key: Buffer, options: OpenOptions): DbHandle {
  const db = openVaultDatabase(path, key, options);
  return {
    call: async (name, ...args) => {
      const result = execute(db, name, args[0]);
      if (!result.ok) throw toError(result.error);
      return result.value as never;
    },
    close: async () => {
      db.close();
    },
  };
}

function openInWorker(path: string, key: Buffer, options: DbOpenOptions): Promise<DbHandle> {
  const init: WorkerInit = { path, keyHex: key.toString('hex'), ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) };
  const worker = new Worker(options.workerUrl ?? new URL('./worker-entry.mjs', import.meta.url), { workerData: init });
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let nextId = 1;
  let closed = false;

  return new Promise((resolveOpen, rejectOpen) => {
    const failAll = (error: Error) => {
      for (const p of pending.values()) p.reject(error);
      pending.clear();
    };
    worker.on('error', (error) => {
      failAll(error);
      rejectOpen(error);
    });
    worker.on('exit', () => {
      closed = true;
      failAll(new Error('The database thread stopped'));
    });
    worker.on('message', (reply: WorkerReply) => {
      switch (reply.type) {
        case 'ready':
          resolveOpen(handle);
          break;
        case 'failed':
          rejectOpen(toError(reply.error));
          void worker.terminate();
          break;
        case 'result': {
          const p = pending.get(reply.id);
          pending.delete(reply.id);
          if (!p) return;
          if (reply.result.ok) p.resolve(reply.result.value);
          else p.reject(toError(reply.result.error));
          break;
        }
        case 'closed':
          break;
      }
    });

    const handle: DbHandle = {
      call: (name, ...args) => {
        if (closed) return Promise.reject(new Error('The database is closed'));
        const id = nextId++;
        return new Promise((resolve, reject) => {
          pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
          worker.postMessage({ type: 'query', id, name, args: args[0] } satisfies WorkerRequest);
        });
      },
      close: () =>
        new Promise<void>((resolve) => {
          if (closed) return resolve();
          closed = true;
          worker.once('exit', () => resolve());
          worker.postMessage({ type: 'close' } satisfies WorkerRequest);
        }),
    };
  });
}
