import { afterEach, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { makeTestCore } from '../testing/harness.ts';
import { subjectDataParts } from '../db/queries/subject-data.ts';
import { fullCandidate, keeper, secret } from './test-candidate.ts';
import { addMonths, type ExportData } from './export-data.ts';

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
});
