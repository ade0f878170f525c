import { describe, expect, it } from 'vitest';
import { isAppError } from '../../rpc/errors.ts';
import type { ExtractedPage } from '../document.ts';
import type { OcrEngine } from '../ocr/engine.ts';
import { extractDocument } from './index.ts';
import { makeDocx, makePdf } from './fixtures.ts';

async function failure(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    if (isAppError(error)) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('expected the extraction to fail');
}

const texts = (page: ExtractedPage | undefined): string[] => (page?.lines ?? []).map((l) => l.text);

describe('extractDocument: PDF text layer', () => {
  it('reads positioned text with Norwegian letters, bold and font size', async () => {
    const pdf = makePdf([
      {
        texts: [
          { x: 40, y: 50, text: 'Åse Øvrebø-Lærum', size: 22, bold: true },
          { x: 40, y: 80, text: 'Lagermedarbeider', size: 12 },
          { x: 40, y: 120, text: 'ERFARING', size: 13, bold: true },
        ],
      },
    ]);
    const { document } = await extractDocument(pdf, { filename: 'cv.pdf' });
    expect(document.kind).toBe('pdf');
    const lines = document.pages[0]?.lines ?? [];
    expect(lines.map((l) => l.text)).toEqual(['Åse Øvrebø-Lærum', 'Lagermedarbeider', 'ERFARING']);
    expect(lines[0]?.bold).toBe(true);
    expect(lines[1]?.bold).toBe(false);
    expect(lines[0]?.fontSize).toBeCloseTo(22, 0);
    expect(lines[0]?.y).toBeLessThan(lines[1]?.y ?? 0);
  });

  it('reads a sidebar CV column by column, not across', async () => {
    // Left sidebar (contact, skills) in smaller type with its own line spacing.
    const left = ['KONTAKT', 'Storgata 1', '0150 Oslo', 'FERDIGHETER', 'Truckførerbevis', 'Excel'];
    const right = ['ERFARING', 'Lagermedarbeider hos Firma AS', '2019 – 2021', 'Plukk og pakk av varer', 'Sjåfør hos Frakt AS', '2017 – 2019'];
    const pdf = makePdf([
      {
        texts: [
          { x: 200, y: 40, text: 'Kari Nordmann', size: 24, bold: true },
          ...left.map((text, i) => ({ x: 30, y: 104 + i * 13, text, size: 9 })),
          ...right.map((text, i) => ({ x: 200, y: 100 + i * 18, text, size: 10 })),
        ],
      },
    ]);
    const { document } = await extractDocument(pdf);
    // The name heads the main column, so it is read with that column.
    expect(texts(document.pages[0])).toEqual([...left, 'Kari Nordmann', ...right]);
  });

  it('keeps a date column in rows with the entries it dates', async () => {
    const rows = [
      ['2021 – nå', 'Truckfører, Lager AS'],
      ['2018 – 2021', 'Plukker, Butikk AS'],
      ['2015 – 2018', 'Kassemedarbeider, Kiwi'],
      ['2012 – 2015', 'Avisbud, Posten'],
    ];
    const pdf = makePdf([{ texts: rows.flatMap(([d, t], i) => [{ x: 40, y: 100 + i * 40, text: d as string }, { x: 160, y: 100 + i * 40, text: t as string }]) }]);
    const { document } = await extractDocument(pdf);
    expect(texts(document.pages[0])).toEqual(rows.map(([d, t]) => `${d}\t${t}`));
  });

  it('sends pages without a text layer to OCR, page by page', async () => {
    const page1 = ['Kari Nordmann, Storgata 1, 0150 Oslo', 'Lagermedarbeider med ti års erfaring fra lager og logistikk'];
    const pdf = makePdf([{ texts: page1.map((text, i) => ({ x: 40, y: 40 + i * 14, text })) }, { texts: [] }]);
    const calls: number[] = [];
    const ocr: OcrEngine = {
      recognizeImage: () => Promise.reject(new Error('not used')),
      recognizePdfPage: (_bytes, pageNumber) => {
        calls.push(pageNumber);
        return Promise.resolve({ number: pageNumber, width: 595, height: 842, source: 'ocr', lines: [{ text: 'Skannet tekst', x: 40, y: 40, width: 100, height: 10, confidence: 0.9 }] });
      },
      close: () => Promise.resolve(),
    };
    const { document } = await extractDocument(pdf, { ocr });
    expect(calls).toEqual([2]);
    expect(document.pages[1]?.source).toBe('ocr');
    expect(texts(document.pages[1])).toEqual(['Skannet tekst']);
  });

  it('refuses a password-protected PDF with advice', async () => {
    const f = await failure(extractDocument(makePdf([{ texts: [{ x: 40, y: 40, text: 'Hemmelig' }] }], { encrypt: true })));
    expect(f.code).toBe('UNSUPPORTED_FILE');
    expect(f.message).toMatch(/password/);
  });

  it('refuses a truncated PDF', async () => {
    const pdf = makePdf([{ texts: [{ x: 40, y: 40, text: 'Kari Nordmann' }] }]);
    const f = await failure(extractDocument(pdf.subarray(0, 60)));
    expect(f.code).toBe('UNSUPPORTED_FILE');
  });
});

