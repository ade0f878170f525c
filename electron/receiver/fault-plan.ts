import { createHash } from 'node:crypto';
import type { Fault } from './server.ts';

/**
 * A reproducible mix of failures for tests and benchmarks: per webhook-id (by its
 * hash) and attempt, in percent of first attempts; a few fail their second
 * attempt too; from the third on, everything goes through.
 */
export interface FaultPlan {
  error500: number;
  hang: number;
  dropMidRequest: number;
  dropAfterApply: number;
  /** Of second attempts, answered 500 again. */
  secondError500: number;
}

export function faultFor(plan: FaultPlan, id: string | null, attempt: number): Fault {
  if (!id || attempt >= 3) return 'none';
  const h = createHash('sha256').update(id).digest().readUInt16BE(0) % 100;
  if (attempt === 2) return h < plan.secondError500 ? 'error500' : 'none';
  let edge = 0;
  for (const fault of ['error500', 'hang', 'dropMidRequest', 'dropAfterApply'] as const) {
    edge += plan[fault];
    if (h < edge) return fault;
  }
  return 'none';
}
