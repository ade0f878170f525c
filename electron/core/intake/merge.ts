import {
  candidateFields,
  type Candidate,
  type CandidateFields,
  type FieldChange,
  type MergeField,
  type MergeFieldPreview,
  type ResumeDocument,
} from '../../../shared/contract/index.ts';
import { toE164 } from '../../../shared/phone.ts';
import { AppError } from '../rpc/errors.ts';
import { foldName } from './dedupe.ts';

/**
 * From a (corrected) JSON Resume to the register: the candidate's own fields, the
 * profile kept beside them, and a field-by-field merge into an existing candidate.
 */

type Basics = NonNullable<ResumeDocument['basics']>;

/** Drop empty strings, empty lists and empty objects, so "cleared in the form" means absent. */
export function clean<T>(value: T): T {
  if (Array.isArray(value)) {
    return value.map(clean).filter((v) => !isEmpty(v)) as T;
  }
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const c = clean(v);
      if (!isEmpty(c)) out[k] = c;
    }
    return out as T;
  }
  return (typeof value === 'string' ? value.trim() : value) as T;
}

const isEmpty = (v: unknown) =>
  v === undefined ||
  v === null ||
  v === '' ||
  (Array.isArray(v) && v.length === 0) ||
  (typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length === 0);

/** Where a candidate field's error points in the resume the recruiter edits. */
const RESUME_PATH: Record<string, string> = {
  name: 'basics.name',
  emails: 'basics.email',
  phones: 'basics.phone',
  birthDate: 'basics.birthDate',
  address: 'basics.location',
};

/**
 * The candidate's fields from the resume's basics. Strict (the review screen: a bad
 * e-mail is the recruiter's to fix) or lenient (auto-accept and import: what is
 * malformed is left out and the rest kept).
 */
export function candidateFieldsFromResume(resume: ResumeDocument, mode: 'strict' | 'lenient'): CandidateFields {
  const b: Basics = resume.basics ?? {};
  const loc = b.location ?? {};
  const phone = b.phone?.trim() ? (toE164(b.phone) ?? b.phone) : null;
  const country = loc.countryCode?.trim().toUpperCase();
  const input = {
    name: b.name?.trim() ?? '',
    emails: b.email?.trim() ? [b.email.trim().toLowerCase()] : [],
    phones: phone ? [phone] : [],
    address: {
      street: loc.address?.trim() ?? '',
      postalCode: loc.postalCode?.trim() ?? '',
      city: loc.city?.trim() ?? '',
      country: country && /^[A-Z]{2}$/.test(country) ? country : 'NO',
    },
    birthDate: b.birthDate?.trim() ? b.birthDate.trim() : null,
  };
  const parsed = candidateFields.safeParse(input);
  if (parsed.success) return parsed.data;
  if (mode === 'lenient') {
    const bad = new Set(parsed.error.issues.map((i) => String(i.path[0])));
    const retry = candidateFields.safeParse({
      ...input,
      emails: bad.has('emails') ? [] : input.emails,
      phones: bad.has('phones') ? [] : input.phones,
      birthDate: bad.has('birthDate') ? null : input.birthDate,
      address: bad.has('address') ? { street: '', postalCode: '', city: '', country: 'NO' } : input.address,
    });
    if (retry.success) return retry.data;
    throw new AppError('VALIDATION', 'The CV has no name to create a candidate from.');
  }
  const issues = parsed.error.issues.map((i) => ({
    path: RESUME_PATH[String(i.path[0])] ?? i.path.map(String).join('.'),
    message: i.message,
  }));
  const first = issues[0]!;
  throw new AppError('VALIDATION', `${first.path}: ${first.message}`, { issues });
}

/** What is kept beside the candidate: everything but the contact fields (those live on the candidate). */
export function profileFromResume(resume: ResumeDocument): ResumeDocument {
  const { basics, ...sections } = resume;
  const keep: Basics = {};
  if (basics?.label) keep.label = basics.label;
  if (basics?.summary) keep.summary = basics.summary;
  if (basics?.url) keep.url = basics.url;
  if (basics?.profiles) keep.profiles = basics.profiles;
  return clean({ ...sections, basics: keep });
}

// ---- merge ------------------------------------------------------------------

type ListSection = 'work' | 'education' | 'skills' | 'languages' | 'certificates' | 'references';

/** What makes two entries the same, so adding a CV's list does not double what is there. */
const entryKey: Record<ListSection, (e: Record<string, unknown>) => string> = {
  work: (e) => [e.name, e.position, e.startDate].map(keyPart).join('|'),
  education: (e) => [e.institution, e.area, e.studyType, e.startDate].map(keyPart).join('|'),
  skills: (e) => keyPart(e.name),
  languages: (e) => keyPart(e.language),
  certificates: (e) => keyPart(e.name),
  references: (e) => keyPart(e.name),
};

const keyPart = (v: unknown) => (typeof v === 'string' ? foldName(v) : '');

function union<T>(current: T[], incoming: T[], key: (e: T) => string): T[] {
  const seen = new Set(current.map(key));
  const out = [...current];
  for (const e of incoming) {
    const k = key(e);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(e);
  }
  return out;
}

