import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, type Core } from '../electron/core/index.ts';
import type { SenderOptions, SharingSender } from '../electron/core/sharing/sender.ts';
import { makeTestTls } from '../electron/core/sharing/test-tls.ts';
import { startReceiverThread, type ThreadReceiver } from '../electron/receiver/thread.ts';
import type { FaultPlan } from '../electron/receiver/fault-plan.ts';
import { caller, newSecret, SHARE_NOTICE } from '../electron/core/sharing/test-support.ts';
import { seededRandom, syntheticCandidate } from './lib/synthetic.ts';
import { ms, printTable } from './lib/table.ts';

/**
 * The sharing benchmark, through the core as the app runs it (database thread,
 * signed HTTPS with keep-alive, the reference receiver on the loopback):
 *   npm run -s bench -- sharing [--n 10000]
 * Target: n queued profiles drained at ≥ 300 per second. A second pass queues n
 * more and drains them while the receiver answers 500s, hangs and drops
 * connections before and after applying; every item must still be applied once.
 */

const PASSPHRASE = 'benchmark passfrase med lengde';

/** About one in eight first attempts meets a fault; a few second attempts too. */
const FAULTS: FaultPlan = { error500: 5, hang: 1, dropMidRequest: 3, dropAfterApply: 3, secondError500: 2 };

