import type { DraftFieldEvidence, ResumeDocument, ResumeInput, SourceBox } from '../../../../shared/contract/intake.ts';
import { formatPhone } from '../../../../shared/phone.ts';

/**
 * The review screen's form: the draft's JSON Resume as plain strings the recruiter
 * corrects, and back. Each field is named by its path in the resume ("basics.email",
 * "work.0.position"), the same names the draft's evidence (confidence, source box) uses.
 */

/** A row of a list section: `origin` is its index in the draft (for its evidence), null when added in review. */
interface Row {
  key: string;
  origin: number | null;
}

export interface WorkRow extends Row {
  name: string;
  position: string;
  location: string;
  startDate: string;
  endDate: string;
  summary: string;
}
export interface EducationRow extends Row {
  institution: string;
  studyType: string;
  area: string;
  startDate: string;
  endDate: string;
}
export interface LanguageRow extends Row {
  language: string;
  fluency: string;
}
export interface CertificateRow extends Row {
  name: string;
  date: string;
  issuer: string;
}

export interface ReviewForm {
  basics: {
    name: string;
    email: string;
    phone: string;
    address: string;
    postalCode: string;
    city: string;
    birthDate: string;
    label: string;
    summary: string;
  };
  work: WorkRow[];
  education: EducationRow[];
  skills: string[];
  languages: LanguageRow[];
  certificates: CertificateRow[];
  /** Keep the national id found in the CV in the protected field (off unless the recruiter says so). */
  keepNationalId: boolean;
}

/** Fields below this confidence are marked for a second look. */
export const LOW_CONFIDENCE = 0.7;

const str = (v: unknown) => (typeof v === 'string' ? v : '');

let added = 0;
const fresh = (): Row => ({ key: `new-${++added}`, origin: null });
const from = (section: string, origin: number): Row => ({ key: `${section}-${origin}`, origin });

export const emptyWork = (): WorkRow => ({ ...fresh(), name: '', position: '', location: '', startDate: '', endDate: '', summary: '' });
export const emptyEducation = (): EducationRow => ({ ...fresh(), institution: '', studyType: '', area: '', startDate: '', endDate: '' });
export const emptyLanguage = (): LanguageRow => ({ ...fresh(), language: '', fluency: '' });
export const emptyCertificate = (): CertificateRow => ({ ...fresh(), name: '', date: '', issuer: '' });

export function formFromResume(resume: ResumeDocument): ReviewForm {
  const b = resume.basics ?? {};
  const loc = b.location ?? {};
  return {
    basics: {
      name: str(b.name),
      email: str(b.email),
      // Shown the way people write it ("912 34 567"); the core stores E.164 again.
      phone: b.phone && /^\+\d{6,15}$/.test(b.phone) ? formatPhone(b.phone) : str(b.phone),
      address: str(loc.address),
      postalCode: str(loc.postalCode),
      city: str(loc.city),
      birthDate: str(b.birthDate),
      label: str(b.label),
      summary: str(b.summary),
    },
    work: (resume.work ?? []).map((w, i) => ({
      ...from('work', i),
      name: str(w.name),
      position: str(w.position),
      location: str(w.location),
      startDate: str(w.startDate),
      endDate: str(w.endDate),
      // Highlights are shown as lines of the description, so nothing the CV said is hidden.
      summary: [str(w.summary), ...(w.highlights ?? []).map((h) => `• ${h}`)].filter(Boolean).join('\n'),
    })),
    education: (resume.education ?? []).map((e, i) => ({
      ...from('education', i),
      institution: str(e.institution),
      studyType: str(e.studyType),
      area: str(e.area),
      startDate: str(e.startDate),
      endDate: str(e.endDate),
    })),
    skills: (resume.skills ?? []).map((s) => str(s.name)).filter(Boolean),
    languages: (resume.languages ?? []).map((l, i) => ({ ...from('languages', i), language: str(l.language), fluency: str(l.fluency) })),
    certificates: (resume.certificates ?? []).map((c, i) => ({
      ...from('certificates', i),
      name: str(c.name),
      date: str(c.date),
      issuer: str(c.issuer),
    })),
    keepNationalId: false,
  };
}

const blank = ({ key: _key, origin: _origin, ...fields }: Row & object) =>
  Object.values(fields).every((v: unknown) => typeof v !== 'string' || v.trim() === '');
const t = (s: string) => s.trim();
/** Only set keys that have a value: the core reads "absent" as "nothing found". */
function compact<T extends Record<string, unknown>>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== '' && v !== undefined)) as Partial<T>;
}

/**
 * The corrected resume to confirm. What the form does not show (profiles, url,
 * references, interests, a skill's level and keywords, the country) is kept from
 * the draft as it was.
 */
