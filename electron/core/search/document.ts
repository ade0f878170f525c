import type { ResumeDocument } from '../../../shared/contract/intake.ts';
import { cleanForIndex } from './fold.ts';
import type { IndexColumn } from './fields.ts';
import { postalTags, REGION_NAMES, regionOfPostalCode, regionTag, TAG_ACTIVE, TAG_DOC, TAG_INACTIVE } from './tags.ts';

/** What the index needs to know about one candidate, read by queries/search-index.ts. */
export interface IndexSource {
  name: string;
  emails: string[];
  phones: string[];
  postalCode: string;
  city: string;
  country: string;
  status: 'active' | 'inactive';
  desiredRoles: string[];
  desiredSectors: string[];
  notes: string;
  resume: ResumeDocument | null;
  /** The text extracted from each CV file (national ids already redacted). */
  documentTexts: string[];
  /** Extra searchable words by column, e.g. from the candidate picture. */
  extra?: Partial<Record<'role' | 'skill' | 'cert' | 'lang' | 'sector', string[]>>;
}

export type IndexDocument = Record<IndexColumn, string>;

const SEPARATOR = ' · ';
const join = (values: (string | undefined | null)[]) =>
  cleanForIndex([...new Set(values.map((v) => v?.trim() ?? '').filter(Boolean))].join(SEPARATOR));

/** A Norwegian mobile is found by its eight digits as well as with +47. */
function phoneForms(e164: string): string[] {
  return e164.startsWith('+47') && e164.length === 11 ? [e164, e164.slice(3)] : [e164];
}

/** The candidate as the index sees it: each column's text, as shown in snippets. */
export function buildIndexDocument(s: IndexSource): IndexDocument {
  const r = s.resume ?? {};
  const work = r.work ?? [];
  const region = regionOfPostalCode(s.postalCode, s.country);
  const extra = s.extra ?? {};
  return {
    name: join([s.name]),
    role: join([...s.desiredRoles, r.basics?.label, ...work.map((w) => w.position), ...(extra.role ?? [])]),
    skill: join([...(r.skills ?? []).flatMap((k) => [k.name, ...(k.keywords ?? [])]), ...(extra.skill ?? [])]),
    cert: join([...(r.certificates ?? []).map((c) => c.name), ...(extra.cert ?? [])]),
    lang: join([...(r.languages ?? []).map((l) => (l.fluency ? `${l.language} (${l.fluency})` : l.language)), ...(extra.lang ?? [])]),
    sector: join([...s.desiredSectors, ...(extra.sector ?? [])]),
    city: join([s.city, r.basics?.location?.city, region ? REGION_NAMES[region] : null]),
    postal: join([s.postalCode]),
    email: join(s.emails),
    phone: join(s.phones.flatMap(phoneForms)),
    // The CV file's own text when there is one; otherwise what the profile says.
    cv: cleanForIndex(
      (s.documentTexts.length > 0
        ? s.documentTexts
        : [
        r.basics?.summary,
        ...work.map((w) => [w.position, w.name, w.location, w.summary, ...(w.highlights ?? [])].filter(Boolean).join(', ')),
        ...(r.education ?? []).map((e) => [e.studyType, e.area, e.institution].filter(Boolean).join(', ')),
        ...(r.interests ?? []).map((i) => [i.name, ...(i.keywords ?? [])].join(', ')),
          ]
      )
        .filter((v): v is string => Boolean(v && v.trim()))
        .join('\n'),
    ),
    notes: cleanForIndex(s.notes),
    tags: [TAG_DOC, s.status === 'active' ? TAG_ACTIVE : TAG_INACTIVE, ...postalTags(s.postalCode), ...(region ? [regionTag(region)] : [])].join(' '),
  };
}
