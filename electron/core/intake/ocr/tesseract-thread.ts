import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { OcrProgress } from './engine.ts';

/**
 * One worker thread running tesseract.js's own worker script (its WebAssembly Tesseract),
 * driven through the script's message protocol directly rather than `createWorker()`.
 *
 * Why not `createWorker()`: when language data is missing or broken, its promise never
 * settles and the thread it spawned stays alive (no handle to end it), and without an
 * errorHandler it rethrows inside a message listener, which kills the process. Owning the
 * Worker gives us: a timeout on every step, `terminate()` at any moment (the only way to
 * stop a page that runs too long or is cancelled), and 'error'/'exit' listeners from the
 * first instant, so a crash of the thread fails its page instead of the app. The thread's
 * stdout/stderr are captured so nothing it prints reaches ours (the CLI's stdout is JSON).
 */

/** Tesseract's OCR Engine Mode 1: the LSTM recogniser only (our data has no legacy model). */
const OEM_LSTM_ONLY = 1;

const require = createRequire(import.meta.url);
export const defaultWorkerScript = (): string => require.resolve('tesseract.js/src/worker-script/node/index.js');

export interface TesseractThreadOptions {
  /** Folder holding `<lang>.traineddata` (uncompressed) for every language. */
  langPath: string;
  /** Tesseract's language string, e.g. `nor+eng`. */
  languages: string;
  /** Tesseract variables set once after start (page segmentation, dpi, …). */
  parameters: Record<string, string>;
  /**
   * Languages of a second Tesseract in the same thread that reads places of a page again
   * (`readAgain`), e.g. `eng` beside a scan read with `nor_fast`; none when absent.
   */
  readAgainLanguages?: string;
  /** tesseract.js's worker script; the packaged app may point at an unpacked copy. */
  workerScript?: string;
}

/** tesseract.js's recognition output with the parts we request. */
export interface TesseractBBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}
export interface TesseractWord {
  text: string;
  confidence: number;
  bbox: TesseractBBox;
}
export interface TesseractLine {
  text: string;
  confidence: number;
  bbox: TesseractBBox;
  rowAttributes?: { rowHeight: number; ascenders: number; descenders: number };
  words: TesseractWord[];
}
/** How much confident text a result holds: characters weighted by their line's confidence. */
export function confidentCharacters(page: TesseractPage): number {
  let sum = 0;
  for (const block of page.blocks ?? []) {
    for (const paragraph of block.paragraphs) {
      for (const line of paragraph.lines) sum += line.text.trim().length * (line.confidence / 100);
    }
  }
  return sum;
}

export interface TesseractPage {
  blocks: { paragraphs: { lines: TesseractLine[] }[] }[] | null;
  confidence: number;
  rotateRadians?: number | null;
}

export interface RecognizeRequest {
  /** An encoded image Leptonica reads (we send an uncompressed TIFF). Transferred: the caller must not reuse it. */
  image: Uint8Array;
  /** Turn the image by this many radians (clockwise positive) before recognising it. */
  rotateRadians?: number;
  /** Tesseract variables for this page only (restored afterwards). */
  parameters?: Record<string, string>;
}

/** A place of the last page to read again, in that page's pixels (after its turn). */
export interface ReadAgainBox {
  left: number;
  top: number;
  width: number;
  height: number;
}

interface Pending {
  resolve: (data: unknown) => void;
  reject: (error: Error) => void;
}

interface WorkerMessage {
  /** From the bootstrap: which core build tesseract.js picked. */
  coreBuild?: string;
  jobId?: string;
  status?: 'resolve' | 'reject' | 'progress';
  data?: unknown;
}