export function resumeFromForm(form: ReviewForm, draft: ResumeDocument): ResumeInput {
  const b = form.basics;
  const original = draft.basics ?? {};
  const location = compact({
    address: t(b.address),
    postalCode: t(b.postalCode),
    city: t(b.city),
    countryCode: original.location?.countryCode,
    region: original.location?.region,
  });
  const basics = compact({
    name: t(b.name),
    email: t(b.email),
    phone: t(b.phone),
    label: t(b.label),
    summary: t(b.summary),
    birthDate: t(b.birthDate),
    url: original.url,
  });
  const skillsByName = new Map((draft.skills ?? []).map((s) => [s.name.toLocaleLowerCase(), s]));
  const out: ResumeInput = {
    basics: {
      ...basics,
      ...(Object.keys(location).length ? { location } : {}),
      ...(original.profiles?.length ? { profiles: original.profiles } : {}),
    },
    work: form.work.filter((w) => !blank(w)).map((w) => {
      const lines = t(w.summary).split('\n');
      const highlights = lines.filter((l) => l.startsWith('• ')).map((l) => l.slice(2).trim());
      const summary = lines.filter((l) => !l.startsWith('• ')).join('\n').trim();
      return compact({
        name: t(w.name),
        position: t(w.position),
        location: t(w.location),
        startDate: t(w.startDate),
        endDate: t(w.endDate),
        summary,
        highlights: highlights.length ? highlights : undefined,
      });
    }),
    education: form.education.filter((e) => !blank(e)).map((e) =>
      compact({ institution: t(e.institution), studyType: t(e.studyType), area: t(e.area), startDate: t(e.startDate), endDate: t(e.endDate) }),
    ),
    skills: form.skills
      .map((name) => name.trim())
      .filter(Boolean)
      .map((name) => {
        const known = skillsByName.get(name.toLocaleLowerCase());
        return { ...(known?.level ? { level: known.level } : {}), ...(known?.keywords ? { keywords: known.keywords } : {}), name };
      }),
    languages: form.languages
      .filter((l) => l.language.trim())
      .map((l) => compact({ language: t(l.language), fluency: t(l.fluency) }) as { language: string; fluency?: string }),
    certificates: form.certificates
      .filter((c) => c.name.trim())
      .map((c) => compact({ name: t(c.name), date: t(c.date), issuer: t(c.issuer) }) as { name: string; date?: string; issuer?: string }),
  };
  for (const key of ['references', 'interests'] as const) {
    const section = draft[key];
    if (Array.isArray(section) && section.length) (out as Record<string, unknown>)[key] = section;
  }
  return out;
}

/** Form field path → the draft's evidence key (the skills box stands for its first skill). */
export function evidenceKey(path: string): string {
  return path === 'skills' ? 'skills.0.name' : path;
}

/** The weakest confidence among a field's evidence (a row's or the skills' share all of theirs). */
export function confidenceOf(fields: Record<string, DraftFieldEvidence>, path: string): number | null {
  if (path === 'skills') {
    const all = Object.entries(fields).filter(([k]) => /^skills\.\d+\.name$/.test(k));
    return all.length ? Math.min(...all.map(([, v]) => v.confidence)) : null;
  }
  return fields[path]?.confidence ?? null;
}

export function isLowConfidence(fields: Record<string, DraftFieldEvidence>, path: string): boolean {
  const c = confidenceOf(fields, path);
  return c !== null && c < LOW_CONFIDENCE;
}

/** Where the field came from: its own box, or for a row's other fields the row's first box found. */
export function sourceOf(fields: Record<string, DraftFieldEvidence>, path: string): SourceBox | null {
  const own = fields[evidenceKey(path)]?.source;
  if (own) return own;
  const row = /^(work|education|languages|certificates)\.(\d+)\./.exec(path);
  if (!row) return null;
  const prefix = `${row[1]}.${row[2]}.`;
  for (const [key, value] of Object.entries(fields)) if (key.startsWith(prefix) && value.source) return value.source;
  return null;
}

const DATE = /^[12]\d{3}(-[01]\d(-[0-3]\d)?)?$/;
const BIRTH = /^\d{4}-\d{2}-\d{2}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export type ReviewProblem = 'required' | 'email' | 'date' | 'birthDate';

/** What must be fixed before the draft can be confirmed; the core checks again (the phone, among others). */
export function checkReview(form: ReviewForm): Record<string, ReviewProblem> {
  const problems: Record<string, ReviewProblem> = {};
  if (!form.basics.name.trim()) problems['basics.name'] = 'required';
  if (form.basics.email.trim() && !EMAIL.test(form.basics.email.trim())) problems['basics.email'] = 'email';
  const birth = form.basics.birthDate.trim();
  if (birth && (!BIRTH.test(birth) || Number.isNaN(Date.parse(birth)))) problems['basics.birthDate'] = 'birthDate';
  const dates = (section: 'work' | 'education', rows: { startDate: string; endDate: string }[]) =>
    rows.forEach((row, i) => {
      for (const key of ['startDate', 'endDate'] as const) {
        const v = row[key].trim();
        if (v && !DATE.test(v)) problems[`${section}.${i}.${key}`] = 'date';
      }
    });
  dates('work', form.work);
  dates('education', form.education);
  form.certificates.forEach((c, i) => {
    if (c.date.trim() && !DATE.test(c.date.trim())) problems[`certificates.${i}.date`] = 'date';
  });
  return problems;
}

/** A VALIDATION issue's path from the core ("resume.basics.location", "basics.email") → the form field it belongs to. */
export function formPathOfIssue(path: string): string {
  const p = path.replace(/^resume\./, '');
  if (p === 'basics.location') return 'basics.location.address';
  const row = /^(work|education|certificates|languages)\.(\d+)\.(\w+)/.exec(p);
  if (row) return `${row[1]}.${row[2]}.${row[3]}`;
  if (p.startsWith('skills')) return 'skills';
  return p;
}
