import type { ErasureReason, ErasureReport } from '../../../shared/contract/index.ts';
import type { CoreContext } from '../context.ts';

/**
 * Erase a candidate (art. 17) and make it physical: the rows go in one
 * transaction with the tombstone and audit entry, then the freed pages are wiped.
 */
export async function eraseCandidate(
  ctx: CoreContext,
  candidateId: string,
  reason: ErasureReason,
  options: { compact?: boolean; requestId?: string | undefined } = {},
): Promise<ErasureReport> {
  const { db, owner } = ctx.vault.requireSession();
  const report = await db.call('privacy.erase', {
    candidateId,
    reason,
    actorId: owner.id,
    at: ctx.clock.now().toISOString(),
    requestId: options.requestId ?? null,
  });
  await db.call('privacy.wipeFreedPages', { vacuum: options.compact ?? false });
  ctx.events.emit('candidates.changed', { id: candidateId, kind: 'erased' });
  return report;
}

export function listTombstones(ctx: CoreContext, input: { offset: number; limit: number }) {
  return ctx.vault.requireSession().db.call('privacy.tombstones', input);
}
