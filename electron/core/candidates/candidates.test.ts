import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { makeTestCore } from '../testing/harness.ts';
import { candidateFields } from '../../../shared/contract/candidates.ts';
import { openEncrypted } from '../db/connection.ts';

let t: ReturnType<typeof makeTestCore>;
afterEach(async () => t?.cleanup());

async function ready() {
  t = makeTestCore();
  await t.createVault();
  return t;
}

describe('candidate register', () => {
  it('creates a candidate with phones in E.164 and Norwegian defaults', async () => {
    const t = await ready();
    const c = await t.call('candidates.create', {
      name: 'Åse Ødegård',
      emails: ['ase@example.no'],
      phones: ['912 34 567', '0047 22 33 44 55', '+46 70 123 45 67'],
      address: { street: 'Storgata 1', postalCode: '9008', city: 'Tromsø' },
      availability: { from: '2026-04-01', extentPercent: 80, shifts: ['evening', 'weekend'] },
      desiredRoles: ['Lagermedarbeider'],
    });
    expect(c.phones).toEqual(['+4791234567', '+4722334455', '+46701234567']);
    expect(c.address.country).toBe('NO');
    expect(c.status).toBe('active');
    expect(c.version).toBe(1);
    expect(c.createdBy).toBe(c.updatedBy);
    expect(c.createdAt).toBe('2026-03-02T08:00:00.000Z');
  });

  it('rejects an invalid phone or e-mail with the field named', async () => {
    const t = await ready();
    const bad = await t.fail('candidates.create', { name: 'X', phones: ['12'] });
    expect(bad.code).toBe('VALIDATION');
    expect(bad.message).toMatch(/^phones\.0: Not a valid phone number/);
    expect((await t.fail('candidates.create', { name: 'X', emails: ['not-an-email'] })).message).toMatch(/^emails\.0/);
    expect((await t.fail('candidates.create', { name: '  ' })).message).toMatch(/name/);
  });

  it('edits with optimistic concurrency: a stale version is a CONFLICT', async () => {
    const t = await ready();
    const c = await t.call('candidates.create', { name: 'Ola Nordmann' });
    t.clock.advance(60_000);
    const edited = await t.call('candidates.update', { id: c.id, version: 1, patch: { address: { city: 'Bergen' } } });
    expect(edited.version).toBe(2);
    expect(edited.address.city).toBe('Bergen');
    expect(edited.updatedAt).toBe('2026-03-02T08:01:00.000Z');
    const stale = await t.fail('candidates.update', { id: c.id, version: 1, patch: { name: 'Other' } });
    expect(stale.code).toBe('CONFLICT');
    expect((await t.fail('candidates.get', { id: 'missing' })).code).toBe('NOT_FOUND');
  });

  it('keeps the edit history: who, when, from what to what', async () => {
    const t = await ready();
    const c = await t.call('candidates.create', { name: 'Ola Nordmann', notes: 'Ringt' });
    t.clock.advance(5_000);
    await t.call('candidates.update', { id: c.id, version: 1, patch: { notes: 'Ringt to ganger' } });
    await t.call('candidates.setStatus', { id: c.id, status: 'inactive' });
    await t.call('candidates.setStatus', { id: c.id, status: 'active' });
    const history = await t.call('candidates.history', { id: c.id });
    expect(history.map((h) => h.action)).toEqual(['reactivated', 'deactivated', 'updated', 'created']);
    expect(history[2]).toMatchObject({
      actor: { name: 'Kari Rekrutterer' },
      at: '2026-03-02T08:00:05.000Z',
      changes: [{ field: 'notes', from: 'Ringt', to: 'Ringt to ganger' }],
    });
  });

  it('a patch changes only what it names: other fields, and other parts of the address, stay', async () => {
    const t = await ready();
    const c = await t.call('candidates.create', {
      name: 'Kari Nordmann',
      emails: ['kari@example.no'],
      phones: ['912 34 567'],
      address: { street: 'Storgata 1', postalCode: '0150', city: 'Oslo' },
      availability: { from: '2026-05-01', extentPercent: 60, shifts: ['day'] },
      notes: 'Ringt',
    });
    const edited = await t.call('candidates.update', { id: c.id, version: 1, patch: { address: { city: 'Bergen' } } });
    expect(edited).toMatchObject({
      emails: ['kari@example.no'],
      phones: ['+4791234567'],
      address: { street: 'Storgata 1', postalCode: '0150', city: 'Bergen', country: 'NO' },
      availability: { from: '2026-05-01', extentPercent: 60, shifts: ['day'] },
      notes: 'Ringt',
    });
    const [latest] = await t.call('candidates.history', { id: c.id });
    expect(latest!.changes.map((ch) => ch.field)).toEqual(['address']);
    const shifts = await t.call('candidates.update', { id: c.id, version: 2, patch: { availability: { shifts: ['night'] } } });
    expect(shifts.availability).toEqual({ from: '2026-05-01', extentPercent: 60, shifts: ['night'] });
  });

  it('an edit that changes nothing leaves version and history alone', async () => {
    const t = await ready();
    const c = await t.call('candidates.create', { name: 'Ola Nordmann' });
    const same = await t.call('candidates.update', { id: c.id, version: 1, patch: { name: 'Ola Nordmann' } });
    expect(same.version).toBe(1);
    expect(await t.call('candidates.history', { id: c.id })).toHaveLength(1);
  });

  it('lists with Norwegian sort order, status filter and quick filter', async () => {
    const t = await ready();
    for (const name of ['Åse Berg', 'Øystein Dahl', 'Ærlige Ann', 'Zara Lie', 'Anders Aas']) {
      await t.call('candidates.create', { name, phones: name === 'Zara Lie' ? ['41 23 45 67'] : [] });
    }
    const names = (await t.call('candidates.list', {})).items.map((i) => i.name);
    expect(names).toEqual(['Anders Aas', 'Zara Lie', 'Ærlige Ann', 'Øystein Dahl', 'Åse Berg']);
    const desc = (await t.call('candidates.list', { dir: 'desc', limit: 2 })).items.map((i) => i.name);
    expect(desc).toEqual(['Åse Berg', 'Øystein Dahl']);

    const zara = (await t.call('candidates.list', { text: 'zar' })).items[0]!;
    await t.call('candidates.setStatus', { id: zara.id, status: 'inactive' });
    expect((await t.call('candidates.list', { status: 'active' })).total).toBe(4);
    expect((await t.call('candidates.list', { status: 'inactive' })).items.map((i) => i.name)).toEqual(['Zara Lie']);
    expect((await t.call('candidates.list', { text: '4123' })).items.map((i) => i.name)).toEqual(['Zara Lie']);
    expect((await t.call('candidates.list', { text: 'dahl' })).items.map((i) => i.name)).toEqual(['Øystein Dahl']);
    // LIKE wildcards typed by a user are literal characters, not patterns.
    expect((await t.call('candidates.list', { text: '%' })).total).toBe(0);
  });

  it('a large bulk load lands whole and leaves the database in WAL mode with its normal cache', async () => {
    const t = await ready();
    const { db, owner } = t.core.ctx.vault.requireSession();
    const rows = Array.from({ length: 6000 }, (_, i) => ({
      id: `bulk-${i}`,
      fields: candidateFields.parse({ name: `Kandidat ${String(i).padStart(4, '0')}`, address: { city: 'Bodø' } }),
    }));
    expect(await db.call('candidates.insertMany', { rows, actorId: owner.id, at: '2026-03-02T08:00:00.000Z' })).toBe(6000);
    expect((await t.call('candidates.list', { text: 'Kandidat 5999' })).items.map((i) => i.id)).toEqual(['bulk-5999']);
    expect((await t.call('candidates.list', {})).total).toBe(6000);
    const raw = openEncrypted(join(t.vaultDir, 'kandidat.db'), t.core.ctx.vault.requireSession().key, { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();
  });

  it('announces changes so open lists refresh', async () => {
    const t = await ready();
    const seen: string[] = [];
    t.core.events.on((name, payload) => {
      if (name === 'candidates.changed') seen.push((payload as { kind: string }).kind);
    });
    const c = await t.call('candidates.create', { name: 'Ola' });
    await t.call('candidates.update', { id: c.id, version: 1, patch: { notes: 'x' } });
    expect(seen).toEqual(['created', 'updated']);
  });
});
