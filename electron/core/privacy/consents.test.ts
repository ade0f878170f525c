import { afterEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { makeTestCore } from '../testing/harness.ts';
import { openEncrypted, type Db } from '../db/connection.ts';
import { DATABASE_FILE } from '../db/envelope.ts';
import { consentHolders, hasConsent } from './consents.ts';

let t: ReturnType<typeof makeTestCore>;
let raw: Db | null = null;
afterEach(async () => {
  raw?.close();
  raw = null;
  await t?.cleanup();
});

const NOTICE = 'Vi lagrer CV-en din i 12 måneder for å finne oppdrag til deg. Du kan trekke samtykket når som helst.';
const notice = { version: 'samtykke-2026-1', text: NOTICE };

async function ready() {
  t = makeTestCore();
  await t.createVault();
  const c = await t.call('candidates.create', { name: 'Åse Ødegård', emails: ['ase@example.no'] });
  return { t, c };
}

describe('consent ledger', () => {
  it('records a grant with who, when, how and the exact notice text, stored and hashed', async () => {
    const { c } = await ready();
    t.clock.advance(60_000);
    const event = await t.call('privacy.consents.grant', { candidateId: c.id, purpose: 'keepForFuture', source: 'form', notice });
    expect(event).toMatchObject({
      candidateId: c.id,
      purpose: 'keepForFuture',
      scope: null,
      action: 'grant',
      at: '2026-03-02T08:01:00.000Z',
      source: 'form',
      recordedBy: { name: 'Kari Rekrutterer' },
      notice: { version: 'samtykke-2026-1', text: NOTICE, sha256: createHash('sha256').update(NOTICE).digest('hex') },
    });
    expect((await t.call('privacy.consents.list', { candidateId: c.id })).map((e) => e.id)).toEqual([event.id]);
    const current = await t.call('privacy.consents.current', { candidateId: c.id });
    expect(current.purposes).toEqual({ recruitment: false, keepForFuture: true, marketingEmail: false, contactReferences: false });
    const trail = await t.call('privacy.audit.list', { candidateId: c.id });
    expect(trail.items[0]).toMatchObject({
      action: 'consent.grant',
      subjects: { consentEvent: event.id, noticeVersion: 'samtykke-2026-1' },
      detail: { purpose: 'keepForFuture', source: 'form' },
    });
  });

  it('takes the notice text from a published policy version, and refuses an unknown version without text', async () => {
    const { c } = await ready();
    const bad = await t.fail('privacy.consents.grant', { candidateId: c.id, purpose: 'recruitment', source: 'phone', notice: { version: 'v9' } });
    expect(bad.code).toBe('VALIDATION');
    expect(bad.message).toMatch(/No privacy policy has version "v9"/);
    await t.call('privacy.policy.publish', { version: 'v1', text: 'Personvernerklæring v1' });
    const e = await t.call('privacy.consents.grant', { candidateId: c.id, purpose: 'recruitment', source: 'phone', notice: { version: 'v1' } });
    expect(e.notice).toMatchObject({ version: 'v1', text: 'Personvernerklæring v1' });
  });

  it('derives the current state from the newest statement: a withdrawal applies at once, a later grant restores', async () => {
    const { c } = await ready();
    await t.call('privacy.consents.grant', { candidateId: c.id, purpose: 'marketingEmail', source: 'form', notice });
    t.clock.advance(1000);
    const [w] = await t.call('privacy.consents.withdraw', { candidateId: c.id, purpose: 'marketingEmail', source: 'email' });
    expect(w).toMatchObject({ action: 'withdraw', notice: null, source: 'email' });
    expect((await t.call('privacy.consents.current', { candidateId: c.id })).purposes.marketingEmail).toBe(false);
    // A paper form dated before the withdrawal, entered afterwards, does not undo it …
    await t.call('privacy.consents.grant', { candidateId: c.id, purpose: 'marketingEmail', source: 'form', notice, at: '2026-03-01T12:00:00Z' });
    expect((await t.call('privacy.consents.current', { candidateId: c.id })).purposes.marketingEmail).toBe(false);
    // … a new grant does.
    t.clock.advance(1000);
    await t.call('privacy.consents.grant', { candidateId: c.id, purpose: 'marketingEmail', source: 'phone', notice });
    expect((await t.call('privacy.consents.current', { candidateId: c.id })).purposes.marketingEmail).toBe(true);
    expect(await t.call('privacy.consents.list', { candidateId: c.id })).toHaveLength(4);
    const future = await t.fail('privacy.consents.grant', {
      candidateId: c.id, purpose: 'recruitment', source: 'form', notice, at: '2027-01-01T00:00:00Z',
    });
    expect(future.message).toMatch(/future/);
  });

  it('withdrawal is reflected at once everywhere: the marketing list and sharing', async () => {
    const { c } = await ready();
    const other = await t.call('candidates.create', { name: 'Per' });
    const ctx = t.core.ctx;
    await t.call('privacy.consents.grant', { candidateId: c.id, purpose: 'marketingEmail', source: 'form', notice });
    await t.call('privacy.consents.grant', { candidateId: other.id, purpose: 'marketingEmail', source: 'form', notice });
    await t.call('privacy.consents.grant', { candidateId: c.id, purpose: 'shareWithClient', clientId: 'client-1', source: 'phone', notice });
    await t.call('privacy.consents.grant', {
      candidateId: c.id, purpose: 'shareWithClient', clientId: 'client-2', vacancyId: 'vac-7', source: 'phone', notice,
    });
    expect((await consentHolders(ctx, 'marketingEmail')).sort()).toEqual([c.id, other.id].sort());
    expect(await hasConsent(ctx, c.id, 'shareWithClient', { clientId: 'client-1', vacancyId: 'any' })).toBe(true);
    expect(await hasConsent(ctx, c.id, 'shareWithClient', { clientId: 'client-2', vacancyId: 'vac-7' })).toBe(true);
    expect(await hasConsent(ctx, c.id, 'shareWithClient', { clientId: 'client-2', vacancyId: 'vac-8' })).toBe(false);
    expect(await hasConsent(ctx, c.id, 'shareWithClient', { clientId: 'client-3' })).toBe(false);
    expect((await t.call('privacy.consents.current', { candidateId: c.id })).sharing).toEqual([
      { clientId: 'client-1', vacancyId: null, vacancyTitle: null, since: expect.any(String) },
      { clientId: 'client-2', vacancyId: 'vac-7', vacancyTitle: null, since: expect.any(String) },
    ]);

    await t.call('privacy.consents.withdraw', { candidateId: c.id, purpose: 'marketingEmail', source: 'phone' });
    expect(await consentHolders(ctx, 'marketingEmail')).toEqual([other.id]);
    // Withdrawing a client as a whole ends its vacancy consents too.
    const ended = await t.call('privacy.consents.withdraw', { candidateId: c.id, purpose: 'shareWithClient', clientId: 'client-2', source: 'email' });
    expect(ended.map((e) => e.scope)).toEqual([
      { clientId: 'client-2', vacancyId: null, clientName: null, vacancyTitle: null },
      { clientId: 'client-2', vacancyId: 'vac-7', clientName: null, vacancyTitle: null },
    ]);
    expect(await hasConsent(ctx, c.id, 'shareWithClient', { clientId: 'client-2', vacancyId: 'vac-7' })).toBe(false);
    expect((await t.call('privacy.consents.current', { candidateId: c.id })).sharing.map((s) => s.clientId)).toEqual(['client-1']);
    // Deactivated candidates are out of marketing whatever they consented to.
    await t.call('candidates.setStatus', { id: other.id, status: 'inactive' });
    expect(await consentHolders(ctx, 'marketingEmail')).toEqual([]);
  });

  it('names the client for sharing consent, and only for sharing', async () => {
    const { c } = await ready();
    const noClient = await t.fail('privacy.consents.grant', { candidateId: c.id, purpose: 'shareWithClient', source: 'form', notice });
    expect(noClient.message).toMatch(/clientId: Sharing consent names the client/);
    const stray = await t.fail('privacy.consents.grant', { candidateId: c.id, purpose: 'recruitment', clientId: 'x', source: 'form', notice });
    expect(stray.code).toBe('VALIDATION');
    expect((await t.fail('privacy.consents.grant', { candidateId: 'nobody', purpose: 'recruitment', source: 'form', notice })).code).toBe('NOT_FOUND');
  });

  it('is append-only in the database itself', async () => {
    const { c } = await ready();
    await t.call('privacy.consents.grant', { candidateId: c.id, purpose: 'recruitment', source: 'form', notice });
    raw = openEncrypted(join(t.vaultDir, DATABASE_FILE), t.core.ctx.vault.requireSession().key);
    expect(() => raw!.prepare("UPDATE consent_events SET action = 'withdraw'").run()).toThrow(/append-only/);
    expect(() => raw!.prepare('DELETE FROM consent_events').run()).toThrow(/append-only/);
    expect(() => raw!.prepare("UPDATE privacy_notices SET text = 'other words'").run()).toThrow(/never changed/);
  });
});

describe('privacy-policy versions', () => {
  it('publishing lists every candidate who must be told; each is recorded as told only when marked', async () => {
    const { c } = await ready();
    const inactive = await t.call('candidates.create', { name: 'Bjørn', phones: ['912 34 567'] });
    await t.call('candidates.setStatus', { id: inactive.id, status: 'inactive' });
    const { policy, mustBeTold } = await t.call('privacy.policy.publish', { version: '2026-03', text: 'Ny erklæring', locale: 'nb' });
    expect(policy).toMatchObject({ version: '2026-03', locale: 'nb', text: 'Ny erklæring', notified: 0, publishedBy: { name: 'Kari Rekrutterer' } });
    expect(policy.sha256).toBe(createHash('sha256').update('Ny erklæring').digest('hex'));
    expect(mustBeTold).toEqual([
      { candidateId: inactive.id, name: 'Bjørn', status: 'inactive', email: null, phone: '+4791234567' },
      { candidateId: c.id, name: 'Åse Ødegård', status: 'active', email: 'ase@example.no', phone: null },
    ]);
    expect((await t.fail('privacy.policy.publish', { version: '2026-03', text: 'Endret' })).code).toBe('CONFLICT');

    t.clock.advance(1000);
    expect(await t.call('privacy.policy.markTold', { version: '2026-03', candidateIds: [c.id, c.id] })).toEqual({ told: 1, untold: 1 });
    // Told twice is told once.
    expect(await t.call('privacy.policy.markTold', { version: '2026-03', candidateIds: [c.id] })).toEqual({ told: 0, untold: 1 });
    expect(await t.call('privacy.policy.untold', { version: '2026-03' })).toEqual({ total: 1, items: [expect.objectContaining({ candidateId: inactive.id })] });
    expect((await t.call('privacy.audit.list', { candidateId: c.id })).items[0]).toMatchObject({
      action: 'policy.told',
      subjects: { policyVersion: '2026-03' },
      detail: { method: 'byHand' },
    });
    expect((await t.fail('privacy.policy.markTold', { version: 'nope', candidateIds: [c.id] })).code).toBe('NOT_FOUND');
    expect((await t.fail('privacy.policy.markTold', { version: '2026-03', candidateIds: ['nobody'] })).code).toBe('NOT_FOUND');

    await t.call('privacy.policy.publish', { version: '2026-04', text: 'Enda nyere', locale: 'en' });
    expect((await t.call('privacy.policy.list', {})).map((p) => [p.version, p.notified])).toEqual([
      ['2026-04', 0],
      ['2026-03', 1],
    ]);
    expect((await t.call('privacy.audit.list', {})).items[0]).toMatchObject({
      action: 'policy.publish',
      subjects: { policyVersion: '2026-04' },
      detail: { mustBeTold: 2 },
    });
    expect((await t.call('privacy.overview', {})).policy).toMatchObject({ version: '2026-04', untold: 2 });
  });
});

describe('who consents to a purpose', () => {
  it('lists the holders now, each sharing scope on its own line, withdrawn ones gone', async () => {
    const { c } = await ready();
    const per = await t.call('candidates.create', { name: 'Per' });
    await t.call('privacy.consents.grant', { candidateId: c.id, purpose: 'shareWithClient', clientId: 'k1', source: 'phone', notice });
    await t.call('privacy.consents.grant', { candidateId: c.id, purpose: 'shareWithClient', clientId: 'k2', vacancyId: 'v9', source: 'email', notice });
    await t.call('privacy.consents.grant', { candidateId: per.id, purpose: 'shareWithClient', clientId: 'k1', source: 'form', notice });
    await t.call('privacy.consents.grant', { candidateId: per.id, purpose: 'marketingEmail', source: 'form', notice });
    t.clock.advance(1000);
    await t.call('privacy.consents.withdraw', { candidateId: per.id, purpose: 'shareWithClient', clientId: 'k1', source: 'phone' });
    const sharing = await t.call('privacy.consents.holders', { purpose: 'shareWithClient' });
    expect(sharing.total).toBe(2);
    expect(sharing.items.map((h) => [h.name, h.scope, h.source, h.noticeVersion])).toEqual([
      ['Åse Ødegård', { clientId: 'k1', vacancyId: null, clientName: null, vacancyTitle: null }, 'phone', 'samtykke-2026-1'],
      ['Åse Ødegård', { clientId: 'k2', vacancyId: 'v9', clientName: null, vacancyTitle: null }, 'email', 'samtykke-2026-1'],
    ]);
    // A client and a vacancy of the register are named, for the recruiter and in the export.
    const client = await t.call('clients.create', { name: 'Fjordlager AS', orgNumber: '923609016' });
    const vacancy = await t.call('vacancies.create', { clientId: client.id, title: 'Truckfører, nattskift' });
    await t.call('privacy.consents.grant', { candidateId: per.id, purpose: 'shareWithClient', clientId: client.id, vacancyId: vacancy.id, source: 'form', notice });
    expect((await t.call('privacy.consents.holders', { purpose: 'shareWithClient' })).items.find((h) => h.name === 'Per')?.scope).toEqual({
      clientId: client.id,
      vacancyId: vacancy.id,
      clientName: 'Fjordlager AS',
      vacancyTitle: 'Truckfører, nattskift',
    });
    expect((await t.call('privacy.consents.current', { candidateId: per.id })).sharing).toEqual([
      { clientId: client.id, vacancyId: vacancy.id, vacancyTitle: 'Truckfører, nattskift', since: expect.any(String) },
    ]);
    expect((await t.call('privacy.consents.holders', { purpose: 'marketingEmail' })).items.map((h) => h.name)).toEqual(['Per']);
    expect(await t.call('privacy.consents.holders', { purpose: 'recruitment' })).toEqual({ total: 0, items: [] });
  });
});
