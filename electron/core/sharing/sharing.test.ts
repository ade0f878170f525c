import { afterEach, describe, expect, it } from 'vitest';
import { Webhook } from 'standardwebhooks';
import { makeTestCore } from '../testing/harness.ts';
import type { SharingSender } from './sender.ts';
import type { Delivery, DeliveryResult } from './transport.ts';
import JSZip from 'jszip';
import type { Disclosure, ProfileMessage } from '../../../shared/contract/index.ts';
import { addCandidate, addClient, allOutbox, connect, grantShare, newSecret, withdrawShare } from './test-support.ts';
import { backoffMs } from './sender.ts';

/**
 * Sharing through the core with a fake clock and an in-memory transport: what
 * may leave, what does, when it is retried, and what happens after a withdrawal
 * or an erasure. (Real HTTPS and crashes: sharing-https.test.ts, reliability.test.ts.)
 */

const ENDPOINT = 'https://kunde.example/kandidat-webhook';

function fakeTransport() {
  const sent: Delivery[] = [];
  let behave: (d: Delivery, n: number) => DeliveryResult = () => ({ ok: true, status: 200 });
  const transport = async (d: Delivery): Promise<DeliveryResult> => {
    sent.push(d);
    return behave(d, sent.filter((s) => s.id === d.id).length);
  };
  return { sent, transport, set: (f: typeof behave) => (behave = f) };
}

async function setup(options: { random?: () => number } = {}) {
  const wire = fakeTransport();
  let sender: SharingSender | null = null;
  const t = makeTestCore({
    sharing: {
      transport: wire.transport,
      random: options.random ?? (() => 0.5),
      baseDelayMs: 1000,
      maxDelayMs: 60_000,
      pollMs: 3_600_000,
      onCreate: (s) => (sender = s),
    },
    retention: { firstDelayMs: 1e13 },
  });
  await t.createVault();
  const client = await addClient(t.call, { name: 'Fjordlager AS' });
  const secret = newSecret();
  await connect(t.call, client.id, ENDPOINT, secret);
  const idle = () => sender!.whenIdle();
  /** Step the fake clock and let whatever came due finish. */
  const step = async (ms: number) => {
    t.clock.advance(ms);
    await idle();
  };
  return { ...t, wire, client, secret, idle, step };
}

let cleanup: (() => Promise<void>) | null = null;
afterEach(async () => {
  await cleanup?.();
  cleanup = null;
});

async function ready(options: { random?: () => number } = {}) {
  const s = await setup(options);
  cleanup = s.cleanup;
  return s;
}

