import type { CoreContext } from '../context.ts';
import type { DueItem } from '../db/queries/sharing.ts';
import type { QueryArgs } from '../db/queries/index.ts';
import { assessTransfer, basisDetail } from './transfer-basis.ts';
import type { TransferAssessment } from '../../../shared/contract/index.ts';
import { httpsTransport, type HttpsTransportOptions, type Transport } from './transport.ts';

/**
 * The background sender. Drains the outbox while the vault is open: each item is
 * signed and POSTed, retried with exponential backoff and jitter under the same
 * webhook-id until the client acknowledges it, and every state change is
 * committed before the next step, so a crash at any point loses nothing (at worst
 * an item goes twice, with the same id, and the client applies it once).
 */

export interface SenderOptions {
  /** Default: HTTPS with the system's roots (plus `https.ca`). */
  transport?: Transport;
  https?: HttpsTransportOptions;
  /** 0 ≤ x < 1; injected so the jitter is reproducible in tests. */
  random?: () => number;
  /** First retry after about this long, doubling per attempt up to `maxDelayMs`. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Items on the wire at once; 0 holds everything in the outbox (a core that only queues). */
  concurrency?: number;
  /** When idle, look again this often (for consent withdrawn meanwhile, and items come due). */
  pollMs?: number;
  /** Signature timestamps; default the core's clock. The client checks them against its own clock. */
  signingNow?: () => Date;
  /** Unexpected errors (the database closed mid-drain…); never personal data. */
  onError?: (error: unknown) => void;
  /** Tests: the sender itself, to wait until it is idle after stepping the fake clock. */
  onCreate?: (sender: SharingSender) => void;
}

type DeliveredEntry = QueryArgs<'sharing.delivered'>['items'][number];

export function backoffMs(attempt: number, random: number, base: number, max: number): number {
  const ceiling = Math.min(max, base * 2 ** Math.max(0, attempt - 1));
  // Half fixed, half random: retries of many items spread out, none comes back at once.
  return Math.round(ceiling / 2 + (ceiling / 2) * random);
}

