import { describe, expect, it } from 'vitest';
import { stretchContrast } from './preprocess.ts';

/** The stretch as first written, a pixel at a time: the fast one must give the same pixels. */
function stretchByPixel(grey: Uint8Array): void {
  const histogram = new Uint32Array(256);
  for (const v of grey) histogram[v]! += 1;
  const percentile = (fraction: number) => {
    let sum = 0;
    for (let v = 0; v < 256; v += 1) if ((sum += histogram[v]!) >= fraction * grey.length) return v;
    return 255;
  };
  const high = percentile(0.99);
  const low = Math.max(0, Math.min(percentile(0.01), high - 96));
  if (high - low < 8 || (low === 0 && high === 255)) return;
  for (let i = 0; i < grey.length; i += 1) grey[i] = Math.max(0, Math.min(255, Math.round(((grey[i]! - low) * 255) / (high - low))));
}

describe('contrast stretch', () => {
  it('maps a faded page to full contrast, the same pixel for pixel at any offset and length', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (const [offset, length] of [[0, 4000], [1, 3999], [3, 4001], [4, 17], [2, 3]] as const) {
      const buffer = new Uint8Array(offset + length);
      // Faded: paper at ≈ 200, ink at ≈ 90.
      for (let i = 0; i < buffer.length; i += 1) buffer[i] = random() < 0.1 ? 80 + Math.floor(random() * 20) : 190 + Math.floor(random() * 20);
      const fast = buffer.subarray(offset);
      const reference = fast.slice();
      // Also into another buffer, aligned or not, leaving the source as it was.
      const source = fast.slice();
      const target = new Uint8Array(length + 4).subarray(offset % 4, (offset % 4) + length);
      stretchContrast(source, target);
      stretchContrast(fast);
      stretchByPixel(reference);
      expect(Array.from(fast)).toEqual(Array.from(reference));
      expect(Array.from(target)).toEqual(Array.from(reference));
      expect(Array.from(source)).not.toEqual(Array.from(reference));
    }
    const page = new Uint8Array(4000).map((_, i) => (i % 10 === 0 ? 90 : 200));
    stretchContrast(page);
    expect(Math.min(...page)).toBe(0);
    expect(Math.max(...page)).toBe(255);
  });

  it('copies a page with full contrast already unchanged into the buffer it is given', () => {
    const page = new Uint8Array(4000).map((_, i) => (i % 10 === 0 ? 0 : 255));
    const target = new Uint8Array(4000);
    stretchContrast(page, target);
    expect(Array.from(target)).toEqual(Array.from(page));
  });

  it('gives a nearly blank page at most 2.7 times its contrast: paper grain is not blown up into noise', () => {
    const blank = new Uint8Array(1000).map((_, i) => 235 + (i % 11));
    stretchContrast(blank);
    expect(Math.max(...blank) - Math.min(...blank)).toBeLessThanOrEqual(Math.ceil(2.7 * 10));
  });
});
