import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeDocx, makePdf } from '../../core/intake/extract/fixtures.ts';
import { runParse } from './parse.ts';

function capture(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

async function run(args: string[]): Promise<{ code: number; lines: unknown[]; stdout: string; stderr: string }> {
  const out = capture();
  const err = capture();
  const code = await runParse(args, { stdout: out.stream, stderr: err.stream });
  const stdout = out.text();
  return { code, stdout, stderr: err.text(), lines: stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as unknown) };
}

describe('kandidat parse', () => {
  let dir = '';
  // Invented people; the files live in a temp folder the test removes.
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'kandidat-parse-'));
    await writeFile(
      path.join(dir, 'a.pdf'),
      makePdf([
        {
          texts: [
            { x: 40, y: 40, text: 'Ola Fjeldstad', size: 22, bold: true },
            { x: 40, y: 66, text: 'Telefon: 922 33 444 · ola@example.no', size: 10 },
            { x: 40, y: 100, text: 'Erfaring', size: 13, bold: true },
            { x: 40, y: 118, text: 'Sjåfør – Frakt AS', size: 10, bold: true },
            { x: 40, y: 131, text: '03.2018 – nå', size: 9 },
          ],
        },
      ]),
    );
    await writeFile(path.join(dir, 'b.docx'), await makeDocx({ blocks: [{ heading: 'Mona Lie', level: 1 }, { paragraph: 'mona@example.no' }] }));
    await writeFile(path.join(dir, 'broken.pdf'), '%PDF-1.7\nthis is not really a pdf');
    await writeFile(path.join(dir, 'old.doc'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('prints one JSON Resume per file, in order, with an error line for each file that fails', async () => {
    const files = ['a.pdf', 'broken.pdf', 'b.docx', 'old.doc', 'missing.pdf'].map((f) => path.join(dir, f));
    const { code, lines, stdout } = await run([...files, '--no-ocr']);
    expect(code).toBe(0);
    expect(stdout.endsWith('\n')).toBe(true);
    expect(lines).toHaveLength(5);
    expect(lines[0]).toMatchObject({
      basics: { name: 'Ola Fjeldstad', phone: '+4792233444', email: 'ola@example.no' },
      work: [{ name: 'Frakt AS', position: 'Sjåfør', startDate: '2018-03' }],
    });
    expect(lines[1]).toEqual({ error: expect.stringMatching(/^broken\.pdf: .*damaged|^broken\.pdf: .*cannot be read/) });
    expect(lines[2]).toMatchObject({ basics: { name: 'Mona Lie', email: 'mona@example.no' } });
    expect(lines[3]).toEqual({ error: expect.stringMatching(/old\.doc: .*not supported — save it as PDF or DOCX/) });
    expect(lines[4]).toEqual({ error: 'missing.pdf: no such file' });
  });

  it('puts confidence and source per field in meta, which the schema allows', async () => {
    const { lines } = await run([path.join(dir, 'a.pdf'), '--no-ocr']);
    const meta = (lines[0] as { meta: { kandidat: { fields: Record<string, { confidence: number }>; language: string } } }).meta.kandidat;
    expect(meta.fields['basics.phone']?.confidence).toBeGreaterThan(0.5);
    expect(meta.language).toBe('nb');
  });

  it('fails with usage on no files or an unknown option', async () => {
    expect((await run([])).code).toBe(64);
    const bad = await run(['--frobnicate', 'x.pdf']);
    expect(bad.code).toBe(64);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/unknown option/);
  });
});
