import { afterEach, describe, expect, it } from 'vitest';
import { makeTestCore } from '../testing/harness.ts';
import { formatOrgNumber, isValidOrgNumber } from '../../../shared/contract/clients.ts';

let t: ReturnType<typeof makeTestCore>;
afterEach(async () => t?.cleanup());

async function ready() {
  t = makeTestCore();
  await t.createVault();
  return t;
}

describe('organisation number (mod 11)', () => {
  it('accepts real Norwegian numbers, with or without spaces', () => {
    // Brønnøysundregistrene, Equinor, DNB.
    expect(isValidOrgNumber('974760673')).toBe(true);
    expect(isValidOrgNumber('923 609 016')).toBe(true);
    expect(isValidOrgNumber('984851006')).toBe(true);
  });

  it('refuses a wrong check digit, a wrong length, letters and remainder-1 numbers', () => {
    expect(isValidOrgNumber('974760674')).toBe(false);
    expect(isValidOrgNumber('97476067')).toBe(false);
    expect(isValidOrgNumber('9747606733')).toBe(false);
    expect(isValidOrgNumber('97476067A')).toBe(false);
    // 2·3 + 3·2 = 12, remainder 1, check digit 10: no such number is issued.
    expect(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'].some((d) => isValidOrgNumber(`20000003${d}`))).toBe(false);
  });

  it('formats nine digits in groups of three', () => {
    expect(formatOrgNumber('923609016')).toBe('923 609 016');
  });
});

describe('clients', () => {
  it('creates a client with contacts: org number without spaces, phones in E.164', async () => {
    const t = await ready();
    const c = await t.call('clients.create', {
      name: 'Lager & Logistikk AS',
      orgNumber: '923 609 016',
      contacts: [{ name: 'Per Hansen', role: 'Driftsleder', email: 'per@lager.no', phone: '912 34 567' }],
    });
    expect(c.orgNumber).toBe('923609016');
    expect(c.country).toBe('NO');
    expect(c.contacts).toHaveLength(1);
    expect(c.contacts[0]).toMatchObject({ name: 'Per Hansen', role: 'Driftsleder', phone: '+4791234567' });
    expect(await t.call('clients.get', { id: c.id })).toEqual(c);
  });

  it('refuses an invalid Norwegian org number and names the field; a foreign client may have none', async () => {
    const t = await ready();
    const bad = await t.fail('clients.create', { name: 'Feil AS', orgNumber: '923609017' });
    expect(bad.code).toBe('VALIDATION');
    expect(bad.message).toMatch(/orgNumber: Not a valid Norwegian organisation number/);
    expect((await t.fail('clients.create', { name: 'Uten AS' })).message).toMatch(/orgNumber/);
    const se = await t.call('clients.create', { name: 'Svensk Lager AB', country: 'se' });
    expect(se).toMatchObject({ country: 'SE', orgNumber: '' });
    expect((await t.fail('clients.create', { name: 'X', orgNumber: '974760673', country: 'Norway' })).message).toMatch(/country/);
  });

  it('refuses the same company twice, naming the existing client', async () => {
    const t = await ready();
    await t.call('clients.create', { name: 'Equinor ASA', orgNumber: '923609016' });
    const dup = await t.fail('clients.create', { name: 'Equinor', orgNumber: '923 609 016' });
    expect(dup.code).toBe('CONFLICT');
    expect(dup.message).toMatch(/already registered for Equinor ASA/);
  });

  it('updates with optimistic concurrency and re-checks the org number', async () => {
    const t = await ready();
    const c = await t.call('clients.create', { name: 'Bygg AS', orgNumber: '974760673' });
    t.clock.advance(1000);
    const renamed = await t.call('clients.update', { id: c.id, version: 1, patch: { name: 'Bygg og Anlegg AS' } });
    expect(renamed.version).toBe(2);
    expect(renamed.updatedAt).toBe('2026-03-02T08:00:01.000Z');
    expect((await t.fail('clients.update', { id: c.id, version: 1, patch: { name: 'Z' } })).code).toBe('CONFLICT');
    expect((await t.fail('clients.update', { id: c.id, version: 2, patch: { orgNumber: '974760674' } })).code).toBe('VALIDATION');
    expect((await t.fail('clients.get', { id: 'missing' })).code).toBe('NOT_FOUND');
  });

  it('adds, edits and removes contacts', async () => {
    const t = await ready();
    const c = await t.call('clients.create', { name: 'Helse Nord', orgNumber: '984851006' });
    const withOne = await t.call('clients.contacts.add', { clientId: c.id, contact: { name: 'Åse Berg', email: 'ase@helse.no' } });
    const contact = withOne.contacts[0]!;
    expect(withOne.version).toBe(2);
    const edited = await t.call('clients.contacts.update', { id: contact.id, patch: { role: 'HR-rådgiver', phone: '+47 22 33 44 55' } });
    expect(edited.contacts[0]).toMatchObject({ name: 'Åse Berg', role: 'HR-rådgiver', phone: '+4722334455', email: 'ase@helse.no' });
    expect((await t.fail('clients.contacts.add', { clientId: c.id, contact: { name: 'X', phone: '12' } })).code).toBe('VALIDATION');
    const removed = await t.call('clients.contacts.remove', { id: contact.id });
    expect(removed.contacts).toEqual([]);
  });

  it('lists clients by name and filters by name word or org number', async () => {
    const t = await ready();
    await t.call('clients.create', { name: 'Østlandet Bemanning AS', orgNumber: '974760673' });
    await t.call('clients.create', { name: 'Bergen Havn', orgNumber: '923609016', contacts: [{ name: 'A' }, { name: 'B' }] });
    const all = await t.call('clients.list', {});
    expect(all.items.map((c) => c.name)).toEqual(['Bergen Havn', 'Østlandet Bemanning AS']);
    expect(all.items[0]!.contactCount).toBe(2);
    expect((await t.call('clients.list', { text: 'bemann' })).items.map((c) => c.name)).toEqual(['Østlandet Bemanning AS']);
    expect((await t.call('clients.list', { text: '923 60' })).items.map((c) => c.name)).toEqual(['Bergen Havn']);
    expect((await t.call('clients.list', { text: '%' })).total).toBe(0);
  });
});