/**
 * The thread's first lines, before tesseract.js's script: they keep its memory down, which
 * matters because a WebAssembly heap never shrinks and two of these run beside the app.
 * - WebAssembly is compiled by TurboFan only (no Liftoff baseline tier): one copy of the
 *   machine code instead of two while the tier-up runs, about 20 MB less per thread, and
 *   the optimised code from the first page on (only the start is slower, once).
 * - A full garbage collection after each page and after start: every page leaves ≈ 20 MB of
 *   buffers (the image sent, its copy in the WebAssembly file system) that V8 would
 *   otherwise collect only once tens of MB of them have piled up in each thread.
 *   `gc` is taken from a fresh context once --expose-gc is on (the flag is process-wide
 *   and stays on: two threads starting at once must not switch it off under each other).
 *   The answers that trigger it are recognised by their job ids (`FS-…` follows every page).
 * - Tesseract's results and images of the previous page are freed before the next page is
 *   loaded (`Clear()` before `SetImageFile`): tesseract.js never clears them, so the
 *   WebAssembly heap had to hold the old page beside the new one while it was read in
 *   (it peaked at ≈ 97 MB per thread instead of ≈ 65 MB). The core is wrapped where
 *   tesseract.js requires it, whichever of its builds it picks; the build's name is reported
 *   to the host (`coreBuild`), so a test sees that the LSTM-only one was picked.
 * - Two actions of our own, answered here and never seen by tesseract.js's script (which
 *   keeps one Tesseract): `readAgainInit` starts a second Tesseract with other languages
 *   (their data must be in the file system then), and `readAgain` has it read places of the
 *   image the first one read last (the same pixels, already turned: no second load), one
 *   line each (page segmentation 7), and answers with the words of each.
 */
function threadBootstrap(script: string): string {
  return `
const v8 = require('node:v8');
const Module = require('node:module');
const { runInNewContext } = require('node:vm');
const { parentPort } = require('node:worker_threads');
const requireModule = Module._load;
let tesseractCore = null;
let lastReader = null;
let secondReader = null;
Module._load = function (request) {
  const exported = requireModule.apply(this, arguments);
  if (typeof exported !== 'function' || !String(request).includes('tesseract.js-core/tesseract-core')) return exported;
  parentPort.postMessage({ coreBuild: String(request).split('/').pop() });
  return (options) => exported(options).then((core) => {
    tesseractCore = core;
    const prototype = core.TessBaseAPI.prototype;
    const setImageFile = prototype.SetImageFile;
    prototype.SetImageFile = function (...args) {
      this.Clear();
      lastReader = this;
      return setImageFile.apply(this, args);
    };
    return core;
  });
};
const ownActions = {
  readAgainInit({ langs }) {
    if (!tesseractCore) throw new Error('the OCR core is not loaded');
    if (secondReader) secondReader.End();
    secondReader = new tesseractCore.TessBaseAPI();
    if (secondReader.Init(null, langs, 1) !== 0) {
      secondReader = null;
      throw new Error('cannot load the language data ' + langs);
    }
    secondReader.SetVariable('tessedit_pageseg_mode', '7');
    return true;
  },
  readAgain({ boxes }) {
    if (!secondReader || !lastReader) throw new Error('there is no page to read again');
    secondReader.SetImage(lastReader.GetInputImage());
    try {
      return boxes.map((box) => {
        secondReader.SetRectangle(box.left, box.top, box.width, box.height);
        secondReader.Recognize(null);
        const words = [];
        for (const block of JSON.parse(secondReader.GetJSONText()).blocks || []) {
          for (const paragraph of block.paragraphs) {
            for (const line of paragraph.lines) {
              for (const word of line.words) words.push({ text: word.text, confidence: word.confidence, bbox: word.bbox });
            }
          }
        }
        return words;
      });
    } finally {
      secondReader.Clear();
    }
  },
};
const listen = parentPort.on.bind(parentPort);
parentPort.on = (event, listener) => listen(event, event !== 'message' ? listener : (packet) => {
  const own = packet && Object.hasOwn(ownActions, packet.action) ? ownActions[packet.action] : null;
  if (!own) return listener(packet);
  const answer = (status, data) => parentPort.postMessage({ workerId: packet.workerId, jobId: packet.jobId, action: packet.action, status, data });
  try {
    answer('resolve', own(packet.payload));
  } catch (error) {
    answer('reject', error && error.message ? error.message : String(error));
  }
});
v8.setFlagsFromString('--no-liftoff');
v8.setFlagsFromString('--expose-gc');
const collectGarbage = globalThis.gc ?? runInNewContext('gc');
const post = parentPort.postMessage.bind(parentPort);
parentPort.postMessage = (message, transfer) => {
  post(message, transfer);
  if (message && message.status === 'resolve' && /^(FS|setParameters|initialize)-/.test(String(message.jobId))) setImmediate(collectGarbage);
};
require(${JSON.stringify(script)});
`;
}

let threadCounter = 0;
let liveThreads = 0;

export class TesseractThread {
  readonly id = `ocr-${++threadCounter}`;
  /** Where the page currently being recognised reports Tesseract's progress. */
  onProgress: ((progress: OcrProgress) => void) | null = null;

