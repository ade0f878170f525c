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
 * and in a plain SQLite database, in the same run, with the same queries (alternating,
 * best of three rounds each).
 *   npm run -s bench -- vault [--n 100000]
 * Targets: insert ratio (encrypted / plain) ≤ 1.3; unlock (open with the derived key,
 * schema check, first list page) ≤ 300 ms, key derivation reported apart.
 */
const ROUNDS = 3;

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
    // One bulk load, one transaction, as an import of a whole register would run.
    insertCandidates(db, { rows, actorId: staff.id, at });
    db.pragma('wal_checkpoint(TRUNCATE)');
    return ms(start);
  };

  // Warm-up on a small set so neither side pays for first-time code paths.
  const warm = openPlain(join(dir, 'warm.db'));
  migrate(warm);
  insertStaff(warm, { member: staff, at });
  insertCandidates(warm, { rows: rows.slice(0, 2000), actorId: staff.id, at });
  warm.close();

  // Alternate plain and encrypted, three rounds, best of each: neither side gets the
  // cold first run or the warm last one.
  const passphrase = 'benchmark passfrase med lengde';
  const key = randomBytes(32);
  const envelope = await buildEnvelope(randomUUID(), at, key, passphrase, newRecoveryKey());
  let plainInsert = Infinity;
  let encInsert = Infinity;
  let plainPage = Infinity;
  let encPage = Infinity;
  const plainPath = join(dir, 'plain.db');
  const encPath = join(dir, 'vault.db');
  for (let round = 0; round < ROUNDS; round++) {
    for (const side of round % 2 === 0 ? ['plain', 'encrypted'] : ['encrypted', 'plain']) {
      const path = side === 'plain' ? plainPath : encPath;
      for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
      const db = side === 'plain' ? openPlain(path) : openEncrypted(path, key);
      const insertMs = load(db);
      const start = process.hrtime.bigint();
      listCandidates(db, firstPage);
      const pageMs = ms(start);
      db.close();
      if (side === 'plain') {
        plainInsert = Math.min(plainInsert, insertMs);
        plainPage = Math.min(plainPage, pageMs);
      } else {
        encInsert = Math.min(encInsert, insertMs);
        encPage = Math.min(encPage, pageMs);
      }
    }
  }

  // Unlock as the app does: the slow KDF (reported apart), then open + migrate check + first page.
  let start = process.hrtime.bigint();
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
