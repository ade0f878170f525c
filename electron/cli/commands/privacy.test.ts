import { afterEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { makeTestCore, TEST_PASSPHRASE } from '../../core/testing/harness.ts';

/** The privacy commands as a user runs them: a separate process on a vault made by a test core. */
const bin = fileURLToPath(new URL('../bin.mjs', import.meta.url));
let t: ReturnType<typeof makeTestCore> | undefined;
afterEach(async () => {
  await t?.cleanup();
  t = undefined;
});

function kandidat(vaultDir: string, args: string[]) {
  const r = spawnSync(process.execPath, [bin, '--vault', vaultDir, ...args], {
    env: { ...process.env, KANDIDAT_PASSPHRASE: TEST_PASSPHRASE },
    encoding: 'utf8',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('kandidat erase', () => {
  it('does nothing without --yes, erases with it, and says so', async () => {
    t = makeTestCore();
    await t.createVault();
    const c = await t.call('candidates.create', { name: 'Ola Nordmann' });
    await t.call('vault.lock', {});

    const refused = kandidat(t.vaultDir, ['erase', c.id]);
    expect(refused.code).toBe(64);
    expect(refused.stderr).toMatch(/cannot be undone\. Add --yes/);

    const done = kandidat(t.vaultDir, ['erase', c.id, '--yes', '--json']);
    expect(done.code).toBe(0);
    expect(JSON.parse(done.stdout)).toMatchObject({ candidateId: c.id, reason: 'request', removed: { candidate: 1 } });

    const missing = kandidat(t.vaultDir, ['erase', c.id, '--yes']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/erased already/);

    await t.call('vault.unlock', { passphrase: TEST_PASSPHRASE });
    expect((await t.call('candidates.list', {})).total).toBe(0);
  });
});

describe('kandidat retention run', () => {
  it('reports who is past the limit as of a date, erases them unless --dry-run, and keeps those under hold', async () => {
    t = makeTestCore();
    await t.createVault();
    const gone = await t.call('candidates.create', { name: 'Ola Nordmann' });
    const held = await t.call('candidates.create', { name: 'Kari Holdt' });
    const kept = await t.call('candidates.create', { name: 'Per Samtykke' });
    await t.call('privacy.consents.grant', {
      candidateId: kept.id, purpose: 'keepForFuture', source: 'form', notice: { version: 'v1', text: 'Fire år' },
    });
    await t.call('privacy.holds.set', { candidateId: held.id, reason: 'Sak', until: null });
    await t.call('vault.lock', {});

    const dry = kandidat(t.vaultDir, ['retention', 'run', '--dry-run', '--now', '2027-06-01', '--json']);
    expect(dry.code).toBe(0);
    const preview = JSON.parse(dry.stdout);
    expect(preview).toMatchObject({ dryRun: true, asOf: '2027-06-01T00:00:00.000Z' });
    expect(preview.erased).toEqual([expect.objectContaining({ candidateId: gone.id, limitMonths: 12, reason: 'limitWithoutKeepConsent' })]);
    expect(preview.held.map((h: { candidateId: string }) => h.candidateId)).toEqual([held.id]);

    const real = kandidat(t.vaultDir, ['retention', 'run', '--now', '2027-06-01', '--json']);
    expect(real.code).toBe(0);
    expect(JSON.parse(real.stdout).erased.map((e: { candidateId: string }) => e.candidateId)).toEqual([gone.id]);
    expect(real.stdout).not.toMatch(/Ola|Nordmann/);
    expect(kandidat(t.vaultDir, ['retention', 'run', '--now', 'tomorrow']).code).toBe(64);

    await t.call('vault.unlock', { passphrase: TEST_PASSPHRASE });
    expect((await t.call('candidates.list', {})).items.map((c) => c.id).sort()).toEqual([held.id, kept.id].sort());
  });
});

describe('kandidat export', () => {
  it('writes the ZIP where asked, readable by the user only', async () => {
    t = makeTestCore();
    await t.createVault();
    const c = await t.call('candidates.create', { name: 'Åse Ødegård', emails: ['ase@example.no'] });
    await t.call('vault.lock', {});
    const dir = mkdtempSync(join(tmpdir(), 'kandidat-export-'));
    try {
      const out = join(dir, 'innsyn.zip');
      expect(kandidat(t.vaultDir, ['export', c.id]).code).toBe(64);
      const r = kandidat(t.vaultDir, ['export', c.id, '--out', out, '--locale', 'en']);
      expect(r.code).toBe(0);
      expect(r.stdout).toBe('');
      expect(statSync(out).mode & 0o777).toBe(0o600);
      const zip = await JSZip.loadAsync(readFileSync(out));
      const data = JSON.parse(await zip.file('data.json')!.async('string'));
      expect(data).toMatchObject({ candidateId: c.id, locale: 'en', resume: { basics: { name: 'Åse Ødegård', email: 'ase@example.no' } } });
      expect(await zip.file('index.html')!.async('string')).toContain('Åse Ødegård');
      expect(kandidat(t.vaultDir, ['export', 'nobody', '--out', join(dir, 'x.zip')]).code).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
