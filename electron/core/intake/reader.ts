import { Worker } from 'node:worker_threads';
import type { DraftPage, IntakeFormat } from '../../../shared/contract/intake.ts';
import type { ParseResult } from './parse/types.ts';
import type { Clock } from '../clock.ts';
import { asFailure, IntakeFailure, refuse } from './limits.ts';

/**
 * Reading a CV (extract, OCR, parse) as the queue sees it. The app reads in worker
 * threads, one file per thread, so a file that hangs or exhausts memory is ended
 * with its thread and the main thread never waits on pdf.js or Tesseract. Tests
 * can read inline with a fake.
 */
export interface ReadInput {
  bytes: Uint8Array;
  fileName: string;
  format: IntakeFormat;
}

export interface ReadProgress {
  stage: 'reading' | 'ocr' | 'parsing';
  page?: number | undefined;
  pages?: number | undefined;
}

export interface ReadOutput {
  result: ParseResult;
  pages: DraftPage[];
  warnings: string[];
}

export interface ReadOptions {
  /** Aborting rejects the read at once with the signal's reason. */
  signal: AbortSignal;
  onProgress: (p: ReadProgress) => void;
}

export type ReadCv = (input: ReadInput, options: ReadOptions) => Promise<ReadOutput>;

/** What a pipeline module (the real one, or a test's) exports for the worker thread. */
export interface PipelineModule {
  readCv: ReadCv;
  closePipeline?: () => Promise<void>;
  /** Called once in the thread before the first file. */
  configurePipeline?: (config: PipelineConfig) => void;
}

export interface PipelineConfig {
  /** The folder with nor/eng traineddata; the packaged app's resources differ from the repo's. */
  ocrLangPath?: string;
  /** tesseract.js's worker script; the packaged app passes its unpacked copy. */
  ocrWorkerScript?: string;
}

export interface CvReader {
  read(input: ReadInput, options: ReadOptions): Promise<ReadOutput>;
  close(): Promise<void>;
}

function abortable<T>(signal: AbortSignal, work: () => Promise<T>): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    work().then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  });
}

/** Same thread: for tests with a fake pipeline. A hung fake is abandoned, not stopped. */
export function inlineReader(readCv: ReadCv): CvReader {
  return {
    read: (input, options) => abortable(options.signal, () => readCv(input, options)),
    close: async () => {},
  };
}

// ---- worker threads ------------------------------------------------------

export type ToThread = { type: 'read'; runId: number; input: ReadInput } | { type: 'close' };

export type FromThread =
  | { type: 'ready' }
  | { type: 'progress'; runId: number; progress: ReadProgress }
  | { type: 'done'; runId: number; output: ReadOutput }
  | { type: 'failed'; runId: number; error: { code: string; message: string } }
  | { type: 'closed' };

export interface ThreadInit {
  /** The module the thread reads with (file URL); the real pipeline by default. */
  pipelineUrl: string;
  config: PipelineConfig;
}

export interface ThreadReaderOptions {
  /** Threads, i.e. files read at once. */
  size: number;
  pipelineUrl?: string;
  pipelineConfig?: PipelineConfig;
  /** The tsx bootstrap by default; a bundled build passes its own. */
  entryUrl?: URL | string;
  /** A V8 heap cap per thread: a file that needs more ends its thread, not the app. */
  maxHeapMb?: number;
  /** An idle thread (with its pdf.js and Tesseract) is ended after this long. */
  idleCloseMs?: number;
  clock?: Clock;
}

interface Run {
  runId: number;
  resolve: (o: ReadOutput) => void;
  reject: (e: unknown) => void;
  onProgress: (p: ReadProgress) => void;
}

interface Thread {
  worker: Worker;
  idleTimer: unknown;
  ready: Promise<void>;
  run: Run | null;
  dead: boolean;
}

export const DEFAULT_PIPELINE_URL = new URL('./pipeline.ts', import.meta.url).href;

