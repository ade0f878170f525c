import { draftOutput } from './fake-reader.ts';
import type { ReadCv } from './reader.ts';

/**
 * A pipeline for the reader-thread tests, loaded inside a real worker thread: it
 * misbehaves on purpose by file name, in ways only ending the thread can stop.
 */
export const readCv: ReadCv = async (input, { onProgress }) => {
  onProgress({ stage: 'reading', page: 1, pages: 1 });
  if (input.fileName.startsWith('spin')) {
    // A parser stuck in a loop: no await, no message is ever handled again.
    for (;;) {
      /* spin */
    }
  }
  if (input.fileName.startsWith('oom')) {
    const hoard: number[][] = [];
    for (;;) hoard.push(Array.from({ length: 1_000_000 }, (_, i) => i));
  }
  if (input.fileName.startsWith('exit')) process.exit(3);
  onProgress({ stage: 'parsing' });
  return draftOutput({ name: `Navn ${input.fileName.replace(/\W/g, ' ')}` });
};
