import { afterEach, describe, expect, it } from 'vitest';
import { makeTestCore, TEST_PASSPHRASE } from '../testing/harness.ts';
import { decryptedVaultPages, findInPages } from '../testing/vault-pages.ts';
import type { CoreOptions } from '../index.ts';
import { candidateFields } from '../../../shared/contract/candidates.ts';

let t: ReturnType<typeof makeTestCore>;
afterEach(async () => t?.cleanup());

const NOTICE = { version: 'samtykke-1', text: 'Vi tar vare på CV-en din i inntil fire år for fremtidige oppdrag.' };
// Created at the harness's start, 2026-03-02T08:00:00Z.
const T0 = '2026-03-02T08:00:00.000Z';

/** Months of fake time pass; the idle lock is off so the vault stays open, the daily job only where a test wants it. */
async function ready(options: Partial<CoreOptions> = { retention: { firstDelayMs: 1e13 } }) {
  t = makeTestCore(options);
  await t.call('settings.update', { idleLockMinutes: 0 });
  await t.createVault();
  return t;
}

const run = (asOf?: string) => t.call('privacy.retention.run', asOf ? { asOf } : {});
const erasedIds = async (asOf?: string) => (await run(asOf)).erased.map((e) => e.candidateId);

describe('retention', () => {
  it('without the keep-for-future consent: erased after 12 months without own activity, listed 30 days ahead', async () => {
    await ready();
    const c = await t.call('candidates.create', { name: 'Kortvarig Kandidat' });
    t.clock.set('2027-01-30T08:00:00Z');
    expect(await t.call('privacy.retention.upcoming', {})).toEqual([]);
    t.clock.set('2027-01-31T08:00:00Z');
    expect(await t.call('privacy.retention.upcoming', {})).toEqual([
      {
        candidateId: c.id,
        name: 'Kortvarig Kandidat',
        status: 'active',
        email: null,
        phone: null,
        lastOwnActivityAt: T0,
        keepConsent: false,
        limitMonths: 12,
        dueAt: '2027-03-02T08:00:00.000Z',
        held: false,
      },
    ]);
    t.clock.set('2027-03-02T07:59:00Z');
    expect(await erasedIds()).toEqual([]);
    t.clock.set('2027-03-02T08:00:01Z');
    const report = await run();
    expect(report.erased).toEqual([
      { candidateId: c.id, lastOwnActivityAt: T0, keepConsent: false, limitMonths: 12, dueAt: '2027-03-02T08:00:00.000Z', held: false, reason: 'limitWithoutKeepConsent' },
    ]);
    expect(report).toMatchObject({ dryRun: false, limits: { keepMonthsWithConsent: 48, keepMonthsWithoutConsent: 12 }, held: [], cancelled: false });
    expect((await t.fail('candidates.get', { id: c.id })).code).toBe('NOT_FOUND');
    expect((await t.call('privacy.erasures.list', {})).items[0]).toMatchObject({ candidateId: c.id, reason: 'retention' });
  });

  it('with the keep-for-future consent: kept past 12 months, erased after 48', async () => {
    await ready();
    const c = await t.call('candidates.create', { name: 'Langvarig Kandidat' });
    await t.call('privacy.consents.grant', { candidateId: c.id, purpose: 'keepForFuture', source: 'form', notice: NOTICE });
    t.clock.set('2027-03-03T08:00:00Z');
    expect(await erasedIds()).toEqual([]);
    t.clock.set('2030-03-02T07:59:00Z');
    expect(await erasedIds()).toEqual([]);
    expect((await t.call('privacy.retention.upcoming', {}))[0]).toMatchObject({ candidateId: c.id, keepConsent: true, limitMonths: 48 });
    t.clock.set('2030-03-02T08:00:01Z');
    expect((await run()).erased).toEqual([expect.objectContaining({ candidateId: c.id, limitMonths: 48, reason: 'limitWithKeepConsent' })]);
  });

  it('a withdrawn keep-for-future consent brings back the short limit', async () => {
    await ready();
    const c = await t.call('candidates.create', { name: 'Angrende Kandidat' });
    await t.call('privacy.consents.grant', { candidateId: c.id, purpose: 'keepForFuture', source: 'form', notice: NOTICE });
    t.clock.set('2026-04-02T08:00:00Z');
    await t.call('privacy.consents.withdraw', { candidateId: c.id, purpose: 'keepForFuture', source: 'phone' });
    t.clock.set('2027-03-02T08:00:01Z');
    expect(await erasedIds()).toEqual([c.id]);
  });

  it('the candidate’s own activity restarts the clock; a recruiter’s edit does not', async () => {
    await ready();
    const c = await t.call('candidates.create', { name: 'Aktiv Kandidat' });
    t.clock.set('2027-02-01T08:00:00Z');
    await t.call('candidates.update', { id: c.id, version: 1, patch: { notes: 'Ringte, ingen svar' } });
    await t.call('privacy.activity.record', { candidateId: c.id, kind: 'reply', at: '2027-01-15T10:00:00Z' });
    t.clock.set('2027-03-02T08:00:01Z');
    expect(await erasedIds()).toEqual([]);
    t.clock.set('2028-01-15T10:00:01Z');
    expect(await erasedIds()).toEqual([c.id]);
    expect((await t.fail('privacy.activity.record', { candidateId: c.id, kind: 'login' })).code).toBe('NOT_FOUND');
  });

  it('a legal hold blocks the purge while it lasts; an expired or released hold does not', async () => {
    await ready();
    const held = await t.call('candidates.create', { name: 'Tvist Kandidat' });
    const released = await t.call('candidates.create', { name: 'Frigitt Kandidat' });
    const hold = await t.call('privacy.holds.set', { candidateId: held.id, reason: 'Arbeidsrettssak 24-118', until: '2027-06-30' });
    const other = await t.call('privacy.holds.set', { candidateId: released.id, reason: 'Klage', until: null });
    expect(hold).toMatchObject({ state: 'active', until: '2027-06-30', setBy: { name: 'Kari Rekrutterer' }, releasedAt: null });

    t.clock.set('2027-04-01T08:00:00Z');
    const report = await run();
    expect(report.erased).toEqual([]);
    expect(report.held.map((h) => [h.candidateId, h.held])).toEqual([
      [held.id, true],
      [released.id, true],
    ]);
    // Erasure on request waits for the hold too.
    const refused = await t.fail('privacy.erase', { candidateId: held.id, reason: 'request' });
    expect(refused).toMatchObject({ code: 'CONFLICT', details: { holdUntil: '2027-06-30' } });

    await t.call('privacy.holds.release', { holdId: other.id });
    expect(await erasedIds()).toEqual([released.id]);

    t.clock.set('2027-06-30T23:00:00Z');
    expect(await erasedIds()).toEqual([]);
    t.clock.set('2027-07-01T00:00:01Z');
    expect((await t.call('privacy.holds.list', {})).map((h) => h.id)).toEqual([]);
    expect((await t.call('privacy.holds.list', { candidateId: held.id, state: 'all' }))[0]!.state).toBe('expired');
    expect(await erasedIds()).toEqual([held.id]);
  });

  it('holds: listed, released once, never set before today, audited by id without the reason', async () => {
    await ready();
    const c = await t.call('candidates.create', { name: 'Ola' });
    const h = await t.call('privacy.holds.set', { candidateId: c.id, reason: 'Politietterforskning sak 99', until: null });
    expect((await t.call('privacy.holds.list', {})).map((x) => x.id)).toEqual([h.id]);
    const released = await t.call('privacy.holds.release', { holdId: h.id });
    expect(released).toMatchObject({ state: 'released', releasedBy: { name: 'Kari Rekrutterer' } });
    expect((await t.fail('privacy.holds.release', { holdId: h.id })).code).toBe('CONFLICT');
    expect((await t.fail('privacy.holds.set', { candidateId: c.id, reason: 'x', until: '2026-01-01' })).message).toMatch(/before today/);
    const trail = await t.call('privacy.audit.list', { candidateId: c.id });
    expect(trail.items.slice(0, 2).map((e) => [e.action, e.subjects])).toEqual([
      ['hold.release', { hold: h.id }],
      ['hold.set', { hold: h.id }],
    ]);
    expect(JSON.stringify(trail)).not.toMatch(/Politi/);
  });

  it('limits come from the settings; a dry run and a future date erase nothing', async () => {
    await ready();
    const c = await t.call('candidates.create', { name: 'Ola' });
    await t.call('candidates.setStatus', { id: c.id, status: 'inactive' });
    expect(await t.call('privacy.settings.update', { keepMonthsWithoutConsent: 6 })).toEqual({ keepMonthsWithConsent: 48, keepMonthsWithoutConsent: 6 });
    t.clock.set('2026-08-20T08:00:00Z');
    expect((await t.call('privacy.retention.upcoming', { days: 30 }))[0]).toMatchObject({ candidateId: c.id, status: 'inactive', limitMonths: 6 });
    const dry = await t.call('privacy.retention.run', { dryRun: true, asOf: '2026-09-03' });
    expect(dry.erased.map((e) => e.candidateId)).toEqual([c.id]);
    expect((await t.call('candidates.list', {})).total).toBe(1);
    expect(await erasedIds('2026-09-02')).toEqual([]);
    expect(await erasedIds('2026-09-03')).toEqual([c.id]);
    const trail = (await t.call('privacy.audit.list', {})).items.filter((e) => e.action === 'retention.run');
    expect(trail.map((e) => e.detail)).toEqual([
      { asOf: '2026-09-03T00:00:00.000Z', dryRun: false, erased: 1, held: 0, cancelled: false, scheduled: false },
      { asOf: '2026-09-02T00:00:00.000Z', dryRun: false, erased: 0, held: 0, cancelled: false, scheduled: false },
      { asOf: '2026-09-03T00:00:00.000Z', dryRun: true, erased: 1, held: 0, cancelled: false, scheduled: false },
    ]);
  });

  it('a large run erases all that are due, purges their words from the search index and leaves search working for the rest', async () => {
    await ready();
    const { db, owner } = t.core.ctx.vault.requireSession();
    const due = Array.from({ length: 150 }, (_, i) => ({ id: `due-${i}`, fields: candidateFields.parse({ name: `Utløpt Kandidat${i} Fjellheim` }) }));
    const stay = Array.from({ length: 2 }, (_, i) => ({ id: `stay-${i}`, fields: candidateFields.parse({ name: `Aktuell Kandidat${i} Strandvik` }) }));
    await db.call('candidates.insertMany', { rows: due, actorId: owner.id, at: '2025-01-10T08:00:00.000Z' });
    await db.call('candidates.insertMany', { rows: stay, actorId: owner.id, at: '2026-03-01T08:00:00.000Z' });
    expect((await t.call('search.query', { query: 'Fjellheim', limit: 200 })).total).toBe(150);
    // A few due among many: each deleted from the index at once; a large share: the words purged after the batches.
    expect(await db.call('retention.isBulk', { erasing: 1 })).toBe(false);
    expect(await db.call('retention.isBulk', { erasing: 150 })).toBe(true);

    const report = await run();
    expect(report.erased).toHaveLength(150);
    expect(await db.call('retention.purgeSearchIndex')).toEqual({ purged: false }); // the run did it
    const pages = decryptedVaultPages(t.vaultDir, t.core.ctx.vault.requireSession().key);
    expect(findInPages(pages, ['fjellheim', 'Fjellheim', 'Kandidat149'])).toEqual([]);
    expect((await t.call('search.query', { query: 'Fjellheim' })).total).toBe(0);
    expect((await t.call('search.query', { query: 'Strandvik' })).hits.map((h) => h.id).sort()).toEqual(['stay-0', 'stay-1']);
    expect((await t.call('candidates.list', {})).total).toBe(2);
    expect(await t.call('privacy.audit.verify', {})).toMatchObject({ intact: true });
  });

  it('a large run stopped between its batches and its index purge is purged when the vault is next opened', async () => {
    await ready();
    const { db, owner } = t.core.ctx.vault.requireSession();
    const due = Array.from({ length: 120 }, (_, i) => ({ id: `due-${i}`, fields: candidateFields.parse({ name: `Utløpt Person${i} Bjørkelund` }) }));
    await db.call('candidates.insertMany', { rows: due, actorId: owner.id, at: '2025-01-10T08:00:00.000Z' });
    await db.call('candidates.insertMany', { rows: [{ id: 'stay', fields: candidateFields.parse({ name: 'Aktuell Strandvik' }) }], actorId: owner.id, at: '2026-03-01T08:00:00.000Z' });
    // What a run does before its purge: the batch, with the index's secure-delete off.
    const { erased } = await db.call('retention.eraseExpired', { ids: due.map((d) => d.id), actorId: owner.id, at: '2026-03-02T09:00:00.000Z', bulk: true });
    expect(erased).toHaveLength(120);
    expect((await t.call('search.query', { query: 'Bjorkelund' })).total).toBe(0);

    // The app stops here. Opening the vault again finishes the purge before anything else.
    await t.call('vault.lock', {});
    await t.call('vault.unlock', { passphrase: TEST_PASSPHRASE });
    const session = t.core.ctx.vault.requireSession();
    expect(await session.db.call('retention.purgeSearchIndex')).toEqual({ purged: false });
    await session.db.call('privacy.wipeFreedPages', { vacuum: false });
    expect(findInPages(decryptedVaultPages(t.vaultDir, session.key), ['bjorkelund', 'Bjørkelund', 'Person119'])).toEqual([]);
    expect((await t.call('search.query', { query: 'Strandvik' })).hits.map((h) => h.id)).toEqual(['stay']);
  });

  it('runs by itself a minute after unlock and then daily while unlocked, as the system', async () => {
    const errors: unknown[] = [];
    await ready({ retention: { firstDelayMs: 60_000, intervalMs: 24 * 3600_000 }, onInternalError: (_, e) => errors.push(e) });
    const c = await t.call('candidates.create', { name: 'Ola' });
    const runs: { done: number; total: number }[] = [];
    let finished!: () => void;
    let next = new Promise<void>((r) => (finished = r));
    t.core.events.on((name, p) => {
      if (name !== 'retention.progress' || !(p as { finished: boolean }).finished) return;
      runs.push(p as { done: number; total: number });
      finished();
      next = new Promise<void>((r) => (finished = r));
    });
    let waiting = next;
    t.clock.advance(60_000);
    await waiting;
    expect(runs).toEqual([expect.objectContaining({ done: 0, total: 0 })]);
    // A year and a day later the daily run erases the candidate.
    waiting = next;
    t.clock.advance(366 * 24 * 3600_000);
    await waiting;
    expect(runs.at(-1)).toMatchObject({ done: 1, total: 1 });
    expect((await t.fail('candidates.get', { id: c.id })).code).toBe('NOT_FOUND');
    const entry = (await t.call('privacy.audit.list', {})).items.find((e) => e.action === 'erasure')!;
    expect(entry).toMatchObject({ actorId: null, candidateId: c.id, detail: { reason: 'retention' } });
    // Locked: no more runs.
    await t.call('vault.lock', {});
    const count = runs.length;
    t.clock.advance(3 * 24 * 3600_000);
    expect(runs.length).toBe(count);
    expect(errors).toEqual([]);
  });
});
