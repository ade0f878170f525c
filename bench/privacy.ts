import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { createCore } from '../electron/core/index.ts';
import { FakeClock } from '../electron/core/clock.ts';
import { seededRandom, syntheticCandidate } from './lib/synthetic.ts';
import { ms, printTable } from './lib/table.ts';

/**
 * The privacy benchmark, through the core as the app runs it (database thread,
 * dispatch, audit entries, the freed pages wiped):
 *   npm run -s bench -- privacy [--n 100000] [--due 10000]
 * Targets: a retention run over 100,000 candidates of which 10,000 are due ≤ 10 s;
 * erasing a candidate with 1,000 timeline entries ≤ 200 ms.
 */
export async function main(args: string[]): Promise<void> {
  const arg = (name: string, fallback: number) => {
    const i = args.indexOf(name);
    return i >= 0 ? Number(args[i + 1]) : fallback;
  };
  const n = arg('--n', 100_000);
  const dueCount = arg('--due', 10_000);
  const home = mkdtempSync(join(tmpdir(), 'kandidat-bench-privacy-'));
  const clock = new FakeClock('2026-06-01T08:00:00Z');
  const core = createCore({ vaultDir: join(home, 'vault'), clock, retention: { firstDelayMs: 1e13 } });
  const call = async (method: string, input: unknown) => {
    const r = await core.dispatch(method, input);
    if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
    return r.value as never;
  };
  try {
    await call('settings.update', { idleLockMinutes: 0 });
    await call('vault.create', { passphrase: 'benchmark passfrase med lengde', ownerName: 'Bench', ownerEmail: 'bench@byraa.no' });
    const { db, owner } = core.ctx.vault.requireSession();
    const rand = seededRandom(7);
    // The due ones registered more than a year before the run, the rest within the last months.
    const old = '2024-01-10T08:00:00.000Z';
    const recent = '2026-05-01T08:00:00.000Z';
    let start = process.hrtime.bigint();
    for (let i = 0; i < n; i += 10_000) {
      const rows = Array.from({ length: Math.min(10_000, n - i) }, (_, j) => ({ id: randomUUID(), fields: syntheticCandidate(rand, i + j) }));
      const dueHere = Math.max(0, Math.min(rows.length, dueCount - i));
      if (dueHere > 0) await db.call('candidates.insertMany', { rows: rows.slice(0, dueHere), actorId: owner.id, at: old });
      if (dueHere < rows.length) await db.call('candidates.insertMany', { rows: rows.slice(dueHere), actorId: owner.id, at: recent });
    }
    const loadMs = ms(start);
    // A tenth of the rest keep a keep-for-future consent, as a real register would.
    const list = (await call('candidates.list', { limit: 500, offset: 600, sort: 'createdAt', dir: 'desc' })) as { items: { id: string }[] };
    for (const c of list.items) {
      await call('privacy.consents.grant', { candidateId: c.id, purpose: 'keepForFuture', source: 'form', notice: { version: 'b1', text: 'Fire år' } });
    }

    clock.set('2026-06-02T08:00:00Z');
    start = process.hrtime.bigint();
    await call('privacy.retention.run', { dryRun: true });
    const scheduleS = ms(start) / 1000;
    start = process.hrtime.bigint();
    const report = (await call('privacy.retention.run', {})) as { erased: unknown[]; held: unknown[] };
    const retentionS = ms(start) / 1000;
    if (report.erased.length !== dueCount) throw new Error(`Expected ${dueCount} erased, got ${report.erased.length}: the benchmark would be meaningless`);

    // One candidate with 1,000 entries in their timeline (edits, each kept in history).
    let c = (await call('candidates.create', { name: 'Tidslinje Kandidat', emails: ['tidslinje@eksempel.no'] })) as { id: string; version: number };
    for (let i = 0; i < 999; i++) {
      c = await call('candidates.update', { id: c.id, version: c.version, patch: { notes: `Samtale ${i}: ønsker kveldsskift` } });
    }
    const history = (await call('candidates.history', { id: c.id })) as unknown[];
    if (history.length !== 1000) throw new Error(`Expected 1,000 timeline entries, got ${history.length}`);
    start = process.hrtime.bigint();
    await call('privacy.erase', { candidateId: c.id, reason: 'request' });
    const eraseMs = ms(start);

    console.log(`Privacy benchmark: ${n.toLocaleString('en')} synthetic candidates (encrypted vault, database thread), ${dueCount.toLocaleString('en')} past their limit\n`);
    printTable(
      ['measure', 'value', 'target'],
      [
        ['load (s, not measured against a target)', (loadMs / 1000).toFixed(1), ''],
        ['retention dry run: the schedule of every candidate (s)', scheduleS.toFixed(2), ''],
        [`retention run: ${dueCount.toLocaleString('en')} of ${n.toLocaleString('en')} erased (s)`, retentionS.toFixed(2), '≤ 10'],
        ['erase one candidate with 1,000 timeline entries (ms)', eraseMs.toFixed(1), '≤ 200'],
      ],
    );
    console.log(`BENCH privacy retention_s=${retentionS.toFixed(2)} erase_ms=${eraseMs.toFixed(1)}`);
  } finally {
    await core.close();
    rmSync(home, { recursive: true, force: true });
  }
}
