import { afterEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { makeTestCore, TEST_PASSPHRASE } from '../../core/testing/harness.ts';
import { draftOutput, fakeReader } from '../../core/intake/fake-reader.ts';
import { docx, textPdf } from '../../core/intake/test-files.ts';
import type { CliIo, VaultAccess } from '../io.ts';
import { runImport, type ImportSummary } from './import.ts';

type T = ReturnType<typeof makeTestCore>;
let t: T | undefined;
let dir: string | undefined;
afterEach(async () => {
  await t?.cleanup();
  if (dir) rmSync(dir, { recursive: true, force: true });
  t = undefined;
  dir = undefined;
});

function capture() {
  const text = (stream: PassThrough) => {
    let out = '';
    stream.on('data', (c: Buffer) => (out += c.toString('utf8')));
    return () => out;
  };
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const io: CliIo = { stdin: new PassThrough(), stdout, stderr, env: {} };
  return { io, stdout: text(stdout), stderr: text(stderr) };
}

/** What the CLI router hands a command: the vault, unlocked (the command closes it when done). */
const access = (t: T): VaultAccess => ({
  vaultDir: t.vaultDir,
  openUnlocked: async () => {
    await unlocked(t);
    return t.core;
  },
  openCore: () => t.core,
  readPassphrase: async () => '',
});

async function unlocked(t: T) {
  if ((await t.call('vault.status', {})).state !== 'unlocked') await t.call('vault.unlock', { passphrase: TEST_PASSPHRASE });
}

function folder(files: Record<string, Buffer>): string {
  const root = mkdtempSync(join(tmpdir(), 'kandidat-import-'));
  for (const [path, bytes] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), bytes);
  }
  return root;
}