export class SharingSender {
  private readonly transport: Transport & { close?: () => void };
  private readonly random: () => number;
  private readonly base: number;
  private readonly max: number;
  private readonly concurrency: number;
  private readonly pollMs: number;
  private running = false;
  private filling = false;
  private refill = false;
  private timer: unknown = null;
  private lastReconcile = -Infinity;
  private readonly inFlight = new Map<string, Promise<void>>();
  /** Profiles on the wire by reference: a deletion for the same reference waits for them. */
  private readonly refsInFlight = new Map<string, Promise<void>>();
  private idleWaiters: (() => void)[] = [];
  private acknowledged: { entry: DeliveredEntry; resolve: () => void }[] = [];
  private flushing = false;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly ctx: CoreContext,
    private readonly o: SenderOptions = {},
  ) {
    this.transport = o.transport ?? httpsTransport(o.https);
    this.random = o.random ?? Math.random;
    this.base = o.baseDelayMs ?? 2_000;
    this.max = o.maxDelayMs ?? 5 * 60_000;
    this.concurrency = o.concurrency ?? 16;
    this.pollMs = o.pollMs ?? 30_000;
    this.unsubscribe = ctx.events.on((name) => {
      if (name === 'vault.unlocked') this.start();
      if (name === 'vault.locked') this.pause();
    });
    o.onCreate?.(this);
  }

  /** Something was queued, retried or withdrawn: look now rather than at the next poll. */
  wake(options: { withdrawals?: boolean } = {}): void {
    if (options.withdrawals) this.lastReconcile = -Infinity;
    this.kick();
  }

  /** Resolves once nothing is on the wire and nothing is being fetched (tests step the fake clock, then wait here). */
  whenIdle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  close(): void {
    this.pause();
    this.unsubscribe();
    this.transport.close?.();
  }

  private start(): void {
    this.running = true;
    this.wake({ withdrawals: true });
  }

  private pause(): void {
    this.running = false;
    this.clearTimer();
  }

  private isIdle(): boolean {
    return !this.filling && this.inFlight.size === 0;
  }

  private settleIdle(): void {
    if (!this.isIdle()) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const w of waiters) w();
  }

  private clearTimer(): void {
    if (this.timer !== null) this.ctx.clock.clearTimeout(this.timer);
    this.timer = null;
  }

  private kick(): void {
    if (!this.running) return this.settleIdle();
    if (this.filling) {
      this.refill = true;
      return;
    }
    this.filling = true;
    void this.fillLoop();
  }

  private async fillLoop(): Promise<void> {
    try {
      // A kick that lands while the timer is being set must not be lost: look again.
      for (;;) {
        this.refill = false;
        await this.fill();
        if (this.refill && this.running) continue;
        await this.arm();
        if (!this.refill || !this.running) break;
      }
    } catch (error) {
      // Locked mid-drain: nothing is lost (the outbox is in the vault), and nothing to report.
      if (this.running) this.o.onError?.(error);
    } finally {
      this.filling = false;
      this.settleIdle();
    }
  }

  private async fill(): Promise<void> {
    const { db } = this.ctx.vault.requireSession();
    const now = this.ctx.clock.now();
    if (now.getTime() - this.lastReconcile >= this.pollMs) {
      this.lastReconcile = now.getTime();
      const queued = await db.call('sharing.withdrawalDeletions', { at: now.toISOString() });
      if (queued.length) this.ctx.events.emit('sharing.outbox', { ids: queued });
    }
    const free = this.concurrency - this.inFlight.size;
    // Fetch in batches: one query per slot freed would keep the database thread busy with lookups.
    if (free <= 0 || (this.inFlight.size > 0 && free < Math.ceil(this.concurrency / 2))) return;
    const items = await db.call('sharing.due', { now: now.toISOString(), limit: free, exclude: [...this.inFlight.keys()] });
    for (const item of items) {
      const work = this.process(item)
        .catch((error: unknown) => {
          if (this.running) this.o.onError?.(error);
        })
        .finally(() => {
          this.inFlight.delete(item.id);
          if (this.refsInFlight.get(item.profileRef) === work) this.refsInFlight.delete(item.profileRef);
          this.kick();
        });
      this.inFlight.set(item.id, work);
      if (item.kind === 'profile') this.refsInFlight.set(item.profileRef, work);
    }
    // A full batch may mean more are due: fetch again once a slot frees (each completion kicks).
  }

  /** Nothing on the wire: sleep until the next item is due, or the next poll. */
  private async arm(): Promise<void> {
    this.clearTimer();
    if (!this.running || this.inFlight.size > 0) return;
    const next = await this.ctx.vault.requireSession().db.call('sharing.nextDue');
    const now = this.ctx.clock.now().getTime();
    const wait = next === null ? this.pollMs : Math.min(this.pollMs, Math.max(0, new Date(next).getTime() - now));
    if (!this.running) return;
    this.timer = this.ctx.clock.setTimeout(() => {
      this.timer = null;
      this.kick();
    }, wait);
  }

  private async process(item: DueItem): Promise<void> {
    const { db } = this.ctx.vault.requireSession();
    const at = () => this.ctx.clock.now().toISOString();
    const changed = () => this.ctx.events.emit('sharing.outbox', { ids: [item.id] });
    let transfer: TransferAssessment | null = null;
    if (item.kind === 'profile') {
      if (!item.consented) {
        await db.call('sharing.notSent', { id: item.id, status: 'withheld', reason: 'Consent to share with this client was withdrawn before sending', at: at() });
        return changed();
      }
      transfer = item.connection ? assessTransfer(item.connection) : null;
      if (!transfer?.allowed) {
        const reason = transfer ? transfer.message : 'The client has no connection any more';
        await db.call('sharing.notSent', { id: item.id, status: 'blocked', reason, at: at() });
        return changed();
      }
    } else {
      const profileOnWire = this.refsInFlight.get(item.profileRef);
      // Sent after the profile it deletes, never before it.
      if (profileOnWire) await profileOnWire.catch(() => undefined);
    }
    if (!item.connection) {
      // A deletion request is owed even if the connection went: keep it until one exists again.
      await db.call('sharing.attemptFailed', { id: item.id, error: 'No connection to the client', nextAttemptAt: this.retryAt(item.attempts + 1) });
      return changed();
    }
    const result = await this.transport({
      id: item.id,
      endpoint: item.connection.endpoint,
      secret: item.connection.secret,
      body: item.body,
      pinSha256: item.connection.pinSha256,
      at: this.o.signingNow?.() ?? this.ctx.clock.now(),
    });
    if (result.ok) {
      const basis = transfer?.basis ? { basis: transfer.basis, detail: basisDetail(transfer) } : null;
      await this.recordDelivered({ id: item.id, clientId: item.clientId, profileRef: item.profileRef, kind: item.kind, transfer: basis });
    } else {
      await db.call('sharing.attemptFailed', {
        id: item.id,
        error: result.error,
        nextAttemptAt: result.permanent ? null : this.retryAt(item.attempts + 1),
      });
    }
    changed();
  }

  /**
   * Acknowledgements are written in batches: whatever arrived while the last batch
   * was being written goes in the next one. An item stays "on the wire" until its
   * batch is committed, so it is never fetched again meanwhile.
   */
  private recordDelivered(entry: DeliveredEntry): Promise<void> {
    return new Promise((resolve) => {
      this.acknowledged.push({ entry, resolve });
      void this.flushAcknowledged();
    });
  }

  private async flushAcknowledged(): Promise<void> {
    if (this.flushing) return;
    this.flushing = true;
    try {
      while (this.acknowledged.length) {
        const batch = this.acknowledged.splice(0);
        try {
          await this.ctx.vault.requireSession().db.call('sharing.delivered', { items: batch.map((b) => b.entry), at: this.ctx.clock.now().toISOString() });
        } catch (error) {
          // Still queued in the vault: sent again later under the same id, applied once by the client.
          if (this.running) this.o.onError?.(error);
        } finally {
          for (const b of batch) b.resolve();
        }
      }
    } finally {
      this.flushing = false;
    }
  }

  private retryAt(attempt: number): string {
    return new Date(this.ctx.clock.now().getTime() + backoffMs(attempt, this.random(), this.base, this.max)).toISOString();
  }
}