  private readonly worker: Worker;
  private readonly pending = new Map<string, Pending>();
  private jobCounter = 0;
  private deathCause: Error | null = null;
  private terminating = false;
  /** Who waits for this thread's death now (watchDeath): each page, for its own time only. */
  private readonly deathWatchers = new Set<(cause: Error) => void>();
  private exited = false;
  /** The tesseract.js-core build the thread loaded (e.g. `tesseract-core-simd-lstm`), once loaded. */
  private loadedCore: string | null = null;
  /** The languages this thread reads with now ('' while its models are being loaded). */
  private current = '';

  /** Threads started and not yet ended, in this process (for tests and diagnostics). */
  static liveThreads(): number {
    return liveThreads;
  }

  private constructor(private readonly options: TesseractThreadOptions) {
    this.worker = new Worker(threadBootstrap(options.workerScript ?? defaultWorkerScript()), { eval: true, stdout: true, stderr: true });
    liveThreads += 1;
    // Drained and dropped: Tesseract's diagnostics are not ours to print, and an unread
    // pipe would eventually stall the thread.
    this.worker.stdout.resume();
    this.worker.stderr.resume();
    this.worker.on('message', (message: WorkerMessage) => this.handleMessage(message));
    this.worker.on('error', (error: Error) => this.die(new Error(`OCR worker crashed: ${error.message}`)));
    this.worker.on('messageerror', (error: Error) => this.die(new Error(`OCR worker sent an unreadable message: ${error.message}`)));
    this.worker.on('exit', (code: number) => {
      this.markExited();
      this.die(new Error(`OCR worker stopped (exit code ${code}).`));
    });
  }