describe('kandidat import', () => {
  it('imports a folder recursively: creates, merges on an exact e-mail, skips duplicates, reports failures', async () => {
    const reader = fakeReader();
    const kariDraft = draftOutput({ name: 'Kari Nordmann', email: 'kari@example.no' });
    reader.scripts.set('kari.pdf', { kind: 'draft', output: kariDraft });
    reader.scripts.set('kari-kopi.pdf', { kind: 'draft', output: kariDraft });
    reader.scripts.set('ola.docx', { kind: 'draft', output: draftOutput({ name: 'Ola Nordmann', phone: 'ikke et nummer' }) });
    reader.scripts.set('per.pdf', {
      kind: 'draft',
      output: draftOutput({ name: 'Per R. Hansen', email: 'per@example.no', phone: '400 00 000' }),
    });
    reader.scripts.set('uten-navn.pdf', { kind: 'draft', output: draftOutput({ email: 'anon@example.no' }) });
    reader.scripts.set('brutt.pdf', {
      kind: 'fail',
      error: Object.assign(new Error('the PDF is damaged or incomplete and cannot be read'), { code: 'UNSUPPORTED_FILE' }),
    });
    t = makeTestCore({ intake: { reader, concurrency: 2 } });
    await t.createVault();
    const per = await t.call('candidates.create', { name: 'Per Hansen', emails: ['per@example.no'] });
    const kari = textPdf([['Kari']]);
    dir = folder({
      'a/kari.pdf': kari,
      'a/b/kari-kopi.pdf': kari,
      'ola.docx': docx(['Ola']),
      'per.pdf': textPdf([['Per']]),
      'uten-navn.pdf': textPdf([['Anon']]),
      'brutt.pdf': textPdf([['Brutt']]),
      '.DS_Store': Buffer.from('junk'),
    });
    const out = capture();
    const code = await runImport([dir, join(dir, 'finnes-ikke.pdf')], out.io, access(t));

    expect(out.stdout()).toBe(
      [
        'Imported: 2',
        'Merged with an existing candidate: 1',
        'Skipped as duplicates: 1',
        'Failed: 2',
        `  ${join(dir, 'finnes-ikke.pdf')}: No such file or folder.`,
        `  ${join(dir, 'brutt.pdf')}: The PDF is damaged or incomplete and cannot be read.`,
        'Waiting for review in the app: 1',
        `  ${join(dir, 'uten-navn.pdf')}: basics.name: A name is required`,
        '',
      ].join('\n'),
    );
    expect(code).toBe(1);
    expect(out.stderr()).toMatch(/\[#{24}\] 6\/6/);
    await unlocked(t);

    const list = await t.call('candidates.list', {});
    expect(list.items.map((c) => c.name).sort()).toEqual(['Kari Nordmann', 'Ola Nordmann', 'Per Hansen']);
    const merged = await t.call('candidates.get', { id: per.id });
    // Merged: the new phone is added, the name in the register stays.
    expect(merged).toMatchObject({ name: 'Per Hansen', phones: ['+4740000000'], emails: ['per@example.no'] });
    // Ola's unreadable phone was left out rather than blocking the CV.
    const ola = list.items.find((c) => c.name === 'Ola Nordmann')!;
    expect((await t.call('candidates.get', { id: ola.id })).phones).toEqual([]);
    // Folders are walked in name order: a/b/kari-kopi.pdf comes first, so a/kari.pdf is the copy.
    expect(reader.started.sort()).toEqual(['brutt.pdf', 'kari-kopi.pdf', 'ola.docx', 'per.pdf', 'uten-navn.pdf']);
  });

  it('prints the summary as JSON with --json, and a second run skips what is already in', async () => {
    const reader = fakeReader((input) => ({ kind: 'draft', output: draftOutput({ name: `Navn ${input.fileName.slice(0, 1).toUpperCase()}` }) }));
    t = makeTestCore({ intake: { reader } });
    await t.createVault();
    dir = folder({ 'x.pdf': textPdf([['X']]), 'y.pdf': textPdf([['Y']]) });
    const first = capture();
    expect(await runImport(['--json', dir], first.io, access(t))).toBe(0);
    const summary = JSON.parse(first.stdout()) as ImportSummary;
    expect(summary.imported.map((i) => i.file)).toEqual([join(dir, 'x.pdf'), join(dir, 'y.pdf')]);

    const second = capture();
    expect(await runImport(['--json', dir], second.io, access(t))).toBe(0);
    const again = JSON.parse(second.stdout()) as ImportSummary;
    expect(again.imported).toEqual([]);
    expect(again.duplicates).toEqual([
      { file: join(dir, 'x.pdf'), candidateId: summary.imported[0]!.candidateId },
      { file: join(dir, 'y.pdf'), candidateId: summary.imported[1]!.candidateId },
    ]);
  });

  it('needs at least one path', async () => {
    t = makeTestCore();
    const out = capture();
    await expect(runImport([], out.io, access(t))).rejects.toMatchObject({ exitCode: 64 });
  });

  it(
    'imports generated CVs through the real reader threads',
    async () => {
      t = makeTestCore();
      await t.createVault();
      dir = folder({
        'kari.pdf': textPdf([['Kari Nordmann', 'kari.nordmann@example.no', 'Telefon 912 34 567', '', 'Arbeidserfaring', '2019 - 2021 Rema 1000, Butikkmedarbeider']]),
        'ola.docx': docx(['Ola Nordmann', 'ola@example.no', 'Telefon 400 00 000']),
        'ødelagt.pdf': Buffer.from('%PDF-1.4\nnot really a pdf at all'),
      });
      const out = capture();
      expect(await runImport([dir], out.io, access(t))).toBe(1);
      await unlocked(t);
      expect(out.stdout()).toMatch(/^Imported: 2\nMerged with an existing candidate: 0\nSkipped as duplicates: 0\nFailed: 1\n {2}.*ødelagt\.pdf: The PDF is damaged/);
      const names = (await t.call('candidates.list', {})).items.map((c) => [c.name, c.email, c.phone]);
      expect(names).toEqual([
        ['Kari Nordmann', 'kari.nordmann@example.no', '+4791234567'],
        ['Ola Nordmann', 'ola@example.no', '+4740000000'],
      ]);
    },
    240_000,
  );
});
