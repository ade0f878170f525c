import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { ActivityKind } from '../shared/contract/index.ts';
import { createCore } from '../electron/core/index.ts';
import { FakeClock } from '../electron/core/clock.ts';
import type { NewEntry } from '../electron/core/db/queries/activity.ts';
import { dovecotAvailable, startDovecot } from '../electron/core/mail/testing/dovecot.ts';
import { eml } from '../electron/core/mail/testing/messages.ts';
import { seededRandom, syntheticCandidate } from './lib/synthetic.ts';
import { ms, printTable } from './lib/table.ts';

/**
 * The activity benchmark, through the core as the app runs it (database thread,
 * dispatch, encrypted vault):
 *   npm run -s bench -- activity [--entries 5000] [--messages 10000]
 * Targets: a candidate with 5,000 timeline entries opens ≤ 100 ms; mailbox logging
 * of 10,000 messages from a loopback IMAP server (Dovecot) ≥ 200 messages/s.
 */
export async function main(args: string[]): Promise<void> {
  const arg = (name: string, fallback: number) => {
    const i = args.indexOf(name);
    return i >= 0 ? Number(args[i + 1]) : fallback;
  };
  const entries = arg('--entries', 5000);
  const messages = arg('--messages', 10_000);
  const home = mkdtempSync(join(tmpdir(), 'kandidat-bench-activity-'));
  const clock = new FakeClock('2026-06-01T08:00:00Z');
  const core = createCore({ vaultDir: join(home, 'vault'), clock, retention: { firstDelayMs: 1e13 } });
  const call = async (method: string, input: unknown) => {
    const r = await core.dispatch(method, input);
    if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
    return r.value as never;
  };
  const server = dovecotAvailable() ? await startDovecot() : null;
  try {
    await call('vault.create', { passphrase: 'benchmark passfrase med lengde', ownerName: 'Bench', ownerEmail: 'bench@byraa.no' });
    await call('settings.update', { idleLockMinutes: 0 });
    const { db, owner } = core.ctx.vault.requireSession();
    const rand = seededRandom(11);

    // A register of 2,000 candidates; one of them with a long history.
    const rows = Array.from({ length: 2000 }, (_, i) => ({ id: randomUUID(), fields: syntheticCandidate(rand, i) }));
    await db.call('candidates.insertMany', { rows, actorId: owner.id, at: '2025-01-01T08:00:00.000Z' });
    const busy = rows[0]!.id;
    const kinds: ActivityKind[] = ['call', 'email', 'sms', 'call', 'email'];
    let start = process.hrtime.bigint();
    for (let i = 0; i < entries; i += 1000) {
      const batch: NewEntry[] = Array.from({ length: Math.min(1000, entries - i) }, (_, j) => {
        const n = i + j;
        const kind = kinds[n % kinds.length]!;
        return {
          id: randomUUID(),
          candidateId: busy,
          kind,
          at: new Date(Date.UTC(2025, 0, 1) + n * 3_600_000).toISOString(),
          direction: n % 2 ? 'in' : 'out',
          title: kind === 'email' ? `Oppdrag ${n} i Sandnes` : '',
          body: `Samtale ${n}: ønsker kveldsskift, har truckførerbevis og kan begynne om to uker. `.repeat(3),
          data: kind === 'call' ? { durationSec: 60 + (n % 600), outcome: 'reached' } : {},
          threadKey: kind === 'email' ? `tråd-${n % 400}` : null,
          messageId: kind === 'email' ? `bench-${n}@eksempel.no` : null,
        };
      });
      await db.call('activity.insert', { entries: batch, actorId: owner.id, now: '2026-06-01T08:00:00.000Z' });
    }
    const loadMs = ms(start);

    // Opening the candidate: the record and the first page of the timeline, as the screen asks.
    const opens: number[] = [];
    for (let i = 0; i < 5; i++) {
      start = process.hrtime.bigint();
      await Promise.all([call('candidates.get', { id: busy }), call('activity.timeline', { candidateId: busy })]);
      opens.push(ms(start));
    }
    const firstOpen = opens[0]!;
    const medianOpen = [...opens].sort((a, b) => a - b)[2]!;
    start = process.hrtime.bigint();
    await call('activity.timeline', { candidateId: busy, query: 'truckførerbevis kveld' });
    const searchMs = ms(start);

    let imapRate: number | null = null;
    let syncS = 0;
    let logged = 0;
    if (server) {
      // Every other message from a candidate of the register, the rest from strangers.
      const mails = Array.from({ length: messages }, (_, i) =>
        eml({
          from: i % 2 ? `ukjent${i}@annet.no` : rows[i % rows.length]!.fields.emails![0]!,
          to: ['kari@byraa.no'],
          subject: `Melding ${i}`,
          text: `Hei, dette er melding ${i} om oppdraget. ${'Jeg kan jobbe kveld og helg. '.repeat(8)}`,
          messageId: `imap-${i}@bench.no`,
          date: new Date(Date.UTC(2026, 4, 1) + i * 60_000).toISOString(),
        }),
      );
      server.deliver('INBOX', mails);
      await call('mail.account.save', {
        address: 'kari@byraa.no',
        imap: { host: '127.0.0.1', port: server.port, secure: false, user: server.user, password: server.password },
        folders: ['INBOX'],
      });
      start = process.hrtime.bigint();
      const report = (await call('mail.sync', {})) as { folders: { fetched: number; logged: number }[] };
      syncS = ms(start) / 1000;
      const fetched = report.folders[0]!.fetched;
      logged = report.folders[0]!.logged;
      if (fetched !== messages) throw new Error(`Expected ${messages} fetched, got ${fetched}: the benchmark would be meaningless`);
      imapRate = messages / syncS;
    } else {
      console.log('IMAP part skipped: /usr/sbin/dovecot is not installed (apt-get install dovecot-imapd)');
    }

    console.log(`Activity benchmark: ${entries.toLocaleString('en')} timeline entries on one candidate of 2,000; ${messages.toLocaleString('en')} messages over IMAP\n`);
    printTable(
      ['measure', 'value', 'target'],
      [
        [`load ${entries.toLocaleString('en')} entries (ms, not measured against a target)`, loadMs.toFixed(0), ''],
        ['open the candidate: record + first timeline page, first time (ms)', firstOpen.toFixed(1), '≤ 100'],
        ['open the candidate again, median of 5 (ms)', medianOpen.toFixed(1), ''],
        ['full-text search within the timeline (ms)', searchMs.toFixed(1), ''],
        [`IMAP sync of ${messages.toLocaleString('en')} messages (s), ${logged.toLocaleString('en')} logged`, imapRate === null ? 'skipped' : syncS.toFixed(1), ''],
        ['IMAP sync rate (messages/s)', imapRate === null ? 'skipped' : imapRate.toFixed(0), '≥ 200'],
      ],
    );
    console.log(`BENCH activity timeline_ms=${firstOpen.toFixed(1)} imap_msgs_per_s=${imapRate === null ? 'skipped' : imapRate.toFixed(0)}`);
  } finally {
    await core.close();
    await server?.stop();
    rmSync(home, { recursive: true, force: true });
  }
}
