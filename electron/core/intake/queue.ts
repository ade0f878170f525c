import type { IntakeJob } from '../../../shared/contract/intake.ts';

export interface Claimed {
  job: IntakeJob;
  attempts: number;
}

export interface QueueDeps {
  /** Files read at once. */
  concurrency: number;
  /** The next queued job, now marked as being read; null when none is waiting. */
  claim(): Promise<Claimed | null>;
  /** Read one job; resolves when it is settled (draft, failure, or interrupted). */
  run(claimed: Claimed, signal: AbortSignal): Promise<void>;
  /** A job claimed just as the queue stopped: hand it back. */
  unclaim(claimed: Claimed): Promise<void>;
}

/**
 * The scheduler. The queue itself is the jobs table: this holds only the few jobs
 * being read, so a drop of 500 files costs 500 rows, not 500 files in memory.
 */
export class IntakeQueue {
  private readonly running = new Map<string, AbortController>();
  private active = false;
  private pumping: Promise<void> | null = null;
  private again = false;

  constructor(private readonly deps: QueueDeps) {}

  get runningIds(): string[] {
    return [...this.running.keys()];
  }

  start(): void {
    this.active = true;
    this.kick();
  }

  /** Something was queued or a slot freed up: fill the free slots. */
  kick(): void {
    if (!this.active) return;
    if (this.pumping) {
      this.again = true;
      return;
    }
    this.pumping = this.pump().finally(() => {
      this.pumping = null;
      if (this.again) {
        this.again = false;
        this.kick();
      }
    });
  }

  /** Interrupt one running job (cancel); false when it is not running. */
  interrupt(jobId: string, reason: unknown): boolean {
    const controller = this.running.get(jobId);
    if (!controller) return false;
    this.running.delete(jobId);
    controller.abort(reason);
    this.kick();
    return true;
  }

  /** Stop taking jobs and interrupt the running ones; returns their ids. */
  stop(reason: unknown): string[] {
    this.active = false;
    const ids = [...this.running.keys()];
    const controllers = [...this.running.values()];
    this.running.clear();
    for (const c of controllers) c.abort(reason);
    return ids;
  }

  private async pump(): Promise<void> {
    while (this.active && this.running.size < this.deps.concurrency) {
      let claimed: Claimed | null;
      try {
        claimed = await this.deps.claim();
      } catch {
        return; // the vault closed under us; unlocking starts the queue again
      }
      if (!claimed) return;
      if (!this.active) {
        await this.deps.unclaim(claimed).catch(() => undefined);
        return;
      }
      const id = claimed.job.id;
      const controller = new AbortController();
      this.running.set(id, controller);
      void this.deps
        .run(claimed, controller.signal)
        .catch(() => undefined)
        .finally(() => {
          if (this.running.get(id) === controller) this.running.delete(id);
          this.kick();
        });
    }
  }
}
