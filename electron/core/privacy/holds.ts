import type { MethodParsedInput } from '../../../shared/contract/index.ts';
import type { CoreContext } from '../context.ts';

/** Legal holds; whether one is in force is derived from its last day and the clock. */
export function setHold(ctx: CoreContext, input: MethodParsedInput<'privacy.holds.set'>) {
  const { db, owner } = ctx.vault.requireSession();
  return db.call('holds.set', { id: ctx.newId(), ...input, actorId: owner.id, at: ctx.clock.now().toISOString() });
}

export function releaseHold(ctx: CoreContext, holdId: string) {
  const { db, owner } = ctx.vault.requireSession();
  return db.call('holds.release', { holdId, actorId: owner.id, at: ctx.clock.now().toISOString() });
}

export function listHolds(ctx: CoreContext, input: MethodParsedInput<'privacy.holds.list'>) {
  return ctx.vault.requireSession().db.call('holds.list', { ...input, now: ctx.clock.now().toISOString() });
}
