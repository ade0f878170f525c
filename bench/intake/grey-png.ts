import { crc32 } from 'node:zlib';
import sharp from 'sharp';

/**
 * A rendered grey page as a one-channel PNG that states its resolution.
 * sharp's `withMetadata({ density })` would attach an sRGB profile and so write three
 * channels: a 26 MB RGB image to decode instead of 8.7 MB of grey, for every engine. A scan
 * of a paper CV is grey, so the page is written grey and its pHYs chunk is set here.
 */
export async function greyPng(grey: Uint8Array, width: number, height: number, dpi: number): Promise<Uint8Array> {
  const png = await sharp(grey, { raw: { width, height, channels: 1 } }).toColourspace('b-w').png({ compressionLevel: 3 }).toBuffer();
  return withResolution(png, dpi);
}

/** The PNG with its pHYs chunk (pixels per metre) replaced by one for `dpi`. */
export function withResolution(png: Buffer, dpi: number): Uint8Array {
  const pixelsPerMetre = Math.round(dpi / 0.0254);
  const body = Buffer.alloc(13);
  body.write('pHYs', 0, 'latin1');
  body.writeUInt32BE(pixelsPerMetre, 4);
  body.writeUInt32BE(pixelsPerMetre, 8);
  body[12] = 1; // unit: metre
  const phys = Buffer.alloc(21);
  phys.writeUInt32BE(9, 0);
  body.copy(phys, 4);
  phys.writeUInt32BE(crc32(body) >>> 0, 17);
  // Chunks after the 8-byte signature: length, type, data, CRC. IHDR comes first; pHYs must
  // come before the image data.
  const chunks: Buffer[] = [png.subarray(0, 8)];
  let offset = 8;
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('latin1', offset + 4, offset + 8);
    const chunk = png.subarray(offset, offset + 12 + length);
    if (type !== 'pHYs') chunks.push(chunk);
    if (type === 'IHDR') chunks.push(phys);
    offset += 12 + length;
  }
  return new Uint8Array(Buffer.concat(chunks));
}
