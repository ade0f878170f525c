import { availableParallelism } from 'node:os';
import type { ExtractedPage } from '../document.ts';
import { AppError, isAppError } from '../../rpc/errors.ts';
import type { OcrEngine, OcrOptions } from './engine.ts';
import { toExtractedPage, type PageGeometry } from './lines.ts';
import { DEFAULT_MAX_INPUT_PIXELS, prepareImage, prepareRendered } from './preprocess.ts';
import { assertLanguageData, defaultLangPath, NORWEGIAN_ONLY, PHOTO_LANGUAGES, SCAN_LANGUAGES, SCAN_READ_AGAIN } from './tessdata.ts';
import { confidentCharacters, TesseractThread, type TesseractPage } from './tesseract-thread.ts';
import { collectGarbage } from './collect-garbage.ts';
import { restoreNorwegianLetters } from './norwegian-letters.ts';
import { mergeReadings } from './merge-readings.ts';
import { readUnsureWordsInEnglish } from './english-words.ts';

/** Tesseract's Sauvola thresholds (local), for a photo's second reading. */
const SAUVOLA = { thresholding_method: '2' };

export interface OcrEngineOptions {
  /** Worker threads, each with its own Tesseract; default: one per core. */
  workers?: number;
  /** Folder with nor_fast, nor and eng `.traineddata` (tessdata.ts); default: resources/tessdata. */
  langPath?: string;
  /** Per-page limit on recognition (queue time not counted); default 120 s (a page takes 2–10 s). */
  timeoutMs?: number;
  /** Limit on starting a worker (loading the engine and the language data); default 30 s. */
  startTimeoutMs?: number;
  /** Images claiming more pixels are refused before decoding; default 80 MP. */
  maxInputPixels?: number;
  /** Resolution PDF pages are rendered at and images scaled towards; default 300. */
  dpi?: number;
  /** Measure each page's skew and have Tesseract level it before recognising; default on. */
  deskew?: boolean;
  /** Read photographed pages a second time with local thresholds and keep the better; default on. */
  photoSecondPass?: boolean;
  /** Read photographed pages once more with the Norwegian model alone for the æ, ø, å the English one drops; default on. */
  photoNorwegianPass?: boolean;
  /** Tesseract variables, merged over our defaults. */
  parameters?: Record<string, string>;
  /** tesseract.js's worker script, for a packaged app that unpacks it. */
  workerScript?: string;
}

/** The engine plus what the bench and the intake queue need to know about it. */
export interface OcrPool extends OcrEngine {
  /** Number of worker threads (each recognises one page at a time). */
  readonly size: number;
  /** Pages waiting for a worker. */
  readonly queued: number;
  /** Starts every worker now instead of at its first page. */
  warmUp(): Promise<void>;
}

/**
 * Tesseract variables. PSM 3 (automatic layout, no orientation detection: our data has no
 * OSD model) keeps sidebars and columns apart as blocks.
 */
const DEFAULT_PARAMETERS: Record<string, string> = {
  tessedit_pageseg_mode: '3',
};

export function createOcrEngine(options: OcrEngineOptions = {}): OcrPool {
  return new WorkerPool(options);
}

/** What a page needs before Tesseract sees it, produced when the page's turn comes. */
interface PreparedPage {
  image: Uint8Array;
  skew: number;
  photo: boolean;
  geometry: PageGeometry;
}

interface Job {
  prepare: () => Promise<PreparedPage>;
  prepared: PreparedPage | null;
  options: OcrOptions;
  state: 'queued' | 'preparing' | 'ready' | 'running' | 'settled';
  resolve: (page: ExtractedPage) => void;
  reject: (error: AppError) => void;
  /** Set while running: stops the page (its worker is ended). */
  interrupt?: (error: AppError) => void;
  detach: () => void;
}

/** What a photo's extra reading needs of its page's first one. */
interface ExtraReading {
  slot: Slot;
  thread: TesseractThread;
  skew: number;
  /** How long the first reading took: an extra one gets three times that. */
  firstMs: number;
  interrupted: Promise<AppError>;
  /** Settles if the worker dies while this page is on it (TesseractThread.watchDeath). */
  dead: Promise<Error>;
}

