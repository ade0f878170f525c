import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { greyTiff } from './grey-tiff.ts';

describe('grey TIFF for Tesseract', () => {
  it('holds the grey pixels and their size, readable by another TIFF reader', async () => {
    const width = 7;
    const height = 5;
    const grey = Uint8Array.from({ length: width * height }, (_, i) => (i * 37) % 256);
    const { file: tiff, pixels } = greyTiff(width, height);
    expect(pixels.length).toBe(width * height);
    pixels.set(grey);
    const metadata = await sharp(tiff).metadata();
    expect(metadata).toMatchObject({ format: 'tiff', width, height, channels: 1 });
    // No resolution: Tesseract estimates it from the text (see grey-tiff.ts).
    expect(metadata.density).toBeUndefined();
    const { data } = await sharp(tiff).toColourspace('b-w').raw().toBuffer({ resolveWithObject: true });
    expect([...data]).toEqual([...grey]);
  });
});
