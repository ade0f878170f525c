import { afterEach, describe, expect, it } from 'vitest';
import { createCanvas } from '@napi-rs/canvas';
import { makeTestCore } from '../testing/harness.ts';
import type { IntakeFailureCode, IntakeProgress } from '../../../shared/contract/index.ts';
import { docx, docxBomb, oldWordDoc, pngClaiming, textPdf } from './test-files.ts';
import { waitForJobs } from './test-support.ts';

/**
 * The real reader threads. Hostile and broken files each fail alone with a clear
 * reason; nothing crashes; the rest of the batch is read. Starting a thread loads
 * pdf.js through tsx, which is slow on a busy machine: hence the long time limits.
 */
type T = ReturnType<typeof makeTestCore>;
let t: T | undefined;
afterEach(async () => {
  await t?.cleanup();
  t = undefined;
});

const b64 = (b: Buffer) => b.toString('base64');
const SLOW = 240_000;

const CV = [
  'Kari Nordmann',
  'E-post: kari.nordmann@example.no',
  'Telefon: 912 34 567',
  '',
  'Arbeidserfaring',
  '2019 - 2021 Rema 1000, Butikkmedarbeider',
  '',
  'Utdanning',
  '2015 - 2018 Universitetet i Bergen, Bachelor i informatikk',
];

describe('reader threads', () => {
  it(
    'ends a thread stuck in a loop at the time limit, one that runs out of memory, one that exits; the rest are read',
    async () => {
      t = makeTestCore({
        intake: { pipelineUrl: new URL('./fake-pipeline.ts', import.meta.url).href, concurrency: 2, readerHeapMb: 48 },
      });
      await t.createVault();
      const file = (name: string) => ({ name, bytes: b64(textPdf([[name]])) });
      const { jobs } = await t.call('intake.submit', { files: [file('spin.pdf'), file('a.pdf'), file('oom.pdf'), file('exit.pdf'), file('b.pdf')] });
      const [spin, a, oom, exit, b] = jobs.map((j) => j.id) as [string, string, string, string, string];
      // The stuck file holds one thread; the other thread works through the rest.
      const first = await waitForJobs(t, [a, oom, exit, b]);
      expect(first.get(a)!.state).toBe('review');
      expect(first.get(b)!.state).toBe('review');
      expect(first.get(oom)).toMatchObject({ state: 'failed', reasonCode: 'outOfMemory' });
      expect(first.get(exit)).toMatchObject({ state: 'failed', reasonCode: 'crashed', reason: 'The reader stopped unexpectedly on this file.' });
      expect((await t.call('intake.get', { jobId: spin })).state).toBe('reading');

      t.clock.advance(90_000);
      const stuck = await waitForJobs(t, [spin]);
      expect(stuck.get(spin)).toMatchObject({ state: 'failed', reasonCode: 'timeout' });

      // Both slots work again, with fresh threads where the old ones were ended.
      const more = await t.call('intake.submit', { files: [file('c.pdf'), file('d.pdf')] });
      const after = await waitForJobs(t, more.jobs.map((j) => j.id));
      expect([...after.values()].map((j) => j.state)).toEqual(['review', 'review']);
    },
    SLOW,
  );
});