export async function main(args: string[]): Promise<void> {
  const i = args.indexOf('--n');
  const n = i >= 0 ? Number(args[i + 1]) : 10_000;
  const home = mkdtempSync(join(tmpdir(), 'kandidat-bench-sharing-'));
  const vaultDir = join(home, 'vault');
  const tls = await makeTestTls();
  const secret = newSecret();
  const storeFile = join(home, 'received.jsonl');
  // The receiver runs on its own thread: the client is another machine, not the sender's event loop.
  let receiver: ThreadReceiver | null = null;
  const cores: Core[] = [];
  /** Per drain: how busy the sender's event loop was, and the process's CPU per item (all threads). */
  const loads: { elu: number; cpuMsPerItem: number }[] = [];
  const open = (sharing: SenderOptions) => {
    // No retention run during the benchmark (a system timer holds at most 2^31-1 ms; more fires at once).
    const core = createCore({ vaultDir, sharing, retention: { firstDelayMs: 2_000_000_000 } });
    cores.push(core);
    return core;
  };
  try {
    receiver = await startReceiverThread({ secret, tls: { key: tls.key, cert: tls.cert }, storeFile });
    const port = receiver.port;

    // Setup with a core that only queues.
    let core = open({ concurrency: 0 });
    let call = caller(core);
    await call('settings.update', { idleLockMinutes: 0 });
    await call('vault.create', { passphrase: PASSPHRASE, ownerName: 'Bench', ownerEmail: 'bench@byraa.no' });
    const client = await call('clients.create', { name: 'Benk Kunde AS', orgNumber: '923609016' });
    await call('sharing.connections.save', { clientId: client.id, endpoint: receiver.url, secret });
    const { db, owner } = core.ctx.vault.requireSession();
    const rand = seededRandom(11);
    const ids: string[] = [];
    for (let k = 0; k < n; k += 5_000) {
      const rows = Array.from({ length: Math.min(5_000, n - k) }, (_, j) => ({ id: randomUUID(), fields: syntheticCandidate(rand, k + j) }));
      await db.call('candidates.insertMany', { rows, actorId: owner.id, at: new Date().toISOString() });
      ids.push(...rows.map((r) => r.id));
    }
    const start = process.hrtime.bigint();
    for (const candidateId of ids) {
      await call('privacy.consents.grant', { candidateId, purpose: 'shareWithClient', clientId: client.id, source: 'form', notice: SHARE_NOTICE });
    }
    const consentMs = ms(start);
    const queue = async (c: typeof call) => {
      const queued: string[] = [];
      const t0 = process.hrtime.bigint();
      for (let k = 0; k < ids.length; k += 500) {
        const r = await c('sharing.share', { candidateIds: ids.slice(k, k + 500), clientId: client.id });
        queued.push(...r.queued.map((q) => q.id));
      }
      return { queued, ms: ms(t0) };
    };
    const first = await queue(call);
    await core.close();

    /** Open the vault with a sending core and time until every item has left. */
    const drain = async (queued: string[]) => {
      let sender: SharingSender | null = null;
      core = open({ https: { ca: tls.ca, timeoutMs: 500 }, concurrency: 32, baseDelayMs: 50, maxDelayMs: 1_000, onCreate: (s) => (sender = s) });
      call = caller(core);
      const want = new Set(queued);
      const t0 = process.hrtime.bigint();
      const elu0 = (performance as unknown as { eventLoopUtilization(prev?: unknown): { utilization: number } }).eventLoopUtilization();
      const cpu0 = process.cpuUsage();
      await call('vault.unlock', { passphrase: PASSPHRASE, remember: false });
      // Done when the receiver has applied every item of the pass and none is left queued
      // (one applied but dropped before its answer is still waiting to be sent again).
      await new Promise<void>((resolve) => {
        const check = () => {
          if (pending.size === 0) {
            receiver!.onApplied = null;
            resolve();
          }
        };
        receiver!.onApplied = (id) => {
          pending.delete(id);
          check();
        };
        const pending = new Set(want);
        for (const id of receiver!.applied) pending.delete(id);
        check();
      });
      for (;;) {
        await sender!.whenIdle();
        if ((await call('sharing.outbox.list', { status: 'queued', limit: 1 })).total === 0) break;
        await new Promise<void>((resolve) => {
          const off = core.events.on((name) => {
            if (name !== 'sharing.outbox') return;
            off();
            resolve();
          });
        });
      }
      const elapsed = ms(t0);
      const cpu = process.cpuUsage(cpu0);
      loads.push({ elu: (performance as unknown as { eventLoopUtilization(prev?: unknown): { utilization: number } }).eventLoopUtilization(elu0).utilization, cpuMsPerItem: (cpu.user + cpu.system) / 1000 / queued.length });
      await core.close();
      return elapsed;
    };

    const cleanMs = await drain(first.queued);
    const cleanApplied = receiver.applied.length;

    // Second pass: queue n more, then drain them through a misbehaving receiver.
    core = open({ concurrency: 0 });
    call = caller(core);
    await call('vault.unlock', { passphrase: PASSPHRASE, remember: false });
    const second = await queue(call);
    await core.close();
    await receiver.close();
    receiver = await startReceiverThread({ secret, tls: { key: tls.key, cert: tls.cert }, storeFile, port, faults: FAULTS });
    const faultMs = await drain(second.queued);

    // What the receiver holds, read back from its store (both passes).
    const { received, retried } = await receiver.close();
    receiver = null;
    const applied = new Set(received);
    const all = [...first.queued, ...second.queued];
    const delivered = all.filter((id) => applied.has(id)).length;
    const lost = all.length - delivered;
    const duplicatesApplied = received.length - applied.size;
    const perS = (first.queued.length / cleanMs) * 1000;
    const faultPerS = (second.queued.length / faultMs) * 1000;

    console.log(`Sharing benchmark: ${n.toLocaleString('en')} profiles per pass, encrypted vault (database thread), HTTPS with a test CA, reference receiver on 127.0.0.1\n`);
    printTable(
      ['measure', 'value', 'target'],
      [
        [`consents recorded (${n.toLocaleString('en')}, s, not a target)`, (consentMs / 1000).toFixed(1), ''],
        ['queue: profiles built and queued (per s)', ((first.queued.length / first.ms) * 1000).toFixed(0), ''],
        ['pass 1: delivered (per s)', perS.toFixed(0), '≥ 300'],
        ['pass 1: applied by the receiver', cleanApplied, n],
        ["pass 1: sender's event loop busy (%)", ((loads[0]?.elu ?? 0) * 100).toFixed(0), ''],
        ['pass 1: CPU per item, all threads (ms)', (loads[0]?.cpuMsPerItem ?? 0).toFixed(2), ''],
        ['pass 2 with faults: delivered (per s)', faultPerS.toFixed(0), ''],
        ['pass 2: ids that needed more than one request', retried, ''],
        ['delivered, both passes', delivered, all.length],
        ['lost', lost, 0],
        ['applied twice', duplicatesApplied, 0],
      ],
    );
    console.log(`BENCH sharing delivered=${delivered} lost=${lost} duplicates_applied=${duplicatesApplied} per_s=${perS.toFixed(0)} faults_per_s=${faultPerS.toFixed(0)}`);
  } finally {
    for (const core of cores) await core.close().catch(() => undefined);
    await receiver?.close();
    rmSync(home, { recursive: true, force: true });
  }
}
