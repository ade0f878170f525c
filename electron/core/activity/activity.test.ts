import { afterEach, describe, expect, it } from 'vitest';
import { makeTestCore } from '../testing/harness.ts';
import { decryptedVaultPages, findInPages } from '../testing/vault-pages.ts';

let t: ReturnType<typeof makeTestCore>;
afterEach(async () => {
  await t?.cleanup();
});

const notice = { version: 'samtykke-1', text: 'Vi kontakter referansene dine med ditt samtykke.' };

async function ready() {
  t = makeTestCore({ retention: { firstDelayMs: 1e13 } });
  await t.createVault();
  const c = await t.call('candidates.create', { name: 'Åse Ødegård', emails: ['ase@example.no'], phones: ['+4791234567'] });
  const other = await t.call('candidates.create', { name: 'Bjørn Lie', emails: ['bjorn@example.no'], phones: ['+4740000001'] });
  return { c, other };
}

describe('timeline', () => {
  it('logs a call with direction, duration, outcome and minutes, stamped with who and when', async () => {
    const { c } = await ready();
    const entry = await t.call('activity.calls.log', {
      candidateId: c.id,
      at: '2026-03-02T07:30:00Z',
      direction: 'out',
      durationSec: 372,
      outcome: 'reached',
      minutes: 'Avtalte intervju torsdag. Har truckførerbevis.',
    });
    expect(entry).toMatchObject({
      kind: 'call',
      at: '2026-03-02T07:30:00.000Z',
      direction: 'out',
      body: 'Avtalte intervju torsdag. Har truckførerbevis.',
      data: { durationSec: 372, outcome: 'reached' },
      loggedBy: { name: 'Kari Rekrutterer' },
      loggedAt: '2026-03-02T08:00:00.000Z',
      version: 1,
    });
    const page = await t.call('activity.timeline', { candidateId: c.id });
    expect(page.items.map((i) => i.id)).toEqual([entry.id]);
    expect(page.counts.call).toBe(1);
  });

  it('refuses a call logged in the future and a call on an unknown candidate', async () => {
    const { c } = await ready();
    const future = await t.fail('activity.calls.log', { candidateId: c.id, at: '2026-03-03T08:00:00Z', direction: 'in', durationSec: 1, outcome: 'reached' });
    expect(future.code).toBe('VALIDATION');
    const unknown = await t.fail('activity.calls.log', { candidateId: 'nobody', at: '2026-03-02T07:00:00Z', direction: 'in', durationSec: 1, outcome: 'reached' });
    expect(unknown.code).toBe('NOT_FOUND');
  });

  it('newest first, filtered by kind, narrowed by text', async () => {
    const { c } = await ready();
    await t.call('activity.calls.log', { candidateId: c.id, at: '2026-03-01T10:00:00Z', direction: 'out', durationSec: 60, outcome: 'voicemail', minutes: 'La igjen beskjed' });
    await t.call('activity.sms.log', { candidateId: c.id, at: '2026-03-01T12:00:00Z', direction: 'in', phone: '912 34 567', text: 'Kan komme på intervju fredag' });
    await t.call('activity.calls.log', { candidateId: c.id, at: '2026-03-02T07:00:00Z', direction: 'in', durationSec: 30, outcome: 'reached', minutes: 'Bekreftet fredag' });
    const all = await t.call('activity.timeline', { candidateId: c.id });
    expect(all.items.map((i) => i.kind)).toEqual(['call', 'sms', 'call']);
    expect(all.items[1]!.data.phone).toBe('+4791234567');
    const sms = await t.call('activity.timeline', { candidateId: c.id, kinds: ['sms'] });
    expect(sms.total).toBe(1);
    expect(sms.counts).toMatchObject({ call: 2, sms: 1 });
    const fredag = await t.call('activity.timeline', { candidateId: c.id, query: 'fredag' });
    expect(fredag.items.map((i) => i.body)).toEqual(['Bekreftet fredag', 'Kan komme på intervju fredag']);
  });

  it('an edit keeps the replaced version, with who changed it; a stale edit is refused', async () => {
    const { c } = await ready();
    const entry = await t.call('activity.calls.log', { candidateId: c.id, at: '2026-03-02T07:00:00Z', direction: 'out', durationSec: 60, outcome: 'reached', minutes: 'Første utkast' });
    t.clock.advance(60_000);
    const edited = await t.call('activity.update', { id: entry.id, version: 1, patch: { body: 'Rettet referat', durationSec: 90 } });
    expect(edited).toMatchObject({ body: 'Rettet referat', data: { durationSec: 90, outcome: 'reached' }, version: 2, updatedAt: '2026-03-02T08:01:00.000Z' });
    const history = await t.call('activity.history', { id: entry.id });
    expect(history).toEqual([
      expect.objectContaining({ version: 1, body: 'Første utkast', data: { durationSec: 60, outcome: 'reached' }, changedBy: expect.objectContaining({ name: 'Kari Rekrutterer' }) }),
    ]);
    expect((await t.fail('activity.update', { id: entry.id, version: 1, patch: { body: 'x' } })).code).toBe('CONFLICT');
    // The search follows the edit.
    expect(await t.call('activity.search', { query: 'utkast' })).toEqual([]);
    expect((await t.call('activity.search', { query: 'rettet' })).map((h) => h.entryId)).toEqual([entry.id]);
  });

  it('a text message from the candidate restarts their retention clock', async () => {
    const { c } = await ready();
    t.clock.advance(60_000);
    await t.call('activity.sms.log', { candidateId: c.id, at: '2026-03-02T08:00:30Z', direction: 'in', text: 'Ja, jeg er interessert' });
    const collected = await t.core.ctx.vault.requireSession().db.call('privacy.collect', { candidateId: c.id, now: t.clock.now().toISOString() });
    const { lastOwnActivityAt } = collected.activity as { lastOwnActivityAt: string };
    expect(lastOwnActivityAt).toBe('2026-03-02T08:00:30.000Z');
  });
});

