import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import { getDocument, ImageKind, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PDFPageProxy } from 'pdfjs-dist/types/src/display/api';
import sharp from 'sharp';
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
    const scan = await wholePageImage(page, scale);
    if (scan) {
      page.cleanup();
      return scan;
    }
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
    const grey = toGrey(context.getImageData(0, 0, widthPx, heightPx).data, widthPx * heightPx, 4);
    page.cleanup();
    return { grey, widthPx, heightPx, widthPt: base.width, heightPt: base.height };
  } finally {
    await loadingTask.destroy();
  }
}

/** How long to wait for pdf.js to hand over a decoded image before drawing the page instead. */
const IMAGE_WAIT_MS = 10_000;

/**
 * A scanned page is one image painted over the whole page and nothing else. Its pixels are
 * then taken straight from pdf.js's decoded image and scaled once to the wanted resolution,
 * instead of being drawn onto a canvas and read back (≈ 200 ms and two 35 MB buffers less per
 * page at 300 dpi). Anything else on the page, a turned or partial image, or a 1-bit image:
 * null, and the page is drawn as usual.
 */
async function wholePageImage(page: PDFPageProxy, scale: number): Promise<RenderedPage | null> {
  if (page.rotate % 360 !== 0) return null;
  const [x0, y0, x1, y1] = page.view as [number, number, number, number];
  const widthPt = x1 - x0;
  const heightPt = y1 - y0;
  const list = await page.getOperatorList({ annotationMode: 0 });
  let ctm = [1, 0, 0, 1, 0, 0];
  const saved: number[][] = [];
  let imageId: string | null = null;
  let imageCtm = ctm;
  for (let i = 0; i < list.fnArray.length; i++) {
    const fn = list.fnArray[i];
    if (fn === OPS.dependency) continue;
    if (fn === OPS.save) saved.push(ctm);
    else if (fn === OPS.restore) ctm = saved.pop() ?? ctm;
    else if (fn === OPS.transform) ctm = multiply(ctm, list.argsArray[i] as number[]);
    else if (fn === OPS.paintImageXObject && imageId === null) {
      imageId = String((list.argsArray[i] as unknown[])[0]);
      imageCtm = ctm;
    } else return null;
  }
  if (imageId === null) return null;
  const [a, b, c, d, e, f] = imageCtm as [number, number, number, number, number, number];
  const near = (p: number, q: number) => Math.abs(p - q) <= 1;
  // Upright (image space's top row at the top of the page) and covering the whole page.
  if (!near(b, 0) || !near(c, 0) || !near(a, widthPt) || !near(d, heightPt) || !near(e, x0) || !near(f, y0)) return null;
  const store = imageId.startsWith('g_') ? page.commonObjs : page.objs;
  const image = await new Promise<PdfImage | null>((resolve) => {
    const timer = setTimeout(() => resolve(null), IMAGE_WAIT_MS);
    try {
      store.get(imageId, (data: PdfImage) => {
        clearTimeout(timer);
        resolve(data);
      });
    } catch {
      clearTimeout(timer);
      resolve(null);
    }
  });
  if (!image?.data || (image.kind !== ImageKind.RGB_24BPP && image.kind !== ImageKind.RGBA_32BPP)) return null;
  const { width, height } = image;
  const channels = image.kind === ImageKind.RGB_24BPP ? 3 : 4;
  if (!(width > 0 && height > 0) || image.data.length < width * height * channels) return null;
  const grey = toGrey(image.data, width * height, channels);
  const widthPx = Math.max(1, Math.floor(widthPt * scale));
  const heightPx = Math.max(1, Math.floor(heightPt * scale));
  // Within 2 % of the wanted resolution: the scan's own pixels, unscaled.
  if (Math.abs(width - widthPx) <= widthPx * 0.02 && Math.abs(height - heightPx) <= heightPx * 0.02) {
    return { grey, widthPx: width, heightPx: height, widthPt, heightPt };
  }
  // Scaled as pdf.js would draw it (getImageSmoothingEnabled): smoothed when the image asks
  // for it or is enlarged by at most 4/3, otherwise pixel by pixel. Tesseract reads the
  // crisp enlargement of a 200 dpi scan better than a smoothed one (one word of the dev
  // corpus's scans lost its ø and æ with every smoothing kernel tried).
  const smooth = image.interpolate === true || widthPx / width <= 4 / 3;
  const scaled = await sharp(grey, { raw: { width, height, channels: 1 } })
    .resize(widthPx, heightPx, { fit: 'fill', kernel: smooth ? 'linear' : 'nearest' })
    .toColourspace('b-w')
    .raw()
    .toBuffer();
  return { grey: new Uint8Array(scaled.buffer, scaled.byteOffset, scaled.length), widthPx, heightPx, widthPt, heightPt };
}

/**
 * RGB or RGBA pixels to grey (ITU-R BT.601 luma, integer arithmetic). Transparent parts are
 * paper: composed over white (the canvas is filled white first, so its alpha is always 255).
 */
function toGrey(src: ArrayLike<number>, pixels: number, channels: 3 | 4): Uint8Array {
  const grey = new Uint8Array(pixels);
  if (channels === 3) {
    for (let i = 0, j = 0; j < pixels; i += 3, j += 1) grey[j] = ((src[i]! * 299 + src[i + 1]! * 587 + src[i + 2]! * 114) / 1000) | 0;
    return grey;
  }
  for (let i = 0, j = 0; j < pixels; i += 4, j += 1) {
    const luma = ((src[i]! * 299 + src[i + 1]! * 587 + src[i + 2]! * 114) / 1000) | 0;
    const alpha = src[i + 3]!;
    grey[j] = alpha === 255 ? luma : ((luma * alpha + 255 * (255 - alpha)) / 255) | 0;
  }
  return grey;
}

interface PdfImage {
  width: number;
  height: number;
  kind: number;
  interpolate?: boolean;
  data?: Uint8Array | Uint8ClampedArray;
}

/** The current transformation matrix after `cm n` (PDF's row-vector convention: n × ctm). */
function multiply(ctm: number[], n: number[]): number[] {
  const [a, b, c, d, e, f] = ctm as [number, number, number, number, number, number];
  const [p, q, r, s, t, u] = n as [number, number, number, number, number, number];
  return [p * a + q * c, p * b + q * d, r * a + s * c, r * b + s * d, t * a + u * c + e, t * b + u * d + f];
}