describe('sharing: what may leave', () => {
  it('refuses without a share-with-this-client consent, with the reason, and queues nothing', async () => {
    const t = await ready();
    const c = await addCandidate(t.call, 1);
    const error = await t.fail('sharing.share', { candidateIds: [c.id], clientId: t.client.id });
    expect(error.code).toBe('FORBIDDEN');
    expect(error.message).toMatch(/not consented to sharing with this client/);
    expect((await t.call('sharing.outbox.list', {})).total).toBe(0);
    // Consent for another client does not count.
    const other = await addClient(t.call, { name: 'Annen Kunde AS', index: 1 });
    await grantShare(t.call, c.id, other.id);
    expect((await t.fail('sharing.share', { candidateIds: [c.id], clientId: t.client.id })).code).toBe('FORBIDDEN');
    expect(t.wire.sent).toHaveLength(0);
  });

  it('a vacancy consent covers that vacancy only; a shortlist queues the consented and lists the rest', async () => {
    const t = await ready();
    const a = await addCandidate(t.call, 1, { consentTo: t.client.id, vacancyId: 'vac-1' });
    const b = await addCandidate(t.call, 2);
    expect((await t.fail('sharing.share', { candidateIds: [a.id], clientId: t.client.id, vacancyId: 'vac-2' })).code).toBe('FORBIDDEN');
    const all = await t.fail('sharing.share', { candidateIds: [a.id, b.id], clientId: t.client.id, vacancyId: 'vac-1' });
    expect(all.details).toEqual({ refused: [{ candidateId: b.id, refusal: 'noConsent', message: expect.stringMatching(/consent/) }] });
    const partial = await t.call('sharing.share', { candidateIds: [a.id, b.id], clientId: t.client.id, vacancyId: 'vac-1', allowPartial: true });
    expect(partial.queued.map((q) => q.candidateId)).toEqual([a.id]);
    expect(partial.refused.map((r) => [r.candidateId, r.refusal])).toEqual([[b.id, 'noConsent']]);
  });

  it('names the vacancy by its title in the outbox and the disclosures, not by its id', async () => {
    const t = await ready();
    const vacancy = await t.call('vacancies.create', { clientId: t.client.id, title: 'Truckfører, nattskift', postalCode: '5003' });
    const c = await addCandidate(t.call, 1, { consentTo: t.client.id, vacancyId: vacancy.id });
    await t.call('sharing.share', { candidateIds: [c.id], clientId: t.client.id, vacancyId: vacancy.id });
    await t.idle();
    expect(await allOutbox(t.call)).toEqual([expect.objectContaining({ vacancyId: vacancy.id, vacancyTitle: 'Truckfører, nattskift', status: 'delivered' })]);
    expect(await t.call('sharing.disclosures.list', { candidateId: c.id })).toEqual([
      expect.objectContaining({ vacancyId: vacancy.id, vacancyTitle: 'Truckfører, nattskift' }),
    ]);
  });

  it('by default leaves out national id, birth date, street address and photo; keeps the city', async () => {
    const t = await ready();
    const c = await addCandidate(t.call, 7, { consentTo: t.client.id });
    const preview = await t.call('sharing.preview', { candidateIds: [c.id], clientId: t.client.id });
    const doc = preview.items[0]!.document!;
    expect(doc.data.resume.basics).toEqual({
      name: 'Testa Kandidat7 Nummerbakken',
      email: 'testa.7@eksempel.no',
      phone: '+4791234567',
      location: { city: 'Bergen', region: 'Vestland', countryCode: 'NO' },
    });
    const text = JSON.stringify(doc);
    for (const hidden of ['1990-05-17', 'Prøvegata', '5003']) expect(text).not.toContain(hidden);
    expect(doc.data.fields).not.toContain('birthDate');
    expect(preview.transfer).toMatchObject({ allowed: true, basis: 'eea' });

    const anonymous = await t.call('sharing.preview', { candidateIds: [c.id], clientId: t.client.id, mode: 'anonymised' });
    const anon = anonymous.items[0]!.document!;
    expect(anon.data.resume.basics).toEqual({ name: 'T. K. N.', location: { region: 'Vestland', countryCode: 'NO' } });
    expect(JSON.stringify(anon)).not.toMatch(/Testa|eksempel|Bergen|4791234567/);
  });

  it('sends exactly what the preview showed, signed per Standard Webhooks, once', async () => {
    const t = await ready();
    const c = await addCandidate(t.call, 3, { consentTo: t.client.id });
    const preview = await t.call('sharing.preview', { candidateIds: [c.id], clientId: t.client.id, vacancyId: 'lager-12' });
    const { queued } = await t.call('sharing.share', { candidateIds: [c.id], clientId: t.client.id, vacancyId: 'lager-12' });
    await t.idle();
    expect(t.wire.sent).toHaveLength(1);
    const sent = t.wire.sent[0]!;
    expect(sent.id).toBe(queued[0]!.id);
    const headers = {
      'webhook-id': sent.id,
      'webhook-timestamp': String(Math.floor(sent.at.getTime() / 1000)),
      'webhook-signature': new Webhook(t.secret).sign(sent.id, sent.at, sent.body),
    };
    expect(headers['webhook-signature']).toMatch(/^v1,/);
    const body = JSON.parse(sent.body) as ProfileMessage;
    expect(body.data.resume).toEqual(preview.items[0]!.document!.data.resume);
    expect(body.data).toMatchObject({ vacancyRef: 'lager-12', consent: { id: expect.any(String) }, expiresAt: expect.any(String) });

    const [item] = await allOutbox(t.call);
    expect(item).toMatchObject({ status: 'delivered', attempts: 0, kind: 'profile' });
    const disclosures = await t.call('sharing.disclosures.list', { candidateId: c.id });
    expect(disclosures).toEqual([
      expect.objectContaining({ clientName: 'Fjordlager AS', vacancyId: 'lager-12', transferBasis: 'eea', fields: expect.arrayContaining(['name', 'work']) }),
    ]);
    const audit = await t.call('privacy.audit.list', { candidateId: c.id });
    expect(audit.items.filter((e) => e.action === 'share')).toEqual([
      expect.objectContaining({ actorId: expect.any(String), subjects: expect.objectContaining({ client: t.client.id, outbox: sent.id }), detail: expect.objectContaining({ state: 'queued', basis: 'eea' }) }),
    ]);
  });
});