describe('text message import', () => {
  const csv = [
    'Dato;Nummer;Retning;Tekst',
    '01.03.2026 10:15;912 34 567;mottatt;"Hei, jeg er ledig fra mandag; kan jobbe kveld"',
    '01.03.2026 10:20;+47 91234567;sendt;Flott, jeg ringer deg',
    '01.03.2026 11:00;+47 40000001;sendt;"Hei Bjørn, har du ""truck""-sertifikat?"',
    '01.03.2026 12:00;+47 99999999;mottatt;Hvem er dette?',
    'i går;912 34 567;mottatt;Ukjent dato',
  ].join('\r\n');

  it('logs each row on the candidate with that number, reports the rest, and a second import adds nothing', async () => {
    const { c, other } = await ready();
    const report = await t.call('activity.sms.import', { csv });
    expect(report).toMatchObject({ imported: 3, duplicates: 0, unmatched: [{ line: 5, phone: '+4799999999' }] });
    expect(report.errors).toEqual([{ line: 6, message: expect.stringContaining('date') }]);
    const mine = await t.call('activity.timeline', { candidateId: c.id });
    expect(mine.items.map((i) => [i.direction, i.body])).toEqual([
      ['out', 'Flott, jeg ringer deg'],
      ['in', 'Hei, jeg er ledig fra mandag; kan jobbe kveld'],
    ]);
    expect((await t.call('activity.timeline', { candidateId: other.id })).items[0]!.body).toBe('Hei Bjørn, har du "truck"-sertifikat?');
    expect(await t.call('activity.sms.import', { csv })).toMatchObject({ imported: 0, duplicates: 3 });
  });

  it('a file without the needed columns says which are missing', async () => {
    await ready();
    const report = await t.call('activity.sms.import', { csv: 'when,who\n1,2' });
    expect(report.imported).toBe(0);
    expect(report.errors[0]!.message).toMatch(/phone.*direction.*text|at, phone, direction, text/);
  });
});

describe('references', () => {
  it('keeps the reference person apart from the candidate, and a check needs the candidate’s consent', async () => {
    const { c } = await ready();
    const ref = await t.call('activity.references.add', {
      candidateId: c.id,
      fields: { name: 'Lars Hansen', relation: 'Tidligere leder', company: 'Fjordlager AS', phone: '48 00 11 22', email: 'lars@fjordlager.no' },
    });
    expect(ref).toMatchObject({ name: 'Lars Hansen', phone: '+4748001122', checkedAt: null, version: 1 });
    expect(await t.call('activity.references.list', { candidateId: c.id })).toMatchObject({ contactConsent: false, items: [{ id: ref.id }] });
    // The reference's number and address are not the candidate's.
    const candidate = await t.call('candidates.get', { id: c.id });
    expect(candidate.phones).toEqual(['+4791234567']);
    expect(candidate.emails).toEqual(['ase@example.no']);
    const forbidden = await t.fail('activity.references.update', {
      id: ref.id,
      version: 1,
      fields: { name: 'Lars Hansen', notes: 'Pålitelig', checked: true },
    });
    expect(forbidden.code).toBe('FORBIDDEN');

    await t.call('privacy.consents.grant', { candidateId: c.id, purpose: 'contactReferences', source: 'phone', notice });
    const checked = await t.call('activity.references.update', {
      id: ref.id,
      version: 1,
      fields: { name: 'Lars Hansen', relation: 'Tidligere leder', company: 'Fjordlager AS', phone: '48001122', email: 'lars@fjordlager.no', notes: 'Pålitelig og punktlig', checked: true },
    });
    expect(checked.checkedAt).toBe('2026-03-02T08:00:00.000Z');
    const page = await t.call('activity.timeline', { candidateId: c.id, kinds: ['reference'] });
    expect(page.items[0]).toMatchObject({ kind: 'reference', title: 'Lars Hansen · Tidligere leder · Fjordlager AS', body: 'Pålitelig og punktlig' });
    // A message from the reference's address is not matched to the candidate.
    const eml = Buffer.from('From: lars@fjordlager.no\r\nTo: kari@byraa.no\r\nSubject: Om Åse\r\nMessage-ID: <r1@x>\r\n\r\nHun er flink.\r\n');
    const { results } = await t.call('mail.import', { files: [{ fileName: 'lars.eml', bytes: eml.toString('base64') }] });
    expect(results[0]!.status).toBe('unmatched');
  });
});