describe('the real pipeline on generated files', () => {
  it(
    'reads a text PDF and a DOCX into drafts beside truncated, corrupt, encrypted, bomb, empty, huge and misnamed files',
    async () => {
      t = makeTestCore();
      await t.createVault();
      const pdf = textPdf([CV, CV, CV]);
      const files: [string, Buffer][] = [
        ['kari.pdf', textPdf([CV])],
        ['ola.docx', docx(['Ola Nordmann', 'ola@example.no', 'Telefon 400 00 000', 'Erfaring', '2018–nå Kiwi, Kassemedarbeider'])],
        ['avkuttet.pdf', pdf.subarray(0, Math.floor(pdf.length * 0.6))],
        ['ødelagt.pdf', Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 7919) % 251))])],
        ['passord.pdf', textPdf([CV], { encrypt: true })],
        ['bombe.docx', await docxBomb(100)],
        ['løgnbombe.docx', await docxBomb(100, true)],
        ['tom.pdf', Buffer.alloc(0)],
        ['kjempe.png', pngClaiming(30_000, 30_000)],
        ['gammel.pdf', oldWordDoc()],
        ['per.docx', textPdf([['Per Persen', 'per.persen@example.no']])],
        ['lang.pdf', textPdf(Array.from({ length: 21 }, (_, i) => [`Side ${i + 1}`]))],
      ];
      const { jobs } = await t.call('intake.submit', { files: files.map(([name, bytes]) => ({ name, bytes: b64(bytes) })) });
      const done = await waitForJobs(t, jobs.map((j) => j.id));
      const byName = new Map(jobs.map((j) => [j.fileName, done.get(j.id)!]));
      const failed = (name: string, code: IntakeFailureCode, reason: RegExp) => {
        const job = byName.get(name)!;
        expect(job.state, name).toBe('failed');
        expect(job.reasonCode, name).toBe(code);
        expect(job.reason, name).toMatch(reason);
      };
      failed('avkuttet.pdf', 'damaged', /damaged|incomplete/);
      failed('ødelagt.pdf', 'damaged', /damaged/);
      failed('passord.pdf', 'encrypted', /password/);
      failed('bombe.docx', 'zipBomb', /ZIP bomb/);
      failed('løgnbombe.docx', 'zipBomb', /ZIP bomb/);
      failed('tom.pdf', 'empty', /empty/);
      failed('kjempe.png', 'imageTooLarge', /30000×30000/);
      failed('gammel.pdf', 'unsupported', /old Word.*save it as PDF or DOCX/);
      failed('lang.pdf', 'tooManyPages', /21 pages; the limit is 20/);
      for (const name of ['kari.pdf', 'ola.docx', 'per.docx']) expect(byName.get(name)!.state, name).toBe('review');

      // All the way into the register.
      const kari = byName.get('kari.pdf')!;
      const draft = await t.call('intake.getDraft', { jobId: kari.id });
      expect(draft.resume.basics).toMatchObject({ name: 'Kari Nordmann', email: 'kari.nordmann@example.no' });
      expect(draft.pages[0]).toMatchObject({ number: 1, source: 'text' });
      expect(draft.fields['basics.email']?.source?.page).toBe(1);
      const { candidate } = await t.call('candidates.createFromDraft', { jobId: kari.id, resume: draft.resume });
      expect(candidate).toMatchObject({ name: 'Kari Nordmann', emails: ['kari.nordmann@example.no'], phones: ['+4791234567'] });
      const profile = await t.call('candidates.profile', { id: candidate.id });
      expect(profile.resume?.work?.[0]).toMatchObject({ name: 'Rema 1000', position: 'Butikkmedarbeider' });
      expect(byName.get('per.docx')!.format).toBe('pdf');
    },
    SLOW,
  );

  it(
    'reads a photographed CV through OCR in the reader thread, reporting OCR page 1 of 1',
    async () => {
      t = makeTestCore();
      await t.createVault();
      const canvas = createCanvas(1240, 1754);
      const g = canvas.getContext('2d');
      g.fillStyle = 'white';
      g.fillRect(0, 0, 1240, 1754);
      g.fillStyle = 'black';
      g.font = '40px sans-serif';
      CV.slice(0, 6).forEach((line, i) => g.fillText(line, 120, 200 + i * 60));
      const states: string[] = [];
      t.core.events.on((name, p) => {
        if (name === 'intake.progress') states.push(`${(p as IntakeProgress).state} ${(p as IntakeProgress).page}/${(p as IntakeProgress).pages}`);
      });
      const { jobs } = await t.call('intake.submit', { files: [{ name: 'foto.png', bytes: b64(canvas.toBuffer('image/png')) }] });
      const done = await waitForJobs(t, [jobs[0]!.id]);
      expect(done.get(jobs[0]!.id)!.state).toBe('review');
      expect(states).toContain('ocr 1/1');
      const draft = await t.call('intake.getDraft', { jobId: jobs[0]!.id });
      expect(draft.resume.basics).toMatchObject({ name: 'Kari Nordmann', email: 'kari.nordmann@example.no', phone: '+4791234567' });
      expect(draft.pages).toEqual([expect.objectContaining({ number: 1, source: 'ocr' })]);
    },
    SLOW,
  );
});