describe('sharing: the sender', () => {
  it('retries with exponential backoff and jitter under the same webhook-id until the client answers', async () => {
    const t = await ready({ random: () => 0.5 });
    t.wire.set((_d, n) => (n <= 3 ? { ok: false, permanent: false, error: 'The client answered 503' } : { ok: true, status: 200 }));
    const c = await addCandidate(t.call, 1, { consentTo: t.client.id });
    await t.call('sharing.share', { candidateIds: [c.id], clientId: t.client.id });
    await t.idle();
    const delays = [750, 1500, 3000]; // base 1 s doubling, half fixed and half jitter (0.5)
    for (const [i, delay] of delays.entries()) {
      expect(t.wire.sent).toHaveLength(i + 1);
      const [item] = await allOutbox(t.call);
      expect(item).toMatchObject({ status: 'queued', attempts: i + 1, lastError: 'The client answered 503' });
      await t.step(delay - 1);
      expect(t.wire.sent).toHaveLength(i + 1); // not a moment early
      await t.step(1);
    }
    expect(t.wire.sent).toHaveLength(4);
    expect(new Set(t.wire.sent.map((d) => d.id)).size).toBe(1);
    expect((await allOutbox(t.call))[0]!.status).toBe('delivered');
    expect(backoffMs(20, 0.99, 1000, 60_000)).toBeLessThanOrEqual(60_000);
  });

  it('a refusal by the client (4xx) stops retrying until staff retry it', async () => {
    const t = await ready();
    t.wire.set(() => ({ ok: false, permanent: true, error: 'The client answered 401' }));
    const c = await addCandidate(t.call, 1, { consentTo: t.client.id });
    const { queued } = await t.call('sharing.share', { candidateIds: [c.id], clientId: t.client.id });
    await t.idle();
    await t.step(5 * 60_000);
    expect(t.wire.sent).toHaveLength(1);
    expect((await allOutbox(t.call))[0]).toMatchObject({ status: 'failed', lastError: 'The client answered 401' });
    t.wire.set(() => ({ ok: true, status: 200 }));
    await t.call('sharing.outbox.retry', { id: queued[0]!.id });
    await t.idle();
    expect((await allOutbox(t.call))[0]!.status).toBe('delivered');
  });

  it('checks consent again at send time: withdrawn while waiting means never sent', async () => {
    const t = await ready();
    t.wire.set(() => ({ ok: false, permanent: false, error: 'connect ECONNREFUSED' }));
    const c = await addCandidate(t.call, 1, { consentTo: t.client.id });
    await t.call('sharing.share', { candidateIds: [c.id], clientId: t.client.id });
    await t.idle();
    expect(t.wire.sent).toHaveLength(1);
    await withdrawShare(t.call, c.id, t.client.id);
    await t.idle();
    t.wire.set(() => ({ ok: true, status: 200 }));
    await t.step(60_000);
    expect(t.wire.sent).toHaveLength(1);
    const [item] = await allOutbox(t.call);
    expect(item).toMatchObject({ status: 'withheld', lastError: expect.stringMatching(/withdrawn/) });
    expect(await t.call('sharing.disclosures.list', { candidateId: c.id })).toEqual([]);
    // Nothing was delivered, so no deletion request is owed.
    expect((await allOutbox(t.call)).filter((i) => i.kind === 'deletion')).toEqual([]);
  });

  it('after a withdrawal, the client that received the profile gets a signed deletion request with no personal data', async () => {
    const t = await ready();
    const c = await addCandidate(t.call, 1, { consentTo: t.client.id });
    await t.call('sharing.share', { candidateIds: [c.id], clientId: t.client.id });
    await t.idle();
    const profileRef = (JSON.parse(t.wire.sent[0]!.body) as ProfileMessage).data.profileRef;
    await withdrawShare(t.call, c.id, t.client.id);
    await t.idle();
    expect(t.wire.sent).toHaveLength(2);
    const deletion = t.wire.sent[1]!;
    expect(JSON.parse(deletion.body)).toEqual({
      type: 'candidate.profile.deletion_requested',
      timestamp: expect.any(String),
      data: { profileRef, reason: 'consentWithdrawn' },
    });
    expect(deletion.body).not.toMatch(/Testa|eksempel|Bergen/);
    expect(deletion.body).not.toContain(c.id);
    // Asked once: looking again (another withdrawal wakes the sender to look) asks nothing new.
    await withdrawShare(t.call, c.id, t.client.id);
    await t.idle();
    expect(t.wire.sent).toHaveLength(2);
    // On screen it belongs to the candidate; after an erasure it would stay, without the id.
    expect((await allOutbox(t.call)).map((i) => [i.kind, i.candidateId, i.status])).toEqual([
      ['profile', c.id, 'delivered'],
      ['deletion', c.id, 'delivered'],
    ]);
    await t.call('privacy.erase', { candidateId: c.id, reason: 'request' });
    await t.idle();
    expect(t.wire.sent).toHaveLength(2); // already asked: no second request
    expect((await allOutbox(t.call)).map((i) => [i.kind, i.candidateId])).toEqual([['deletion', null]]);
  });

  it('a withdrawal asks for deletion only when no consent for that client stands any more', async () => {
    const t = await ready();
    const c = await addCandidate(t.call, 1, { consentTo: t.client.id });
    await grantShare(t.call, c.id, t.client.id, 'vac-1');
    await t.call('sharing.share', { candidateIds: [c.id], clientId: t.client.id, vacancyId: 'vac-1' });
    await t.idle();
    // The vacancy consent goes, the one for the client as a whole stands: the client may keep it.
    await t.call('privacy.consents.withdraw', { candidateId: c.id, purpose: 'shareWithClient', clientId: t.client.id, vacancyId: 'vac-1', source: 'phone' });
    await t.idle();
    expect(t.wire.sent).toHaveLength(1);
    // Now nothing stands.
    await withdrawShare(t.call, c.id, t.client.id);
    await t.idle();
    expect(t.wire.sent.map((d) => (JSON.parse(d.body) as { type: string }).type)).toEqual([
      'candidate.profile.shared',
      'candidate.profile.deletion_requested',
    ]);
  });

  it('holds items while the client has no transfer basis, and sends them once one is recorded', async () => {
    const t = await ready();
    const c = await addCandidate(t.call, 1, { consentTo: t.client.id });
    t.wire.set(() => ({ ok: false, permanent: false, error: 'connect ECONNREFUSED' }));
    await t.call('sharing.share', { candidateIds: [c.id], clientId: t.client.id });
    await t.idle();
    const client = await t.call('clients.get', { id: t.client.id });
    await t.call('clients.update', { id: client.id, version: client.version, patch: { country: 'BR', orgNumber: '' } });
    t.wire.set(() => ({ ok: true, status: 200 }));
    await t.step(60_000);
    const [item] = await allOutbox(t.call);
    expect(item).toMatchObject({ status: 'blocked', lastError: expect.stringMatching(/BR is outside the EU\/EEA/) });
    expect(t.wire.sent).toHaveLength(1);
    await t.call('sharing.connections.save', { clientId: t.client.id, endpoint: ENDPOINT, safeguardReference: 'SCC-2026-014' });
    await t.call('sharing.outbox.retry', { id: item!.id });
    await t.idle();
    expect(t.wire.sent).toHaveLength(2);
    expect(await t.call('sharing.disclosures.list', { candidateId: c.id })).toEqual([
      expect.objectContaining({ transferBasis: 'scc', transferDetail: 'SCC SCC-2026-014' }),
    ]);
  });
});