describe('interviews', () => {
  it('starts from a template, autosaves whole, drops a late older save, and is searchable on the timeline', async () => {
    const { c } = await ready();
    const [template] = await t.call('activity.interviewTemplates.list', {});
    expect(template!.questions.length).toBeGreaterThan(2);
    const interview = await t.call('activity.interviews.start', { candidateId: c.id, templateId: template!.id });
    const q = template!.questions[1]!;
    await t.call('activity.interviews.save', { id: interview.id, revision: 1, answers: { [q.id]: { score: 4, text: 'Løste konflikt på lageret' } }, notes: 'Rolig' });
    await t.call('activity.interviews.save', { id: interview.id, revision: 3, answers: { [q.id]: { score: 5, text: 'Løste konflikt på lageret ved å lytte' } }, notes: 'Rolig og tydelig' });
    const late = await t.call('activity.interviews.save', { id: interview.id, revision: 2, answers: {}, notes: 'eldre' });
    expect(late.revision).toBe(3);
    const saved = await t.call('activity.interviews.get', { id: interview.id });
    expect(saved).toMatchObject({ revision: 3, notes: 'Rolig og tydelig', answers: { [q.id]: { score: 5 } } });
    const hits = await t.call('activity.search', { query: 'lytte' });
    expect(hits).toEqual([expect.objectContaining({ candidateId: c.id, kind: 'interview', candidateName: 'Åse Ødegård' })]);
    expect(hits[0]!.snippet).toContain('[lytte]');
  });
});

describe('erasure', () => {
  it('takes the timeline, its history and attachments, references and interviews with the candidate, out of the index too', async () => {
    const { c, other } = await ready();
    const entry = await t.call('activity.calls.log', { candidateId: c.id, at: '2026-03-02T07:00:00Z', direction: 'out', durationSec: 5, outcome: 'reached', minutes: 'Kvitsøyferjen forsinket' });
    await t.call('activity.update', { id: entry.id, version: 1, patch: { body: 'Kvitsøyferjen var forsinket' } });
    await t.call('activity.references.add', { candidateId: c.id, fields: { name: 'Ragnhild Tjøstheim', phone: '48001122' } });
    const iv = await t.call('activity.interviews.start', { candidateId: c.id, title: 'Første samtale' });
    await t.call('activity.interviews.save', { id: iv.id, revision: 1, answers: {}, notes: 'Snakket om Utsira' });
    const eml = Buffer.from(
      'From: ase@example.no\r\nTo: kari@byraa.no\r\nSubject: Vedlegg\r\nMessage-ID: <a1@x>\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nSe vedlagt attest fra Sjøholt\r\n--b\r\nContent-Type: application/pdf\r\nContent-Disposition: attachment; filename=attest.pdf\r\nContent-Transfer-Encoding: base64\r\n\r\n' +
        Buffer.from('%PDF-1.4 Attest Sjøholt Mekaniske').toString('base64') +
        '\r\n--b--\r\n',
    );
    await t.call('mail.import', { files: [{ fileName: 'a.eml', bytes: eml.toString('base64') }] });
    await t.call('activity.calls.log', { candidateId: other.id, at: '2026-03-02T07:00:00Z', direction: 'out', durationSec: 5, outcome: 'reached', minutes: 'Bjørn beholdes' });

    const report = await t.call('privacy.erase', { candidateId: c.id, reason: 'request' });
    expect(report.removed.correspondence).toBeGreaterThanOrEqual(8);
    const db = t.core.ctx.vault.requireSession().db;
    expect(await db.call('activity.search', { query: 'Kvitsøyferjen', limit: 10 })).toEqual([]);
    expect(await db.call('activity.search', { query: 'Sjøholt', limit: 10 })).toEqual([]);
    expect((await t.call('activity.search', { query: 'beholdes' })).length).toBe(1);
    const key = Buffer.from(t.core.ctx.vault.requireSession().key);
    expect(findInPages(decryptedVaultPages(t.vaultDir, key), ['Kvitsøyferjen', 'Ragnhild Tjøstheim', 'Utsira', 'Sjøholt'])).toEqual([]);
  });
});
