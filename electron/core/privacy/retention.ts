import type { OwnActivityKind, PrivacySettings, RetentionCandidate, RetentionReport } from '../../../shared/contract/index.ts';
import type { CoreContext } from '../context.ts';
import { AppError } from '../rpc/errors.ts';

/**
 * Retention: a candidate is erased once their last own activity is older than the
 * limit — the long one only with a current keep-for-future consent — unless under
 * legal hold. A daily job runs it while the vault is unlocked.
 */

const SETTING_WITH = 'privacy.keepMonthsWithConsent';
const SETTING_WITHOUT = 'privacy.keepMonthsWithoutConsent';
export const DEFAULT_PRIVACY_SETTINGS: PrivacySettings = { keepMonthsWithConsent: 48, keepMonthsWithoutConsent: 12 };

/** Erased per transaction: large enough that commits do not dominate, small enough to stop soon when cancelled. */
const BATCH = 2000;
const DAY_MS = 24 * 60 * 60 * 1000;

export async function privacySettings(ctx: CoreContext): Promise<PrivacySettings> {
  const values = await ctx.vault.requireSession().db.call('settings.get');
  const months = (key: string, fallback: number) => {
    const v = values[key];
    return typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : fallback;
  };
  return {
    keepMonthsWithConsent: months(SETTING_WITH, DEFAULT_PRIVACY_SETTINGS.keepMonthsWithConsent),
    keepMonthsWithoutConsent: months(SETTING_WITHOUT, DEFAULT_PRIVACY_SETTINGS.keepMonthsWithoutConsent),
  };
}

export async function updatePrivacySettings(ctx: CoreContext, patch: Partial<PrivacySettings>): Promise<PrivacySettings> {
  const values: Record<string, unknown> = {};
  if (patch.keepMonthsWithConsent !== undefined) values[SETTING_WITH] = patch.keepMonthsWithConsent;
  if (patch.keepMonthsWithoutConsent !== undefined) values[SETTING_WITHOUT] = patch.keepMonthsWithoutConsent;
  if (Object.keys(values).length) await ctx.vault.requireSession().db.call('settings.set', { values });
  return privacySettings(ctx);
}

/** For other features too: a reply, an application or a login by the candidate restarts their clock. */
export function recordOwnActivity(ctx: CoreContext, candidateId: string, kind: OwnActivityKind, at?: string) {
  const now = ctx.clock.now();
  if (at !== undefined && new Date(at).getTime() > now.getTime() + 60_000) {
    throw new AppError('VALIDATION', 'An activity cannot lie in the future.', { issues: [{ path: 'at', message: 'In the future' }] });
  }
  return ctx.vault
    .requireSession()
    .db.call('retention.recordActivity', { candidateId, kind, at: at === undefined ? now.toISOString() : new Date(at).toISOString() });
}

export async function upcomingErasures(ctx: CoreContext, days: number): Promise<RetentionCandidate[]> {
  const settings = await privacySettings(ctx);
  const now = ctx.clock.now();
  return ctx.vault.requireSession().db.call('retention.upcoming', {
    now: now.toISOString(),
    until: new Date(now.getTime() + days * DAY_MS).toISOString(),
    monthsWith: settings.keepMonthsWithConsent,
    monthsWithout: settings.keepMonthsWithoutConsent,
  });
}

export interface RunOptions {
  dryRun: boolean;
  /** YYYY-MM-DD: measure the limits at the start of that day (UTC) instead of now. */
  asOf?: string | undefined;
  /** The daily job: logged as the system's, not a staff member's. */
  scheduled?: boolean;
  signal?: AbortSignal;
  /** Erased so far of those due (not held). */
  onProgress?: (done: number, total: number) => void;
}

