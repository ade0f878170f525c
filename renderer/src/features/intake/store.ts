import { create } from 'zustand';
import { ActiveIntakeStates, IntakeStates, type IntakeJob, type IntakeState } from '../../../../shared/contract/intake.ts';
import { api } from '../../api/client.ts';
import { onVaultLocked } from '../../app/stores/session.ts';
import type { FileLike } from './batches.ts';
import { submitFiles } from './submit.ts';
import type { ReviewForm } from './reviewForm.ts';

/** The newest jobs the view holds; a larger queue is counted, not listed, beyond this. */
export const LIST_LIMIT = 1000;

const zeroCounts = (): Record<IntakeState, number> =>
  Object.fromEntries(IntakeStates.map((s) => [s, 0])) as Record<IntakeState, number>;

interface IntakeStore {
  jobs: Record<string, IntakeJob>;
  /** Newest first; one drop keeps the order its files were dropped in. */
  order: string[];
  counts: Record<IntakeState, number>;
  total: number;
  loaded: boolean;
  error: unknown;
  /** Files being read and handed to the core right now. */
  sending: { sent: number; total: number } | null;
  sendError: unknown;
  /** The job open in the review screen. */
  reviewing: string | null;
  /** Corrections made in the review screen, kept when the recruiter steps back to the queue. */
  edits: Record<string, ReviewForm>;
  load(): Promise<void>;
  apply(job: IntakeJob): void;
  removed(ids: string[]): void;
  send(files: FileLike[]): Promise<void>;
  openReview(jobId: string | null): void;
  saveEdits(jobId: string, form: ReviewForm | null): void;
  clear(): void;
}

/** Jobs waiting for review, oldest first (one drop's in the order dropped): the queue is worked through as files came. */
export function reviewQueue(s: Pick<IntakeStore, 'jobs' | 'order'>): IntakeJob[] {
  const waiting: { job: IntakeJob; index: number }[] = [];
  s.order.forEach((id, index) => {
    const job = s.jobs[id];
    if (job?.state === 'review') waiting.push({ job, index });
  });
  waiting.sort((a, b) => (a.job.createdAt === b.job.createdAt ? a.index - b.index : a.job.createdAt < b.job.createdAt ? -1 : 1));
  return waiting.map((w) => w.job);
}

type IntakeData = Omit<IntakeStore, 'load' | 'apply' | 'removed' | 'send' | 'openReview' | 'saveEdits' | 'clear'>;

/** The store before anything is loaded, and again after a lock. */
const emptyState = (): IntakeData => ({
  jobs: {},
  order: [],
  counts: zeroCounts(),
  total: 0,
  loaded: false,
  error: null,
  sending: null,
  sendError: null,
  reviewing: null,
  edits: {},
});

let countsTimer: ReturnType<typeof setTimeout> | null = null;
let generation = 0;

export const useIntake = create<IntakeStore>()((set, get) => {
  /** Events adjust the totals at once; the core's own count settles them when things quieten. */
  const settleCounts = () => {
    if (countsTimer) clearTimeout(countsTimer);
    const gen = generation;
    countsTimer = setTimeout(() => {
      countsTimer = null;
      api()
        .call('intake.list', { limit: 1 })
        .then(({ counts, total }) => {
          if (gen === generation) set({ counts, total });
        })
        .catch(() => {});
    }, 800);
  };

  return {
    ...emptyState(),

    async load() {
      const gen = generation;
      try {
        const { items, counts, total } = await api().call('intake.list', { limit: LIST_LIMIT });
        if (gen !== generation) return;
        set({
          jobs: Object.fromEntries(items.map((j) => [j.id, j])),
          order: items.map((j) => j.id),
          counts,
          total,
          loaded: true,
          error: null,
        });
      } catch (error) {
        if (gen === generation) set({ error, loaded: true });
      }
    },

    apply(job) {
      set((s) => {
        const previous = s.jobs[job.id];
        // Events can overtake each other on the way: an older state never replaces a newer one.
        if (previous && (previous.updatedAt > job.updatedAt || (previous.updatedAt === job.updatedAt && stage(previous) > stage(job)))) {
          return s;
        }
        const counts = { ...s.counts };
        if (previous) counts[previous.state] = Math.max(0, counts[previous.state] - 1);
        counts[job.state] += 1;
        return {
          jobs: { ...s.jobs, [job.id]: job },
          order: previous ? s.order : [job.id, ...s.order],
          counts,
          total: previous ? s.total : s.total + 1,
        };
      });
      settleCounts();
    },

    removed(ids) {
      set((s) => {
        const gone = new Set(ids);
        const jobs = { ...s.jobs };
        const counts = { ...s.counts };
        let total = s.total;
        for (const id of gone) {
          const job = jobs[id];
          if (!job) continue;
          counts[job.state] = Math.max(0, counts[job.state] - 1);
          total -= 1;
          delete jobs[id];
        }
        return { jobs, counts, total: Math.max(0, total), order: s.order.filter((id) => !gone.has(id)) };
      });
      settleCounts();
    },

    async send(files) {
      if (files.length === 0) return;
      const gen = generation;
      set({ sendError: null });
      // One drop reads top to bottom in the order its files were dropped, above older drops.
      let after: string | null = null;
      try {
        await submitFiles(api(), files, {
          progress: (p) => gen === generation && set({ sending: p.sent < p.total ? p : null }),
          jobs: (jobs) => {
            if (gen !== generation) return;
            for (const job of jobs) get().apply(job);
            const batch = jobs.map((j) => j.id);
            const inBatch = new Set(batch);
            set((s) => {
              const rest = s.order.filter((id) => !inBatch.has(id));
              const at = after === null ? 0 : rest.indexOf(after) + 1;
              return { order: [...rest.slice(0, at), ...batch, ...rest.slice(at)] };
            });
            after = batch.at(-1) ?? after;
          },
        });
      } catch (error) {
        if (gen === generation) set({ sendError: error, sending: null });
      }
    },

    openReview(jobId) {
      set({ reviewing: jobId });
    },

    saveEdits(jobId, form) {
      set((s) => {
        const edits = { ...s.edits };
        if (form) edits[jobId] = form;
        else delete edits[jobId];
        return { edits };
      });
    },

    clear() {
      generation += 1;
      if (countsTimer) clearTimeout(countsTimer);
      countsTimer = null;
      set(emptyState());
    },
  };
});

/** How far along a job is, for events stamped in the same millisecond. */
const stage = (job: IntakeJob) => {
  const i = (ActiveIntakeStates as readonly IntakeState[]).indexOf(job.state);
  return i < 0 ? ActiveIntakeStates.length : i;
};

// Names, drafts and corrections are personal data: gone the moment the vault locks.
onVaultLocked(() => useIntake.getState().clear());
