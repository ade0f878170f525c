import sharp from 'sharp';
import { AppError } from '../../rpc/errors.ts';
import { measureSkew } from './deskew.ts';
import { greyTiff } from './grey-tiff.ts';

/**
 * Turns a scan, a phone photo or a rendered PDF page into what Tesseract reads best:
 * upright, grey, full contrast, at about 300 dpi. Everything stays in memory.
 */

// libvips would keep recent images (CV pages) in its operation cache; we never process
// the same image twice, and memory must stay bounded during a bulk import.
sharp.cache(false);

/** The image as Tesseract gets it, and how to map its pixels back to the original. */
export interface PreparedImage {
  /** The grey page as an uncompressed TIFF (grey-tiff.ts). */
  tiff: Uint8Array;
  width: number;
  height: number;
  /** Processed pixels per original pixel (after EXIF orientation). */
  scale: number;
  /** The original's size after EXIF orientation: the page the review screen shows. */
  originalWidth: number;
  originalHeight: number;
  /** The processed image's resolution, to turn pixel heights into points. */
  dpi: number;
  /** Radians to turn the image by (clockwise positive) so its text lines run level. */
  skew: number;
  /** A photographed page (a darker surround: the desk), which may be unevenly lit. */
  photo: boolean;
}

export interface PreprocessOptions {
  /** Refuse images whose header claims more pixels than this (decompression bombs). */
  maxInputPixels?: number;
  /** Resolution to scale towards (Tesseract's models are trained around 300 dpi). */
  targetDpi?: number;
}

/** 80 MP: above the largest phone cameras (48–64 MP) and an A4 scan at 600 dpi (35 MP). */
export const DEFAULT_MAX_INPUT_PIXELS = 80_000_000;

const A4_LONG_SIDE_INCHES = 11.69;
/** Rescaling by less than this is not worth the blur and the time. */
const SCALE_TOLERANCE = 0.12;
const MAX_UPSCALE = 3;

