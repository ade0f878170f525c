import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { AppError } from '../../rpc/errors.ts';

/** A PDF page rasterised for OCR: 8-bit grey pixels, one byte per pixel, row-major. */
export interface RenderedPage {
  grey: Uint8Array;
  widthPx: number;
  heightPx: number;
  /** The page's size in PDF points, so OCR boxes can be mapped back to the page. */
  widthPt: number;
  heightPt: number;
}

export interface RenderOptions {
  /** 300 by default: the resolution Tesseract's models are trained around. */
  dpi?: number;
  /** A page larger than this at `dpi` is rendered at a lower resolution instead (memory stays bounded). */
  maxPixels?: number;
}

const DEFAULT_MAX_PIXELS = 40_000_000;

// pdf.js loads fonts that are not embedded and its JPEG 2000 / JBIG2 decoders from these
// folders; file paths with a trailing separator are what its Node loader expects.
const pdfjsRoot = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
const standardFontDataUrl = join(pdfjsRoot, 'standard_fonts') + '/';
const wasmUrl = join(pdfjsRoot, 'wasm') + '/';
const cMapUrl = join(pdfjsRoot, 'cmaps') + '/';

/** Renders one page of a PDF to grey pixels at (up to) `dpi`. */
export async function renderPdfPage(pdf: Uint8Array, pageNumber: number, options: RenderOptions = {}): Promise<RenderedPage> {
  const dpi = options.dpi ?? 300;
  const maxPixels = options.maxPixels ?? DEFAULT_MAX_PIXELS;
  // pdf.js detaches the buffer it is given; keep the caller's bytes intact.
  const loadingTask = getDocument({
    data: pdf.slice(),
    isEvalSupported: false, // CVE-2024-4367
    enableXfa: false,
    standardFontDataUrl,
    wasmUrl,
    cMapUrl,
    cMapPacked: true,
    verbosity: 0,
  });
  try {
    const doc = await loadingTask.promise.catch((e: unknown) => {
      const name = (e as { name?: string } | null)?.name;
      if (name === 'PasswordException') throw new AppError('UNSUPPORTED_FILE', 'The PDF is password-protected.');
      throw new AppError('UNSUPPORTED_FILE', `The PDF cannot be read: ${(e as Error)?.message ?? String(e)}`);
    });
    if (!Number.isInteger(pageNumber) || pageNumber < 1 || pageNumber > doc.numPages) {
      throw new AppError('NOT_FOUND', `The PDF has no page ${pageNumber} (it has ${doc.numPages}).`);
    }
    const page = await doc.getPage(pageNumber);
    const base = page.getViewport({ scale: 1 });
    let scale = dpi / 72;
    const pixels = base.width * base.height * scale * scale;
    if (pixels > maxPixels) scale *= Math.sqrt(maxPixels / pixels);
    const viewport = page.getViewport({ scale });
    const widthPx = Math.max(1, Math.floor(viewport.width));
    const heightPx = Math.max(1, Math.floor(viewport.height));
    const canvas = createCanvas(widthPx, heightPx);
    const context = canvas.getContext('2d');
    // Transparent areas would read as black once the alpha is dropped.
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, widthPx, heightPx);
    await page.render({
      canvas: null,
      canvasContext: context as unknown as CanvasRenderingContext2D,
      viewport,
      annotationMode: 0,
    }).promise;
    const rgba = context.getImageData(0, 0, widthPx, heightPx).data;
    const grey = new Uint8Array(widthPx * heightPx);
    for (let i = 0, j = 0; j < grey.length; i += 4, j += 1) {
      // ITU-R BT.601 luma, integer arithmetic.
      grey[j] = ((rgba[i]! * 299 + rgba[i + 1]! * 587 + rgba[i + 2]! * 114) / 1000) | 0;
    }
    page.cleanup();
    return { grey, widthPx, heightPx, widthPt: base.width, heightPt: base.height };
  } finally {
    await loadingTask.destroy();
  }
}
