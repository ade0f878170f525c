import type { ClientFields, ClientPatch, ContactFields, MethodParsedInput } from '../../../shared/contract/index.ts';
import type { CoreContext } from '../context.ts';

/** Clients and their contacts; every change is stamped with who and when. */

const stamp = (ctx: CoreContext) => {
  const { db, owner } = ctx.vault.requireSession();
  return { db, actorId: owner.id, at: ctx.clock.now().toISOString() };
};

export function createClient(ctx: CoreContext, fields: ClientFields) {
  const { db, actorId, at } = stamp(ctx);
  return db.call('clients.insert', { id: ctx.newId(), fields, contactIds: fields.contacts.map(() => ctx.newId()), actorId, at });
}

export function updateClient(ctx: CoreContext, id: string, version: number, patch: ClientPatch) {
  const { db, actorId, at } = stamp(ctx);
  return db.call('clients.update', { id, version, patch, actorId, at });
}

export function listClients(ctx: CoreContext, input: MethodParsedInput<'clients.list'>) {
  return ctx.vault.requireSession().db.call('clients.list', input);
}

export function getClient(ctx: CoreContext, id: string) {
  return ctx.vault.requireSession().db.call('clients.get', { id });
}

export function addContact(ctx: CoreContext, clientId: string, contact: ContactFields) {
  const { db, actorId, at } = stamp(ctx);
  return db.call('clients.contacts.add', { id: ctx.newId(), clientId, contact, actorId, at });
}

export function updateContact(ctx: CoreContext, id: string, patch: Partial<ContactFields>) {
  const { db, actorId, at } = stamp(ctx);
  return db.call('clients.contacts.update', { id, patch, actorId, at });
}

export function removeContact(ctx: CoreContext, id: string) {
  const { db, actorId, at } = stamp(ctx);
  return db.call('clients.contacts.remove', { id, actorId, at });
}
