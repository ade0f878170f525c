import type { Candidate, CandidateInput, Shift } from '../../../../shared/contract/candidates.ts';
import { formatPhone, toE164 } from '../../../../shared/phone.ts';
import type { FieldIssue } from '../../api/errors.ts';
import type { MessageKey } from '../../i18n/nb.ts';

/** The shifts in the order they are shown; the type check keeps it in step with the contract. */
export const SHIFTS = ['day', 'evening', 'night', 'weekend'] as const satisfies readonly Shift[];
type _AllShifts = Exclude<Shift, (typeof SHIFTS)[number]> extends never ? true : never;
const _allShifts: _AllShifts = true;
void _allShifts;

/** What the edit form holds: strings as typed, one row per e-mail and phone. */
export interface CandidateForm {
  name: string;
  emails: string[];
  phones: string[];
  street: string;
  postalCode: string;
  city: string;
  country: string;
  birthDate: string;
  availableFrom: string;
  extentPercent: string;
  shifts: Shift[];
  desiredRoles: string[];
  desiredSectors: string[];
  notes: string;
}

/** Errors by contract path ("name", "phones.1", "address.city", …) → message key. */
export type FormErrors = Record<string, MessageKey>;

export function emptyForm(): CandidateForm {
  return {
    name: '',
    emails: [''],
    phones: [''],
    street: '',
    postalCode: '',
    city: '',
    country: 'NO',
    birthDate: '',
    availableFrom: '',
    extentPercent: '',
    shifts: [],
    desiredRoles: [],
    desiredSectors: [],
    notes: '',
  };
}

export function formFromCandidate(c: Candidate): CandidateForm {
  return {
    name: c.name,
    emails: c.emails.length ? [...c.emails] : [''],
    phones: c.phones.length ? c.phones.map((p) => formatPhone(p)) : [''],
    street: c.address.street,
    postalCode: c.address.postalCode,
    city: c.address.city,
    country: c.address.country || 'NO',
    birthDate: c.birthDate ?? '',
    availableFrom: c.availability.from ?? '',
    extentPercent: c.availability.extentPercent === null ? '' : String(c.availability.extentPercent),
    shifts: SHIFTS.filter((s) => c.availability.shifts.includes(s)),
    desiredRoles: [...c.desiredRoles],
    desiredSectors: [...c.desiredSectors],
    notes: c.notes,
  };
}

/** Rows the user left empty are not sent; `rows` maps a sent index back to its form row. */
function nonEmpty(values: string[]): { values: string[]; rows: number[] } {
  const out: string[] = [];
  const rows: number[] = [];
  values.forEach((v, i) => {
    if (v.trim()) {
      out.push(v.trim());
      rows.push(i);
    }
  });
  return { values: out, rows };
}

export interface Submission {
  fields: Required<CandidateInput>;
  /** Sent index → form row, for errors the core reports on "phones.N" / "emails.N". */
  emailRows: number[];
  phoneRows: number[];
}

export function toSubmission(f: CandidateForm): Submission {
  const emails = nonEmpty(f.emails);
  const phones = nonEmpty(f.phones);
  const extent = f.extentPercent.trim();
  return {
    fields: {
      name: f.name.trim(),
      emails: emails.values,
      phones: phones.values,
      address: { street: f.street.trim(), postalCode: f.postalCode.trim(), city: f.city.trim(), country: f.country },
      birthDate: f.birthDate || null,
      availability: {
        from: f.availableFrom || null,
        extentPercent: extent === '' ? null : Number(extent),
        shifts: SHIFTS.filter((s) => f.shifts.includes(s)),
      },
      desiredRoles: f.desiredRoles,
      desiredSectors: f.desiredSectors,
      notes: f.notes,
    },
    emailRows: emails.rows,
    phoneRows: phones.rows,
  };
}

/**
 * Only the parts the user changed, compared as they would be stored (a phone
 * typed as "91234567" equals the stored "+4791234567"), so an untouched field
 * never overwrites someone else's newer value.
 */
export function patchOf(initial: CandidateForm, current: CandidateForm): Partial<CandidateInput> {
  const a = toSubmission(initial).fields;
  const b = toSubmission(current).fields;
  const phoneKey = (phones: string[]) => JSON.stringify(phones.map((p) => toE164(p) ?? p));
  const patch: Partial<CandidateInput> = {};
  const keys = Object.keys(b) as (keyof typeof b)[];
  for (const key of keys) {
    const same =
      key === 'phones' ? phoneKey(a.phones) === phoneKey(b.phones) : JSON.stringify(a[key]) === JSON.stringify(b[key]);
    if (!same) (patch as Record<string, unknown>)[key] = b[key];
  }
  return patch;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The checks worth doing before a round trip; the core validates everything again. */
export function checkForm(f: CandidateForm): FormErrors {
  const errors: FormErrors = {};
  if (!f.name.trim()) errors.name = 'invalid.required';
  f.emails.forEach((e, i) => {
    if (e.trim() && !EMAIL.test(e.trim())) errors[`emails.${i}`] = 'invalid.email';
  });
  f.phones.forEach((p, i) => {
    if (p.trim() && !toE164(p)) errors[`phones.${i}`] = 'invalid.phone';
  });
  if (f.birthDate && !ISO_DATE.test(f.birthDate)) errors.birthDate = 'invalid.date';
  if (f.availableFrom && !ISO_DATE.test(f.availableFrom)) errors['availability.from'] = 'invalid.date';
  const extent = f.extentPercent.trim();
  if (extent && !(/^\d+$/.test(extent) && Number(extent) >= 1 && Number(extent) <= 100)) {
    errors['availability.extentPercent'] = 'invalid.extent';
  }
  return errors;
}

function messageFor(path: string, message: string): MessageKey {
  if (path.startsWith('phones')) return 'invalid.phone';
  if (path.startsWith('emails')) return 'invalid.email';
  if (path === 'birthDate' || path === 'availability.from') return 'invalid.date';
  if (path === 'availability.extentPercent') return 'invalid.extent';
  if (path === 'address.country') return 'invalid.country';
  if (path === 'name' && /required|too_small|>=1/i.test(message)) return 'invalid.required';
  if (/too big|too long|<=/i.test(message)) return 'invalid.tooLong';
  return 'invalid.other';
}

/** The core's VALIDATION issues placed on the form's fields (its rows, not the sent indices). */
export function errorsFromIssues(issues: FieldIssue[], submission: Pick<Submission, 'emailRows' | 'phoneRows'>): FormErrors {
  const errors: FormErrors = {};
  for (const { path, message } of issues) {
    const [head, index] = path.split('.');
    let key = path;
    if ((head === 'phones' || head === 'emails') && index !== undefined && /^\d+$/.test(index)) {
      const rows = head === 'phones' ? submission.phoneRows : submission.emailRows;
      key = `${head}.${rows[Number(index)] ?? index}`;
    } else if (head === 'desiredRoles' || head === 'desiredSectors') {
      key = head;
    }
    errors[key] ??= messageFor(path, message);
  }
  return errors;
}
