import { afterEach, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTestCore, TEST_PASSPHRASE } from '../testing/harness.ts';
import type { IntakeJob, IntakeProgress } from '../../../shared/contract/index.ts';
import { draftOutput, fakeReader, type FakeReader } from './fake-reader.ts';
import { docx, oldWordDoc, textPdf, zip } from './test-files.ts';
import { waitForJobs as until } from './test-support.ts';

type T = ReturnType<typeof makeTestCore>;
let t: T;
let others: T[] = [];
afterEach(async () => {
  await t?.cleanup();
  for (const o of others) await o.cleanup();
  others = [];
});

const b64 = (b: Buffer) => b.toString('base64');
/** A distinct small PDF per name, so each has its own SHA-256. */
const pdfFile = (name: string, extra = '') => ({ name, bytes: b64(textPdf([[`CV ${name} ${extra}`]])) });

function record(t: T): IntakeProgress[] {
  const seen: IntakeProgress[] = [];
  t.core.events.on((name, payload) => {
    if (name === 'intake.progress') seen.push(payload as IntakeProgress);
  });
  return seen;
}

async function setup(reader: FakeReader, concurrency = 2): Promise<T> {
  const core = makeTestCore({ intake: { reader, concurrency } });
  await core.createVault();
  return core;
}

describe('intake: storing and queueing', () => {
  it('stores the original encrypted with its job before reading, and keeps it readable', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const reader = fakeReader();
    t = await setup(reader);
    const marker = 'Unik-Markør-Solveig-Ødegård';
    const file = textPdf([[marker]]);
    reader.scripts.set('cv.pdf', { kind: 'wait', until: gate, output: draftOutput({ name: 'Solveig Ødegård' }) });
    const { jobs } = await t.call('intake.submit', { files: [{ name: 'cv.pdf', bytes: b64(file), type: 'application/pdf' }] });
    const job = jobs[0]!;
    expect(job).toMatchObject({ fileName: 'cv.pdf', format: 'pdf', size: file.length, state: 'queued' });
    expect(job.sha256).toMatch(/^[0-9a-f]{64}$/);
    // Stored before the reader finished: the original is there, and no file holds it in the clear.
    const original = await t.call('intake.getOriginal', { jobId: job.id });
    expect(original.mime).toBe('application/pdf');
    expect(Buffer.from(original.base64, 'base64').equals(file)).toBe(true);
    for (const f of readdirSync(t.vaultDir)) {
      expect(readFileSync(join(t.vaultDir, f)).includes(Buffer.from(marker, 'latin1'))).toBe(false);
    }
    release();
    const done = await until(t, [job.id]);
    expect(done.get(job.id)!.state).toBe('review');
  });

  it('recognises the same file dropped again, pointing at the earlier job and then its candidate', async () => {
    const reader = fakeReader(() => ({ kind: 'draft', output: draftOutput({ name: 'Kari Nordmann', email: 'kari@example.no' }) }));
    t = await setup(reader);
    const file = pdfFile('kari.pdf');
    const first = (await t.call('intake.submit', { files: [file] })).jobs[0]!;
    const again = (await t.call('intake.submit', { files: [{ ...file, name: 'kari (1).pdf' }] })).jobs[0]!;
    expect(again.state).toBe('duplicate');
    expect(again.duplicateOf).toEqual({ jobId: first.id, candidateId: null });
    expect(again.reason).toMatch(/same file/i);
    await until(t, [first.id]);
    const draft = await t.call('intake.getDraft', { jobId: first.id });
    const { candidate } = await t.call('candidates.createFromDraft', { jobId: first.id, resume: draft.resume });
    const third = (await t.call('intake.submit', { files: [file] })).jobs[0]!;
    expect(third.duplicateOf).toEqual({ jobId: first.id, candidateId: candidate.id });
    expect(reader.started).toEqual(['kari.pdf']);
  });

  it('refuses per file, with a clear reason, what it cannot read; the rest go on', async () => {
    const reader = fakeReader(() => ({ kind: 'draft', output: draftOutput({ name: 'Ola Nordmann' }) }));
    t = await setup(reader);
    const pages = zip([{ name: 'Index/Document.iwa', data: Buffer.from('x') }]);
    const { jobs } = await t.call('intake.submit', {
      files: [
        { name: 'tom.pdf', bytes: '' },
        { name: 'stor.pdf', size: 30 * 1024 * 1024 },
        { name: 'gammel.pdf', bytes: b64(oldWordDoc()) },
        { name: 'cv.pages', bytes: b64(pages) },
        { name: 'notat.txt', bytes: b64(Buffer.from('Ola Nordmann\nTelefon 912 34 567\n')) },
        pdfFile('god.pdf'),
        { name: 'word-som-pdf.pdf', bytes: b64(docx(['Ola Nordmann'])) },
      ],
    });
    const [empty, large, doc, pagesJob, txt, good, renamed] = jobs;
    expect(empty).toMatchObject({ state: 'failed', reasonCode: 'empty', reason: 'The file is empty (0 bytes).' });
    expect(large).toMatchObject({ state: 'failed', reasonCode: 'tooLarge', reason: 'The file is 30 MB; the limit is 25 MB.' });
    expect(doc).toMatchObject({ state: 'failed', reasonCode: 'unsupported' });
    expect(doc!.reason).toMatch(/old Word \(\.doc\).*not supported — save it as PDF or DOCX\.$/);
    expect(pagesJob!.reason).toMatch(/Pages.*not supported — save it as PDF or DOCX/);
    expect(txt).toMatchObject({ state: 'failed', reasonCode: 'unsupported' });
    // Refused files are not stored; the format comes from the bytes, not the name.
    expect((await t.fail('intake.getOriginal', { jobId: doc!.id })).code).toBe('NOT_FOUND');
    expect(renamed).toMatchObject({ format: 'docx', state: 'queued' });
    const done = await until(t, [good!.id, renamed!.id]);
    expect(done.get(good!.id)!.state).toBe('review');
    expect(done.get(renamed!.id)!.state).toBe('review');
  });

  it('refuses a call that carries too much at once, and more than 25 MB in one file', async () => {
    t = await setup(fakeReader());
    const big = 'A'.repeat(Math.ceil((25 * 1024 * 1024 + 3) / 3) * 4);
    const error = await t.fail('intake.submit', { files: [{ name: 'x.pdf', bytes: big }] });
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toMatch(/25 MB/);
  });

  it('reports every change as an event, with OCR page x of y, and lists jobs newest first', async () => {
    const reader = fakeReader();
    t = await setup(reader, 1);
    reader.scripts.set('skann.pdf', { kind: 'draft', output: draftOutput({ name: 'Per Hansen' }), pages: 3, ocr: true });
    reader.scripts.set('annen.pdf', { kind: 'draft', output: draftOutput({ name: 'Anne Berg' }) });
    const seen = record(t);
    const { jobs } = await t.call('intake.submit', { files: [pdfFile('skann.pdf'), pdfFile('annen.pdf')] });
    await until(t, jobs.map((j) => j.id));
    const scan = seen.filter((e) => e.jobId === jobs[0]!.id).map((e) => [e.state, e.page, e.pages]);
    expect(scan).toEqual([
      ['queued', null, null],
      ['reading', null, null],
      ['reading', 1, 3],
      ['ocr', 1, 3],
      ['ocr', 2, 3],
      ['ocr', 3, 3],
      ['parsing', null, 3],
      ['review', null, 3],
    ]);
    const list = await t.call('intake.list', {});
    expect(list.items.map((j) => j.fileName)).toEqual(['annen.pdf', 'skann.pdf']);
    expect(list.counts.review).toBe(2);
    expect(list.items[0]).toMatchObject({ draftName: 'Anne Berg', possibleDuplicates: 0, minConfidence: 0.95 });
    expect(JSON.stringify(list)).not.toMatch(/base64|JVBER/); // no bytes in the list
    expect((await t.call('intake.list', { states: ['failed'] })).items).toEqual([]);
  });

  it('a broken file fails alone with its reason; the others reach review', async () => {
    const reader = fakeReader(() => ({ kind: 'draft', output: draftOutput({ name: 'Liv Lie' }) }));
    reader.scripts.set('brutt.pdf', {
      kind: 'fail',
      error: Object.assign(new Error('the PDF is damaged or incomplete and cannot be read'), { code: 'UNSUPPORTED_FILE' }),
    });
    t = await setup(reader);
    const { jobs } = await t.call('intake.submit', { files: [pdfFile('a.pdf'), pdfFile('brutt.pdf'), pdfFile('c.pdf')] });
    const done = await until(t, jobs.map((j) => j.id));
    expect(done.get(jobs[1]!.id)).toMatchObject({
      state: 'failed',
      reasonCode: 'damaged',
      reason: 'The PDF is damaged or incomplete and cannot be read.',
    });
    expect([done.get(jobs[0]!.id)!.state, done.get(jobs[2]!.id)!.state]).toEqual(['review', 'review']);
  });

  it('stops a file that makes no progress within the time limit, and goes on with the next', async () => {
    const reader = fakeReader(() => ({ kind: 'draft', output: draftOutput({ name: 'Liv Lie' }) }));
    reader.scripts.set('heng.pdf', { kind: 'hang' });
    t = await setup(reader, 1);
    const { jobs } = await t.call('intake.submit', { files: [pdfFile('heng.pdf'), pdfFile('neste.pdf')] });
    await until(t, [jobs[0]!.id], ['reading']);
    t.clock.advance(90_000);
    const done = await until(t, jobs.map((j) => j.id));
    expect(done.get(jobs[0]!.id)).toMatchObject({ state: 'failed', reasonCode: 'timeout' });
    expect(done.get(jobs[0]!.id)!.reason).toMatch(/took too long/);
    expect(done.get(jobs[1]!.id)!.state).toBe('review');
    expect(reader.aborted).toEqual(['heng.pdf']);
  });

  it('cancels a queued file, a file being read, and a draft; retry puts it back', async () => {
    const reader = fakeReader(() => ({ kind: 'draft', output: draftOutput({ name: 'Liv Lie' }) }));
    reader.scripts.set('treg.pdf', { kind: 'hang' });
    t = await setup(reader, 1);
    const { jobs } = await t.call('intake.submit', { files: [pdfFile('treg.pdf'), pdfFile('kø.pdf')] });
    const [slow, queued] = jobs as [IntakeJob, IntakeJob];
    await until(t, [slow.id], ['reading']);
    expect((await t.call('intake.cancel', { jobId: queued.id })).state).toBe('cancelled');
    expect((await t.call('intake.cancel', { jobId: slow.id })).state).toBe('cancelled');
    expect(reader.aborted).toEqual(['treg.pdf']);
    expect(reader.started).toEqual(['treg.pdf']);
    // Retry: the queued one is read now.
    await t.call('intake.retry', { jobId: queued.id });
    await until(t, [queued.id], ['review']);
    const discarded = await t.call('intake.cancel', { jobId: queued.id });
    expect(discarded.state).toBe('cancelled');
    expect((await t.fail('intake.getDraft', { jobId: queued.id })).code).toBe('CONFLICT');
    expect((await t.fail('intake.cancel', { jobId: 'nope' })).code).toBe('NOT_FOUND');
    // Dismissed rows go, with originals nothing else uses.
    expect(await t.call('intake.dismiss', { jobIds: [slow.id, queued.id] })).toEqual({ removed: 2 });
    expect((await t.fail('intake.getOriginal', { jobId: slow.id })).code).toBe('NOT_FOUND');
  });

  it('reads 500 files a few at a time, never holding them all', async () => {
    const reader = fakeReader((input) => ({ kind: 'draft', output: draftOutput({ name: `Kandidat ${input.fileName}` }) }));
    t = await setup(reader, 3);
    const ids: string[] = [];
    for (let batch = 0; batch < 10; batch++) {
      const files = Array.from({ length: 50 }, (_, i) => pdfFile(`cv-${batch}-${i}.pdf`));
      ids.push(...(await t.call('intake.submit', { files })).jobs.map((j) => j.id));
    }
    await until(t, ids);
    const list = await t.call('intake.list', { limit: 1000 });
    expect(list.counts.review).toBe(500);
    expect(reader.maxActive).toBeLessThanOrEqual(3);
    expect(reader.started).toHaveLength(500);
    // Oldest first through the queue.
    expect(reader.started[0]).toBe('cv-0-0.pdf');
    expect(reader.started.at(-1)).toBe('cv-9-49.pdf');
  });
});

