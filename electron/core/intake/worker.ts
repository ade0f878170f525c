import { parentPort, workerData } from 'node:worker_threads';
import type { FromThread, PipelineModule, ThreadInit, ToThread } from './reader.ts';
import { asFailure } from './limits.ts';

/**
 * The intake reader thread: one file at a time through the pipeline (extract, OCR,
 * parse). Cancelling or a timeout ends the whole thread from outside, so nothing
 * here has to be interruptible.
 */
const init = workerData as ThreadInit;
const port = parentPort!;

// A stray rejection inside a library must not end the thread under another file.
process.on('unhandledRejection', () => {});

const pipeline = (await import(init.pipelineUrl)) as PipelineModule;
pipeline.configurePipeline?.(init.config ?? {});
const post = (m: FromThread) => port.postMessage(m);

port.on('message', (m: ToThread) => {
  if (m.type === 'close') {
    void (pipeline.closePipeline?.() ?? Promise.resolve()).finally(() => {
      post({ type: 'closed' });
      port.close();
    });
    return;
  }
  const { runId, input } = m;
  const controller = new AbortController();
  pipeline
    .readCv(input, { signal: controller.signal, onProgress: (progress) => post({ type: 'progress', runId, progress }) })
    .then(
      (output) => post({ type: 'done', runId, output }),
      (error: unknown) => {
        const failure = asFailure(error);
        post({ type: 'failed', runId, error: { code: failure.code, message: failure.message } });
      },
    );
});

post({ type: 'ready' });
