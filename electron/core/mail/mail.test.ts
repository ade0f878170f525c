import { afterEach, describe, expect, it } from 'vitest';
import { MAX_ATTACHMENT_BYTES } from '../../../shared/contract/index.ts';
import { makeTestCore } from '../testing/harness.ts';
import { eml, msg } from './testing/messages.ts';

let t: ReturnType<typeof makeTestCore>;
afterEach(async () => {
  await t?.cleanup();
});

async function ready() {
  t = makeTestCore({ retention: { firstDelayMs: 1e13 } });
  await t.createVault();
  const ase = await t.call('candidates.create', { name: 'Åse Ødegård', emails: ['ase@example.no'] });
  const bjorn = await t.call('candidates.create', { name: 'Bjørn Lie', emails: ['Bjorn.Lie@example.no'] });
  return { ase, bjorn };
}

const file = (fileName: string, bytes: Buffer) => ({ fileName, bytes: bytes.toString('base64') });
const pdf = Buffer.from('%PDF-1.4\nAttest fra Fjordlager AS\n%%EOF\n');

describe('dropped e-mail', () => {
  it('logs an .eml on the candidate it is dropped onto, with its attachment stored and readable, once', async () => {
    const { ase } = await ready();
    const message = eml({
      from: 'Åse Ødegård <ase@example.no>',
      to: ['kari@byraa.no'],
      subject: 'Søknad: lagermedarbeider',
      text: 'Hei! Jeg har truckførerbevis og kan begynne straks.',
      messageId: 'soknad-1@example.no',
      attachment: { fileName: 'attest.pdf', contentType: 'application/pdf', data: pdf },
    });
    const { results } = await t.call('mail.import', { candidateId: ase.id, files: [file('søknad.eml', message)] });
    expect(results).toEqual([expect.objectContaining({ status: 'logged', subject: 'Søknad: lagermedarbeider', from: 'ase@example.no', candidateIds: [ase.id], error: null })]);
    const page = await t.call('activity.timeline', { candidateId: ase.id });
    expect(page.items).toHaveLength(1);
    const entry = page.items[0]!;
    expect(entry).toMatchObject({ kind: 'email', direction: 'in', title: 'Søknad: lagermedarbeider', threadKey: 'soknad-1@example.no', data: { from: 'ase@example.no', to: ['kari@byraa.no'], source: 'drop' } });
    expect(entry.body).toContain('truckførerbevis');
    expect(entry.attachments).toEqual([expect.objectContaining({ fileName: 'attest.pdf', contentType: 'application/pdf', size: pdf.length })]);
    const stored = await t.call('mail.attachment', { id: entry.attachments[0]!.id });
    expect(Buffer.from(stored.bytes, 'base64').equals(pdf)).toBe(true);

    const again = await t.call('mail.import', { candidateId: ase.id, files: [file('søknad.eml', message)] });
    expect(again.results[0]!.status).toBe('duplicate');
    expect((await t.call('activity.timeline', { candidateId: ase.id })).total).toBe(1);
  });

  it('dropped anywhere: matched by address (any case), a reply joins the thread, an unknown sender asks which candidate', async () => {
    const { ase, bjorn } = await ready();
    const first = eml({ from: 'kari@byraa.no', to: ['bjorn.lie@EXAMPLE.no'], subject: 'Oppdrag i Sandnes', text: 'Er du ledig?', messageId: 'o-1@byraa.no' });
    const reply = eml({ from: 'Bjorn.Lie@example.no', to: ['kari@byraa.no'], subject: 'Sv: Oppdrag i Sandnes', text: 'Ja, fra mandag.', messageId: 'o-2@example.no', inReplyTo: 'o-1@byraa.no', date: '2026-03-01T10:00:00Z' });
    const stranger = eml({ from: 'ukjent@annet.no', to: ['kari@byraa.no'], subject: 'Hei', text: 'Hvem er dette?', messageId: 'x-1@annet.no' });
    const { results } = await t.call('mail.import', { files: [file('1.eml', first), file('2.eml', reply), file('3.eml', stranger)] });
    expect(results.map((r) => r.status)).toEqual(['logged', 'logged', 'unmatched']);
    const thread = (await t.call('activity.timeline', { candidateId: bjorn.id })).items;
    expect(thread.map((e) => [e.direction, e.threadKey])).toEqual([
      ['in', 'o-1@byraa.no'],
      ['out', 'o-1@byraa.no'],
    ]);
    // The recruiter says whose it is: it is logged there.
    const placed = await t.call('mail.import', { candidateId: ase.id, files: [file('3.eml', stranger)] });
    expect(placed.results[0]!.status).toBe('logged');
    expect((await t.call('activity.search', { query: 'hvem er dette' })).map((h) => h.candidateId)).toEqual([ase.id]);
  });

  it('logs an Outlook .msg with its attachment', async () => {
    const { ase } = await ready();
    const outlook = msg({ from: 'ase@example.no', to: 'kari@byraa.no', subject: 'Attest', text: 'Her er attesten fra Fjordlager.', messageId: 'msg-1@example.no', attachment: { fileName: 'attest.pdf', data: pdf } });
    const { results } = await t.call('mail.import', { files: [file('Attest.msg', outlook)] });
    expect(results[0]).toMatchObject({ status: 'logged', subject: 'Attest', candidateIds: [ase.id] });
    const entry = (await t.call('activity.timeline', { candidateId: ase.id })).items[0]!;
    expect(entry).toMatchObject({ direction: 'in', body: 'Her er attesten fra Fjordlager.', data: { messageId: 'msg-1@example.no' } });
    const stored = await t.call('mail.attachment', { id: entry.attachments[0]!.id });
    expect(Buffer.from(stored.bytes, 'base64').equals(pdf)).toBe(true);
  });

  it('a message from the candidate is their own activity (retention counts from it)', async () => {
    const { ase } = await ready();
    const message = eml({ from: 'ase@example.no', to: ['kari@byraa.no'], subject: 'Svar', text: 'Ja', messageId: 'svar@example.no', date: '2026-03-02T07:59:00Z' });
    await t.call('mail.import', { files: [file('svar.eml', message)] });
    const db = t.core.ctx.vault.requireSession().db;
    const collected = await db.call('privacy.collect', { candidateId: ase.id, now: t.clock.now().toISOString() });
    expect((collected.activity as { marks: { kind: string; at: string }[] }).marks).toEqual([{ kind: 'reply', at: '2026-03-02T07:59:00.000Z' }]);
  });
});

