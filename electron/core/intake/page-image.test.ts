import { afterEach, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { makeTestCore } from '../testing/harness.ts';
import { draftOutput, fakeReader, type FakeReader } from './fake-reader.ts';
import { textImage } from './ocr/test-images.ts';
import { MAX_IMAGE_SIDE, PAGE_IMAGE_DPI } from './page-image.ts';
import { docx, textPdf } from './test-files.ts';
import { waitForJobs } from './test-support.ts';

type T = ReturnType<typeof makeTestCore>;
let t: T;
afterEach(async () => {
  await t?.cleanup();
});

/** A valid (mod-11) fødselsnummer, made up. */
const NATIONAL_ID = '15038510190';
const ID_BOX = { page: 1, x: 56, y: 60, width: 200, height: 14 };

async function setup(reader: FakeReader): Promise<T> {
  const core = makeTestCore({ intake: { reader, concurrency: 1 } });
  await core.createVault();
  return core;
}

async function submit(name: string, bytes: Uint8Array, state: 'review' | null = 'review'): Promise<string> {
  const { jobs } = await t.call('intake.submit', { files: [{ name, bytes: Buffer.from(bytes).toString('base64') }] });
  const id = jobs[0]!.id;
  if (state) expect((await waitForJobs(t, [id])).get(id)!.state).toBe(state);
  return id;
}

/** The PNG's grey pixels, and the share of dark pixels in a box given in page units. */
async function decode(image: { base64: string; width: number; height: number; mime: string }, pageWidth: number) {
  expect(image.mime).toBe('image/png');
  const { data, info } = await sharp(Buffer.from(image.base64, 'base64')).greyscale().raw().toBuffer({ resolveWithObject: true });
  expect({ width: info.width, height: info.height }).toEqual({ width: image.width, height: image.height });
  const s = info.width / pageWidth;
  const darkIn = (box: { x: number; y: number; width: number; height: number }) => {
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
    t = await setup(fakeReader(() => ({ kind: 'draft', output: draftOutput({ name: 'Kari Nordmann' }) })));
    const jobId = await submit('cv.pdf', textPdf([['Kari Nordmann', 'kari@example.no'], ['Side to']]));
    const image = await t.call('intake.getPageImage', { jobId, page: 1 });
    // A4 (595×842 pt) at 110 dpi.
    expect(image.width).toBe(Math.floor((595 * PAGE_IMAGE_DPI) / 72));
    expect(image.height).toBe(Math.floor((842 * PAGE_IMAGE_DPI) / 72));
    const { darkIn } = await decode(image, 595);
    // The first line sits about 52–62 pt from the top, from x = 56 pt: ink there, none in the middle of the page.
    expect(darkIn({ x: 56, y: 52, width: 70, height: 10 })).toBeGreaterThan(0.05);
    expect(darkIn({ x: 300, y: 400, width: 200, height: 200 })).toBe(0);

    const second = await t.call('intake.getPageImage', { jobId, page: 2 });
    expect(second.width).toBe(image.width);
    expect((await t.fail('intake.getPageImage', { jobId, page: 3 })).code).toBe('NOT_FOUND');
  });

  it('paints over a national identity number found on the page, and nothing else', async () => {
    const reader = fakeReader(() => ({ kind: 'draft', output: draftOutput({ name: 'Kari Nordmann', nationalId: NATIONAL_ID }) }));
    t = await setup(reader);
    const lines = ['Kari Nordmann', `Fødselsnummer ${NATIONAL_ID}`, '', '', 'Arbeidserfaring', '2019 - nå Sykepleier'];
    const jobId = await submit('cv.pdf', textPdf([lines]));
    const { darkIn } = await decode(await t.call('intake.getPageImage', { jobId, page: 1 }), 595);
    expect(darkIn(ID_BOX)).toBe(1);
    // Further down the page the text is as it was: ink on white.
    const below = darkIn({ x: 56, y: 108, width: 100, height: 10 });
    expect(below).toBeGreaterThan(0.05);
    expect(below).toBeLessThan(0.6);
  });

  it('brings a large scan down to screen size, upright as its EXIF orientation says, the national id painted over', async () => {
    // Lines of text on a wide strip, stored turned a quarter (tall) and tagged to be shown upright (wide).
    const photo = await textImage(['Ola Nordmann', 'Arbeidserfaring'], { width: 2400, fontPx: 80, orientation: 6 });
    const stored = await sharp(photo).metadata();
    expect(stored.height).toBeGreaterThan(stored.width);
    const upright = { width: stored.height, height: stored.width };
    const idBox = { page: 1, x: 100, y: 20, width: 900, height: 100 };
    const output = draftOutput({ name: 'Ola Nordmann', nationalId: NATIONAL_ID });
    output.result.nationalIds[0]!.source = idBox;
    output.pages = [{ number: 1, ...upright, source: 'ocr' }];
    t = await setup(fakeReader(() => ({ kind: 'draft', output })));
    const jobId = await submit('skann.png', photo);
    const image = await t.call('intake.getPageImage', { jobId, page: 1 });
    const { info, darkIn } = await decode(image, upright.width);
    expect(Math.max(info.width, info.height)).toBe(MAX_IMAGE_SIDE);
    expect(info.width).toBeGreaterThan(info.height);
    expect(darkIn(idBox)).toBe(1);
    expect(darkIn({ x: 1400, y: 200, width: 900, height: 150 })).toBeLessThan(0.5);
    expect((await t.fail('intake.getPageImage', { jobId, page: 2 })).code).toBe('NOT_FOUND');
  });

  it('has no page image for a Word file, nor for a file that is not ready for review', async () => {
    const reader = fakeReader(() => ({ kind: 'draft', output: draftOutput({ name: 'Kari Nordmann' }) }));
    reader.scripts.set('venter.pdf', { kind: 'hang' });
    t = await setup(reader);
    const word = await submit('cv.docx', docx(['Kari Nordmann']));
    expect((await t.fail('intake.getPageImage', { jobId: word, page: 1 })).code).toBe('UNSUPPORTED_FILE');
    const refused = await submit('tom.pdf', new Uint8Array(), null);
    expect((await t.fail('intake.getPageImage', { jobId: refused, page: 1 })).code).toBe('CONFLICT');
    const reading = await submit('venter.pdf', textPdf([['Kari Nordmann']]), null);
    expect((await t.fail('intake.getPageImage', { jobId: reading, page: 1 })).code).toBe('CONFLICT');
  });

  it('needs an unlocked vault', async () => {
    t = await setup(fakeReader(() => ({ kind: 'draft', output: draftOutput({ name: 'Kari Nordmann' }) })));
    const jobId = await submit('cv.pdf', textPdf([['Kari Nordmann']]));
    await t.call('vault.lock', {});
    expect((await t.fail('intake.getPageImage', { jobId, page: 1 })).code).toBe('VAULT_LOCKED');
  });
});