interface Sides {
  candidate: Candidate;
  profile: ResumeDocument;
  incomingFields: CandidateFields;
  incomingProfile: ResumeDocument;
}

interface FieldRule {
  mode: 'replace' | 'add';
  current: (s: Sides) => unknown;
  incoming: (s: Sides) => unknown;
  merged: (s: Sides) => unknown;
}

const addressEmpty = (a: Candidate['address']) => !a.street && !a.postalCode && !a.city;

const sectionRule = (section: ListSection): FieldRule => ({
  mode: 'add',
  current: (s) => (s.profile[section] as unknown[] | undefined) ?? [],
  incoming: (s) => (s.incomingProfile[section] as unknown[] | undefined) ?? [],
  merged: (s) =>
    union(
      ((s.profile[section] as Record<string, unknown>[] | undefined) ?? []),
      ((s.incomingProfile[section] as Record<string, unknown>[] | undefined) ?? []),
      entryKey[section],
    ),
});

const basicsRule = (key: 'label' | 'summary'): FieldRule => ({
  mode: 'replace',
  current: (s) => s.profile.basics?.[key] ?? null,
  incoming: (s) => s.incomingProfile.basics?.[key] ?? null,
  merged: (s) => s.incomingProfile.basics?.[key] ?? s.profile.basics?.[key] ?? null,
});

const RULES: Record<MergeField, FieldRule> = {
  name: { mode: 'replace', current: (s) => s.candidate.name, incoming: (s) => s.incomingFields.name, merged: (s) => s.incomingFields.name || s.candidate.name },
  emails: {
    mode: 'add',
    current: (s) => s.candidate.emails,
    incoming: (s) => s.incomingFields.emails,
    merged: (s) => union(s.candidate.emails, s.incomingFields.emails, (e) => e.toLowerCase()),
  },
  phones: {
    mode: 'add',
    current: (s) => s.candidate.phones,
    incoming: (s) => s.incomingFields.phones,
    merged: (s) => union(s.candidate.phones, s.incomingFields.phones, (p) => p),
  },
  address: {
    mode: 'replace',
    current: (s) => s.candidate.address,
    incoming: (s) => s.incomingFields.address,
    merged: (s) => (addressEmpty(s.incomingFields.address) ? s.candidate.address : s.incomingFields.address),
  },
  birthDate: {
    mode: 'replace',
    current: (s) => s.candidate.birthDate,
    incoming: (s) => s.incomingFields.birthDate,
    merged: (s) => s.incomingFields.birthDate ?? s.candidate.birthDate,
  },
  label: basicsRule('label'),
  summary: basicsRule('summary'),
  work: sectionRule('work'),
  education: sectionRule('education'),
  skills: sectionRule('skills'),
  languages: sectionRule('languages'),
  certificates: sectionRule('certificates'),
  references: sectionRule('references'),
};

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

const isBlank = (v: unknown) => v === null || v === '' || (Array.isArray(v) && v.length === 0);

/** Field by field: what the candidate has, what the CV brings, and what taking it would give. */
export function previewMerge(sides: Sides): MergeFieldPreview[] {
  return (Object.keys(RULES) as MergeField[]).map((field) => {
    const rule = RULES[field];
    const current = rule.current(sides);
    const incoming = rule.incoming(sides);
    const merged = rule.merged(sides);
    const differs = !same(current, merged);
    // Pre-tick only what adds without overwriting: new list entries, or a value where there was none.
    const currentBlank = field === 'address' ? addressEmpty(sides.candidate.address) : isBlank(current);
    const suggested = differs && (rule.mode === 'add' || currentBlank);
    return { field, mode: rule.mode, current, incoming, merged, differs, suggested };
  });
}

/** Apply the chosen fields: a patch for the candidate and the merged profile, with what changed in it. */
export function applyMerge(
  sides: Sides,
  fields: readonly MergeField[],
): { patch: Partial<CandidateFields>; profile: ResumeDocument; profileChanges: FieldChange[] } {
  const take = new Set(fields);
  const patch: Partial<CandidateFields> = {};
  const profile: ResumeDocument = structuredClone(sides.profile);
  const profileChanges: FieldChange[] = [];
  for (const field of take) {
    const rule = RULES[field];
    const merged = rule.merged(sides);
    const current = rule.current(sides);
    if (same(current, merged)) continue;
    switch (field) {
      case 'name':
        patch.name = merged as string;
        break;
      case 'emails':
        patch.emails = merged as string[];
        break;
      case 'phones':
        patch.phones = merged as string[];
        break;
      case 'address':
        patch.address = merged as CandidateFields['address'];
        break;
      case 'birthDate':
        patch.birthDate = merged as string | null;
        break;
      case 'label':
      case 'summary':
        profile.basics = { ...profile.basics, [field]: merged as string };
        profileChanges.push({ field: `profile.${field}`, from: current, to: merged });
        break;
      default:
        (profile as Record<string, unknown>)[field] = merged;
        profileChanges.push({ field: `profile.${field}`, from: current, to: merged });
    }
  }
  return { patch, profile: clean(profile), profileChanges };
}

export type { Sides as MergeSides };
