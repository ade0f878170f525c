import { MAX_FILE_BYTES, MAX_PAGES } from '../../../shared/contract/intake.ts';
import { extractDocument } from './extract/index.ts';
import { parseDocument } from './parse/index.ts';
import type { OcrPool } from './ocr/pool.ts';
import type { ParseResult } from './parse/types.ts';
import { refuse } from './limits.ts';
import type { PipelineConfig, ReadCv } from './reader.ts';

/**
 * The real reading of a CV, run inside an intake reader thread: extract (pdf.js,
 * DOCX, images), OCR for pages without a usable text layer, parse. Each thread
 * keeps one Tesseract worker, started at its first scan: with one thread per core
 * the OCR pool is sized to the cores, and ending a stuck thread ends its OCR too.
 */
let ocr: Promise<OcrPool> | null = null;
let config: PipelineConfig = {};
// Loaded at the first scan: a thread that only meets text PDFs and Word files never pays for Tesseract.
const getOcr = (): Promise<OcrPool> =>
  (ocr ??= import('./ocr/pool.ts').then((m) =>
    m.createOcrEngine({
      workers: 1,
      ...(config.ocrLangPath ? { langPath: config.ocrLangPath } : {}),
      ...(config.ocrWorkerScript ? { workerScript: config.ocrWorkerScript } : {}),
    }),
  ));

export function configurePipeline(next: PipelineConfig): void {
  config = { ...next };
}

const OCR_PAGE_TIMEOUT_MS = 60_000;

export const readCv: ReadCv = async (input, { signal, onProgress }) => {
  onProgress({ stage: 'reading' });
  const { document, warnings } = await extractDocument(input.bytes, {
    filename: input.fileName,
    ocr: getOcr,
    signal,
    maxBytes: MAX_FILE_BYTES,
    maxPages: MAX_PAGES,
    ocrTimeoutMs: OCR_PAGE_TIMEOUT_MS,
    onProgress: (p) => onProgress({ stage: p.stage, page: p.page, pages: p.pages }),
  });
  if (!document.pages.some((page) => page.lines.some((line) => line.text.trim() !== ''))) throw refuse.noText();
  onProgress({ stage: 'parsing' });
  const result = redactFound(await parseDocument(document));
  return {
    result,
    pages: document.pages.map((p) => ({ number: p.number, width: p.width, height: p.height, source: p.source })),
    warnings: [...warnings, ...result.warnings],
  };
};

export async function closePipeline(): Promise<void> {
  const engine = ocr;
  ocr = null;
  await (await engine?.catch(() => null))?.close();
}

/**
 * The parser redacts the national ids it finds; this makes sure none of their
 * digits (also written "DDMMYY NNNNN") survive anywhere in what gets stored.
 */
export function redactFound(result: ParseResult): ParseResult {
  if (result.nationalIds.length === 0) return result;
  const patterns = result.nationalIds.map((id) => new RegExp(`${id.value.slice(0, 6)}[\\s.-]?${id.value.slice(6)}`, 'g'));
  const scrub = (s: string) => patterns.reduce((t, re) => t.replace(re, '[fødselsnummer fjernet]'), s);
  return {
    ...result,
    resume: JSON.parse(scrub(JSON.stringify(result.resume))) as ParseResult['resume'],
    text: scrub(result.text),
    warnings: result.warnings.map(scrub),
  };
}
