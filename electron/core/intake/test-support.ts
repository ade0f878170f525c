import type { IntakeJob, IntakeProgress, IntakeState, MethodInput, MethodName, MethodOutput } from '../../../shared/contract/index.ts';
import type { Core } from '../index.ts';

interface TestCore {
  core: Core;
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
}

export const SETTLED: IntakeState[] = ['review', 'accepted', 'failed', 'cancelled', 'duplicate'];

/** Resolves once every job is in one of `states`, watching the progress events rather than sleeping. */
export function waitForJobs(t: TestCore, ids: string[], states: IntakeState[] = SETTLED): Promise<Map<string, IntakeJob>> {
  const jobs = new Map<string, IntakeJob>();
  return new Promise((resolve, reject) => {
    const check = () => {
      if (ids.every((id) => jobs.has(id) && states.includes(jobs.get(id)!.state))) {
        off();
        resolve(jobs);
      }
    };
    const off = t.core.events.on((name, payload) => {
      if (name !== 'intake.progress') return;
      const p = payload as IntakeProgress;
      if (ids.includes(p.jobId)) jobs.set(p.jobId, p.job);
      check();
    });
    Promise.all(ids.map((id) => t.call('intake.get', { jobId: id })))
      .then((current) => {
        // An event that arrived meanwhile is newer than what was read.
        for (const job of current) if (!jobs.has(job.id) || states.includes(job.state)) jobs.set(job.id, job);
        check();
      })
      .catch(reject);
  });
}
