import { parentPort, workerData, Worker } from 'node:worker_threads';
import { startReceiver, type ReceiverOptions } from './server.ts';
import { faultFor, type FaultPlan } from './fault-plan.ts';

/**
 * The receiver on a thread of its own, for benchmarks: a client is another
 * machine, so it must not share the sender's event loop. The parent learns of
 * every applied id and, when it stops the thread, of every id received twice.
 */

export interface ThreadReceiverOptions extends Omit<ReceiverOptions, 'faults' | 'log'> {
  faults?: FaultPlan | null;
}

type FromThread =
  | { type: 'listening'; url: string; port: number; applied: string[] }
  | { type: 'applied'; id: string }
  | { type: 'closed'; received: string[]; retried: number };

export interface ThreadReceiver {
  url: string;
  port: number;
  /** Ids applied so far (each once), in order. */
  applied: string[];
  onApplied: ((id: string) => void) | null;
  /** Stops it; reports every id it holds and how many ids took more than one request. */
  close(): Promise<{ received: string[]; retried: number }>;
}

export function startReceiverThread(options: ThreadReceiverOptions): Promise<ThreadReceiver> {
  const worker = new Worker(new URL('./thread-entry.mjs', import.meta.url), { workerData: options });
  return new Promise((resolve, reject) => {
    let closed: ((r: { received: string[]; retried: number }) => void) | null = null;
    const handle: ThreadReceiver = {
      url: '',
      port: 0,
      applied: [],
      onApplied: null,
      close: () =>
        new Promise((done) => {
          closed = done;
          worker.postMessage('close');
        }),
    };
    worker.on('error', reject);
    worker.on('message', (m: FromThread) => {
      if (m.type === 'listening') {
        Object.assign(handle, { url: m.url, port: m.port });
        handle.applied.push(...m.applied);
        resolve(handle);
      } else if (m.type === 'applied') {
        handle.applied.push(m.id);
        handle.onApplied?.(m.id);
      } else if (m.type === 'closed') {
        void worker.terminate();
        closed?.({ received: m.received, retried: m.retried });
      }
    });
  });
}

if (parentPort && workerData && (workerData as ThreadReceiverOptions).secret) {
  const port = parentPort;
  const { faults: plan, ...options } = workerData as ThreadReceiverOptions;
  const receiver = await startReceiver({
    ...options,
    ...(plan ? { faults: ({ id, attempt }: { id: string | null; attempt: number }) => faultFor(plan, id, attempt) } : {}),
    log: (line) => {
      const [outcome, id] = line.split(' ');
      if (outcome === 'applied' && id) port.postMessage({ type: 'applied', id } satisfies FromThread);
    },
  });
  port.postMessage({ type: 'listening', url: receiver.url, port: receiver.port, applied: receiver.store.messages().map((m) => m.id) } satisfies FromThread);
  port.on('message', (m) => {
    if (m !== 'close') return;
    void receiver.close().then(() => {
      const retried = [...receiver.attempts.values()].filter((n) => n > 1).length;
      port.postMessage({ type: 'closed', received: receiver.store.messages().map((x) => x.id), retried } satisfies FromThread);
    });
  });
}
