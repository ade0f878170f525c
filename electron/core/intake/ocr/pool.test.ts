import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../rpc/errors.ts';
import type { OcrProgress } from './engine.ts';
import { createOcrEngine, type OcrPool } from './pool.ts';
import { TesseractThread } from './tesseract-thread.ts';
import { imageOnlyPdf, lyingPngHeader, onDesk, scannedPageJpeg, textImage } from './test-images.ts';
import { looksLikePhoto } from './preprocess.ts';
import { collectGarbage } from './collect-garbage.ts';
import { defaultLangPath, SCAN_LANGUAGES } from './tessdata.ts';

const text = (page: { lines: { text: string }[] }) => page.lines.map((l) => l.text).join('\n');

/** Rejects with the AppError the promise failed with, and how long it took. */
async function failure(promise: Promise<unknown>): Promise<{ error: AppError; ms: number }> {
  const started = performance.now();
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return { error: error as AppError, ms: performance.now() - started };
  }
  throw new Error('expected a failure, got a result');
}

describe('OCR engine (tesseract.js, nor+eng)', () => {
  let engine: OcrPool;
  let cwdBefore: string[];

  beforeAll(async () => {
    cwdBefore = readdirSync(process.cwd());
    engine = createOcrEngine({ workers: 2 });
    await engine.warmUp();
  });

  afterAll(async () => {
    await engine?.close();
    expect(TesseractThread.liveThreads()).toBe(0);
  });

  it('reads Norwegian letters æ, ø and å from an image, with boxes on the page', async () => {
    const image = await textImage(['Kari Nordmann, Tromsø', 'Bærum kommune, Ålesund'], { dpi: 300 });
    const progress: OcrProgress[] = [];
    const page = await engine.recognizeImage(image, { pageNumber: 3, onProgress: (p) => progress.push(p) });
    expect(text(page)).toContain('Kari Nordmann, Tromsø');
    expect(text(page)).toContain('Bærum kommune, Ålesund');
    expect(page).toMatchObject({ number: 3, source: 'ocr', width: 1400 });
    const first = page.lines.find((l) => l.text.includes('Kari'))!;
    // Drawn at x = 63 px, baseline 67 px, 42 px font: the box must sit there, in image pixels.
    expect(first.x).toBeGreaterThan(50);
    expect(first.x).toBeLessThan(75);
    expect(first.y).toBeGreaterThan(20);
    expect(first.y + first.height).toBeLessThan(90);
    // 42 px at 300 dpi is 10 pt.
    expect(first.fontSize).toBeGreaterThan(7);
    expect(first.fontSize).toBeLessThan(14);
    expect(first.confidence).toBeGreaterThan(0.7);
    expect(first.confidence).toBeLessThanOrEqual(1);
    expect(progress.map((p) => p.status)).toEqual(expect.arrayContaining(['queued', 'preprocessing', 'done']));
    expect(progress.at(-1)).toEqual({ status: 'done', progress: 1 });
  });

  it('reads an e-mail address with its @ and _, and C#, characters the Norwegian model does not have', async () => {
    const image = await textImage(['E-post: ola_nordmann@firma.no', 'Kompetanse: C#, Java og SQL', 'Bosted: Tromsø'], { dpi: 300 });
    const page = await engine.recognizeImage(image);
    expect(text(page)).toContain('ola_nordmann@firma.no');
    expect(text(page)).toContain('C#, Java og SQL');
    expect(text(page)).toContain('Tromsø');
  });

  it('turns a photo upright from its EXIF orientation', async () => {
    const image = await textImage(['Ola Nordmann, Tromsø'], { dpi: 300, orientation: 6 });
    const page = await engine.recognizeImage(image);
    expect(text(page)).toContain('Ola Nordmann, Tromsø');
    expect(page.width).toBe(1400); // the oriented width, not the stored one
  });

  it('reads a photographed page with the Norwegian model as well, and the next page with both again', { timeout: 90_000 }, async () => {
    const photo = await onDesk(await textImage(['Nora Sofie Jørgensen, Tromsø', 'E-post: nora.jorgensen@gmail.com'], { dpi: 300 }));
    const grey = await sharp(photo).greyscale().raw().toBuffer({ resolveWithObject: true });
    expect(looksLikePhoto(grey.data, grey.info.width, grey.info.height)).toBe(true);
    const page = await engine.recognizeImage(photo);
    expect(text(page)).toContain('Jørgensen, Tromsø');
    // An e-mail address keeps the reading with English (the Norwegian model has no "@").
    expect(text(page)).toContain('nora.jorgensen@gmail.com');
    // Both workers read with Norwegian and English again afterwards (the scan models, a switch
    // for the worker that read the photo): "@" is read on the following pages.
    const after = await Promise.all([1, 2].map(() => textImage(['Kontakt: ola@eksempel.no'], { dpi: 300 }).then((i) => engine.recognizeImage(i))));
    for (const p of after) expect(text(p)).toContain('ola@eksempel.no');
  });

  it('keeps nothing of a page once it is read, so a bulk import does not grow without bound', async () => {
    // Each page's image and result, watched without keeping them alive.
    const watched: WeakRef<object>[] = [];
    const readOne = async (line: string) => {
      const image = await textImage([line], { dpi: 300 });
      watched.push(new WeakRef(image));
      const page = await engine.recognizeImage(image);
      expect(text(page)).toContain(line);
      watched.push(new WeakRef(page));
    };
    for (let round = 0; round < 3; round += 1) await Promise.all(['Kari Nordmann', 'Ola Hansen'].map((name) => readOne(`${name} ${round}`)));
    // A WeakRef holds its target until the task that made it ends: collect in a later task.
    await new Promise<void>((resolve) => setImmediate(resolve));
    collectGarbage();
    expect(watched.filter((ref) => ref.deref() !== undefined)).toHaveLength(0);
  });

  it('scales a small image without a resolution up before reading it', async () => {
    const image = await textImage(['Kari Nordmann, Tromsø'], { fontPx: 16, width: 500 });
    const page = await engine.recognizeImage(image);
    expect(text(page)).toContain('Kari Nordmann, Tromsø');
    // Boxes come back in the original's pixels, not the enlarged image's.
    expect(page.width).toBe(500);
    for (const line of page.lines) expect(line.x + line.width).toBeLessThanOrEqual(500);
  });

  // The first PDF page loads pdf.js, which takes seconds under a TypeScript loader on a busy machine.
  it('renders a scanned PDF page and gives its lines in points on the page', { timeout: 90_000 }, async () => {
    const scan = await scannedPageJpeg(['Kari Nordmann', 'Storgata 12, 9008 Tromsø'], 200);
    const pdf = imageOnlyPdf(scan.jpeg, scan.width, scan.height);
    const before = pdf.slice();
    const page = await engine.recognizePdfPage(pdf, 1);
    expect(pdf).toEqual(before); // the caller's bytes are left intact
    expect(text(page)).toContain('Storgata 12, 9008 Tromsø');
    expect(page).toMatchObject({ number: 1, source: 'ocr' });
    expect(page.width).toBeCloseTo(595.28, 1);
    expect(page.height).toBeCloseTo(841.89, 1);
    // Text drawn one inch (72 pt) from the left edge, first baseline one inch down, 11 pt.
    const name = page.lines.find((l) => l.text.includes('Kari'))!;
    expect(name.x).toBeGreaterThan(66);
    expect(name.x).toBeLessThan(78);
    expect(name.y).toBeGreaterThan(55);
    expect(name.y).toBeLessThan(72);
    expect(name.fontSize).toBeGreaterThan(8);
    expect(name.fontSize).toBeLessThan(15);
  });

  it('fails a PDF page that does not exist, or a PDF that is not one, with a reason', async () => {
    const scan = await scannedPageJpeg(['Kari'], 100);
    expect((await failure(engine.recognizePdfPage(imageOnlyPdf(scan.jpeg, scan.width, scan.height), 2))).error.code).toBe('NOT_FOUND');
    const broken = await failure(engine.recognizePdfPage(new TextEncoder().encode('%PDF-1.4 garbage'), 1));
    expect(broken.error.code).toBe('UNSUPPORTED_FILE');
  });

  it('levels a page scanned askew, and puts the boxes back on the tilted text', async () => {
    const lines = [
      'Kari Nordmann bor i Tromsø og jobber i Bærum kommune',
      'Hun har fagbrev som helsefagarbeider fra 2015',
      'Erfaring fra sykehjem, hjemmetjeneste og legevakt',
      'Førerkort klasse B og truckførerbevis',
      'Snakker norsk, engelsk og litt spansk',
      'Referanser oppgis på forespørsel',
      'Adresse: Storgata 12, 9008 Tromsø',
      'Telefon 912 34 567, e-post kari@example.no',
    ];
    const level = await textImage(lines, { dpi: 300, width: 2000 });
    const degrees = 4;
    // sharp turns clockwise and grows the canvas to fit: compute where the text went.
    const tilted = new Uint8Array(await sharp(level).rotate(degrees, { background: '#ffffff' }).withMetadata({ density: 300 }).png().toBuffer());
    const before = await sharp(level).metadata();
    const after = await sharp(tilted).metadata();
    const page = await engine.recognizeImage(tilted);
    for (const line of lines) expect(text(page)).toContain(line);
    const line7 = page.lines.find((l) => l.text.startsWith('Adresse'))!;
    // Centre of line 7 in the level image (drawn from x = 63 px, baseline 7 × 67 px) …
    const angle = (degrees * Math.PI) / 180;
    const cx = 63 + line7.width / 2 - before.width! / 2;
    const cy = 7 * 67 - 15 - before.height! / 2;
    // … turned clockwise about the centre into the tilted image.
    const expectedX = after.width! / 2 + cx * Math.cos(angle) - cy * Math.sin(angle);
    const expectedY = after.height! / 2 + cx * Math.sin(angle) + cy * Math.cos(angle);
    expect(Math.abs(line7.x + line7.width / 2 - expectedX)).toBeLessThan(20);
    expect(Math.abs(line7.y + line7.height / 2 - expectedY)).toBeLessThan(20);
  });

  it('refuses an image whose header claims 30000×30000 pixels, at once', async () => {
    const { error, ms } = await failure(engine.recognizeImage(lyingPngHeader(30000, 30000)));
    expect(error.code).toBe('TOO_LARGE');
    expect(error.message).toMatch(/30000×30000/);
    expect(ms).toBeLessThan(1000);
  });

  it('refuses bytes that are not an image with a clear reason', async () => {
    const { error } = await failure(engine.recognizeImage(new TextEncoder().encode('not an image at all')));
    expect(error.code).toBe('UNSUPPORTED_FILE');
    expect(error.message).toMatch(/image cannot be read/);
  });

  it('reads pages in parallel, one per worker, and queues the rest', async () => {
    const images = await Promise.all([1, 2, 3].map((n) => textImage([`Side ${n} av 3, Tromsø`], { dpi: 300 })));
    const running = new Set<number>();
    let maxRunning = 0;
    const pages = await Promise.all(
      images.map((image, i) =>
        engine.recognizeImage(image, {
          onProgress: (p) => {
            if (p.status === 'recognizing') running.add(i);
            if (p.status === 'done') running.delete(i);
            maxRunning = Math.max(maxRunning, running.size);
          },
        }),
      ),
    );
    pages.forEach((page, i) => expect(text(page)).toContain(`Side ${i + 1} av 3`));
    expect(maxRunning).toBeLessThanOrEqual(2);
  });

  it('prepares a page only when a worker is free for it, so memory holds one page per worker', async () => {
    const images = await Promise.all([1, 2, 3].map((n) => textImage([`Side ${n} av 3, Bodø`], { dpi: 300 })));
    const events: string[] = [];
    await Promise.all(images.map((image, i) => engine.recognizeImage(image, { onProgress: (p) => events.push(`${i}:${p.status}`) })));
    const firstDone = events.findIndex((e) => e.endsWith(':done'));
    expect(firstDone).toBeGreaterThan(-1);
    expect(events.indexOf('2:preprocessing')).toBeGreaterThan(firstDone);
  });

  it('cancels a page that is being recognised, and the pool goes on working', async () => {
    const image = await textImage(Array.from({ length: 12 }, (_, i) => `Linje ${i + 1}: Kari Nordmann, Tromsø`), { dpi: 300 });
    const controller = new AbortController();
    let result!: Promise<{ error: AppError; ms: number }>;
    const recognising = new Promise<void>((resolve) => {
      const promise = engine.recognizeImage(image, {
        signal: controller.signal,
        onProgress: (p) => {
          if (p.status === 'recognizing') resolve();
        },
      });
      result = failure(promise);
    });
    await recognising;
    controller.abort();
    const { error, ms } = await result;
    expect(error.code).toBe('CANCELLED');
    expect(ms).toBeLessThan(10_000);
    const page = await engine.recognizeImage(await textImage(['Etter avbrudd, Tromsø'], { dpi: 300 }));
    expect(text(page)).toContain('Etter avbrudd, Tromsø');
  });

  it('cancels a page that is still waiting in the queue without touching the others', async () => {
    const single = createOcrEngine({ workers: 1 });
    try {
      const image = await textImage(['Kari Nordmann, Tromsø'], { dpi: 300 });
      const controller = new AbortController();
      const first = single.recognizeImage(image);
      const second = failure(single.recognizeImage(image, { signal: controller.signal }));
      controller.abort();
      expect((await second).error.code).toBe('CANCELLED');
      expect(text(await first)).toContain('Kari Nordmann');
    } finally {
      await single.close();
    }
  });

  it('stops a page that runs past its time limit with TIMEOUT, and recovers', async () => {
    const image = await textImage(['Kari Nordmann, Tromsø'], { dpi: 300 });
    const { error } = await failure(engine.recognizeImage(image, { timeoutMs: 1 }));
    expect(error.code).toBe('TIMEOUT');
    expect(error.message).toMatch(/within 1 ms/);
    const page = await engine.recognizeImage(image);
    expect(text(page)).toContain('Kari Nordmann, Tromsø');
  });

  it('writes nothing into the working directory', () => {
    expect(readdirSync(process.cwd()).sort()).toEqual([...cwdBefore].sort());
  });
});

