import { Worker } from 'node:worker_threads';
import type { RpcError } from '../../../shared/errors.ts';
import type { OpenOptions } from './connection.ts';
import { execute, toError, type ExecResult } from './execute.ts';
import { openVaultDatabase } from './open.ts';
import type { QueryArgs, QueryName, QueryResult, ReadQueryName } from './queries/index.ts';

export interface WorkerInit {
  path: string;
  /** The vault key; null opens an unencrypted database (benchmarks' baseline only). */
  keyHex: string | null;
  nativeBinding?: string;
  /** The writer migrates and runs every query; a reader opens read-only and runs only reads. */
  role: 'writer' | 'reader';
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
  /**
   * A query that only reads (searches), on a reader thread when there are any: it does not
   * wait behind the writer's work (an import), and several run at once, one per core.
   */
  read<K extends ReadQueryName>(name: K, ...args: CallArgs<K>): Promise<QueryResult<K>>;
  /** How many reads run at the same time: a search cuts its ranking into this many parts. */
  readonly readers: number;
  /** Settles once every reader thread has opened or failed to (tests and benchmarks wait for it). */
  readersStarted(): Promise<void>;
  close(): Promise<void>;
}

export interface DbOpenOptions extends OpenOptions {
  /** 'worker' (the app) or 'inline' (same thread; tests and short CLI runs). */
  mode?: 'worker' | 'inline';
  /** The worker script; defaults to the tsx entry beside this file. */
  workerUrl?: URL | string;
  /** Reader threads beside the writer (worker mode); default 2: this machine's cores. */
  readers?: number;
}

/** `key` null: an unencrypted database, for benchmarks' baseline only (the vault always has a key). */
export async function openDb(path: string, key: Buffer | null, options: DbOpenOptions = {}): Promise<DbHandle> {
  return options.mode === 'inline' ? openInline(path, key, options) : openInWorker(path, key, options);
}

function openInline(path: string, key: Buffer | null, options: OpenOptions): DbHandle {
  const db = openVaultDatabase(path, key, options);
  const call = async (name: string, args: unknown) => {
    const result = execute(db, name, args);
    if (!result.ok) throw toError(result.error);
    return result.value as never;
  };
  return {
    call: (name, ...args) => call(name, args[0]),
    read: (name, ...args) => call(name, args[0]),
    readers: 1,
    readersStarted: async () => undefined,
    close: async () => {
      db.close();
    },
  };
}

/** One database thread: its calls in flight, and how to end it. */
interface DbThread {
  call(name: string, args: unknown): Promise<never>;
  readonly pending: number;
  /** False once the thread has stopped (closed, or crashed). */
  readonly alive: boolean;
  close(): Promise<void>;
}

function startThread(init: WorkerInit, workerUrl: URL | string | undefined): Promise<DbThread> {
  const worker = new Worker(workerUrl ?? new URL('./worker-entry.mjs', import.meta.url), { workerData: init });
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
          resolveOpen(thread);
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

    const thread: DbThread = {
      call: (name, args) => {
        if (closed) return Promise.reject(new Error('The database is closed'));
        const id = nextId++;
        return new Promise((resolve, reject) => {
          pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
          worker.postMessage({ type: 'query', id, name, args } satisfies WorkerRequest);
        });
      },
      get pending() {
        return pending.size;
      },
      get alive() {
        return !closed;
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

/**
 * The writer thread (one connection: writes are serialised by construction), then the reader
 * threads, opened read-only once the writer has migrated. WAL lets them read committed data
 * while the writer writes. The vault is usable as soon as the writer is: readers join as they
 * open (until then the writer reads too), and one that cannot open or stops leaves its reads
 * to the others, or to the writer.
 */
async function openInWorker(path: string, key: Buffer | null, options: DbOpenOptions): Promise<DbHandle> {
  const base = { path, keyHex: key ? key.toString('hex') : null, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) };
  const writer = await startThread({ ...base, role: 'writer' }, options.workerUrl);
  const readers: DbThread[] = [];
  let closing = false;
  const starting = Array.from({ length: options.readers ?? 2 }, () =>
    startThread({ ...base, role: 'reader' }, options.workerUrl).then(
      (reader) => (closing ? reader.close() : void readers.push(reader)),
      () => undefined,
    ),
  );
  const allStarted = Promise.all(starting).then(() => undefined);
  // The least busy live reader takes the next read; with none (yet, or left), the writer does.
  const reader = () =>
    readers.reduce<DbThread | null>((best, r) => (r.alive && (!best || r.pending < best.pending) ? r : best), null) ?? writer;
  return {
    call: (name, ...args) => writer.call(name, args[0]),
    read: (name, ...args) => reader().call(name, args[0]),
    get readers() {
      return Math.max(1, readers.filter((r) => r.alive).length);
    },
    readersStarted: () => allStarted,
    close: async () => {
      closing = true;
      await allStarted;
      await Promise.all(readers.map((r) => r.close()));
      await writer.close();
    },
  };
}
