import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * A full garbage collection of this thread's heap, run after each OCR page. Every page
 * leaves its decoded and encoded images (≈ 20 MB of buffers) behind, and V8 collects
 * such external memory only once tens of MB have piled up; with two OCR threads and the
 * host each holding a pile, that was ≈ 60 MB of the pool's peak. A collection of this
 * small heap costs a few milliseconds against seconds per page.
 *
 * `gc` comes from a fresh context once --expose-gc is on (process-wide, and left on: the
 * OCR threads turn it on too, and must not switch it off under each other).
 */
let gc: (() => void) | null | undefined;

export function collectGarbage(): void {
  if (gc === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      gc = runInNewContext('gc') as () => void;
    } catch {
      gc = null; // a runtime that refuses: V8 collects on its own schedule, as before
    }
  }
  gc?.();
}