/** A scan or photo (JPEG, PNG, TIFF, WebP …) from its bytes. */
export async function prepareImage(bytes: Uint8Array, options: PreprocessOptions = {}): Promise<PreparedImage> {
  const limit = options.maxInputPixels ?? DEFAULT_MAX_INPUT_PIXELS;
  const targetDpi = options.targetDpi ?? 300;
  let metadata: sharp.Metadata;
  try {
    // Only the header is read here (no pixels are decoded), so the size it claims can be
    // checked and refused with a clear message before anything is allocated for it.
    metadata = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch (error) {
    throw new AppError('UNSUPPORTED_FILE', `The image cannot be read: ${messageOf(error)}`);
  }
  const { width, height } = metadata;
  if (!width || !height) throw new AppError('UNSUPPORTED_FILE', 'The image has no size in its header.');
  if (width * height > limit) {
    throw new AppError(
      'TOO_LARGE',
      `The image is ${width}×${height} pixels (${Math.round((width * height) / 1e6)} megapixels); the limit is ${Math.round(limit / 1e6)} megapixels.`,
      { width, height, limit },
    );
  }
  // EXIF orientations 5–8 are quarter turns: width and height swap.
  const quarterTurn = (metadata.orientation ?? 1) >= 5;
  const originalWidth = quarterTurn ? height : width;
  const originalHeight = quarterTurn ? width : height;
  const scale = chooseScale(originalWidth, originalHeight, metadata.density, targetDpi);
  const sourceDpi = plausibleDensity(originalWidth, originalHeight, metadata.density) ?? targetDpi / scale;

  let pipeline = sharp(bytes, { limitInputPixels: limit, failOn: 'error' })
    .rotate()
    .flatten({ background: '#ffffff' })
    .greyscale();
  if (scale !== 1) {
    pipeline = pipeline.resize({
      width: Math.round(originalWidth * scale),
      height: Math.round(originalHeight * scale),
      fit: 'fill',
      kernel: scale > 1 ? 'cubic' : 'lanczos3',
    });
  }
  return finish(pipeline, originalWidth, originalHeight, scale, sourceDpi * scale);
}

/**
 * A PDF page rendered to grey pixels at a known resolution. Done in plain JavaScript on the
 * buffer we already have: routing 9 MB per page through libvips costs more memory (its
 * thread arenas) than the contrast stretch is worth.
 */
export function prepareRendered(grey: Uint8Array, width: number, height: number, dpi: number): PreparedImage {
  return { ...greyPage(grey, width, height), width, height, scale: 1, originalWidth: width, originalHeight: height, dpi };
}

/** The grey page's last steps, shared by images and rendered pages: photo or scan, contrast, skew, the TIFF. */
function greyPage(grey: Uint8Array, width: number, height: number): Pick<PreparedImage, 'tiff' | 'skew' | 'photo'> {
  const photo = looksLikePhoto(grey, width, height);
  const { file, pixels } = greyTiff(width, height);
  stretchContrast(grey, pixels);
  const skew = measureSkew(pixels, width, height);
  return { tiff: file, skew, photo };
}

/**
 * Maps the 1st percentile of grey to black and the 99th to white (faded scans and photos in
 * poor light get black text on white paper), but never with more than 2.7 times the
 * contrast: a nearly blank page would otherwise have its paper grain blown up into noise.
 * Writes into `into` (as long as `grey`; in place by default), which gets a plain copy when
 * there is nothing to stretch.
 */
export function stretchContrast(grey: Uint8Array, into: Uint8Array = grey): void {
  if (into.length !== grey.length) throw new Error(`expected ${grey.length} bytes to write into, got ${into.length}`);
  const histogram = new Uint32Array(256);
  // An A4 page at 300 dpi is 8.7 million pixels, read twice here while both OCR threads want
  // the cores: four pixels per 32-bit read halve the time (≈ 45 → 20 ms a page).
  const aligned = grey.byteOffset % 4 === 0 && into.byteOffset % 4 === 0;
  const words = aligned ? new Uint32Array(grey.buffer, grey.byteOffset, grey.length >>> 2) : null;
  const tail = words ? words.length << 2 : 0;
  if (words) {
    for (let w = 0; w < words.length; w += 1) {
      const v = words[w]!;
      histogram[v & 255]! += 1;
      histogram[(v >>> 8) & 255]! += 1;
      histogram[(v >>> 16) & 255]! += 1;
      histogram[v >>> 24]! += 1;
    }
  }
  for (let i = tail; i < grey.length; i += 1) histogram[grey[i]!]! += 1;
  const percentile = (fraction: number) => {
    const target = fraction * grey.length;
    let sum = 0;
    for (let v = 0; v < 256; v += 1) {
      sum += histogram[v]!;
      if (sum >= target) return v;
    }
    return 255;
  };
  const high = percentile(0.99);
  const low = Math.max(0, Math.min(percentile(0.01), high - 96));
  if (high - low < 8 || (low === 0 && high === 255)) {
    if (into !== grey) into.set(grey); // nothing to stretch
    return;
  }
  const table = new Uint8Array(256);
  for (let v = 0; v < 256; v += 1) table[v] = Math.max(0, Math.min(255, Math.round(((v - low) * 255) / (high - low))));
  if (words) {
    const out = new Uint32Array(into.buffer, into.byteOffset, words.length);
    for (let w = 0; w < words.length; w += 1) {
      const v = words[w]!;
      out[w] = (table[v & 255]! | (table[(v >>> 8) & 255]! << 8) | (table[(v >>> 16) & 255]! << 16) | (table[v >>> 24]! << 24)) >>> 0;
    }
  }
  for (let i = tail; i < grey.length; i += 1) into[i] = table[grey[i]!]!;
}

async function finish(
  pipeline: sharp.Sharp,
  originalWidth: number,
  originalHeight: number,
  scale: number,
  dpi: number,
): Promise<PreparedImage> {
  try {
    const { data, info } = await pipeline.toColourspace('b-w').raw().toBuffer({ resolveWithObject: true });
    if (info.channels !== 1) throw new Error(`expected 1 grey channel, got ${info.channels}`);
    return { ...greyPage(data, info.width, info.height), width: info.width, height: info.height, scale, originalWidth, originalHeight, dpi };
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('UNSUPPORTED_FILE', `The image cannot be read: ${messageOf(error)}`);
  }
}

/**
 * The factor that brings the page to about `targetDpi`. A plausible density in the file
 * is trusted; otherwise the image is taken to show about one A4 page (phone photos, whose
 * "72 dpi" means nothing).
 */
export function chooseScale(width: number, height: number, density: number | undefined, targetDpi: number): number {
  const dpi = plausibleDensity(width, height, density) ?? Math.max(width, height) / A4_LONG_SIDE_INCHES;
  const scale = Math.min(MAX_UPSCALE, targetDpi / dpi);
  return Math.abs(scale - 1) < SCALE_TOLERANCE ? 1 : scale;
}

/** A density is believed when it makes the image between a business card and A3 in size. */
function plausibleDensity(width: number, height: number, density: number | undefined): number | null {
  if (!density || density < 50 || density > 1200) return null;
  const longSideInches = Math.max(width, height) / density;
  return longSideInches >= 3 && longSideInches <= 17 ? density : null;
}

/**
 * A scan's border is paper; a phone photo of a page usually shows the desk around it. Compares
 * the mean grey of the outer 4 % frame with the paper's grey (the 90th percentile).
 */
export function looksLikePhoto(grey: Uint8Array, width: number, height: number): boolean {
  const step = Math.max(1, Math.floor(Math.min(width, height) / 400));
  const bx = Math.max(1, Math.floor(width * 0.04));
  const by = Math.max(1, Math.floor(height * 0.04));
  const histogram = new Uint32Array(256);
  let samples = 0;
  let borderSum = 0;
  let borderCount = 0;
  for (let y = 0; y < height; y += step) {
    for (let x = 0; x < width; x += step) {
      const v = grey[y * width + x]!;
      histogram[v]! += 1;
      samples += 1;
      if (x < bx || x >= width - bx || y < by || y >= height - by) {
        borderSum += v;
        borderCount += 1;
      }
    }
  }
  let seen = 0;
  let paper = 255;
  for (let v = 0; v < 256; v += 1) {
    seen += histogram[v]!;
    if (seen >= samples * 0.9) {
      paper = v;
      break;
    }
  }
  return borderCount > 0 && borderSum / borderCount < paper * 0.75;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
