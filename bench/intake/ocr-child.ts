import { createOcrEngine, type OcrEngineOptions } from '../../electron/core/intake/ocr/pool.ts';

/**
 * The OCR half of the intake bench, in a process of its own so that its peak RSS is the
 * OCR engine's (its workers are threads of this process) and not pdf.js's or the parser's.
 * Pages come over IPC one at a time, as an import reads them from the vault (never through
 * files); the answer holds timings and the recognised texts.
 */
export interface OcrChildStart {
  pages: number;
  engine: OcrEngineOptions;
}
export type OcrChildRequest = { page: number };
export type OcrChildPage = { page: number; bytes: Uint8Array };

export interface OcrChildResult {
  warmUpMs: number;
  ocrMs: number;
  texts: string[];
  rssAfterWarmUpMb: number;
  peakRssMb: number;
}

const mb = (bytes: number) => Math.round(bytes / 1e6);

const waiting = new Map<number, (bytes: Uint8Array) => void>();
const fetchPage = (page: number) =>
  new Promise<Uint8Array>((resolve) => {
    waiting.set(page, resolve);
    process.send!({ page } satisfies OcrChildRequest);
  });

process.on('message', (message: OcrChildStart | OcrChildPage) => {
  if ('bytes' in message) {
    waiting.get(message.page)?.(message.bytes);
    waiting.delete(message.page);
    return;
  }
  void run(message);
});

async function run(start: OcrChildStart): Promise<void> {
  const engine = createOcrEngine(start.engine);
  try {
    const t0 = performance.now();
    await engine.warmUp();
    const t1 = performance.now();
    const rssAfterWarmUpMb = mb(process.memoryUsage().rss);
    const texts = new Array<string>(start.pages);
    let next = 0;
    // One page more in hand than there are workers keeps every worker busy.
    const lane = async () => {
      while (next < start.pages) {
        const index = next++;
        const page = await engine.recognizeImage(await fetchPage(index));
        texts[index] = page.lines.map((l) => l.text).join('\n');
      }
    };
    await Promise.all(Array.from({ length: engine.size + 1 }, lane));
    const t2 = performance.now();
    const result: OcrChildResult = {
      warmUpMs: t1 - t0,
      ocrMs: t2 - t1,
      texts,
      rssAfterWarmUpMb,
      // maxRSS is in KiB and covers the whole process, worker threads included.
      peakRssMb: mb(process.resourceUsage().maxRSS * 1024),
    };
    await engine.close();
    // Disconnecting lets this process end once the answer is out.
    process.send!(result, () => process.disconnect());
  } catch (error) {
    await engine.close();
    process.send!({ error: error instanceof Error ? error.message : String(error) }, () => process.disconnect());
  }
}
