import type { HandlerGroup } from '../rpc/handlers.ts';
import type { SharingSender } from './sender.ts';
import { getConnection, listConnections, previewShare, removeConnection, saveConnection, share } from './service.ts';

/** The sender is woken by whatever queues or re-queues an item, so handlers close over it. */
export const sharingHandlers = (sender: SharingSender): HandlerGroup => ({
  'sharing.connections.list': (_, ctx) => listConnections(ctx),
  'sharing.connections.get': (input, ctx) => getConnection(ctx, input.clientId),
  'sharing.connections.save': async (input, ctx) => {
    const saved = await saveConnection(ctx, input);
    // A safeguard recorded or an endpoint fixed: what was waiting may go now.
    sender.wake();
    return saved;
  },
  'sharing.connections.remove': (input, ctx) => removeConnection(ctx, input.clientId),
  'sharing.preview': (input, ctx) => previewShare(ctx, input),
  'sharing.share': (input, ctx) => share(ctx, input, () => sender.wake()),
  'sharing.outbox.list': (input, ctx) => ctx.vault.requireSession().db.call('sharing.outbox', input),
  'sharing.outbox.retry': async (input, ctx) => {
    const item = await ctx.vault.requireSession().db.call('sharing.retry', { id: input.id, at: ctx.clock.now().toISOString() });
    ctx.events.emit('sharing.outbox', { ids: [item.id] });
    sender.wake();
    return item;
  },
  'sharing.outbox.cancel': async (input, ctx) => {
    const { db, owner } = ctx.vault.requireSession();
    const item = await db.call('sharing.cancel', { id: input.id, actorId: owner.id, at: ctx.clock.now().toISOString() });
    ctx.events.emit('sharing.outbox', { ids: [item.id] });
    return item;
  },
  'sharing.disclosures.list': async (input, ctx) => {
    const { db } = ctx.vault.requireSession();
    await db.call('candidates.get', { id: input.candidateId });
    return db.call('sharing.disclosures', { candidateId: input.candidateId });
  },
});