describe('extractDocument: Word', () => {
  it('keeps headings, bullets, label/value tables and the page header', async () => {
    const docx = await makeDocx({
      header: 'Kari Nordmann · 912 34 567',
      blocks: [
        { heading: 'Kari Nordmann', level: 1 },
        { heading: 'Erfaring' },
        { paragraph: [{ text: 'Lagermedarbeider', bold: true }, { text: ' – Firma AS' }] },
        { bullets: ['Plukk og pakk', 'Truckkjøring'] },
        { table: [['Telefon', '912 34 567'], ['E-post', 'kari@example.no']] },
      ],
    });
    const { document } = await extractDocument(docx, { filename: 'cv.docx' });
    expect(document.kind).toBe('docx');
    const lines = document.pages[0]?.lines ?? [];
    expect(lines.map((l) => l.text)).toEqual([
      'Kari Nordmann · 912 34 567',
      'Kari Nordmann',
      'Erfaring',
      'Lagermedarbeider – Firma AS',
      'Plukk og pakk',
      'Truckkjøring',
      'Telefon\t912 34 567',
      'E-post\tkari@example.no',
    ]);
    expect(lines[1]?.heading).toBe(1);
    expect(lines[3]?.bold).toBe(true);
    expect(lines[4]?.listItem).toBe(true);
    expect(lines[6]?.tableCell).toBeDefined();
  });

  it('refuses a decompression bomb quickly and clearly', async () => {
    const zeros = new Uint8Array(70 * 1024 * 1024);
    const docx = await makeDocx({ blocks: [{ paragraph: 'Hei' }], extraEntries: [{ name: 'word/media/bomb.bin', data: zeros }] });
    expect(docx.length).toBeLessThan(1024 * 1024);
    const started = Date.now();
    const f = await failure(extractDocument(docx));
    expect(f.code).toBe('UNSUPPORTED_FILE');
    expect(f.message).toMatch(/bomb/);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});

describe('extractDocument: formats', () => {
  it('tells an old .doc from a .pdf by its bytes, with advice', async () => {
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]);
    const f = await failure(extractDocument(ole, { filename: 'cv.pdf' }));
    expect(f.code).toBe('UNSUPPORTED_FILE');
    expect(f.message).toMatch(/\.doc.*not supported — save it as PDF or DOCX/);
  });

  it('tells a password-protected Word file from an old one', async () => {
    const name = Buffer.from('EncryptedPackage', 'utf16le');
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(120).fill(0), ...name, ...new Array(64).fill(0)]);
    const f = await failure(extractDocument(ole, { filename: 'cv.docx' }));
    expect(f.message).toMatch(/password-protected Word file/);
  });

  it('reads a PDF named .docx', async () => {
    const pdf = makePdf([{ texts: [{ x: 40, y: 40, text: 'Kari Nordmann' }] }]);
    const { document } = await extractDocument(pdf, { filename: 'cv.docx' });
    expect(document.kind).toBe('pdf');
  });

  it('refuses empty files, Pages documents and oversized files', async () => {
    expect((await failure(extractDocument(new Uint8Array(0)))).message).toMatch(/empty/);
    const pages = await makeDocx({ blocks: [], extraEntries: [{ name: 'Index/Document.iwa', data: new Uint8Array([1, 2, 3]) }] });
    // A .pages archive has no word/document.xml; rebuild one without it.
    const JSZip = (await import('jszip')).default;
    const zip = await JSZip.loadAsync(pages);
    zip.remove('word/document.xml');
    const f = await failure(extractDocument(await zip.generateAsync({ type: 'uint8array' }), { filename: 'cv.pages' }));
    expect(f.message).toMatch(/Pages.*not supported/);
    const big = await failure(extractDocument(new Uint8Array(10), { maxBytes: 5 }));
    expect(big.code).toBe('TOO_LARGE');
  });

  it('refuses an image whose header claims 30000×30000 pixels before decoding it', async () => {
    const png = new Uint8Array(33);
    png.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    new DataView(png.buffer).setUint32(16, 30000);
    new DataView(png.buffer).setUint32(20, 30000);
    let ocrCalled = false;
    const ocr: OcrEngine = {
      recognizeImage: () => {
        ocrCalled = true;
        return Promise.reject(new Error('must not be called'));
      },
      recognizePdfPage: () => Promise.reject(new Error('not used')),
      close: () => Promise.resolve(),
    };
    const f = await failure(extractDocument(png, { ocr }));
    expect(f.code).toBe('TOO_LARGE');
    expect(ocrCalled).toBe(false);
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    const f = await failure(extractDocument(makePdf([{ texts: [{ x: 40, y: 40, text: 'x' }] }]), { signal: controller.signal }));
    expect(f.code).toBe('CANCELLED');
  });
});