  /**
   * Starts a thread and loads the WebAssembly core and the language data. Rejects (and ends
   * the thread) on any failure or after `timeoutMs`; it never leaves a thread behind.
   */
  static async start(options: TesseractThreadOptions, timeoutMs: number): Promise<TesseractThread> {
    const thread = new TesseractThread(options);
    const death = thread.watchDeath();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`the OCR engine did not start within ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      await Promise.race([thread.initialise(), timeout, death.dead.then((e) => Promise.reject(e))]);
      return thread;
    } catch (error) {
      await thread.terminate();
      throw error;
    } finally {
      clearTimeout(timer);
      death.stop();
    }
  }

  /**
   * `dead` settles (never rejects) if the thread dies for any reason other than terminate(),
   * until `stop()` is called. A page watches only for its own time: a reaction on one promise
   * that lives as long as the thread would keep everything in its callback's scope (the
   * page's job, its image and its result) alive as long, page after page (≈ 5 MB a page).
   */
  watchDeath(): { dead: Promise<Error>; stop: () => void } {
    if (this.deathCause) return { dead: Promise.resolve(this.deathCause), stop: () => undefined };
    let watcher!: (cause: Error) => void;
    const dead = new Promise<Error>((resolve) => {
      watcher = resolve;
    });
    this.deathWatchers.add(watcher);
    return { dead, stop: () => this.deathWatchers.delete(watcher) };
  }

  get coreBuild(): string | null {
    return this.loadedCore;
  }

  get alive(): boolean {
    return this.deathCause === null && !this.terminating;
  }

  async recognize(request: RecognizeRequest): Promise<TesseractPage> {
    const output = { text: false, blocks: true };
    const options = { ...request.parameters, ...(request.rotateRadians ? { rotateRadians: request.rotateRadians } : {}) };
    // Transferred, not copied, when the view owns its whole buffer (as our encoded pages do).
    const image = request.image.byteOffset === 0 && request.image.byteLength === request.image.buffer.byteLength ? request.image : request.image.slice();
    const page = (await this.send('recognize', { image, options, output }, [image.buffer as ArrayBuffer])) as TesseractPage;
    // tesseract.js leaves the page image in its in-memory file system until the next page.
    await this.send('FS', { method: 'unlink', args: ['/input'] }).catch(() => undefined);
    return page;
  }

  /**
   * Has the second Tesseract (`readAgainLanguages`) read places of the page recognised last,
   * one line each; answers the words read at each box (in the page's pixels).
   */
  async readAgain(boxes: ReadAgainBox[]): Promise<TesseractWord[][]> {
    if (!this.options.readAgainLanguages) throw new Error('this OCR worker has no second reader');
    return (await this.send('readAgain', { boxes })) as TesseractWord[][];
  }

  /** Ends the thread at once, whatever it is doing (the only way to stop a running page). */
  async terminate(): Promise<void> {
    if (this.terminating) return;
    this.terminating = true;
    this.failPending(new Error('OCR worker was stopped.'));
    await this.worker.terminate();
    this.markExited();
  }

  private markExited(): void {
    if (this.exited) return;
    this.exited = true;
    liveThreads -= 1;
  }

  /**
   * Reads with other languages from now on (e.g. `nor` alone for a second reading): Tesseract
   * is started again with their models, read from disk again (about a second).
   */
  async useLanguages(languages: string): Promise<void> {
    if (languages === this.current) return;
    await this.loadModels(languages);
  }

  private async initialise(): Promise<void> {
    // tesseract.js 7.0's `load` hands `lstmOnly` to its core picker, which compares it with the
    // OEM numbers: `true` matches none and loads the build with the legacy engine as well
    // (3.5 MB of WebAssembly instead of 2.9, ≈ 14 MB more per thread at its peak). OEM 1
    // (LSTM only) is what the picker looks for, and still reads as "true" where the flag is
    // used as one.
    await this.send('load', { options: { lstmOnly: OEM_LSTM_ONLY, logging: false } });
    await this.loadModels(this.options.languages, this.options.readAgainLanguages);
  }

  /** Loads `languages` for pages, and at start the second reader's (`readAgain`) too. */
  private async loadModels(languages: string, readAgainLanguages?: string): Promise<void> {
    const { langPath, parameters } = this.options;
    this.current = '';
    const files = [...new Set([...languages.split('+'), ...(readAgainLanguages?.split('+') ?? [])])];
    await this.send('loadLanguage', {
      langs: files.join('+'),
      // cacheMethod 'none': tesseract.js would otherwise copy the data into the working directory.
      options: { langPath, cacheMethod: 'none', gzip: false, lstmOnly: true },
    }).catch((error: Error) => {
      throw new Error(`cannot read the OCR language data in ${langPath}: ${error.message}`);
    });
    await this.send('initialize', { langs: languages, oem: OEM_LSTM_ONLY, config: {} }).catch((error: Error) => {
      throw new Error(`the OCR language data in ${langPath} is not usable (${error.message})`);
    });
    if (readAgainLanguages) {
      await this.send('readAgainInit', { langs: readAgainLanguages }).catch((error: Error) => {
        throw new Error(`the OCR language data in ${langPath} is not usable (${error.message})`);
      });
    }
    if (Object.keys(parameters).length > 0) await this.send('setParameters', { params: parameters });
    // Tesseract has read the models into its own structures; the file copies in the
    // WebAssembly file system would only take room from the pages.
    for (const lang of files) await this.send('FS', { method: 'unlink', args: [`./${lang}.traineddata`] });
    this.current = languages;
  }

  private send(action: string, payload: unknown, transfer: ArrayBuffer[] = []): Promise<unknown> {
    if (this.deathCause) return Promise.reject(this.deathCause);
    if (this.terminating) return Promise.reject(new Error('OCR worker was stopped.'));
    const jobId = `${action}-${++this.jobCounter}`;
    return new Promise((resolve, reject) => {
      this.pending.set(jobId, { resolve, reject });
      this.worker.postMessage({ workerId: this.id, jobId, action, payload }, transfer);
    });
  }

  private handleMessage(message: WorkerMessage): void {
    if (message.coreBuild) {
      this.loadedCore = message.coreBuild;
      return;
    }
    if (message.status === 'progress') {
      const data = message.data as { status?: string; progress?: number } | undefined;
      if (data?.status === 'recognizing text' && typeof data.progress === 'number') {
        this.onProgress?.({ status: 'recognizing', progress: Math.min(1, Math.max(0, data.progress)) });
      }
      return;
    }
    const pending = message.jobId === undefined ? undefined : this.pending.get(message.jobId);
    // The script may answer a job twice (reject, then resolve); only the first answer counts.
    if (!pending) return;
    this.pending.delete(message.jobId!);
    if (message.status === 'resolve') pending.resolve(message.data);
    else pending.reject(new Error(String(message.data)));
  }

  private die(cause: Error): void {
    if (this.deathCause || this.terminating) return;
    this.deathCause = cause;
    this.failPending(cause);
    for (const watcher of this.deathWatchers) watcher(cause);
    this.deathWatchers.clear();
  }

  private failPending(cause: Error): void {
    for (const pending of this.pending.values()) pending.reject(cause);
    this.pending.clear();
  }
}
