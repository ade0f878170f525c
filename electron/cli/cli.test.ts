import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('./bin.mjs', import.meta.url));
const PASS = 'en lang og trygg passfrase';
let home: string;
let vault: string;

/** The real command, as a user runs it: a separate process, stdin, stdout, stderr, exit code. */
function kandidat(args: string[], options: { input?: string; passphrase?: string | null } = {}) {
  const env: NodeJS.ProcessEnv = { ...process.env, KANDIDAT_HOME: home };
  delete env.KANDIDAT_PASSPHRASE;
  if (options.passphrase !== null) env.KANDIDAT_PASSPHRASE = options.passphrase ?? PASS;
  const r = spawnSync(process.execPath, [bin, ...args], { input: options.input ?? '', env, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  home = mkdtempSync(join(tmpdir(), 'kandidat-cli-'));
  vault = join(home, 'my-vault');
});
afterAll(() => rmSync(home, { recursive: true, force: true }));

describe('kandidat CLI', () => {
  it('init creates the vault and prints only the recovery key on stdout', () => {
    const r = kandidat(['--vault', vault, 'init', '--owner-name', 'Kari Rekrutterer', '--owner-email', 'kari@byraa.no']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.recoveryKey).toMatch(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/);
    expect(r.stderr).toMatch(/shown only once/);
  });

  it('adds, lists and shows candidates as JSON', () => {
    const added = kandidat(['--vault', vault, 'candidates', 'add'], {
      input: JSON.stringify({ name: 'Ola Nordmann', email: 'ola@example.no', phone: '912 34 567', city: 'Tromsø' }),
    });
    expect(added.code).toBe(0);
    const created = JSON.parse(added.stdout);
    expect(created).toMatchObject({ name: 'Ola Nordmann', emails: ['ola@example.no'], phones: ['+4791234567'] });
    expect(created.address.city).toBe('Tromsø');

    const list = kandidat(['--vault', vault, 'candidates', 'list', '--json']);
    expect(list.code).toBe(0);
    expect(JSON.parse(list.stdout).map((c: { id: string }) => c.id)).toEqual([created.id]);

    const shown = kandidat(['--vault', vault, 'candidates', 'show', created.id, '--json']);
    expect(JSON.parse(shown.stdout)).toMatchObject({ id: created.id, name: 'Ola Nordmann' });
  });

  it('a wrong passphrase exits 2 with one clear line on stderr and nothing on stdout', () => {
    const r = kandidat(['--vault', vault, 'candidates', 'list', '--json'], { passphrase: 'this is not it' });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/Wrong passphrase/);
  });

  it('never takes the passphrase from an argument, and asks for one when none is given', () => {
    const r = kandidat(['--vault', vault, 'candidates', 'list'], { passphrase: null });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/KANDIDAT_PASSPHRASE/);
    expect(kandidat(['--vault', vault, '--passphrase', PASS, 'candidates', 'list']).code).toBe(64);
  });

  it('uses the app vault under KANDIDAT_HOME when --vault is not given', () => {
    const r = kandidat(['init', '--owner-name', 'Per', '--owner-email', 'per@byraa.no']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(join(home, 'vault'));
  });

  it('reports bad input clearly', () => {
    expect(kandidat(['--vault', vault, 'candidates', 'add'], { input: 'not json' }).stderr).toMatch(/one JSON object/);
    const invalid = kandidat(['--vault', vault, 'candidates', 'add'], { input: '{"name":"A","phone":"12"}' });
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toMatch(/phones\.0: Not a valid phone number/);
    expect(kandidat(['frobnicate']).code).toBe(64);
  });
});
