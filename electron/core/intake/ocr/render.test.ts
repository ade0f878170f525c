import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { renderPdfPage } from './render.ts';
import { imageOnlyPdf, scannedPageJpeg } from './test-images.ts';

const A4 = { width: 595.28, height: 841.89 };
const at300 = (points: number) => Math.floor((points * 300) / 72);
const mean = (pixels: Uint8Array) => pixels.reduce((sum, p) => sum + p, 0) / pixels.length;
const darkest = (pixels: Uint8Array) => pixels.reduce((min, p) => Math.min(min, p), 255);

describe('renderPdfPage', () => {
  it('takes a scan (one image over the whole page) at its own pixels when it is already about 300 dpi', async () => {
    const scan = await scannedPageJpeg(['Kari Nordmann', 'Truckfører'], 300);
    const page = await renderPdfPage(imageOnlyPdf(scan.jpeg, scan.width, scan.height), 1);
    // The scan is 2481 pixels wide; drawing the page at 300 dpi would give 2480.
    expect([page.widthPx, page.heightPx]).toEqual([scan.width, scan.height]);
    expect([page.widthPt, page.heightPt]).toEqual([A4.width, A4.height]);
    const decoded = await sharp(scan.jpeg).greyscale().raw().toBuffer();
    expect(Math.abs(mean(page.grey) - mean(new Uint8Array(decoded)))).toBeLessThan(1);
  });

  it('scales a 200 dpi scan to 300 dpi, keeping its ink', async () => {
    const scan = await scannedPageJpeg(['Kari Nordmann', 'Truckfører', 'Lagerhuset AS'], 200);
    const page = await renderPdfPage(imageOnlyPdf(scan.jpeg, scan.width, scan.height), 1);
    expect([page.widthPx, page.heightPx]).toEqual([at300(A4.width), at300(A4.height)]);
    const decoded = await sharp(scan.jpeg).greyscale().raw().toBuffer();
    expect(Math.abs(mean(page.grey) - mean(new Uint8Array(decoded)))).toBeLessThan(1);
  });

  it('draws a page whose image covers only part of it, the rest as white paper', async () => {
    const scan = await scannedPageJpeg(['Kari Nordmann'], 300);
    const half = { x: 0, y: A4.height / 2, width: A4.width / 2, height: A4.height / 2 };
    const page = await renderPdfPage(imageOnlyPdf(scan.jpeg, scan.width, scan.height, A4.width, A4.height, half), 1);
    expect([page.widthPx, page.heightPx]).toEqual([at300(A4.width), at300(A4.height)]);
    // The bottom half of the page is empty paper; the text sits in the top-left quarter.
    expect(darkest(page.grey.subarray(page.widthPx * (Math.ceil(page.heightPx / 2) + 1)))).toBeGreaterThan(250);
    expect(darkest(page.grey.subarray(0, page.widthPx * 600))).toBeLessThan(100);
  });
});