describe('intake: the queue survives a restart', () => {
  it('resumes jobs that were queued or being read when the app closed', async () => {
    const first = fakeReader(() => ({ kind: 'hang' }));
    t = await setup(first, 1);
    const { jobs } = await t.call('intake.submit', { files: [pdfFile('a.pdf'), pdfFile('b.pdf'), pdfFile('c.pdf')] });
    await until(t, [jobs[0]!.id], ['reading']);
    await t.core.close();

    const second = fakeReader(() => ({ kind: 'draft', output: draftOutput({ name: 'Etter Omstart' }) }));
    const t2 = makeTestCore({ vaultDir: t.vaultDir, intake: { reader: second, concurrency: 1 } });
    others.push(t2);
    await t2.call('vault.unlock', { passphrase: TEST_PASSPHRASE });
    const done = await until(t2, jobs.map((j) => j.id));
    expect([...done.values()].map((j) => j.state)).toEqual(['review', 'review', 'review']);
    expect(second.started).toEqual(['a.pdf', 'b.pdf', 'c.pdf']);
  });

  it('resumes after a lock, and gives up on a file that keeps interrupting the app', async () => {
    const reader = fakeReader(() => ({ kind: 'hang' }));
    t = await setup(reader, 1);
    const { jobs } = await t.call('intake.submit', { files: [pdfFile('seig.pdf')] });
    const id = jobs[0]!.id;
    for (let i = 0; i < 2; i++) {
      await until(t, [id], ['reading']);
      await t.call('vault.lock', {});
      await t.call('vault.unlock', { passphrase: TEST_PASSPHRASE });
    }
    await until(t, [id], ['reading']);
    await t.call('vault.lock', {});
    await t.call('vault.unlock', { passphrase: TEST_PASSPHRASE });
    const job = await t.call('intake.get', { jobId: id });
    expect(job).toMatchObject({ state: 'failed', reasonCode: 'crashed' });
    expect(reader.started).toEqual(['seig.pdf', 'seig.pdf', 'seig.pdf']);
  });
});