describe('sharing: connections and transfer basis', () => {
  it('keeps the signing secret in the vault and never shows it again', async () => {
    const t = await ready();
    const list = await t.call('sharing.connections.list', {});
    const one = await t.call('sharing.connections.get', { clientId: t.client.id });
    expect(list[0]).toMatchObject({ clientName: 'Fjordlager AS', secretSet: true, country: 'NO' });
    expect(JSON.stringify([list, one])).not.toContain(t.secret.slice(6, 30));
    const other = await addClient(t.call, { name: 'Uten Hemmelighet AS', index: 1 });
    const error = await t.fail('sharing.connections.save', { clientId: other.id, endpoint: ENDPOINT });
    expect(error.message).toMatch(/signing secret/);
    expect((await t.fail('sharing.connections.save', { clientId: other.id, endpoint: 'http://kunde.example/', secret: newSecret() })).code).toBe('VALIDATION');
  });

  it('decides the basis: EEA, adequacy (within its scope), SCC, or blocked with the reason', async () => {
    const t = await ready();
    const save = async (name: string, country: string, extra: { safeguardReference?: string; adequacyScopeConfirmed?: boolean } = {}) => {
      const client = await addClient(t.call, { name, country });
      return (await connect(t.call, client.id, ENDPOINT, newSecret(), extra)).transfer;
    };
    expect(await save('Svensk AB', 'SE')).toMatchObject({ allowed: true, basis: 'eea' });
    expect(await save('Swiss AG', 'CH')).toMatchObject({ allowed: true, basis: 'adequacy', decision: { act: 'Commission Decision 2000/518/EC', date: '2000-07-26' } });
    expect(await save('US Inc', 'US')).toMatchObject({ allowed: false, code: 'adequacyScopeNotConfirmed' });
    expect(await save('US DPF Inc', 'US', { adequacyScopeConfirmed: true })).toMatchObject({ allowed: true, basis: 'adequacy' });
    expect(await save('Brasil Ltda', 'BR', { safeguardReference: 'SCC-7' })).toMatchObject({ allowed: true, basis: 'scc', safeguardReference: 'SCC-7' });
    const blocked = await save('India Pvt', 'IN');
    expect(blocked).toMatchObject({ allowed: false, basis: null, code: 'noBasis' });

    const india = (await t.call('sharing.connections.list', {})).find((k) => k.clientName === 'India Pvt')!;
    const c = await addCandidate(t.call, 1, { consentTo: india.clientId });
    const error = await t.fail('sharing.share', { candidateIds: [c.id], clientId: india.clientId });
    expect(error.code).toBe('FORBIDDEN');
    expect(error.message).toMatch(/IN is outside the EU\/EEA and has no adequacy decision/);
  });
});

