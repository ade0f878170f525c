import { afterEach, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { makeTestCore } from '../testing/harness.ts';
import { fakeReader } from './fake-reader.ts';
import { textImage } from './ocr/test-images.ts';
import { MAX_IMAGE_SIDE } from './page-image.ts';
import { docx, textPdf } from './test-files.ts';

type T = ReturnType<typeof makeTestCore>;
let t: T;
afterEach(async () => {
  await t?.cleanup();
});

/** A core whose reader never finishes: the page image needs only the stored original. */
async function setup(): Promise<T> {
  const core = makeTestCore({
    intake: { reader: fakeReader(() => ({ kind: 'hang' })), concurrency: 1 },
    onInternalError: (method, error) => console.error(method, error),
  });
  await core.createVault();
  return core;
}

async function submit(name: string, bytes: Uint8Array): Promise<string> {
  const { jobs } = await t.call('intake.submit', { files: [{ name, bytes: Buffer.from(bytes).toString('base64') }] });
  return jobs[0]!.id;
}

async function decode(image: { base64: string; width: number; height: number; mime: string }) {
  expect(image.mime).toBe('image/png');
  const { data, info } = await sharp(Buffer.from(image.base64, 'base64')).greyscale().raw().toBuffer({ resolveWithObject: true });
  expect({ width: info.width, height: info.height }).toEqual({ width: image.width, height: image.height });
  /** Share of dark pixels in a box given in points of an A4 page. */
  const darkIn = (box: { x: number; y: number; width: number; height: number }, pageWidthPt: number) => {
    const s = info.width / pageWidthPt;
    let dark = 0;
    let all = 0;
    for (let y = Math.floor(box.y * s); y < Math.ceil((box.y + box.height) * s); y++) {
      for (let x = Math.floor(box.x * s); x < Math.ceil((box.x + box.width) * s); x++) {
        all++;
        if (data[(y * info.width + x) * info.channels]! < 128) dark++;
      }
    }
    return dark / all;
  };
  return { info, darkIn };
}

describe('intake.getPageImage', () => {
  it('renders a PDF page at screen resolution, with the text where its source boxes say', async () => {
    t = await setup();
    const jobId = await submit('cv.pdf', textPdf([['Kari Nordmann', 'kari@example.no'], ['Side to']]));
    const image = await t.call('intake.getPageImage', { jobId, page: 1 });
    // A4 (595×842 pt) at 110 dpi.
    expect(image.width).toBe(Math.floor((595 * 110) / 72));
    expect(image.height).toBe(Math.floor((842 * 110) / 72));
    const { darkIn } = await decode(image);
    // The first line sits at y = 842 − 780 − 11 ≈ 51 pt from the top, x = 56 pt: ink there, none in the margin.
    expect(darkIn({ x: 56, y: 52, width: 70, height: 10 }, 595)).toBeGreaterThan(0.05);
    expect(darkIn({ x: 300, y: 400, width: 200, height: 200 }, 595)).toBe(0);

    const second = await t.call('intake.getPageImage', { jobId, page: 2 });
    expect(second.width).toBe(image.width);
    expect((await t.fail('intake.getPageImage', { jobId, page: 3 })).code).toBe('NOT_FOUND');
  });

  it('brings a large scan down to screen size, upright as its EXIF orientation says', async () => {
    t = await setup();
    // Lines of text on a wide strip, stored turned a quarter (tall) and tagged to be shown upright (wide).
    const photo = await textImage(['Ola Nordmann', 'Arbeidserfaring'], { width: 2400, fontPx: 80, orientation: 6 });
    const stored = await sharp(photo).metadata();
    expect(stored.height).toBeGreaterThan(stored.width);
    const jobId = await submit('skann.png', photo);
    const image = await t.call('intake.getPageImage', { jobId, page: 1 });
    const { info } = await decode(image);
    expect(Math.max(info.width, info.height)).toBe(MAX_IMAGE_SIDE);
    expect(info.width).toBeGreaterThan(info.height);
    expect((await t.fail('intake.getPageImage', { jobId, page: 2 })).code).toBe('NOT_FOUND');
  });

  it('has no page image for a Word file, and nothing for a file that was refused', async () => {
    t = await setup();
    const word = await submit('cv.docx', docx(['Kari Nordmann']));
    expect((await t.fail('intake.getPageImage', { jobId: word, page: 1 })).code).toBe('UNSUPPORTED_FILE');
    const refused = await submit('tom.pdf', new Uint8Array());
    expect((await t.fail('intake.getPageImage', { jobId: refused, page: 1 })).code).toBe('NOT_FOUND');
  });

  it('needs an unlocked vault', async () => {
    t = await setup();
    const jobId = await submit('cv.pdf', textPdf([['Kari Nordmann']]));
    await t.call('vault.lock', {});
    expect((await t.fail('intake.getPageImage', { jobId, page: 1 })).code).toBe('VAULT_LOCKED');
  });
});
