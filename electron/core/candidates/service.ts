import type {
  Candidate,
  CandidateFields,
  CandidatePatch,
  CandidateStatus,
  MethodParsedInput,
} from '../../../shared/contract/index.ts';
import type { CoreContext } from '../context.ts';
import { auditView } from '../audit/service.ts';

/** The candidate register: every change is stamped with who and when, and kept in history. */
export function createCandidate(ctx: CoreContext, fields: CandidateFields): Promise<Candidate> {
  const { db, owner } = ctx.vault.requireSession();
  return db
    .call('candidates.insert', { id: ctx.newId(), fields, actorId: owner.id, at: ctx.clock.now().toISOString() })
    .then((created) => {
      ctx.events.emit('candidates.changed', { id: created.id, kind: 'created' });
      return created;
    });
}

export async function updateCandidate(
  ctx: CoreContext,
  id: string,
  version: number | null,
  patch: CandidatePatch & { status?: CandidateStatus },
): Promise<Candidate> {
  const { db, owner } = ctx.vault.requireSession();
  const updated = await db.call('candidates.update', {
    id,
    version,
    patch,
    actorId: owner.id,
    at: ctx.clock.now().toISOString(),
  });
  ctx.events.emit('candidates.changed', { id, kind: 'updated' });
  return updated;
}

export function listCandidates(ctx: CoreContext, query: MethodParsedInput<'candidates.list'>) {
  return ctx.vault.requireSession().db.call('candidates.list', query);
}

/** Showing a record is logged (who viewed it); a record that cannot be logged is not shown. */
export async function getCandidate(ctx: CoreContext, id: string) {
  const candidate = await ctx.vault.requireSession().db.call('candidates.get', { id });
  await auditView(ctx, id);
  return candidate;
}

export function candidateHistory(ctx: CoreContext, id: string) {
  return ctx.vault.requireSession().db.call('candidates.history', { id });
}