describe("sharing: the candidate's rights", () => {
  it('disclosures are in the export; erasure asks each recipient to delete and leaves nothing holding the id', async () => {
    const t = await ready();
    const c = await addCandidate(t.call, 1, { consentTo: t.client.id });
    const second = await addClient(t.call, { name: 'Andre Kunde AS', index: 1 });
    await connect(t.call, second.id, 'https://andre.example/hook', newSecret());
    await grantShare(t.call, c.id, second.id);
    await t.call('sharing.share', { candidateIds: [c.id], clientId: t.client.id });
    await t.call('sharing.share', { candidateIds: [c.id], clientId: second.id });
    await t.idle();
    expect(t.wire.sent).toHaveLength(2);

    const { db } = t.core.ctx.vault.requireSession();
    const exported = (await db.call('privacy.collect', { candidateId: c.id, now: t.clock.now().toISOString() })) as {
      sharing: { disclosures: Disclosure[]; notSent: unknown[] };
    };
    expect(exported.sharing.disclosures.map((d) => [d.clientName, d.transferBasis, d.fields.includes('birthDate')]).sort()).toEqual([
      ['Andre Kunde AS', 'eea', false],
      ['Fjordlager AS', 'eea', false],
    ]);
    expect(exported.sharing.notSent).toEqual([]);
    // In the ZIP the candidate gets.
    const zip = await JSZip.loadAsync((await t.call('privacy.export', { candidateId: c.id })).base64, { base64: true });
    const data = JSON.parse(await zip.file('data.json')!.async('string')) as { sharing: { disclosures: Disclosure[] } };
    expect(data.sharing.disclosures).toHaveLength(2);

    const refs = t.wire.sent.map((d) => (JSON.parse(d.body) as ProfileMessage).data.profileRef);
    await t.call('privacy.erase', { candidateId: c.id, reason: 'request' });
    await t.idle();
    const deletions = t.wire.sent.slice(2).map((d) => ({ endpoint: d.endpoint, body: JSON.parse(d.body) }));
    expect(deletions).toHaveLength(2);
    expect(deletions.map((d) => d.body.data.profileRef).sort()).toEqual([...refs].sort());
    expect(deletions.every((d) => d.body.data.reason === 'erasure')).toBe(true);
    for (const d of t.wire.sent.slice(2)) expect(d.body).not.toMatch(/Testa|eksempel|Bergen/);
    const left = await allOutbox(t.call);
    expect(left.map((i) => [i.kind, i.candidateId, i.status])).toEqual([
      ['deletion', null, 'delivered'],
      ['deletion', null, 'delivered'],
    ]);
  });
});
