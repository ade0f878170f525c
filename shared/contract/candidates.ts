import { z } from 'zod';
import { defineMethod } from './define.ts';
import { toE164 } from '../phone.ts';

export const CandidateStatuses = ['active', 'inactive'] as const;
export type CandidateStatus = (typeof CandidateStatuses)[number];

export const Shifts = ['day', 'evening', 'night', 'weekend'] as const;
export type Shift = (typeof Shifts)[number];

export interface Address {
  street: string;
  postalCode: string;
  city: string;
  /** ISO 3166-1 alpha-2, "NO" by default. */
  country: string;
}

export interface Availability {
  /** YYYY-MM-DD, or null when not known. */
  from: string | null;
  /** Share of a full-time position, 1–100 (%), or null when not known. */
  extentPercent: number | null;
  shifts: Shift[];
}

export interface Candidate {
  id: string;
  name: string;
  emails: string[];
  /** E.164, e.g. "+4791234567". */
  phones: string[];
  address: Address;
  /** YYYY-MM-DD or null. */
  birthDate: string | null;
  status: CandidateStatus;
  availability: Availability;
  desiredRoles: string[];
  desiredSectors: string[];
  notes: string;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
  /** Increments on every change; an update must name the version it edits. */
  version: number;
}

export type CandidateSummary = Pick<
  Candidate,
  'id' | 'name' | 'status' | 'updatedAt' | 'version'
> & { email: string | null; phone: string | null; city: string; availableFrom: string | null };

export interface FieldChange {
  field: string;
  from: unknown;
  to: unknown;
}

export interface HistoryEntry {
  at: string;
  actor: { id: string; name: string };
  /** nationalIdKept/Discarded: the recruiter's choice at intake, logged without the digits. */
  action: 'created' | 'updated' | 'deactivated' | 'reactivated' | 'nationalIdKept' | 'nationalIdDiscarded';
  changes: FieldChange[];
}

const isoDate = z.iso.date();
const text = (max: number) => z.string().trim().max(max);
const list = z.array(text(200).min(1)).max(50);

/** A phone as typed; stored in E.164. Norwegian numbers need no country code. */
export const phoneInput = z.string().transform((raw, ctx) => {
  const e164 = toE164(raw);
  if (!e164) {
    ctx.addIssue({ code: 'custom', message: `Not a valid phone number: ${raw}` });
    return z.NEVER;
  }
  return e164;
});

const addressShape = {
  street: text(200),
  postalCode: text(20),
  city: text(100),
  country: z.string().trim().toUpperCase().length(2),
};
const availabilityShape = {
  from: isoDate.nullable(),
  extentPercent: z.number().int().min(1).max(100).nullable(),
  shifts: z.array(z.enum(Shifts)).max(4),
};

/**
 * The fields of a new candidate: anything left out gets its empty default.
 * Updates use `candidatePatch`, which has NO defaults: a patch that names only the
 * city must not blank the e-mails (zod keeps defaults through `.partial()`).
 */
export const candidateFields = z.object({
  name: text(200).min(1, { message: 'A name is required' }),
  emails: z.array(z.email().max(320)).max(10).default([]),
  phones: z.array(phoneInput).max(10).default([]),
  address: z
    .object({
      street: addressShape.street.default(''),
      postalCode: addressShape.postalCode.default(''),
      city: addressShape.city.default(''),
      country: addressShape.country.default('NO'),
    })
    .default({ street: '', postalCode: '', city: '', country: 'NO' }),
  birthDate: isoDate.nullable().default(null),
  availability: z
    .object({
      from: availabilityShape.from.default(null),
      extentPercent: availabilityShape.extentPercent.default(null),
      shifts: availabilityShape.shifts.default([]),
    })
    .default({ from: null, extentPercent: null, shifts: [] }),
  desiredRoles: list.default([]),
  desiredSectors: list.default([]),
  notes: z.string().max(20_000).default(''),
});

/** Only the fields named are changed; within address and availability, only the parts named. */
export const candidatePatch = z
  .object({
    name: text(200).min(1, { message: 'A name is required' }),
    emails: z.array(z.email().max(320)).max(10),
    phones: z.array(phoneInput).max(10),
    address: z.object(addressShape).partial().strict(),
    birthDate: isoDate.nullable(),
    availability: z.object(availabilityShape).partial().strict(),
    desiredRoles: list,
    desiredSectors: list,
    notes: z.string().max(20_000),
  })
  .partial()
  .strict();

export type CandidatePatch = z.output<typeof candidatePatch>;

export type CandidateInput = z.input<typeof candidateFields>;
export type CandidateFields = z.output<typeof candidateFields>;

export const CandidateSorts = ['name', 'updatedAt', 'createdAt', 'city', 'status'] as const;
export type CandidateSort = (typeof CandidateSorts)[number];

export const candidateMethods = {
  'candidates.list': defineMethod<{ total: number; items: CandidateSummary[] }>()(
    z.object({
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(500).default(100),
      sort: z.enum(CandidateSorts).default('name'),
      dir: z.enum(['asc', 'desc']).default('asc'),
      status: z.enum(['active', 'inactive', 'all']).default('all'),
      /** Quick filter on name, e-mail, phone or city (prefix). */
      text: z.string().max(200).default(''),
    }).strict(),
  ),
  'candidates.get': defineMethod<Candidate>()(z.object({ id: z.string().min(1).max(64) }).strict()),
  'candidates.create': defineMethod<Candidate>()(candidateFields.strict()),
  'candidates.update': defineMethod<Candidate>()(
    z.object({
      id: z.string().min(1).max(64),
      /** The version the edit was made on: a stale edit gets CONFLICT. */
      version: z.number().int().min(1),
      patch: candidatePatch,
    }).strict(),
  ),
  'candidates.setStatus': defineMethod<Candidate>()(
    z.object({ id: z.string().min(1).max(64), status: z.enum(CandidateStatuses) }).strict(),
  ),
  'candidates.history': defineMethod<HistoryEntry[]>()(z.object({ id: z.string().min(1).max(64) }).strict()),
};
