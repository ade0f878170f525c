import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { makeTestCore, TEST_PASSPHRASE } from '../testing/harness.ts';
import { openEncrypted, type Db } from '../db/connection.ts';
import { DATABASE_FILE } from '../db/envelope.ts';
import { entryHash } from './chain.ts';

let t: ReturnType<typeof makeTestCore>;
let raw: Db | null = null;
function closeRaw() {
  raw?.close();
  raw = null;
}
afterEach(async () => {
  closeRaw();
  await t?.cleanup();
});

async function ready() {
  t = makeTestCore();
  await t.createVault();
  return t;
}

/** A second connection with the session's key, as someone with the key and a SQLite shell would have. */
function rawConnection(): Db {
  raw = openEncrypted(join(t.vaultDir, DATABASE_FILE), t.core.ctx.vault.requireSession().key);
  return raw;
}

describe('audit log', () => {
  it('records unlocks and every view of a candidate, by whom, with ids and no personal data', async () => {
    await ready();
    const c = await t.call('candidates.create', { name: 'Gunnhild Aaberg', emails: ['gunnhild@eksempel.no'] });
    await t.call('candidates.get', { id: c.id });
    await t.call('candidates.profile', { id: c.id });
    await t.call('vault.lock', {});
    t.clock.advance(60_000);
    await t.call('vault.unlock', { passphrase: TEST_PASSPHRASE });
    const owner = (await t.call('vault.status', {})).owner!;
    const { items, total } = await t.call('privacy.audit.list', {});
    expect(total).toBe(4);
    expect(items.map((e) => [e.action, e.candidateId, e.actorId, e.detail])).toEqual([
      ['vault.unlock', null, owner.id, { via: 'passphrase' }],
      ['candidate.view', c.id, owner.id, {}],
      ['candidate.view', c.id, owner.id, {}],
      ['vault.unlock', null, owner.id, { via: 'create' }],
    ]);
    expect(items[0]!.at).toBe('2026-03-02T08:01:00.000Z');
    expect(JSON.stringify(items)).not.toMatch(/Gunnhild|eksempel|Kari/);
    const trail = await t.call('privacy.audit.list', { candidateId: c.id });
    expect(trail.items.map((e) => e.seq)).toEqual([3, 2]);
    // A missing record is not logged as viewed.
    await t.fail('candidates.get', { id: 'nobody' });
    expect((await t.call('privacy.audit.list', {})).total).toBe(4);
  });

  it('chains each entry to the one before', async () => {
    await ready();
    const c = await t.call('candidates.create', { name: 'Ola' });
    await t.call('candidates.get', { id: c.id });
    const { items } = await t.call('privacy.audit.list', {});
    expect(items[0]!.prevHash).toBe(items[1]!.hash);
    expect(items[1]!.prevHash).toBe('0'.repeat(64));
    expect(await t.call('privacy.audit.verify', {})).toMatchObject({ intact: true, entries: 2, firstBroken: null });
  });

  it('refuses UPDATE and DELETE in the database itself', async () => {
    await ready();
    const db = rawConnection();
    expect(() => db.prepare("UPDATE audit_log SET action = 'x'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
  });

  async function fiveEntries() {
    await ready();
    const c = await t.call('candidates.create', { name: 'Ola' });
    for (let i = 0; i < 4; i++) await t.call('candidates.get', { id: c.id });
    expect((await t.call('privacy.audit.verify', {})).intact).toBe(true);
    const db = rawConnection();
    db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
    return { db, c };
  }

  it('names the first entry that was edited', async () => {
    const { db, c } = await fiveEntries();
    db.prepare("UPDATE audit_log SET candidate_id = 'someone-else' WHERE seq = 3").run();
    const v = await t.call('privacy.audit.verify', {});
    expect(v).toMatchObject({ intact: false, firstBroken: { seq: 3, problem: 'changed' } });
    expect(v.message).toMatch(/entry 3 was changed/);
    void c;
  });

  it('notices an edit whose own hash was recomputed: the link from the next entry breaks', async () => {
    const { db } = await fiveEntries();
    const row = db.prepare('SELECT * FROM audit_log WHERE seq = 2').get() as {
      actor_id: string | null;
      action: string;
      candidate_id: string | null;
      subjects: string;
      detail: string;
      prev_hash: string;
    };
    const at = '2020-01-01T00:00:00.000Z';
    const hash = entryHash({
      seq: 2,
      at,
      actorId: row.actor_id,
      action: row.action,
      candidateId: row.candidate_id,
      subjects: JSON.parse(row.subjects),
      detail: JSON.parse(row.detail),
      prevHash: row.prev_hash,
    });
    db.prepare('UPDATE audit_log SET at = ?, hash = ? WHERE seq = 2').run(at, hash);
    expect((await t.call('privacy.audit.verify', {})).firstBroken).toEqual({ seq: 3, problem: 'unlinked' });
  });

  it('names a removed entry in the middle, at the start and at the end', async () => {
    let { db } = await fiveEntries();
    db.prepare('DELETE FROM audit_log WHERE seq = 3').run();
    expect((await t.call('privacy.audit.verify', {})).firstBroken).toEqual({ seq: 3, problem: 'missing' });
    closeRaw();
    await t.cleanup();

    ({ db } = await fiveEntries());
    db.prepare('DELETE FROM audit_log WHERE seq = 1').run();
    expect((await t.call('privacy.audit.verify', {})).firstBroken).toEqual({ seq: 1, problem: 'missing' });
    closeRaw();
    await t.cleanup();

    ({ db } = await fiveEntries());
    db.prepare('DELETE FROM audit_log WHERE seq = 5').run();
    const v = await t.call('privacy.audit.verify', {});
    expect(v.firstBroken).toEqual({ seq: 5, problem: 'truncated' });
    expect(v.message).toMatch(/removed/);
  });
});

describe('kandidat audit verify', () => {
  const bin = fileURLToPath(new URL('../../cli/bin.mjs', import.meta.url));
  const run = (vaultDir: string, args: string[]) => {
    const r = spawnSync(process.execPath, [bin, '--vault', vaultDir, ...args], {
      env: { ...process.env, KANDIDAT_PASSPHRASE: TEST_PASSPHRASE },
      encoding: 'utf8',
    });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };

  it('exits 0 on an intact chain and 1 naming the first broken entry after an edit', async () => {
    await ready();
    const c = await t.call('candidates.create', { name: 'Ola' });
    await t.call('candidates.get', { id: c.id });
    await t.call('candidates.get', { id: c.id });
    const key = Buffer.from(t.core.ctx.vault.requireSession().key);
    await t.call('vault.lock', {});

    const ok = run(t.vaultDir, ['audit', 'verify']);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/intact: 4 entries/); // 3 here + the CLI's own unlock

    raw = openEncrypted(join(t.vaultDir, DATABASE_FILE), key);
    raw.exec('DROP TRIGGER audit_log_no_update');
    raw.prepare(`UPDATE audit_log SET detail = '{"via":"elsewhere"}' WHERE seq = 1`).run();
    closeRaw();

    const broken = run(t.vaultDir, ['audit', 'verify', '--json']);
    expect(broken.code).toBe(1);
    expect(JSON.parse(broken.stdout)).toMatchObject({ intact: false, firstBroken: { seq: 1, problem: 'changed' } });
    expect(broken.stderr).toMatch(/entry 1/);
  });
});
