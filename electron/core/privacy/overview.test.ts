import { afterEach, describe, expect, it } from 'vitest';
import { makeTestCore } from '../testing/harness.ts';

let t: ReturnType<typeof makeTestCore>;
afterEach(async () => t?.cleanup());

const notice = { version: 'n1', text: 'Samtykketekst' };

describe('privacy overview', () => {
  it('counts consents by purpose, lists upcoming erasures and holds, and shows inactive candidates as inactive', async () => {
    t = makeTestCore({ retention: { firstDelayMs: 1e13 } });
    await t.call('settings.update', { idleLockMinutes: 0 });
    await t.createVault();
    const kept = await t.call('candidates.create', { name: 'Anne Aktiv' });
    const inactive = await t.call('candidates.create', { name: 'Ivar Inaktiv', emails: ['ivar@example.no'] });
    const held = await t.call('candidates.create', { name: 'Hilde Holdt' });
    const gone = await t.call('candidates.create', { name: 'Siri Slettet' });
    await t.call('privacy.consents.grant', { candidateId: kept.id, purpose: 'keepForFuture', source: 'form', notice });
    await t.call('privacy.consents.grant', { candidateId: kept.id, purpose: 'marketingEmail', source: 'form', notice });
    await t.call('privacy.consents.grant', { candidateId: inactive.id, purpose: 'marketingEmail', source: 'form', notice });
    await t.call('privacy.consents.grant', { candidateId: held.id, purpose: 'shareWithClient', clientId: 'k1', source: 'phone', notice });
    await t.call('privacy.consents.grant', { candidateId: held.id, purpose: 'shareWithClient', clientId: 'k2', source: 'phone', notice });
    await t.call('privacy.consents.grant', { candidateId: gone.id, purpose: 'recruitment', source: 'phone', notice });
    await t.call('privacy.consents.withdraw', { candidateId: gone.id, purpose: 'recruitment', source: 'phone' });
    await t.call('candidates.setStatus', { id: inactive.id, status: 'inactive' });
    const hold = await t.call('privacy.holds.set', { candidateId: held.id, reason: 'Sak', until: null });
    await t.call('privacy.erase', { candidateId: gone.id, reason: 'consentWithdrawn' });
    await t.call('privacy.policy.publish', { version: '2026-1', text: 'Erklæring' });

    t.clock.set('2027-02-15T08:00:00Z');
    const o = await t.call('privacy.overview', {});
    expect(o.candidates).toEqual({ active: 2, inactive: 1 });
    expect(o.consents).toEqual({ recruitment: 0, keepForFuture: 1, shareWithClient: 1, marketingEmail: 2, contactReferences: 0 });
    expect(o.erasures).toBe(1);
    expect(o.policy).toEqual({ version: '2026-1', publishedAt: '2026-03-02T08:00:00.000Z', untold: 3 });
    expect(o.requests).toEqual({ open: 0, overdue: 0 });
    expect(o.holds).toEqual([expect.objectContaining({ id: hold.id, candidateName: 'Hilde Holdt', candidateStatus: 'active', state: 'active' })]);
    // Both due the same day: in id order.
    expect(o.upcoming.map((u) => [u.name, u.status, u.held])).toEqual([
      ['Ivar Inaktiv', 'inactive', false],
      ['Hilde Holdt', 'active', true],
    ]);
    expect(o.upcoming[0]).toMatchObject({ candidateId: inactive.id, email: 'ivar@example.no', limitMonths: 12 });
  });
});
