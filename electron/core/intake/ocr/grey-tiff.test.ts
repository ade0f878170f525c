import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { encodeGreyTiff } from './grey-tiff.ts';

describe('grey TIFF for Tesseract', () => {
  it('holds the grey pixels and their size, readable by another TIFF reader', async () => {
    const width = 7;
    const height = 5;
    const grey = Uint8Array.from({ length: width * height }, (_, i) => (i * 37) % 256);
    const tiff = encodeGreyTiff(grey, width, height);
    const metadata = await sharp(tiff).metadata();
    expect(metadata).toMatchObject({ format: 'tiff', width, height, channels: 1 });
    // No resolution: Tesseract estimates it from the text (see grey-tiff.ts).
    expect(metadata.density).toBeUndefined();
    const { data } = await sharp(tiff).toColourspace('b-w').raw().toBuffer({ resolveWithObject: true });
    expect([...data]).toEqual([...grey]);
  });

  it('refuses pixels that do not fill the stated size', () => {
    expect(() => encodeGreyTiff(new Uint8Array(10), 4, 4)).toThrow(/16 grey pixels/);
  });
});