export async function runRetention(ctx: CoreContext, options: RunOptions): Promise<RetentionReport> {
  const { db, owner } = ctx.vault.requireSession();
  const limits = await privacySettings(ctx);
  const asOf = options.asOf ? `${options.asOf}T00:00:00.000Z` : ctx.clock.now().toISOString();
  const actorId = options.scheduled ? null : owner.id;
  const due = await db.call('retention.due', {
    now: asOf,
    monthsWith: limits.keepMonthsWithConsent,
    monthsWithout: limits.keepMonthsWithoutConsent,
  });
  const held = due.filter((d) => d.held);
  const expired = due.filter((d) => !d.held);
  const reason = (keep: boolean) => (keep ? ('limitWithKeepConsent' as const) : ('limitWithoutKeepConsent' as const));
  let erasedIds = new Set(expired.map((d) => d.candidateId));
  let cancelled = false;
  if (!options.dryRun) {
    erasedIds = new Set();
    const progress = (done: number) => options.onProgress?.(done, expired.length);
    progress(0);
    const bulk = await db.call('retention.isBulk', { erasing: expired.length });
    for (let i = 0; i < expired.length; i += BATCH) {
      if (options.signal?.aborted) {
        cancelled = true;
        break;
      }
      const batch = expired.slice(i, i + BATCH).map((d) => d.candidateId);
      const { erased } = await db.call('retention.eraseExpired', { ids: batch, actorId, at: ctx.clock.now().toISOString(), bulk });
      for (const id of erased) {
        erasedIds.add(id);
        ctx.events.emit('candidates.changed', { id, kind: 'erased' });
      }
      progress(erasedIds.size);
    }
    // Also after a cancelled run: the batches done owe their purge (see search-subject.ts).
    if (bulk) await db.call('retention.purgeSearchIndex');
    if (erasedIds.size > 0) await db.call('privacy.wipeFreedPages', { vacuum: false });
  }
  await db.call('retention.logRun', {
    actorId,
    at: ctx.clock.now().toISOString(),
    asOf,
    dryRun: options.dryRun,
    erased: erasedIds.size,
    held: held.length,
    cancelled,
    scheduled: options.scheduled ?? false,
  });
  return {
    dryRun: options.dryRun,
    asOf,
    limits,
    erased: expired.filter((d) => erasedIds.has(d.candidateId)).map((d) => ({ ...d, reason: reason(d.keepConsent) })),
    held,
    cancelled,
  };
}

/**
 * The daily run: first a minute after each unlock, then every 24 hours while the
 * vault stays unlocked. Locking stops the timer and cancels a run between batches.
 */
export class RetentionJob {
  private timer: unknown = null;
  private running: AbortController | null = null;

  constructor(
    private readonly ctx: CoreContext,
    private readonly options: { firstDelayMs?: number; intervalMs?: number; onError?: (error: unknown) => void } = {},
  ) {
    ctx.events.on((name) => {
      if (name === 'vault.unlocked') this.schedule(this.options.firstDelayMs ?? 60_000);
      if (name === 'vault.locked') this.stop();
    });
  }

  /** Run now (the RPC and the CLI); only one run at a time. */
  async run(options: Omit<RunOptions, 'signal'>): Promise<RetentionReport> {
    if (this.running) throw new AppError('CONFLICT', 'A retention run is in progress already.');
    const controller = new AbortController();
    this.running = controller;
    const last = { done: 0, total: 0 };
    const onProgress = (done: number, total: number) => {
      Object.assign(last, { done, total });
      this.ctx.events.emit('retention.progress', { done, total, dryRun: options.dryRun, finished: false });
    };
    try {
      const report = await runRetention(this.ctx, { ...options, signal: controller.signal, onProgress });
      if (options.dryRun) Object.assign(last, { done: report.erased.length, total: report.erased.length });
      return report;
    } finally {
      this.running = null;
      // Announced once the job is free again, so a listener may start the next run at once.
      this.ctx.events.emit('retention.progress', { ...last, dryRun: options.dryRun, finished: true });
    }
  }

  cancel(): { cancelled: boolean } {
    if (!this.running) return { cancelled: false };
    this.running.abort();
    return { cancelled: true };
  }

  stop(): void {
    if (this.timer !== null) this.ctx.clock.clearTimeout(this.timer);
    this.timer = null;
    this.running?.abort();
  }

  private schedule(ms: number): void {
    if (this.timer !== null) this.ctx.clock.clearTimeout(this.timer);
    this.timer = this.ctx.clock.setTimeout(() => {
      // The next run is due a day after this one started, whatever this one takes.
      this.schedule(this.options.intervalMs ?? DAY_MS);
      this.run({ dryRun: false, scheduled: true }).catch((error: unknown) => {
        // Locked meanwhile (the next unlock schedules again), or a run by hand is going on.
        if (!(error instanceof AppError && (error.code === 'VAULT_LOCKED' || error.code === 'CONFLICT'))) this.options.onError?.(error);
      });
    }, ms);
  }
}
