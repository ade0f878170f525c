import { AppError } from '../../rpc/errors.ts';
import type { ExtractedDocument, ExtractedPage } from '../document.ts';
import type { OcrEngine } from '../ocr/engine.ts';
import { detectFormat } from './detect.ts';
import { extractDocx } from './docx.ts';
import { imageDimensions } from './imageSize.ts';
import { closePdf, openPdf, readPdfTextPage, type PdfTextPage } from './pdf.ts';
import { orderOcrPage } from './ocrOrder.ts';

export interface ExtractProgress {
  stage: 'reading' | 'ocr';
  /** 1-based page being worked on, and the page count, where known. */
  page?: number;
  pages?: number;
  /** 0–1 within the current page (OCR). */
  progress?: number;
}

export interface ExtractOptions {
  filename?: string;
  /** Needed only for scans and photos; without it such pages stay empty (with a warning). */
  ocr?: OcrEngine | (() => Promise<OcrEngine>);
  signal?: AbortSignal;
  onProgress?: (p: ExtractProgress) => void;
  maxBytes?: number;
  maxPages?: number;
  /** Per-page OCR time limit. */
  ocrTimeoutMs?: number;
}

export interface ExtractResult {
  document: ExtractedDocument;
  warnings: string[];
}

export const MAX_FILE_BYTES = 25 * 1024 * 1024;
export const MAX_PAGES = 20;
const MAX_IMAGE_PIXELS = 120_000_000;

const UNSUPPORTED_ADVICE = 'not supported — save it as PDF or DOCX';

/**
 * Bytes to positioned text lines. The format comes from the bytes, not the name.
 * PDF pages whose text layer is missing or too thin (scans) go to OCR one by one,
 * so a mixed PDF keeps its real text where it has it.
 */
export async function extractDocument(bytes: Uint8Array, options: ExtractOptions = {}): Promise<ExtractResult> {
  const maxBytes = options.maxBytes ?? MAX_FILE_BYTES;
  if (bytes.length > maxBytes) {
    throw new AppError('TOO_LARGE', `the file is ${(bytes.length / 1048576).toFixed(1)} MB; the limit is ${Math.round(maxBytes / 1048576)} MB`);
  }
  const format = detectFormat(bytes, options.filename);
  throwIfAborted(options.signal);
  switch (format.kind) {
    case 'empty':
      throw new AppError('UNSUPPORTED_FILE', 'the file is empty (0 bytes)');
    case 'unsupported':
      throw new AppError('UNSUPPORTED_FILE', `${format.what}: ${UNSUPPORTED_ADVICE}`);
    case 'docx':
      options.onProgress?.({ stage: 'reading', page: 1, pages: 1 });
      return { document: await extractDocx(bytes), warnings: [] };
    case 'image':
      return extractImage(bytes, options);
    case 'pdf':
      return extractPdf(bytes, options);
  }
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new AppError('CANCELLED', 'cancelled');
}

async function resolveOcr(options: ExtractOptions): Promise<OcrEngine | null> {
  if (!options.ocr) return null;
  return typeof options.ocr === 'function' ? options.ocr() : options.ocr;
}

async function extractImage(bytes: Uint8Array, options: ExtractOptions): Promise<ExtractResult> {
  const size = imageDimensions(bytes);
  if (size && size.width * size.height > MAX_IMAGE_PIXELS) {
    throw new AppError('TOO_LARGE', `the image claims ${size.width}×${size.height} pixels, far more than a photographed page`);
  }
  if (size && (size.width === 0 || size.height === 0)) throw new AppError('UNSUPPORTED_FILE', 'the image is damaged (no pixels)');
  const ocr = await resolveOcr(options);
  if (!ocr) throw new AppError('UNSUPPORTED_FILE', 'the file is a photo or scan and text recognition (OCR) is not available');
  options.onProgress?.({ stage: 'ocr', page: 1, pages: 1, progress: 0 });
  const page = await ocr.recognizeImage(bytes, {
    pageNumber: 1,
    signal: options.signal,
    timeoutMs: options.ocrTimeoutMs,
    onProgress: (p) => options.onProgress?.({ stage: 'ocr', page: 1, pages: 1, progress: p.progress }),
  });
  return { document: { kind: 'image', pages: [orderOcrPage(page)] }, warnings: [] };
}

/** Visible characters below which a page is treated as a scan. */
const MIN_TEXT_CHARS = 60;

