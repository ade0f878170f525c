import type { MethodParsedInput } from '../../../shared/contract/index.ts';
import type { CoreContext } from '../context.ts';

/**
 * Data-subject rights requests: registered when received, answered within a
 * month (or the extended deadline). Dates are days in UTC, from the injected clock.
 */

const now = (ctx: CoreContext) => ctx.clock.now().toISOString();

export function openRequest(ctx: CoreContext, input: MethodParsedInput<'privacy.requests.open'>) {
  const { db, owner } = ctx.vault.requireSession();
  const at = now(ctx);
  return db.call('requests.open', {
    id: ctx.newId(),
    candidateId: input.candidateId,
    kind: input.kind,
    channel: input.channel,
    receivedOn: input.receivedOn ?? at.slice(0, 10),
    note: input.note ?? null,
    actorId: owner.id,
    at,
  });
}

export function listRequests(ctx: CoreContext, input: MethodParsedInput<'privacy.requests.list'>) {
  return ctx.vault.requireSession().db.call('requests.list', { ...input, now: now(ctx) });
}

export function getRequest(ctx: CoreContext, requestId: string) {
  return ctx.vault.requireSession().db.call('requests.get', { requestId, now: now(ctx) });
}

export function completeRequest(ctx: CoreContext, input: MethodParsedInput<'privacy.requests.complete'>) {
  const { db, owner } = ctx.vault.requireSession();
  return db.call('requests.complete', { requestId: input.requestId, note: input.note ?? null, actorId: owner.id, at: now(ctx) });
}

export function rejectRequest(ctx: CoreContext, input: MethodParsedInput<'privacy.requests.reject'>) {
  const { db, owner } = ctx.vault.requireSession();
  return db.call('requests.reject', { requestId: input.requestId, reason: input.reason, note: input.note ?? null, actorId: owner.id, at: now(ctx) });
}

export function extendRequest(ctx: CoreContext, input: MethodParsedInput<'privacy.requests.extend'>) {
  const { db, owner } = ctx.vault.requireSession();
  return db.call('requests.extend', {
    requestId: input.requestId,
    dueOn: input.dueOn,
    reason: input.reason,
    note: input.note ?? null,
    actorId: owner.id,
    at: now(ctx),
  });
}
