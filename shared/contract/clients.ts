import { z } from 'zod';
import { defineMethod } from './define.ts';
import { phoneInput } from './candidates.ts';

/**
 * The agency's clients (the companies that hire through it) and the people we
 * deal with there. Vacancies belong to a client (see matching.ts).
 */

const ORG_WEIGHTS = [3, 2, 7, 6, 5, 4, 3, 2] as const;

/**
 * A Norwegian organisation number (Brønnøysundregistrene): nine digits, the last a
 * mod-11 check digit over the first eight with weights 3 2 7 6 5 4 3 2. Spaces
 * as people write them ("923 609 016") are allowed.
 */
export function isValidOrgNumber(raw: string): boolean {
  const digits = raw.replace(/\s+/g, '');
  if (!/^\d{9}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(digits[i]) * ORG_WEIGHTS[i]!;
  const rest = sum % 11;
  const check = rest === 0 ? 0 : 11 - rest;
  // A remainder of 1 gives check 10: no number is issued with it.
  return check !== 10 && check === Number(digits[8]);
}

/** "923609016" → "923 609 016". */
export const formatOrgNumber = (digits: string) => (/^\d{9}$/.test(digits) ? digits.replace(/^(\d{3})(\d{3})(\d{3})$/, '$1 $2 $3') : digits);

export interface ClientContact {
  id: string;
  clientId: string;
  name: string;
  role: string;
  email: string;
  /** E.164, or ''. */
  phone: string;
  createdAt: string;
  updatedAt: string;
}

export interface Client {
  id: string;
  name: string;
  /** Nine digits without spaces ('' for a foreign company without one). */
  orgNumber: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  notes: string;
  contacts: ClientContact[];
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
  /** Increments on every change; an update names the version it edits. */
  version: number;
}

export type ClientSummary = Pick<Client, 'id' | 'name' | 'orgNumber' | 'country' | 'updatedAt' | 'version'> & {
  contactCount: number;
};

const id = z.string().min(1).max(64);
const text = (max: number) => z.string().trim().max(max);

const country = z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/, { message: 'Country must be a two-letter ISO code' });

/** Digits kept, spaces dropped; a Norwegian number must pass the mod-11 check. */
const orgNumberInput = z
  .string()
  .trim()
  .max(20)
  .transform((s) => s.replace(/[\s.]+/g, ''));

function checkOrgNumber(value: { orgNumber?: string | undefined; country?: string | undefined }, ctx: z.RefinementCtx) {
  const org = value.orgNumber ?? '';
  if (org === '') {
    if ((value.country ?? 'NO') === 'NO') ctx.addIssue({ code: 'custom', path: ['orgNumber'], message: 'A Norwegian client needs its organisation number' });
    return;
  }
  if ((value.country ?? 'NO') === 'NO' && !isValidOrgNumber(org)) {
    ctx.addIssue({ code: 'custom', path: ['orgNumber'], message: `Not a valid Norwegian organisation number: ${org} (nine digits, mod-11 check)` });
  }
}

const contactShape = {
  name: text(200).min(1, { message: 'A name is required' }),
  role: text(200),
  email: z.union([z.literal(''), z.email().max(320)]),
  phone: z.union([z.literal(''), phoneInput]),
};

export const contactFields = z.object({
  name: contactShape.name,
  role: contactShape.role.default(''),
  email: contactShape.email.default(''),
  phone: contactShape.phone.default(''),
});
export type ContactFields = z.output<typeof contactFields>;

export const clientFields = z
  .object({
    name: text(200).min(1, { message: 'A company name is required' }),
    orgNumber: orgNumberInput.default(''),
    country: country.default('NO'),
    notes: z.string().max(20_000).default(''),
    contacts: z.array(contactFields.strict()).max(50).default([]),
  })
  .strict()
  .superRefine(checkOrgNumber);
export type ClientFields = z.output<typeof clientFields>;

export const clientPatch = z
  .object({
    name: text(200).min(1, { message: 'A company name is required' }),
    orgNumber: orgNumberInput,
    country,
    notes: z.string().max(20_000),
  })
  .partial()
  .strict();
export type ClientPatch = z.output<typeof clientPatch>;

export const clientMethods = {
  'clients.list': defineMethod<{ total: number; items: ClientSummary[] }>()(
    z
      .object({
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(500).default(100),
        /** Quick filter: name (any word's start) or organisation number. */
        text: z.string().max(200).default(''),
      })
      .strict(),
  ),
  'clients.get': defineMethod<Client>()(z.object({ id }).strict()),
  'clients.create': defineMethod<Client>()(clientFields),
  /** The merged result is checked again (a new country may make the old number invalid). */
  'clients.update': defineMethod<Client>()(z.object({ id, version: z.number().int().min(1), patch: clientPatch }).strict()),
  'clients.contacts.add': defineMethod<Client>()(z.object({ clientId: id, contact: contactFields.strict() }).strict()),
  'clients.contacts.update': defineMethod<Client>()(
    z.object({ id, patch: z.object(contactShape).partial().strict() }).strict(),
  ),
  'clients.contacts.remove': defineMethod<Client>()(z.object({ id }).strict()),
};