describe('intake: review and confirmation', () => {
  async function reviewed(t: T, reader: FakeReader, name: string, spec: Parameters<typeof draftOutput>[0]) {
    reader.scripts.set(name, { kind: 'draft', output: draftOutput(spec) });
    const job = (await t.call('intake.submit', { files: [pdfFile(name)] })).jobs[0]!;
    await until(t, [job.id]);
    return job;
  }

  it('shows the draft with evidence, masked national ids and duplicate suspects (æ/ø/å folded)', async () => {
    const reader = fakeReader();
    t = await setup(reader);
    const a = await t.call('candidates.create', { name: 'Bjørn Åsen', emails: ['bjorn@example.no'], birthDate: '1990-01-01' });
    const b = await t.call('candidates.create', { name: 'Kari Nordmann', phones: ['912 34 567'] });
    const c = await t.call('candidates.create', { name: 'Bjørn Åsen', birthDate: '1975-05-05' });
    const job = await reviewed(t, reader, 'cv.pdf', {
      name: 'Bjoern Aasen',
      email: 'BJORN@example.no',
      phone: '+47 912 34 567',
      birthDate: '1990-01-01',
      nationalId: '01019012345',
    });
    const draft = await t.call('intake.getDraft', { jobId: job.id });
    expect(draft.resume.basics?.name).toBe('Bjoern Aasen');
    expect(draft.fields['basics.email']).toMatchObject({ confidence: 0.95, source: { page: 1 } });
    expect(draft.nationalIds).toEqual([{ kind: 'fodselsnummer', masked: '010190 *****', source: expect.any(Object) }]);
    expect(JSON.stringify(draft)).not.toContain('01019012345');
    expect(draft.pages).toEqual([{ number: 1, width: 595, height: 842, source: 'text' }]);
    const byId = Object.fromEntries(draft.duplicates.map((d) => [d.candidateId, d.reasons]));
    expect(byId[a.id]).toEqual(['email', 'nameAndBirthDate']);
    expect(byId[b.id]).toEqual(['phone']);
    // Same name, another birth date: a namesake, not offered.
    expect(byId[c.id]).toBeUndefined();
    expect((await t.call('intake.get', { jobId: job.id })).possibleDuplicates).toBe(2);
  });

  it('creates the candidate with its profile and document; the national id is not kept, and that is logged', async () => {
    const reader = fakeReader();
    t = await setup(reader);
    const job = await reviewed(t, reader, 'cv.pdf', {
      name: 'Kari Nordmann',
      email: 'kari@example.no',
      phone: '912 34 567',
      city: 'Bergen',
      nationalId: '01019012345',
      work: [{ name: 'Rema 1000', position: 'Butikkmedarbeider', startDate: '2019-08' }],
      skills: [{ name: 'Truck' }],
    });
    const draft = await t.call('intake.getDraft', { jobId: job.id });
    const corrected = { ...draft.resume, basics: { ...draft.resume.basics, label: 'Butikkmedarbeider' } };
    const changed: string[] = [];
    t.core.events.on((name, p) => name === 'candidates.changed' && changed.push((p as { id: string }).id));
    const { candidate, job: accepted } = await t.call('candidates.createFromDraft', { jobId: job.id, resume: corrected });
    expect(candidate).toMatchObject({
      name: 'Kari Nordmann',
      emails: ['kari@example.no'],
      phones: ['+4791234567'],
      address: { city: 'Bergen', country: 'NO' },
    });
    expect(accepted).toMatchObject({ state: 'accepted', outcome: 'created', candidateId: candidate.id, autoAccepted: false });
    expect(changed).toEqual([candidate.id]);
    const profile = await t.call('candidates.profile', { id: candidate.id });
    expect(profile.resume).toEqual({
      basics: { label: 'Butikkmedarbeider' },
      work: [{ name: 'Rema 1000', position: 'Butikkmedarbeider', startDate: '2019-08' }],
      skills: [{ name: 'Truck' }],
    });
    expect(profile.documents).toEqual([expect.objectContaining({ jobId: job.id, fileName: 'cv.pdf', format: 'pdf' })]);
    expect(profile.nationalIdKept).toBe(false);
    const history = await t.call('candidates.history', { id: candidate.id });
    expect(history.map((h) => h.action)).toContain('nationalIdDiscarded');
    expect(JSON.stringify(history)).not.toContain('01019012345');
    // Confirmed once only.
    expect((await t.fail('candidates.createFromDraft', { jobId: job.id, resume: corrected })).code).toBe('CONFLICT');
  });

  it('keeps the national id only when asked, in the protected field, logging the choice without digits', async () => {
    const reader = fakeReader();
    t = await setup(reader);
    const job = await reviewed(t, reader, 'cv.pdf', { name: 'Ola Nordmann', nationalId: '01019012345' });
    const draft = await t.call('intake.getDraft', { jobId: job.id });
    const { candidate } = await t.call('candidates.createFromDraft', { jobId: job.id, resume: draft.resume, keepNationalId: true });
    expect((await t.call('candidates.profile', { id: candidate.id })).nationalIdKept).toBe(true);
    const history = await t.call('candidates.history', { id: candidate.id });
    expect(history.find((h) => (h.action as string) === 'nationalIdKept')).toBeTruthy();
    expect(JSON.stringify(history)).not.toMatch(/01019012345|12345/);
    expect(JSON.stringify(await t.call('candidates.get', { id: candidate.id }))).not.toContain('01019012345');
    // Nothing to keep when none was found.
    const other = await reviewed(t, reader, 'uten.pdf', { name: 'Per Uten' });
    const d2 = await t.call('intake.getDraft', { jobId: other.id });
    expect((await t.fail('candidates.createFromDraft', { jobId: other.id, resume: d2.resume, keepNationalId: true })).code).toBe(
      'VALIDATION',
    );
  });

  it('points a correction that does not validate at the resume field', async () => {
    const reader = fakeReader();
    t = await setup(reader);
    const job = await reviewed(t, reader, 'cv.pdf', { name: 'Ola Nordmann' });
    const error = await t.fail('candidates.createFromDraft', {
      jobId: job.id,
      resume: { basics: { name: 'Ola Nordmann', email: 'ikke en adresse' } },
    });
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toMatch(/^basics\.email:/);
    expect((await t.fail('candidates.createFromDraft', { jobId: job.id, resume: { basics: {} } })).message).toMatch(/basics\.name/);
  });

  it('merges into an existing candidate field by field, after a preview; a stale preview conflicts', async () => {
    const reader = fakeReader();
    t = await setup(reader);
    const existing = await t.call('candidates.create', { name: 'Kari Nordmann', emails: ['kari@example.no'] });
    const job = await reviewed(t, reader, 'ny-cv.pdf', {
      name: 'Kari Nordmann-Berg',
      email: 'kari@example.no',
      phone: '912 34 567',
      birthDate: '1990-02-03',
      work: [{ name: 'Kiwi', position: 'Kassemedarbeider' }],
    });
    const preview = await t.call('intake.mergePreview', { jobId: job.id, candidateId: existing.id });
    const field = (f: string) => preview.fields.find((x) => x.field === f)!;
    expect(preview.candidate).toEqual({ id: existing.id, name: 'Kari Nordmann', version: 1 });
    expect(field('name')).toMatchObject({ current: 'Kari Nordmann', incoming: 'Kari Nordmann-Berg', differs: true, suggested: false });
    expect(field('emails')).toMatchObject({ mode: 'add', differs: false, suggested: false });
    expect(field('phones')).toMatchObject({ mode: 'add', merged: ['+4791234567'], suggested: true });
    expect(field('birthDate')).toMatchObject({ current: null, incoming: '1990-02-03', suggested: true });
    expect(field('work')).toMatchObject({ current: [], merged: [{ name: 'Kiwi', position: 'Kassemedarbeider' }], suggested: true });

    await t.call('candidates.update', { id: existing.id, version: 1, patch: { notes: 'ringt' } });
    const stale = await t.fail('candidates.mergeDraft', { jobId: job.id, candidateId: existing.id, version: 1, fields: ['phones'] });
    expect(stale.code).toBe('CONFLICT');

    const { candidate, job: merged } = await t.call('candidates.mergeDraft', {
      jobId: job.id,
      candidateId: existing.id,
      version: 2,
      fields: ['phones', 'birthDate', 'work'],
    });
    expect(candidate).toMatchObject({ name: 'Kari Nordmann', phones: ['+4791234567'], birthDate: '1990-02-03', notes: 'ringt' });
    expect(merged).toMatchObject({ state: 'accepted', outcome: 'merged', candidateId: existing.id });
    const profile = await t.call('candidates.profile', { id: existing.id });
    expect(profile.resume?.work).toEqual([{ name: 'Kiwi', position: 'Kassemedarbeider' }]);
    expect(profile.documents).toHaveLength(1);
  });

  it('accepts without review only when switched on, every field is sure and no duplicate is suspected', async () => {
    const reader = fakeReader();
    t = await setup(reader);
    expect(await t.call('intake.getSettings', {})).toEqual({ autoAccept: false, autoAcceptThreshold: 0.9 });
    const off = await reviewed(t, reader, 'av.pdf', { name: 'Av Knapp', confidence: 0.99 });
    expect((await t.call('intake.get', { jobId: off.id })).state).toBe('review');

    expect(await t.call('intake.updateSettings', { autoAccept: true, autoAcceptThreshold: 0.8 })).toEqual({
      autoAccept: true,
      autoAcceptThreshold: 0.8,
    });
    const sure = await reviewed(t, reader, 'sikker.pdf', { name: 'Sikker Sak', email: 'sikker@example.no', confidence: 0.85 });
    const unsure = await reviewed(t, reader, 'usikker.pdf', { name: 'Usikker Sak', confidence: 0.7 });
    const twin = await reviewed(t, reader, 'tvilling.pdf', { name: 'Annen Person', email: 'sikker@example.no', confidence: 0.95 });
    const accepted = await until(t, [sure.id], ['accepted']);
    expect(accepted.get(sure.id)).toMatchObject({ outcome: 'created', autoAccepted: true });
    expect((await t.call('intake.get', { jobId: unsure.id })).state).toBe('review');
    expect((await t.call('intake.get', { jobId: twin.id })).state).toBe('review');
    expect((await t.fail('intake.updateSettings', { autoAcceptThreshold: 0.2 })).code).toBe('VALIDATION');
  });
});
