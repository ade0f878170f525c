import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import { openEncrypted, openPlain, type Db } from '../electron/core/db/connection.ts';
import { migrate } from '../electron/core/db/migrations/index.ts';
import { insertCandidates, listCandidates } from '../electron/core/db/queries/candidates.ts';
import { insertStaff } from '../electron/core/db/queries/staff.ts';
import { buildEnvelope, unwrapWithPassphrase } from '../electron/core/db/envelope.ts';
import { newRecoveryKey } from '../electron/core/db/crypto.ts';
import { openVaultDatabase } from '../electron/core/db/open.ts';
import { seededRandom, syntheticCandidate } from './lib/synthetic.ts';
import { ms, printTable } from './lib/table.ts';

/**
 * The vault benchmark: 100,000 synthetic Norwegian candidates in an encrypted vault
 * and in a plain SQLite database, in the same run, with the same queries.
 *   npm run -s bench -- vault [--n 100000]
 * Targets: insert ratio (encrypted / plain) ≤ 1.3; unlock (open with the derived key,
 * schema check, first list page) ≤ 300 ms, key derivation reported apart.
 */
export async function main(args: string[]): Promise<void> {
  const nArg = args.indexOf('--n');
  const n = nArg >= 0 ? Number(args[nArg + 1]) : 100_000;
  const dir = mkdtempSync(join(tmpdir(), 'kandidat-bench-vault-'));
  const at = new Date('2026-11-01T08:00:00Z').toISOString();
  const staff = { id: randomUUID(), name: 'Bench Rekrutterer', email: 'bench@byraa.no' };
  const rand = seededRandom(42);
  const rows = Array.from({ length: n }, (_, i) => ({ id: randomUUID(), fields: syntheticCandidate(rand, i) }));
  const firstPage = { offset: 0, limit: 100, sort: 'name', dir: 'asc', status: 'active', text: '' } as const;

  const load = (db: Db) => {
    migrate(db);
    insertStaff(db, { member: staff, at });
    const start = process.hrtime.bigint();
    for (let i = 0; i < rows.length; i += 10_000) {
      insertCandidates(db, { rows: rows.slice(i, i + 10_000), actorId: staff.id, at });
    }
    db.pragma('wal_checkpoint(TRUNCATE)');
    return ms(start);
  };

  // Warm-up on a small set so neither side pays for first-time code paths.
  const warm = openPlain(join(dir, 'warm.db'));
  migrate(warm);
  insertStaff(warm, { member: staff, at });
  insertCandidates(warm, { rows: rows.slice(0, 2000), actorId: staff.id, at });
  warm.close();

  // Plain baseline.
  const plainPath = join(dir, 'plain.db');
  const plain = openPlain(plainPath);
  const plainInsert = load(plain);
  let start = process.hrtime.bigint();
  listCandidates(plain, firstPage);
  const plainPage = ms(start);
  plain.close();

  // Encrypted vault, keyed the way the app keys it.
  const passphrase = 'benchmark passfrase med lengde';
  const key = randomBytes(32);
  const envelope = await buildEnvelope(randomUUID(), at, key, passphrase, newRecoveryKey());
  const encPath = join(dir, 'vault.db');
  const enc = openEncrypted(encPath, key);
  const encInsert = load(enc);
  start = process.hrtime.bigint();
  listCandidates(enc, firstPage);
  const encPage = ms(start);
  enc.close();

  // Unlock as the app does: the slow KDF (reported apart), then open + migrate check + first page.
  start = process.hrtime.bigint();
  const derived = await unwrapWithPassphrase(envelope, passphrase);
  const kdfMs = ms(start);
  start = process.hrtime.bigint();
  const reopened = openVaultDatabase(encPath, derived);
  const page = listCandidates(reopened, firstPage);
  const unlockFirstPage = ms(start);
  reopened.close();
  if (page.items.length !== 100 || page.total !== n) throw new Error('First page is wrong: the benchmark would be meaningless');

  const ratio = encInsert / plainInsert;
  const mb = (p: string) => (statSync(p).size / 1e6).toFixed(1);
  console.log(`Vault benchmark: ${n.toLocaleString('en')} synthetic candidates, encrypted (SQLCipher 4, raw 256-bit key) vs plain SQLite\n`);
  printTable(
    ['measure', 'encrypted', 'plain', 'ratio', 'target'],
    [
      ['bulk insert (ms)', encInsert.toFixed(0), plainInsert.toFixed(0), ratio.toFixed(2), '≤ 1.30'],
      ['first list page, warm (ms)', encPage.toFixed(1), plainPage.toFixed(1), (encPage / plainPage).toFixed(2), ''],
      ['database size (MB)', mb(encPath), mb(plainPath), '', ''],
      ['key derivation, PBKDF2-SHA512 ×' + envelope.kdf.iterations.toLocaleString('en') + ' (ms)', kdfMs.toFixed(0), '', '', 'slow on purpose'],
      ['unlock: open + schema check + first page (ms)', unlockFirstPage.toFixed(1), '', '', '≤ 300'],
    ],
  );
  rmSync(dir, { recursive: true, force: true });
  console.log(
    `BENCH vault n=${n} insert_ms=${encInsert.toFixed(0)} plain_insert_ms=${plainInsert.toFixed(0)} ratio=${ratio.toFixed(2)} kdf_ms=${kdfMs.toFixed(0)} unlock_first_page_ms=${unlockFirstPage.toFixed(1)}`,
  );
}
