import { create } from 'zustand';
import { api } from '../../api/client.ts';
import { onVaultLocked } from '../../app/stores/session.ts';

export type PageImageState = { src: string; width: number; height: number } | { failed: unknown } | 'loading';

/** Pages kept: the one on screen, the next CV's first page, and a few to go back to. */
const KEEP = 8;

interface PageImages {
  pages: Record<string, PageImageState>;
  /** Fetch a page unless it is here or on its way; the next CV's first page is fetched ahead like this. */
  want(jobId: string, page: number): void;
  clear(): void;
}

const keyOf = (jobId: string, page: number) => `${jobId}:${page}`;
let recent: string[] = [];
let generation = 0;

/**
 * Page images of originals for the review screen. The first one can take the core
 * a few seconds (it loads its PDF renderer), so the next CV's page is asked for
 * while the recruiter is still on the current one.
 */
export const usePageImages = create<PageImages>()((set, get) => ({
  pages: {},
  want(jobId, page) {
    const key = keyOf(jobId, page);
    recent = [key, ...recent.filter((k) => k !== key)];
    if (get().pages[key]) return;
    const gen = generation;
    const dropped = recent.slice(KEEP);
    recent = recent.slice(0, KEEP);
    set((s) => {
      const pages = { ...s.pages, [key]: 'loading' as const };
      for (const k of dropped) delete pages[k];
      return { pages };
    });
    api()
      .call('intake.getPageImage', { jobId, page })
      .then(
        (image) => ({ src: `data:${image.mime};base64,${image.base64}`, width: image.width, height: image.height }),
        (failed: unknown) => ({ failed }),
      )
      .then((state) => {
        if (gen !== generation || !recent.includes(key)) return;
        set((s) => ({ pages: { ...s.pages, [key]: state } }));
      });
  },
  clear() {
    generation += 1;
    recent = [];
    set({ pages: {} });
  },
}));

export const pageImageOf = (pages: Record<string, PageImageState>, jobId: string, page: number) => pages[keyOf(jobId, page)];

// The pages show personal data: gone the moment the vault locks.
onVaultLocked(() => usePageImages.getState().clear());
