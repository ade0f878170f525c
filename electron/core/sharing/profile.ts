import type { Candidate, ResumeDocument, ShareField, ShareMode } from '../../../shared/contract/index.ts';
import { norwegianCounty } from './region.ts';

/**
 * The minimal profile: a JSON Resume document holding only the fields the client's
 * selection names. Built from the candidate record (contact data) and the profile
 * (work, education…). Anonymised: initials and region instead of who and where,
 * no contact details, no employers or references by name (a blind CV).
 */

export interface ProfileSource {
  candidate: Candidate;
  resume: ResumeDocument | null;
  nationalId: string | null;
}

/** "Kari Nordmann-Berg" → "K. N.-B." */
export function initials(name: string): string {
  return name
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map((word) =>
      word
        .split('-')
        .map((part) => (part ? `${part[0]!.toLocaleUpperCase('nb')}.` : ''))
        .join('-'),
    )
    .join(' ');
}

const nonEmpty = <T>(list: T[] | undefined): T[] | undefined => (list && list.length ? list : undefined);

function clean<T extends Record<string, unknown>>(o: T): T {
  for (const key of Object.keys(o)) if (o[key] === undefined || o[key] === '') delete o[key];
  return o;
}

export function buildProfile(source: ProfileSource, fields: readonly ShareField[], mode: ShareMode): ResumeDocument {
  const has = (f: ShareField) => fields.includes(f);
  const { candidate, resume } = source;
  const r = resume ?? {};
  const anonymised = mode === 'anonymised';
  const loc = r.basics?.location;
  const region =
    loc?.region || (candidate.address.country === 'NO' ? norwegianCounty(candidate.address.postalCode || loc?.postalCode || '') : null) || undefined;
  const basics: NonNullable<ResumeDocument['basics']> = {};

  if (has('name')) basics.name = anonymised ? initials(candidate.name) : candidate.name;
  if (has('label') && r.basics?.label) basics.label = r.basics.label;
  if (!anonymised) {
    if (has('email') && candidate.emails[0]) basics.email = candidate.emails[0];
    if (has('phone') && candidate.phones[0]) basics.phone = candidate.phones[0];
    if (has('summary') && r.basics?.summary) basics.summary = r.basics.summary;
    if (has('birthDate') && (candidate.birthDate ?? r.basics?.birthDate)) basics.birthDate = candidate.birthDate ?? r.basics?.birthDate;
    if (has('nationalId') && source.nationalId) basics.nationalId = source.nationalId;
    if (has('photo') && typeof r.basics?.['image' as keyof typeof r.basics] === 'string') {
      (basics as Record<string, unknown>).image = r.basics['image' as keyof typeof r.basics];
    }
  }
  if (has('location')) {
    const location = anonymised
      ? clean({ region, countryCode: candidate.address.country || undefined })
      : clean({
          city: candidate.address.city || loc?.city,
          region,
          countryCode: candidate.address.country || loc?.countryCode,
          ...(has('streetAddress') ? { address: candidate.address.street || loc?.address, postalCode: candidate.address.postalCode || loc?.postalCode } : {}),
        });
    if (Object.keys(location).length) basics.location = location;
  }

  const doc: ResumeDocument = {};
  if (Object.keys(basics).length) doc.basics = basics;
  if (has('work') && r.work?.length) {
    doc.work = r.work.map((w) => clean({ ...w, name: anonymised ? undefined : w.name, location: anonymised ? undefined : w.location }));
  }
  if (has('education') && r.education?.length) doc.education = r.education.map((e) => clean({ ...e }));
  if (has('skills')) doc.skills = nonEmpty(r.skills);
  if (has('languages')) doc.languages = nonEmpty(r.languages);
  if (has('certificates')) doc.certificates = nonEmpty(r.certificates);
  if (has('references') && !anonymised) doc.references = nonEmpty(r.references);
  const work: Record<string, unknown> = {};
  if (has('availability')) {
    const a = candidate.availability;
    if (a.from || a.extentPercent || a.shifts.length) work.availability = { from: a.from, extentPercent: a.extentPercent, shifts: a.shifts };
  }
  if (has('desiredRoles') && candidate.desiredRoles.length) work.desiredRoles = candidate.desiredRoles;
  // JSON Resume has no place for these: they travel under meta, where extensions belong.
  if (Object.keys(work).length) doc.meta = { kandidat: work };
  return clean(doc as Record<string, unknown>) as ResumeDocument;
}
