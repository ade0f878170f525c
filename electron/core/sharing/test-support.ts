import { randomBytes } from 'node:crypto';
import type { Core } from '../index.ts';
import type { MethodInput, MethodName, MethodOutput, OutboxItem } from '../../../shared/contract/index.ts';

/**
 * For the sharing tests, the reliability child and the benchmark: a client with
 * a connection, candidates with (or without) consent to share with it.
 */

export type Call = <M extends MethodName>(method: M, input: MethodInput<M>) => Promise<MethodOutput<M>>;

export const SHARE_NOTICE = { version: 'deling-1', text: 'Vi deler profilen din med denne kunden når du sier ja.' };

export const newSecret = () => `whsec_${randomBytes(32).toString('base64')}`;

export function caller(core: Core): Call {
  return async (method, input) => {
    const result = await core.dispatch(method, input);
    if (!result.ok) throw Object.assign(new Error(`${method}: ${result.error.message}`), { rpc: result.error });
    return result.value as never;
  };
}

/** Valid mod-11 organisation numbers for made-up clients. */
const ORG_NUMBERS = ['923609016', '974760673', '982463718'];

export async function addClient(call: Call, a: { name: string; country?: string; index?: number }) {
  const country = a.country ?? 'NO';
  return call('clients.create', {
    name: a.name,
    country,
    ...(country === 'NO' ? { orgNumber: ORG_NUMBERS[a.index ?? 0]! } : {}),
  });
}

export async function connect(call: Call, clientId: string, endpoint: string, secret: string, extra: Partial<MethodInput<'sharing.connections.save'>> = {}) {
  return call('sharing.connections.save', { clientId, endpoint, secret, ...extra });
}

export async function addCandidate(call: Call, n: number, a: { consentTo?: string | null; vacancyId?: string } = {}) {
  const c = await call('candidates.create', {
    name: `Testa Kandidat${n} Nummerbakken`,
    emails: [`testa.${n}@eksempel.no`],
    phones: ['+4791234567'],
    address: { street: `Prøvegata ${n}`, postalCode: '5003', city: 'Bergen', country: 'NO' },
    birthDate: '1990-05-17',
    desiredRoles: ['Lagermedarbeider'],
  });
  if (a.consentTo) await grantShare(call, c.id, a.consentTo, a.vacancyId);
  return c;
}

export function grantShare(call: Call, candidateId: string, clientId: string, vacancyId?: string) {
  return call('privacy.consents.grant', {
    candidateId,
    purpose: 'shareWithClient',
    clientId,
    ...(vacancyId ? { vacancyId } : {}),
    source: 'form',
    notice: SHARE_NOTICE,
  });
}

export function withdrawShare(call: Call, candidateId: string, clientId: string) {
  return call('privacy.consents.withdraw', { candidateId, purpose: 'shareWithClient', clientId, source: 'email' });
}

/** Every outbox item, oldest first. */
export async function allOutbox(call: Call, filter: { candidateId?: string; clientId?: string } = {}): Promise<OutboxItem[]> {
  const items: OutboxItem[] = [];
  for (let offset = 0; ; offset += 500) {
    const page = await call('sharing.outbox.list', { ...filter, offset, limit: 500 });
    items.push(...page.items);
    if (items.length >= page.total || page.items.length === 0) break;
  }
  return items.reverse();
}