describe('OCR engine failures that must not hang or crash', () => {
  it('reports missing language data clearly and quickly', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'kandidat-ocr-nodata-'));
    const engine = createOcrEngine({ workers: 1, langPath: empty });
    try {
      const image = await textImage(['Kari Nordmann'], { dpi: 300 });
      const { error, ms } = await failure(engine.recognizeImage(image));
      expect(error.message).toMatch(/OCR language data is missing/);
      expect(error.message).toContain(join(empty, 'nor_fast.traineddata'));
      expect(ms).toBeLessThan(2000);
      await expect(engine.warmUp()).rejects.toThrow(/language data is missing/);
      expect(TesseractThread.liveThreads()).toBe(0);
    } finally {
      await engine.close();
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('reports unusable language data within its start timeout and leaves no thread behind', async () => {
    const broken = mkdtempSync(join(tmpdir(), 'kandidat-ocr-broken-'));
    writeFileSync(join(broken, 'nor_fast.traineddata'), 'this is not a traineddata file');
    writeFileSync(join(broken, 'nor.traineddata'), 'nor this');
    writeFileSync(join(broken, 'eng.traineddata'), 'neither is this');
    const engine = createOcrEngine({ workers: 1, langPath: broken, startTimeoutMs: 20_000 });
    try {
      const { error, ms } = await failure(engine.recognizeImage(await textImage(['Kari'], { dpi: 300 })));
      expect(error.message).toMatch(/OCR engine could not start/);
      expect(error.message).toMatch(/not usable|cannot read/);
      expect(ms).toBeLessThan(20_000);
      expect(TesseractThread.liveThreads()).toBe(0);
    } finally {
      await engine.close();
      rmSync(broken, { recursive: true, force: true });
    }
  });

  it('sizes the pool to the cores unless told otherwise', async () => {
    const byCores = createOcrEngine();
    const one = createOcrEngine({ workers: 1 });
    expect(byCores.size).toBe(availableParallelism());
    expect(one.size).toBe(1);
    expect(() => createOcrEngine({ workers: 0 })).toThrow(/positive integer/);
    // No worker starts before the first page or warmUp(): creating an engine is free.
    await Promise.all([byCores.close(), one.close()]);
  });

  it('refuses work after close', async () => {
    const engine = createOcrEngine({ workers: 1 });
    await engine.close();
    const { error } = await failure(engine.recognizeImage(await textImage(['Kari'], { dpi: 300 })));
    expect(error.code).toBe('CANCELLED');
  });
});

describe('OCR worker thread', () => {
  it("runs tesseract.js's LSTM-only build, without the legacy engine we never use", async () => {
    // tesseract.js 7.0 picks its build from the `lstmOnly` it is given: `true` got the larger
    // build with the legacy engine (≈ 14 MB more per thread at its peak).
    const thread = await TesseractThread.start({ langPath: defaultLangPath(), languages: SCAN_LANGUAGES, parameters: {} }, 30_000);
    try {
      expect(thread.coreBuild).toMatch(/^tesseract-core(-simd|-relaxedsimd)?-lstm$/);
    } finally {
      await thread.terminate();
    }
  });
});