interface Slot {
  thread: TesseractThread | null;
  starting: Promise<TesseractThread> | null;
  job: Job | null;
}

/**
 * Pages are rendered and preprocessed only when a worker is free for them: at most one page
 * per worker is held in memory (being prepared or recognised), however many are queued. No
 * page is prepared ahead of a busy worker: the cores are busy with recognition either way,
 * so that bought no throughput, and the page waiting in memory cost ≈ 25 MB of the peak.
 */
class WorkerPool implements OcrPool {
  readonly size: number;
  private readonly slots: Slot[];
  /** Waiting pages: nothing rendered yet, only how to render them. */
  private readonly queue: Job[] = [];
  /** Prepared pages waiting for a free worker, in submission order. */
  private readonly ready: Job[] = [];
  private inFlight = 0;
  private readonly langPath: string;
  private readonly timeoutMs: number;
  private readonly startTimeoutMs: number;
  private readonly dpi: number;
  private closed = false;

  constructor(private readonly options: OcrEngineOptions) {
    const workers = options.workers ?? availableParallelism();
    if (!Number.isInteger(workers) || workers < 1) throw new AppError('VALIDATION', `OCR workers must be a positive integer, not ${workers}.`);
    this.size = workers;
    this.slots = Array.from({ length: workers }, () => ({ thread: null, starting: null, job: null }));
    this.langPath = options.langPath ?? defaultLangPath();
    this.timeoutMs = options.timeoutMs ?? 120_000;
    this.startTimeoutMs = options.startTimeoutMs ?? 30_000;
    this.dpi = options.dpi ?? 300;
  }

  get queued(): number {
    return this.queue.length;
  }

  async warmUp(): Promise<void> {
    this.assertOpen();
    await Promise.all(this.slots.map((slot) => this.threadFor(slot)));
  }

  recognizeImage(image: Uint8Array, options: OcrOptions = {}): Promise<ExtractedPage> {
    return this.submit(options, async () => {
      options.onProgress?.({ status: 'preprocessing', progress: 0 });
      const prepared = await prepareImage(image, { maxInputPixels: this.options.maxInputPixels ?? DEFAULT_MAX_INPUT_PIXELS, targetDpi: this.dpi });
      return {
        image: prepared.tiff,
        skew: prepared.skew,
        photo: prepared.photo,
        geometry: {
          pageNumber: options.pageNumber ?? 1,
          pageWidth: prepared.originalWidth,
          pageHeight: prepared.originalHeight,
          unitsPerPixel: 1 / prepared.scale,
          pointsPerPixel: 72 / prepared.dpi,
          imageWidth: prepared.width,
          imageHeight: prepared.height,
        },
      };
    });
  }

