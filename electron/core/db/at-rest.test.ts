import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { makeTestCore } from '../testing/harness.ts';
import { openPlain } from './connection.ts';
import { tmpdir } from 'node:os';

let t: ReturnType<typeof makeTestCore>;
afterEach(async () => t?.cleanup());

/** Every file of the vault, as bytes, searched in the encodings SQLite could use. */
function findOnDisk(dir: string, needles: string[]): string[] {
  const found: string[] = [];
  for (const file of readdirSync(dir)) {
    const bytes = readFileSync(join(dir, file));
    for (const needle of needles) {
      for (const encoded of [Buffer.from(needle, 'utf8'), Buffer.from(needle, 'utf16le')]) {
        if (bytes.includes(encoded)) found.push(`${file}: ${needle}`);
      }
    }
  }
  return found;
}

describe('encryption at rest', () => {
  for (const mode of ['inline', 'worker'] as const) {
    it(`leaves none of a candidate's strings in the vault's files (database, -wal, key file) [${mode}]`, async () => {
      t = makeTestCore({ db: { mode } });
      await t.createVault();
      const secrets = {
        name: 'Gunnhild Sørensen-Aaberg',
        email: 'gunnhild.sorensen@eksempel.no',
        phone: '48 12 37 95',
        street: 'Kjerringsundveien 117',
        notes: 'Ønsker nattskift ved Hjelmeland lager',
      };
      const c = await t.call('candidates.create', {
        name: secrets.name,
        emails: [secrets.email],
        phones: [secrets.phone],
        address: { street: secrets.street, postalCode: '4130', city: 'Hjelmeland' },
        notes: secrets.notes,
      });
      await t.call('candidates.update', { id: c.id, version: 1, patch: { notes: secrets.notes + ' (oppdatert)' } });
      // Written while unlocked (the -wal holds recent pages) …
      const files = readdirSync(t.vaultDir);
      expect(files).toEqual(expect.arrayContaining(['kandidat.db', 'vault.json']));
      const needles = [...Object.values(secrets), '+4748123795', 'Hjelmeland', 'Kari Rekrutterer', 'kari@byraa.no'];
      expect(findOnDisk(t.vaultDir, needles)).toEqual([]);
      // … and after locking.
      await t.call('vault.lock', {});
      expect(findOnDisk(t.vaultDir, needles)).toEqual([]);
    });
  }

  it('would notice plaintext: the same scan finds the strings in an unencrypted database', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kandidat-plain-'));
    const db = openPlain(join(dir, 'plain.db'));
    db.exec('CREATE TABLE t (v TEXT)');
    db.prepare('INSERT INTO t VALUES (?)').run('Gunnhild Sørensen-Aaberg');
    db.close();
    try {
      expect(findOnDisk(dir, ['Gunnhild Sørensen-Aaberg'])).toEqual(['plain.db: Gunnhild Sørensen-Aaberg']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
