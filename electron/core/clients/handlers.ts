import type { HandlerGroup } from '../rpc/handlers.ts';
import { addContact, createClient, getClient, listClients, removeContact, updateClient, updateContact } from './service.ts';

export const clientHandlers: HandlerGroup = {
  'clients.list': (input, ctx) => listClients(ctx, input),
  'clients.get': (input, ctx) => getClient(ctx, input.id),
  'clients.create': (input, ctx) => createClient(ctx, input),
  'clients.update': (input, ctx) => updateClient(ctx, input.id, input.version, input.patch),
  'clients.contacts.add': (input, ctx) => addContact(ctx, input.clientId, input.contact),
  'clients.contacts.update': (input, ctx) => updateContact(ctx, input.id, input.patch),
  'clients.contacts.remove': (input, ctx) => removeContact(ctx, input.id),
};
