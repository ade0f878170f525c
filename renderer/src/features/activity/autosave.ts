/**
 * Saves the latest state shortly after typing pauses, and at the latest `maxWaitMs`
 * after the first unsaved change, one save at a time: a crash loses at most about
 * a second of typing. A failed save is retried with the newest state.
 */
export class Autosaver<T> {
  private pending: T | null = null;
  private firstChangeAt: number | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private inFlight: Promise<void> | null = null;

  constructor(
    private readonly save: (state: T) => Promise<void>,
    private readonly onStatus: (status: 'saving' | 'saved' | 'failed') => void,
    private readonly debounceMs = 300,
    private readonly maxWaitMs = 800,
    private readonly now: () => number = Date.now,
  ) {}

  change(state: T): void {
    this.pending = state;
    this.firstChangeAt ??= this.now();
    if (this.timer) clearTimeout(this.timer);
    const wait = Math.max(0, Math.min(this.debounceMs, this.firstChangeAt + this.maxWaitMs - this.now()));
    this.timer = setTimeout(() => void this.flush(), wait);
  }

  /** Save now (closing the form, leaving the page). */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.inFlight) await this.inFlight;
    const state = this.pending;
    if (state === null) return;
    this.pending = null;
    this.firstChangeAt = null;
    this.onStatus('saving');
    this.inFlight = this.save(state).then(
      () => this.onStatus('saved'),
      () => {
        this.onStatus('failed');
        // Not lost: the next change or the retry saves it.
        if (this.pending === null) this.change(state);
      },
    );
    await this.inFlight;
    this.inFlight = null;
  }
}