describe('bad input', () => {
  it('refuses malformed files, a fake .msg and an attachment over the limit with clear reasons, logs the good one, stores nothing of the bad', async () => {
    const { ase } = await ready();
    const good = eml({ from: 'ase@example.no', to: ['kari@byraa.no'], subject: 'God', text: 'Denne er fin', messageId: 'good@example.no' });
    const garbage = Buffer.from([0x00, 0x01, 0x02, 0xff, 0xfe, 0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]);
    const notMail = Buffer.from('Dette er bare et notat\nuten noen e-posthoder\n');
    const fakeMsg = Buffer.from('From: a@b.no\r\n\r\nhei');
    const brokenOle = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(600, 7)]);
    const huge = eml({
      from: 'ase@example.no',
      to: ['kari@byraa.no'],
      subject: 'Stor fil',
      text: 'Video',
      messageId: 'huge@example.no',
      attachment: { fileName: 'video.mp4', contentType: 'video/mp4', data: Buffer.alloc(MAX_ATTACHMENT_BYTES + 1024, 1) },
    });
    const { results } = await t.call('mail.import', {
      candidateId: ase.id,
      files: [file('søppel.eml', garbage), file('notat.eml', notMail), file('falsk.msg', fakeMsg), file('ødelagt.msg', brokenOle), file('stor.eml', huge), file('god.eml', good)],
    });
    expect(results.map((r) => [r.fileName, r.status, r.error?.code ?? null])).toEqual([
      ['søppel.eml', 'failed', 'MALFORMED'],
      ['notat.eml', 'failed', 'MALFORMED'],
      ['falsk.msg', 'failed', 'MALFORMED'],
      ['ødelagt.msg', 'failed', 'MALFORMED'],
      ['stor.eml', 'failed', 'TOO_LARGE'],
      ['god.eml', 'logged', null],
    ]);
    expect(results[4]!.error!.message).toMatch(/video\.mp4.*15 MB/);
    const page = await t.call('activity.timeline', { candidateId: ase.id });
    expect(page.items.map((e) => e.title)).toEqual(['God']);
  });

  it('a message saved from an mbox (a "From " line first) is read as the e-mail it is', async () => {
    const { ase } = await ready();
    const saved = Buffer.concat([Buffer.from('From ase@example.no Mon Mar  2 07:00:00 2026\n'), eml({ from: 'ase@example.no', to: ['kari@byraa.no'], subject: 'Fra Thunderbird', text: 'Lagret som fil', messageId: 'tb@example.no' })]);
    const { results } = await t.call('mail.import', { files: [file('thunderbird.eml', saved)] });
    expect(results[0]).toMatchObject({ status: 'logged', subject: 'Fra Thunderbird', candidateIds: [ase.id] });
  });

  it('a message in an unknown charset is still logged, readable as far as it goes, with its original kept', async () => {
    const { ase } = await ready();
    const odd = eml({ from: 'ase@example.no', to: ['kari@byraa.no'], subject: 'Rar tegnsett', text: 'Hilsen fra Stavanger', messageId: 'odd@example.no', charset: 'x-kandidat-ukjent' });
    const { results } = await t.call('mail.import', { files: [file('rar.eml', odd)] });
    expect(results[0]!.status).toBe('logged');
    const entry = (await t.call('activity.timeline', { candidateId: ase.id })).items[0]!;
    expect(entry.body).toContain('Hilsen fra Stavanger');
  });
});