  recognizePdfPage(pdf: Uint8Array, pageNumber: number, options: OcrOptions = {}): Promise<ExtractedPage> {
    return this.submit(options, async () => {
      options.onProgress?.({ status: 'rendering', progress: 0 });
      // pdf.js is loaded on the first PDF page only: an engine that reads photos never needs it.
      const { renderPdfPage } = await import('./render.ts');
      const page = await renderPdfPage(pdf, pageNumber, { dpi: this.dpi });
      throwIfAborted(options.signal);
      const dpi = (page.widthPx / page.widthPt) * 72;
      options.onProgress?.({ status: 'preprocessing', progress: 0 });
      const prepared = prepareRendered(page.grey, page.widthPx, page.heightPx, dpi);
      return {
        image: prepared.tiff,
        skew: prepared.skew,
        photo: prepared.photo,
        geometry: {
          pageNumber: options.pageNumber ?? pageNumber,
          pageWidth: page.widthPt,
          pageHeight: page.heightPt,
          unitsPerPixel: page.widthPt / page.widthPx,
          pointsPerPixel: 72 / dpi,
          imageWidth: prepared.width,
          imageHeight: prepared.height,
        },
      };
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const closing = new AppError('CANCELLED', 'The OCR engine was closed.');
    for (const job of [...this.queue, ...this.ready]) this.stop(job, closing);
    for (const slot of this.slots) if (slot.job) this.stop(slot.job, closing);
    await Promise.all(
      this.slots.map(async (slot) => {
        const thread = slot.thread ?? (await slot.starting?.catch(() => null)) ?? null;
        slot.thread = null;
        await thread?.terminate();
      }),
    );
  }

  private submit(options: OcrOptions, prepare: () => Promise<PreparedPage>): Promise<ExtractedPage> {
    if (this.closed) return Promise.reject(new AppError('CANCELLED', 'The OCR engine was closed.'));
    if (options.signal?.aborted) return Promise.reject(new AppError('CANCELLED', 'OCR was cancelled.'));
    return new Promise<ExtractedPage>((resolve, reject) => {
      const signal = options.signal;
      const onAbort = () => this.stop(job, new AppError('CANCELLED', 'OCR was cancelled.'));
      const job: Job = {
        prepare,
        prepared: null,
        options,
        state: 'queued',
        resolve,
        reject,
        detach: () => signal?.removeEventListener('abort', onAbort),
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.queue.push(job);
      options.onProgress?.({ status: 'queued', progress: 0 });
      this.pump();
    });
  }

  private pump(): void {
    if (this.closed) return;
    for (const slot of this.slots) {
      if (this.ready.length === 0) break;
      if (slot.job) continue;
      void this.run(slot, this.ready.shift()!);
    }
    while (this.queue.length > 0 && this.inFlight < this.size) void this.prepare(this.queue.shift()!);
  }

  private async prepare(job: Job): Promise<void> {
    this.inFlight += 1;
    job.state = 'preparing';
    try {
      const prepared = await job.prepare();
      if ((job.state as Job['state']) === 'settled') return this.release();
      job.prepared = prepared;
      job.state = 'ready';
      this.ready.push(job);
    } catch (error) {
      this.settle(job, isAppError(error) ? error : new AppError('UNSUPPORTED_FILE', `The page cannot be prepared for OCR: ${messageOf(error)}`));
      this.release();
      return;
    }
    this.pump();
  }

  /** A page left the pipeline: room for the next one to be prepared. */
  private release(): void {
    this.inFlight -= 1;
    this.pump();
  }

  private async run(slot: Slot, job: Job): Promise<void> {
    slot.job = job;
    job.state = 'running';
    let timer: NodeJS.Timeout | undefined;
    let thread: TesseractThread | null = null;
    let death: ReturnType<TesseractThread['watchDeath']> | null = null;
    try {
      thread = await this.threadFor(slot);
      if ((job.state as Job['state']) === 'settled') return; // cancelled while its worker started
      death = thread.watchDeath();
      const dead = death.dead;
      const { image, skew, photo, geometry } = job.prepared!;
      // A photo gets extra readings (local thresholds, the Norwegian model). Each reading takes
      // its image to the worker, so one spare copy is kept, copied again only for a reading
      // that is not the last.
      const sauvolaPass = photo && this.options.photoSecondPass !== false;
      const norwegianPass = photo && this.options.photoNorwegianPass !== false;
      const spare = sauvolaPass || norwegianPass ? image.slice() : null;
      job.prepared = null;
      let stoppedWith: AppError | null = null;
      const interrupted = new Promise<AppError>((resolve) => {
        job.interrupt = (error) => {
          stoppedWith = error;
          resolve(error);
        };
      });
      const timeoutMs = job.options.timeoutMs ?? this.timeoutMs;
      timer = setTimeout(
        () => this.stop(job, new AppError('TIMEOUT', `OCR of the page did not finish within ${timeoutMs} ms.`)),
        timeoutMs,
      );
      thread.onProgress = (p) => job.options.onProgress?.(p);
      // Scans and photos are read with different Norwegian models (tessdata.ts): a worker
      // keeps the models it used last and switches (about a second) only when the kind changes.
      if (!(await this.switchLanguages(slot, thread, photo ? PHOTO_LANGUAGES : SCAN_LANGUAGES, interrupted, dead))) {
        const cause = stoppedWith as AppError | null;
        this.settle(job, cause ?? new AppError('INTERNAL', 'OCR failed: the worker could not load its language models.'));
        return;
      }
      const started = performance.now();
      const outcome = await Promise.race([
        thread.recognize({ image, rotateRadians: this.options.deskew === false ? 0 : skew }).then(async (data) => {
          // A scan's Norwegian reading: what it needs of English is read again now (english-words.ts).
          if (!photo) await readUnsureWordsInEnglish(data, (boxes) => thread!.readAgain(boxes));
          return { data };
        }),
        interrupted.then((error) => ({ error, stopped: true })),
        dead.then((cause) => ({ error: new AppError('INTERNAL', `OCR failed: ${cause.message}`), stopped: true })),
      ]).catch((error: unknown) => ({ error: new AppError('INTERNAL', `OCR failed: ${messageOf(error)}`), stopped: false }));
      if ('data' in outcome) {
        let best = outcome.data;
        let sauvola = false;
        const extra: ExtraReading = { slot, thread, skew, firstMs: performance.now() - started, interrupted, dead };
        if (spare && sauvolaPass && job.state === 'running') {
          const second = await this.extraReading(extra, norwegianPass ? spare.slice() : spare, SAUVOLA);
          if (second) {
            // The reading with more confident text is the page; it takes from the other what it lacks.
            sauvola = confidentCharacters(second) > confidentCharacters(best);
            const [kept, other] = sauvola ? [second, best] : [best, second];
            mergeReadings(kept, other);
            best = kept;
          }
        }
        if (spare && norwegianPass && job.state === 'running' && thread.alive) {
          const norwegian = await this.norwegianReading(extra, spare, sauvola);
          if (norwegian) restoreNorwegianLetters(best, norwegian);
        }
        if (stoppedWith) {
          this.settle(job, stoppedWith);
        } else {
          job.options.onProgress?.({ status: 'done', progress: 1 });
          this.settle(job, toExtractedPage(best, geometry));
        }
      } else {
        // A page that was stopped or crashed leaves its worker mid-page: end it; the slot
        // starts a fresh one for the next page.
        if (outcome.stopped) await this.retire(slot, thread);
        this.settle(job, outcome.error);
      }
    } catch (error) {
      this.settle(job, isAppError(error) ? error : new AppError('INTERNAL', `The OCR engine could not start: ${messageOf(error)}`));
    } finally {
      clearTimeout(timer);
      death?.stop();
      if (thread) thread.onProgress = null;
      slot.job = null;
      this.release();
      setImmediate(collectGarbage);
    }
  }

  /**
   * Reads a photo again with these Tesseract variables: Sauvola's local thresholds, which
   * rescue unevenly lit photos that Otsu's global threshold blacks out (but lose
   * white-on-colour text, hence both), and the Norwegian reading below. Gets three times the
   * first reading's time (at least 10 s); a slower reading is stopped (its worker ended) and
   * the first one kept. Never fails the page.
   */
  private async extraReading(
    { slot, thread, skew, firstMs, interrupted, dead }: ExtraReading,
    image: Uint8Array,
    parameters: Record<string, string>,
  ): Promise<TesseractPage | null> {
    let timer: NodeJS.Timeout | undefined;
    const budget = new Promise<null>((resolve) => {
      timer = setTimeout(() => resolve(null), Math.max(10_000, 3 * firstMs));
    });
    try {
      const second = await Promise.race([
        thread.recognize({ image, rotateRadians: this.options.deskew === false ? 0 : skew, parameters }),
        budget,
        interrupted.then(() => null),
        dead.then(() => null),
      ]).catch(() => null);
      if (second === null) await this.retire(slot, thread);
      return second;
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * A photo read with the Norwegian model alone (the thresholds of the reading kept), for the
   * æ, ø, å the English model drops on low-resolution photos (norwegian-letters.ts). The
   * worker switches its models for it and back (about a second each); any failure ends the
   * worker and keeps the page as read.
   */
  private async norwegianReading(reading: ExtraReading, image: Uint8Array, sauvola: boolean): Promise<TesseractPage | null> {
    const { slot, thread, interrupted, dead } = reading;
    if (!(await this.switchLanguages(slot, thread, NORWEGIAN_ONLY, interrupted, dead))) return null;
    const norwegian = await this.extraReading(reading, image, sauvola ? SAUVOLA : {});
    if (!thread.alive || !(await this.switchLanguages(slot, thread, PHOTO_LANGUAGES, interrupted, dead))) return null;
    return norwegian;
  }

  /**
   * Has the worker read with `languages` from now on (nothing to do when it already does).
   * Bounded like a start: stopped, crashed or too slow, the worker is ended and false returned.
   */
  private async switchLanguages(
    slot: Slot,
    thread: TesseractThread,
    languages: string,
    interrupted: Promise<AppError>,
    dead: Promise<Error>,
  ): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const outcome = await Promise.race([
      thread.useLanguages(languages).then(
        () => true,
        () => false,
      ),
      interrupted.then(() => false),
      dead.then(() => false),
      new Promise<false>((resolve) => {
        timer = setTimeout(() => resolve(false), this.startTimeoutMs);
      }),
    ]);
    clearTimeout(timer);
    if (!outcome) await this.retire(slot, thread);
    return outcome;
  }

  /** Ends a job wherever it is; a running one takes its worker with it. */
  private stop(job: Job, error: AppError): void {
    if (job.state === 'queued') {
      this.queue.splice(this.queue.indexOf(job), 1);
      this.settle(job, error);
    } else if (job.state === 'ready') {
      this.ready.splice(this.ready.indexOf(job), 1);
      this.settle(job, error);
      this.release();
    } else if (job.state === 'running' && job.interrupt) {
      job.interrupt(error);
    } else {
      // Preparing, or waiting for its worker to start: it is dropped when that step ends.
      this.settle(job, error);
    }
  }

  private settle(job: Job, outcome: ExtractedPage | AppError): void {
    if (job.state === 'settled') return;
    job.state = 'settled';
    job.prepared = null;
    job.detach();
    if (outcome instanceof AppError) job.reject(outcome);
    else job.resolve(outcome);
  }

  private threadFor(slot: Slot): Promise<TesseractThread> {
    if (slot.thread?.alive) return Promise.resolve(slot.thread);
    slot.thread = null;
    if (!slot.starting) {
      slot.starting = this.startThread()
        .then((thread) => {
          if (this.closed) {
            void thread.terminate();
            throw new AppError('CANCELLED', 'The OCR engine was closed.');
          }
          slot.thread = thread;
          return thread;
        })
        .finally(() => {
          slot.starting = null;
        });
    }
    return slot.starting;
  }

  private async startThread(): Promise<TesseractThread> {
    assertLanguageData(this.langPath);
    try {
      return await TesseractThread.start(
        {
          langPath: this.langPath,
          languages: SCAN_LANGUAGES,
          readAgainLanguages: SCAN_READ_AGAIN,
          parameters: { ...DEFAULT_PARAMETERS, ...this.options.parameters },
          ...(this.options.workerScript ? { workerScript: this.options.workerScript } : {}),
        },
        this.startTimeoutMs,
      );
    } catch (error) {
      throw new AppError('INTERNAL', `The OCR engine could not start: ${messageOf(error)}`, { langPath: this.langPath });
    }
  }

  private async retire(slot: Slot, thread: TesseractThread): Promise<void> {
    if (slot.thread === thread) slot.thread = null;
    await thread.terminate();
  }

  private assertOpen(): void {
    if (this.closed) throw new AppError('CANCELLED', 'The OCR engine was closed.');
  }
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new AppError('CANCELLED', 'OCR was cancelled.');
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
