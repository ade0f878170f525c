import type { ExtractedPage } from '../document.ts';

export interface OcrProgress {
  /** 0–1 within the current page. */
  progress: number;
  status: string;
}

export interface OcrOptions {
  /** The page number to put on the result (1-based). */
  pageNumber?: number;
  signal?: AbortSignal;
  onProgress?: (p: OcrProgress) => void;
  /** Per-page time limit; a page over it fails with TIMEOUT instead of hanging. */
  timeoutMs?: number;
}

/**
 * The OCR worker pool as the intake sees it. Implementations must never hang
 * (timeouts), never kill the process (errorHandler), and fetch nothing at run time.
 */
export interface OcrEngine {
  /** A scan or photo (JPEG, PNG, TIFF): preprocessed, then recognised (nor+eng). */
  recognizeImage(image: Uint8Array, options?: OcrOptions): Promise<ExtractedPage>;
  /** One page of a PDF without a usable text layer: rendered at 300 dpi, then recognised. */
  recognizePdfPage(pdf: Uint8Array, pageNumber: number, options?: OcrOptions): Promise<ExtractedPage>;
  close(): Promise<void>;
}
