import { afterEach, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { makeTestCore } from '../testing/harness.ts';
import { subjectDataParts } from '../db/queries/subject-data.ts';
import { fullCandidate, keeper, secret } from './test-candidate.ts';
import { addMonths, type ExportData } from './export-data.ts';
import type { SharingSender } from '../sharing/sender.ts';
import type { Delivery, DeliveryResult } from '../sharing/transport.ts';
import { addClient, connect, grantShare, newSecret } from '../sharing/test-support.ts';
import { eml } from '../mail/testing/messages.ts';

type T = ReturnType<typeof makeTestCore>;
let t: T | undefined;
afterEach(async () => t?.cleanup());

async function unzip(base64: string) {
  const zip = await JSZip.loadAsync(Buffer.from(base64, 'base64'));
  const names = Object.keys(zip.files).sort();
  const text = (name: string) => zip.file(name)!.async('string');
  return { zip, names, data: JSON.parse(await text('data.json')) as ExportData, html: await text('index.html') };
}

describe('data-subject export', () => {
  it('holds everything the vault has about the candidate, and nothing about anyone else', async () => {
    const made = await fullCandidate();
    t = made.t;
    const { c, pdf } = made;
    await t.call('candidates.get', { id: c.id });
    const exported = await t.call('privacy.export', { candidateId: c.id, locale: 'nb' });
    expect(exported.fileName).toBe(`kandidat-export-${c.id}-2026-03-02.zip`);
    const { zip, names, data, html } = await unzip(exported.base64);
    expect(names).toEqual(['data.json', 'documents/', 'documents/01-Gunnhild_Aaberg_CV.pdf', 'index.html']);
    expect(Buffer.from(await zip.file('documents/01-Gunnhild_Aaberg_CV.pdf')!.async('uint8array')).equals(pdf)).toBe(true);

    // Every part of the vault that can hold data about a candidate is in the export, and filled here.
    for (const part of subjectDataParts.filter((p) => p.collect)) {
      const value = data[part.name];
      expect(value, part.name).toBeTruthy();
      if (Array.isArray(value)) expect(value.length, part.name).toBeGreaterThan(0);
    }
    // Every string entered about them is in it; nothing about the other candidate is.
    const json = JSON.stringify(data);
    for (const value of Object.values(secret)) expect(json, value).toContain(value);
    for (const value of Object.values(keeper)) expect(json).not.toContain(value);

    expect(data.resume.basics).toMatchObject({
      name: secret.name,
      email: secret.email,
      phone: secret.phone,
      location: { address: secret.street, postalCode: '4130', city: 'Hjelmeland', countryCode: 'NO' },
      nationalId: secret.nationalId,
    });
    expect(data.resume.work).toEqual([expect.objectContaining({ name: secret.employer, position: 'Truckfører' })]);
    expect(data.candidate).toMatchObject({ id: c.id, notes: secret.notes });
    expect(data.history.map((h) => h.action)).toEqual(expect.arrayContaining(['created', 'updated', 'nationalIdKept']));
    expect(data.intake.map((j) => j.state).sort()).toEqual(['accepted', 'duplicate']);
    expect(data.consents.events).toHaveLength(3);
    expect(data.consents.current.purposes.keepForFuture).toBe(true);
    expect(data.holds).toEqual([expect.objectContaining({ reason: secret.holdReason, state: 'released' })]);
    expect(data.policyNotifications).toEqual([{ policyVersion: 'v1', method: 'byHand', at: expect.any(String) }]);
    expect(data.activity.marks).toEqual([{ kind: 'reply', at: '2026-03-02T08:00:00.000Z' }]);
    expect(data.retention).toEqual({
      lastOwnActivityAt: data.activity.lastOwnActivityAt,
      keepConsent: true,
      limitMonths: 48,
      dueAt: addMonths(data.activity.lastOwnActivityAt, 48),
    });
    expect(data.disclosures).toEqual([]);
    expect(data.automatedDecisions).toEqual([]);
    // The trail: who viewed it, who changed consents, and this export itself.
    const actions = data.auditTrail.map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['candidate.view', 'consent.grant', 'consent.withdraw', 'hold.set', 'hold.release', 'export']));
    expect(data.auditTrail.at(-1)).toMatchObject({ action: 'export', actorName: 'Kari Rekrutterer', detail: { locale: 'nb' } });

    // The readable page, in Norwegian, with the same facts.
    expect(html).toMatch(/^<!doctype html>\n<html lang="nb">/);
    expect(html).toContain('Innsyn: opplysninger vi har om deg');
    for (const value of [secret.name, secret.email, secret.employer, secret.notes, secret.nationalId]) expect(html).toContain(value);
    expect(html).toContain('href="documents/01-Gunnhild_Aaberg_CV.pdf"');
    expect(html).toContain('så på opplysningene');
  });

  it('is readable in English, escapes everything and loads nothing from outside', async () => {
    t = makeTestCore();
    await t.createVault();
    const c = await t.call('candidates.create', {
      name: 'Ola <b>Nordmann</b>',
      notes: '<script>alert("x")</script><img src=x onerror=alert(1)>',
      desiredRoles: ['"Lager" & \'truck\''],
    });
    const { html, data } = await unzip((await t.call('privacy.export', { candidateId: c.id, locale: 'en' })).base64);
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('Access request: the data we hold about you');
    expect(html).toContain('Ola &lt;b&gt;Nordmann&lt;/b&gt;');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('&quot;Lager&quot; &amp; &#39;truck&#39;');
    expect(html).not.toMatch(/<script|<img|onerror=alert\(1\)>|https?:\/\//i);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src 'none'"`);
    expect(data.candidate.notes).toBe('<script>alert("x")</script><img src=x onerror=alert(1)>');
    expect(data.documents).toEqual([]);
    expect(data.retention).toMatchObject({ keepConsent: false, limitMonths: 12, dueAt: '2027-03-02T08:00:00.000Z' });
    expect((await t.fail('privacy.export', { candidateId: 'nobody' })).code).toBe('NOT_FOUND');
  });

  it('shows each disclosure to a client (which fields, to whom, when, on what basis), the correspondence and the rankings, in JSON and on the page', async () => {
    const sent: Delivery[] = [];
    let sender: SharingSender | null = null;
    // The first client answers; the second is down, so its item waits in the outbox.
    const transport = async (d: Delivery): Promise<DeliveryResult> => {
      sent.push(d);
      return d.endpoint.includes('nede') ? { ok: false, permanent: false, error: 'HTTP 503' } : { ok: true, status: 200 };
    };
    t = makeTestCore({
      sharing: { transport, random: () => 0.5, baseDelayMs: 1000, maxDelayMs: 60_000, pollMs: 3_600_000, onCreate: (s) => (sender = s) },
      retention: { firstDelayMs: 1e13 },
    });
    await t.createVault();
    const fjord = await addClient(t.call, { name: 'Fjordlager AS' });
    const other = await addClient(t.call, { name: 'Nede & Co <AS>', index: 1 });
    await connect(t.call, fjord.id, 'https://fjordlager.example/hook', newSecret());
    await connect(t.call, other.id, 'https://nede.example/hook', newSecret(), { fields: ['name', 'skills'], mode: 'anonymised' });
    const c = await t.call('candidates.create', {
      name: 'Åse Brekkeflat',
      emails: ['ase@example.no'],
      phones: ['+4791234567'],
      address: { street: 'Bryggen 3', postalCode: '5003', city: 'Bergen', country: 'NO' },
      birthDate: '1990-05-17',
    });
    const consent = await grantShare(t.call, c.id, fjord.id, 'lager-12');
    await grantShare(t.call, c.id, other.id);
    t.clock.advance(60_000);
    await t.call('sharing.share', { candidateIds: [c.id], clientId: fjord.id, vacancyId: 'lager-12' });
    await t.call('sharing.share', { candidateIds: [c.id], clientId: other.id });
    await sender!.whenIdle();
    expect(sent.map((d) => d.endpoint).sort()).toEqual(['https://fjordlager.example/hook', 'https://nede.example/hook']);

    // Correspondence of every kind, with text that must be escaped on the page.
    const call = await t.call('activity.calls.log', {
      candidateId: c.id,
      at: '2026-03-01T10:00:00Z',
      direction: 'out',
      durationSec: 300,
      outcome: 'reached',
      minutes: 'Ledig fra mai <b>nattskift</b>',
    });
    await t.call('activity.update', { id: call.id, version: call.version, patch: { body: 'Ledig fra juni & nattskift' } });
    await t.call('activity.sms.log', { candidateId: c.id, at: '2026-03-01T11:00:00Z', direction: 'in', phone: '+4791234567', text: 'Ja takk, "gjerne"' });
    const message = eml({ from: 'ase@example.no', to: ['kari@byraa.no'], subject: 'Søknad <truck>', text: 'Her er attesten min.', messageId: 's-1@example.no' });
    await t.call('mail.import', { candidateId: c.id, files: [{ fileName: 'soknad.eml', bytes: message.toString('base64') }] });
    await t.call('privacy.consents.grant', { candidateId: c.id, purpose: 'contactReferences', source: 'form', notice: { version: 'ref-1', text: 'Vi kan ringe referansene dine.' } });
    await t.call('activity.references.add', {
      candidateId: c.id,
      fields: { name: 'Lars Referansesen', relation: 'Tidligere leder', company: 'Lager AS', notes: 'Pålitelig <script>x</script>', checked: true },
    });
    const template = await t.call('activity.interviewTemplates.save', { name: 'Lager', questions: [{ id: 'q1', competence: 'Samarbeid', text: 'Fortell om et team' }] });
    const interview = await t.call('activity.interviews.start', { candidateId: c.id, templateId: template.id, title: 'Førstegangsintervju' });
    await t.call('activity.interviews.save', { id: interview.id, revision: 1, answers: { q1: { score: 4, text: 'Ledet skiftlaget i to år' } }, notes: 'God match' });

    // A ranking she appeared in, and the recruiter's decision on it.
    const vacancy = await t.call('vacancies.create', { clientId: fjord.id, title: 'Lagermedarbeider <natt>', postalCode: '5003' });
    const run = await t.call('matching.run', { vacancyId: vacancy.id });
    await t.call('matching.decide', { runId: run.runId, candidateId: c.id, decision: 'shortlisted' });

    const { data, html } = await unzip((await t.call('privacy.export', { candidateId: c.id, locale: 'nb' })).base64);
    expect(data.automatedDecisions).toEqual([
      expect.objectContaining({ vacancy: 'Lagermedarbeider <natt>', rank: 1, decision: 'shortlisted', decidedBy: 'Kari Rekrutterer' }),
    ]);
    const ranked = html.slice(html.indexOf('<h2>Automatiserte avgjørelser</h2>'), html.indexOf('<h2>Endringshistorikk</h2>'));
    expect(ranked).toContain('Lagermedarbeider &lt;natt&gt;');
    expect(ranked).toContain(data.automatedDecisions[0]!.explanation.nb.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;'));
    expect(ranked).toContain('satt på kortlisten');
    // JSON: the delivered disclosure with its fields and basis, and the one still waiting.
    expect(data.disclosures).toEqual([
      expect.objectContaining({
        clientId: fjord.id,
        clientName: 'Fjordlager AS',
        vacancyId: 'lager-12',
        mode: 'full',
        consentEventId: consent.id,
        transferBasis: 'eea',
        transferDetail: 'NO',
        deliveredAt: expect.any(String),
      }),
    ]);
    expect(data.disclosures[0]!.fields).toContain('name');
    expect(data.disclosures[0]!.fields).not.toContain('birthDate');
    expect(data.sharing.disclosures).toEqual(data.disclosures);
    expect(data.sharing.notSent).toEqual([expect.objectContaining({ kind: 'profile', clientName: 'Nede & Co <AS>', status: 'queued' })]);
    expect(data.correspondence.entries.map((e) => e.kind).sort()).toEqual(['call', 'email', 'interview', 'reference', 'sms']);

    // The page: to whom, which fields, when, on what basis — and what is still waiting.
    // Consents name the client (and a vacancy not in the register by the reference given).
    const consents = html.slice(html.indexOf('<h2>Samtykker</h2>'), html.indexOf('<h2>Utlevert til kunder</h2>'));
    expect(consents).toContain('Deling med kunde (Fjordlager AS, stilling lager-12)');
    expect(consents).not.toContain(fjord.id);
    const shared = html.slice(html.indexOf('<h2>Utlevert til kunder</h2>'));
    expect(shared).toContain('Fjordlager AS (stilling lager-12)');
    expect(shared).toContain('navn, e-post, telefon, sted (by og region)');
    expect(shared).not.toContain('fødselsdato');
    expect(shared).toContain('full profil');
    expect(shared).toContain(`ditt samtykke til deling med denne kunden (gitt ${consent.at.slice(0, 10)})`);
    expect(shared).toContain('overføring innenfor EU/EØS (NO)');
    expect(shared).toContain(data.disclosures[0]!.deliveredAt.replace('T', ' ').slice(0, 16));
    expect(shared).toContain('Venter på sending eller ble stoppet');
    expect(shared).toContain('Nede &amp; Co &lt;AS&gt;');
    expect(shared).toContain('venter på sending');

    // The correspondence, readable and escaped, with the earlier version of the edited call.
    const talk = html.slice(html.indexOf('<h2>Korrespondanse og aktivitet</h2>'), html.indexOf('<h2>Utlevert til kunder</h2>'));
    for (const text of [
      'Telefonsamtale',
      '5 min · svarte',
      'Ledig fra juni &amp; nattskift',
      'Ledig fra mai &lt;b&gt;nattskift&lt;/b&gt;',
      'Tekstmelding',
      'Ja takk, &quot;gjerne&quot;',
      'Søknad &lt;truck&gt;',
      'Fra: ase@example.no',
      'Her er attesten min.',
      'Lars Referansesen',
      'Pålitelig &lt;script&gt;x&lt;/script&gt;',
      'Førstegangsintervju',
      'Ledet skiftlaget i to år',
      'Kari Rekrutterer',
    ])
      expect(talk, text).toContain(text);
    expect(html).not.toMatch(/<script|<b>|<truck>|<AS>|<natt>/);

    const english = await unzip((await t.call('privacy.export', { candidateId: c.id, locale: 'en' })).base64);
    expect(english.html).toContain('<h2>Shared with clients</h2>');
    expect(english.html).toContain('your consent to sharing with this client');
    expect(english.html).toContain('transfer within the EU/EEA (NO)');
    expect(english.html).toContain('<h2>Correspondence and activity</h2>');
    expect(english.html).toContain('Phone call');
  });
});
