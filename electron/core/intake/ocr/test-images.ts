import { createRequire } from 'node:module';
import { crc32 } from 'node:zlib';
import { dirname, join } from 'node:path';
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import sharp from 'sharp';

/** Images made at test time for the OCR tests: nothing from a real CV, nothing on disk. */

const FONT_FAMILY = 'KandidatTestSans';
let fontRegistered = false;

function registerFont(): void {
  if (fontRegistered) return;
  // pdf.js ships Liberation Sans; using it keeps the tests independent of system fonts.
  const pdfjsRoot = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  GlobalFonts.registerFromPath(join(pdfjsRoot, 'standard_fonts', 'LiberationSans-Regular.ttf'), FONT_FAMILY);
  fontRegistered = true;
}

export interface TextImageOptions {
  /** Font size in pixels; 42 px is 10 pt at 300 dpi… times 1.0 for headings. */
  fontPx?: number;
  width?: number;
  /** Stored in the PNG so the engine knows the scale; omit to test the guess. */
  dpi?: number;
  /** EXIF orientation to store (the pixels are turned so that the oriented image reads upright). */
  orientation?: 1 | 3 | 6 | 8;
}

/** A PNG of black lines of text on white. */
export async function textImage(lines: string[], options: TextImageOptions = {}): Promise<Uint8Array> {
  registerFont();
  const fontPx = options.fontPx ?? 42;
  const lineHeight = Math.round(fontPx * 1.6);
  const width = options.width ?? 1400;
  const height = lineHeight * (lines.length + 1);
  const canvas = createCanvas(width, height);
  const context = canvas.getContext('2d');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, width, height);
  context.fillStyle = '#000000';
  context.font = `${fontPx}px ${FONT_FAMILY}`;
  lines.forEach((line, i) => context.fillText(line, Math.round(fontPx * 1.5), lineHeight * (i + 1)));
  const png = await canvas.encode('png');
  let image = sharp(png);
  const orientation = options.orientation ?? 1;
  // Store the pixels turned the opposite way, so that applying the EXIF tag makes them upright.
  if (orientation === 3) image = sharp(await image.rotate(180).toBuffer());
  if (orientation === 6) image = sharp(await image.rotate(-90).toBuffer());
  if (orientation === 8) image = sharp(await image.rotate(90).toBuffer());
  const withMeta = image.withMetadata({ ...(options.dpi ? { density: options.dpi } : {}), orientation });
  return new Uint8Array(await withMeta.png().toBuffer());
}

/** The page as a phone photographs it: on a dark desk (what makes the engine treat it as a photo). */
export async function onDesk(png: Uint8Array, border = 160): Promise<Uint8Array> {
  const extended = sharp(png).extend({ top: border, bottom: border, left: border, right: border, background: '#3b3631' });
  return new Uint8Array(await extended.png().toBuffer());
}

/** A PNG whose header claims `width`×`height` pixels but holds no image data. */
export function lyingPngHeader(width: number, height: number): Uint8Array {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  return new Uint8Array(Buffer.concat([signature, chunk('IHDR', ihdr), chunk('IDAT', Buffer.from([0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01])), chunk('IEND', Buffer.alloc(0))]));
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length, 0);
  const typeAndData = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData) >>> 0, 0);
  return Buffer.concat([length, typeAndData, crc]);
}

/**
 * An image-only PDF (like a scan): one A4 page whose only content is `jpeg` (greyscale)
 * drawn over the whole page, or over the part `drawn` says (in points from the bottom left).
 */
export function imageOnlyPdf(
  jpeg: Uint8Array,
  pixelWidth: number,
  pixelHeight: number,
  pageWidthPt = 595.28,
  pageHeightPt = 841.89,
  drawn = { x: 0, y: 0, width: pageWidthPt, height: pageHeightPt },
): Uint8Array {
  const parts: Buffer[] = [];
  const offsets: number[] = [];
  let length = 0;
  const push = (b: Buffer | string) => {
    const buf = typeof b === 'string' ? Buffer.from(b, 'latin1') : b;
    parts.push(buf);
    length += buf.length;
  };
  const object = (n: number, body: (Buffer | string)[]) => {
    offsets[n] = length;
    push(`${n} 0 obj\n`);
    for (const b of body) push(b);
    push('\nendobj\n');
  };
  const content = `q ${drawn.width} 0 0 ${drawn.height} ${drawn.x} ${drawn.y} cm /Im0 Do Q`;
  push('%PDF-1.4\n');
  object(1, ['<< /Type /Catalog /Pages 2 0 R >>']);
  object(2, ['<< /Type /Pages /Kids [3 0 R] /Count 1 >>']);
  object(3, [`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${pageWidthPt} ${pageHeightPt}] /Resources << /XObject << /Im0 4 0 R >> >> /Contents 5 0 R >>`]);
  object(4, [
    `<< /Type /XObject /Subtype /Image /Width ${pixelWidth} /Height ${pixelHeight} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /DCTDecode /Length ${jpeg.length} >>\nstream\n`,
    Buffer.from(jpeg),
    '\nendstream',
  ]);
  object(5, [`<< /Length ${content.length} >>\nstream\n${content}\nendstream`]);
  const xref = length;
  push(`xref\n0 6\n0000000000 65535 f \n${offsets.slice(1).map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`);
  push(`trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  return new Uint8Array(Buffer.concat(parts));
}

/** A greyscale JPEG of an A4 page at `dpi` with `lines` of text near the top left. */
export async function scannedPageJpeg(lines: string[], dpi = 200): Promise<{ jpeg: Uint8Array; width: number; height: number }> {
  registerFont();
  const width = Math.round(8.27 * dpi);
  const height = Math.round(11.69 * dpi);
  const fontPx = Math.round((11 / 72) * dpi); // 11 pt
  const canvas = createCanvas(width, height);
  const context = canvas.getContext('2d');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, width, height);
  context.fillStyle = '#000000';
  context.font = `${fontPx}px ${FONT_FAMILY}`;
  lines.forEach((line, i) => context.fillText(line, dpi, dpi + i * fontPx * 1.6));
  const png = await canvas.encode('png');
  const jpeg = await sharp(png).greyscale().jpeg({ quality: 85 }).toBuffer();
  return { jpeg: new Uint8Array(jpeg), width, height };
}
