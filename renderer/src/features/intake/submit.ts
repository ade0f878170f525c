import type { IntakeJob } from '../../../../shared/contract/intake.ts';
import type { Api } from '../../api/client.ts';
import { fileNameFor, planBatches, sendsBytes, SUBMIT_LIMITS, toBase64, type FileLike, type Limits } from './batches.ts';

export interface SubmitProgress {
  /** Files handed to the core so far, and in all. */
  sent: number;
  total: number;
}

/**
 * Reads the files one call's worth at a time and queues them with `intake.submit`.
 * Each call's jobs are reported as soon as the core has stored them, so rows appear
 * while the rest of a large drop is still being read.
 */
export async function submitFiles(
  api: Pick<Api, 'call'>,
  files: readonly FileLike[],
  on: { progress?(p: SubmitProgress): void; jobs?(jobs: IntakeJob[]): void } = {},
  limits: Limits = SUBMIT_LIMITS,
): Promise<IntakeJob[]> {
  const all: IntakeJob[] = [];
  let sent = 0;
  on.progress?.({ sent, total: files.length });
  for (const batch of planBatches(files, limits)) {
    const payload = [];
    for (const index of batch) {
      const file = files[index]!;
      const name = fileNameFor(file.name);
      const type = file.type ? { type: file.type.slice(0, 200) } : {};
      const bytes = sendsBytes(file.size, limits) ? await readBase64(file) : null;
      // Unreadable (a folder, a file gone meanwhile): the core records it as not received, with that reason.
      payload.push(bytes !== null ? { name, bytes, ...type } : { name, size: Math.max(1, file.size), ...type });
    }
    const { jobs } = await api.call('intake.submit', { files: payload });
    all.push(...jobs);
    sent += batch.length;
    on.jobs?.(jobs);
    on.progress?.({ sent, total: files.length });
  }
  return all;
}

async function readBase64(file: FileLike): Promise<string | null> {
  try {
    return toBase64(await file.arrayBuffer());
  } catch {
    return null;
  }
}