async function extractPdf(bytes: Uint8Array, options: ExtractOptions): Promise<ExtractResult> {
  const doc = await openPdf(bytes);
  const warnings: string[] = [];
  try {
    const maxPages = options.maxPages ?? MAX_PAGES;
    if (doc.numPages > maxPages) {
      throw new AppError('TOO_LARGE', `the PDF has ${doc.numPages} pages; the limit is ${maxPages}`);
    }
    if (doc.numPages === 0) throw new AppError('UNSUPPORTED_FILE', 'the PDF has no pages');
    const pages: (ExtractedPage | Promise<ExtractedPage>)[] = [];
    let ocr: OcrEngine | null | undefined;
    for (let n = 1; n <= doc.numPages; n++) {
      throwIfAborted(options.signal);
      options.onProgress?.({ stage: 'reading', page: n, pages: doc.numPages });
      let text;
      try {
        text = await readPdfTextPage(doc, n);
      } catch (error) {
        if (error instanceof AppError) throw error;
        warnings.push(`page ${n}: the text layer could not be read`);
        text = null;
      }
      if (text && !needsOcr(text)) {
        pages.push(text.page);
        continue;
      }
      if (ocr === undefined) ocr = await resolveOcr(options);
      if (!ocr) {
        warnings.push(`page ${n} has no usable text layer and OCR is not available`);
        if (text) pages.push(text.page);
        continue;
      }
      // All scanned pages go to the pool at once; it runs as many as it has workers.
      const pageNumber = n;
      const thin = text?.page;
      options.onProgress?.({ stage: 'ocr', page: pageNumber, pages: doc.numPages, progress: 0 });
      const job = ocr
        .recognizePdfPage(bytes, pageNumber, {
          pageNumber,
          signal: options.signal,
          timeoutMs: options.ocrTimeoutMs,
          onProgress: (p) => options.onProgress?.({ stage: 'ocr', page: pageNumber, pages: doc.numPages, progress: p.progress }),
        })
        .then((page) => mergeThinText(orderOcrPage(page), thin));
      // Observed below; this keeps a failure from going unhandled if a later page throws first.
      job.catch(() => undefined);
      pages.push(job);
    }
    // Settle every page before reporting the first failure, so no recognition is left running.
    const settled = await Promise.allSettled(pages);
    const failed = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
    const done = settled.map((r) => (r as PromiseFulfilledResult<ExtractedPage>).value);
    const info = await doc.getMetadata().catch(() => null);
    const infoDict = (info?.info ?? {}) as { Title?: unknown; Author?: unknown };
    const meta: { title?: string; author?: string } = {};
    if (typeof infoDict.Title === 'string' && infoDict.Title.trim()) meta.title = infoDict.Title.trim();
    if (typeof infoDict.Author === 'string' && infoDict.Author.trim()) meta.author = infoDict.Author.trim();
    if (done.every((p) => p.lines.length === 0) && !ocr) {
      throw new AppError('UNSUPPORTED_FILE', 'the PDF holds no text (a scan?) and text recognition (OCR) is not available');
    }
    return { document: { kind: 'pdf', pages: done, meta }, warnings };
  } finally {
    await closePdf(doc);
  }
}

function needsOcr(text: PdfTextPage): boolean {
  // Fonts without a Unicode map give a text layer of symbols: OCR reads it better.
  const all = text.page.lines.map((l) => l.text).join('');
  const letters = (all.match(/\p{L}/gu) ?? []).length;
  if (text.charCount > 0 && letters / Math.max(1, all.replace(/\s/g, '').length) < 0.5) return true;
  // A short page of real text with no image on it (a last page of references) has
  // nothing more for OCR to find; a scan with a line of text added does.
  return text.charCount === 0 || (text.charCount < MIN_TEXT_CHARS && text.hasImages);
}

/** Keeps the OCR text and adds nothing from a thin text layer except what OCR lacks. */
function mergeThinText(ocrPage: ExtractedPage, textPage: ExtractedPage | undefined): ExtractedPage {
  if (!textPage || textPage.lines.length === 0) return ocrPage;
  const ocrText = ocrPage.lines.map((l) => l.text).join(' ').toLowerCase();
  const extra = textPage.lines.filter((l) => !ocrText.includes(l.text.toLowerCase()));
  return { ...ocrPage, lines: [...ocrPage.lines, ...extra] };
}