export function threadReader(options: ThreadReaderOptions): CvReader {
  const idle: Thread[] = [];
  const all = new Set<Thread>();
  const waiting: { resolve: (t: Thread) => void; reject: (e: unknown) => void }[] = [];
  let nextRun = 1;
  let closed = false;

  const spawn = (): Thread => {
    const worker = new Worker(options.entryUrl ?? new URL('./worker-entry.mjs', import.meta.url), {
      workerData: {
        pipelineUrl: options.pipelineUrl ?? DEFAULT_PIPELINE_URL,
        config: options.pipelineConfig ?? {},
      } satisfies ThreadInit,
      resourceLimits: { maxOldGenerationSizeMb: options.maxHeapMb ?? 768 },
      // The thread's stdout is not ours to fill; its stderr still reaches the console.
      stdout: true,
    });
    worker.stdout.resume();
    let markReady!: () => void;
    let failStart!: (e: unknown) => void;
    const thread: Thread = {
      worker,
      idleTimer: null,
      run: null,
      dead: false,
      ready: new Promise<void>((resolve, reject) => {
        markReady = resolve;
        failStart = reject;
      }),
    };
    thread.ready.catch(() => undefined);
    const die = (error: unknown) => {
      if (thread.dead) return;
      thread.dead = true;
      all.delete(thread);
      const at = idle.indexOf(thread);
      if (at >= 0) idle.splice(at, 1);
      failStart(error);
      const run = thread.run;
      thread.run = null;
      if (run) {
        const code = (error as { code?: string } | null)?.code;
        run.reject(code === 'ERR_WORKER_OUT_OF_MEMORY' ? refuse.outOfMemory() : refuse.readerDied());
      }
    };
    worker.on('message', (m: FromThread) => {
      const run = thread.run;
      switch (m.type) {
        case 'ready':
          markReady();
          return;
        case 'progress':
          if (run?.runId === m.runId) run.onProgress(m.progress);
          return;
        case 'done':
        case 'failed':
          if (run?.runId !== m.runId) return;
          thread.run = null;
          release(thread);
          if (m.type === 'done') run.resolve(m.output);
          else run.reject(asFailure(m.error));
          return;
        case 'closed':
          return;
      }
    });
    worker.on('error', die);
    worker.on('exit', () => die(new Error('The reader thread exited')));
    all.add(thread);
    return thread;
  };

  const release = (thread: Thread) => {
    if (thread.dead || closed) return;
    const next = waiting.shift();
    if (next) return next.resolve(thread);
    idle.push(thread);
    if (options.clock && options.idleCloseMs !== undefined) {
      const clock = options.clock;
      thread.idleTimer = clock.setTimeout(() => {
        thread.idleTimer = null;
        const at = idle.indexOf(thread);
        if (at < 0) return;
        idle.splice(at, 1);
        kill(thread);
      }, options.idleCloseMs);
    }
  };

  const take = (thread: Thread): Thread => {
    if (thread.idleTimer !== null) options.clock?.clearTimeout(thread.idleTimer);
    thread.idleTimer = null;
    return thread;
  };

  const acquire = (): Promise<Thread> => {
    const free = idle.pop();
    if (free) return Promise.resolve(take(free));
    if (all.size < options.size) return Promise.resolve(spawn());
    return new Promise((resolve, reject) => waiting.push({ resolve, reject }));
  };

  const kill = (thread: Thread) => {
    thread.dead = true;
    all.delete(thread);
    thread.run = null;
    void thread.worker.terminate();
    // A slot is free again: someone waiting gets a fresh thread.
    const next = waiting.shift();
    if (next && !closed) next.resolve(spawn());
  };

  return {
    async read(input, { signal, onProgress }) {
      if (closed) throw new IntakeFailure('error', 'The reader is closed.');
      if (signal.aborted) throw signal.reason;
      const thread = await acquire();
      return new Promise<ReadOutput>((resolve, reject) => {
        const runId = nextRun++;
        // A stuck pdf.js or Tesseract cannot be interrupted politely: the thread goes.
        const onAbort = () => {
          if (thread.run?.runId === runId) kill(thread);
          reject(signal.reason);
        };
        const settle = <T>(fn: (v: T) => void) => (v: T) => {
          signal.removeEventListener('abort', onAbort);
          fn(v);
        };
        if (signal.aborted) {
          release(thread);
          return reject(signal.reason);
        }
        signal.addEventListener('abort', onAbort, { once: true });
        thread.run = { runId, resolve: settle(resolve), reject: settle(reject), onProgress };
        thread.ready.then(
          () => {
            if (thread.run?.runId !== runId) return;
            thread.worker.postMessage({ type: 'read', runId, input } satisfies ToThread);
          },
          () => undefined, // die() already rejected the run
        );
      });
    },
    async close() {
      closed = true;
      for (const w of waiting.splice(0)) w.reject(new IntakeFailure('error', 'The reader was closed.'));
      await Promise.all(
        [...all].map(async (thread) => {
          thread.dead = true;
          thread.run?.reject(new IntakeFailure('error', 'The reader was closed.'));
          thread.run = null;
          await thread.worker.terminate();
        }),
      );
      all.clear();
      idle.length = 0;
    },
  };
}
