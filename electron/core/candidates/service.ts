import type {
  Candidate,
  CandidateFields,
  CandidatePatch,
  CandidateStatus,
  MethodParsedInput,
} from '../../../shared/contract/index.ts';
import type { CoreContext } from '../context.ts';

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

export function getCandidate(ctx: CoreContext, id: string) {
  return ctx.vault.requireSession().db.call('candidates.get', { id });
}

export function candidateHistory(ctx: CoreContext, id: string) {
  return ctx.vault.requireSession().db.call('candidates.history', { id });
}
