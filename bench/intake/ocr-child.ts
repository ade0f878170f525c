import { createOcrEngine, type OcrEngineOptions } from '../../electron/core/intake/ocr/pool.ts';

/**
 * The OCR half of the intake bench, in a process of its own so that its peak RSS is the
 * OCR engine's (2 workers, the pages in flight) and not pdf.js's or the parser's.
 * Gets page images over IPC (never through files), answers with timings and texts.
 */
export interface OcrChildRequest {
  pages: Uint8Array[];
  engine: OcrEngineOptions;
}

export interface OcrChildResult {
  warmUpMs: number;
  ocrMs: number;
  texts: string[];
  rssAfterWarmUpMb: number;
  peakRssMb: number;
}

const mb = (bytes: number) => Math.round(bytes / 1e6);

process.once('message', (message: OcrChildRequest) => {
  void (async () => {
    const engine = createOcrEngine(message.engine);
    try {
      const t0 = performance.now();
      await engine.warmUp();
      const t1 = performance.now();
      const rssAfterWarmUpMb = mb(process.memoryUsage().rss);
      const pages = await Promise.all(message.pages.map((page) => engine.recognizeImage(page)));
      const t2 = performance.now();
      const result: OcrChildResult = {
        warmUpMs: t1 - t0,
        ocrMs: t2 - t1,
        texts: pages.map((p) => p.lines.map((l) => l.text).join('\n')),
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
  })();
});
