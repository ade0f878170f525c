import type { ExtractedDocument } from '../document.ts';
import { extractDocument, type ExtractOptions } from '../extract/index.ts';
import { findLicences, parseCertificates } from './certificates.ts';
import { extractContact } from './contact.ts';
import { dropRepeatedPlaceColumn, mergeGraduations, parseEducationEntry, type EducationItem } from './education.ts';
import { splitEntries } from './entries.ts';
import { Evidence, readConfidence, UNREAD_CONFIDENCE } from './evidence.ts';
import { classifyHeading } from './headings.ts';
import { isLanguageName } from './lexicon.ts';
import { detectLanguage } from './language.ts';
import { parseLanguages, type LanguageItem } from './languages.ts';
import { prepareLines, type Line } from './lines.ts';
import { parseReferences } from './references.ts';
import { splitSections, type Section } from './sections.ts';
import { isLanguageItem, listItems } from './skills.ts';
import type { DetectedNationalId, JsonResume, ParseResult } from './types.ts';
import { parseWorkEntry, type WorkItem } from './work.ts';

export interface ParseOptions {
  /** Keep a detected national id in basics.nationalId (the recruiter chose to; log it). */
  keepNationalId?: boolean;
}

/**
 * Positioned text to a JSON Resume draft with evidence per field. National identity
 * numbers are redacted before any field is read, so no field can carry one.
 */
export function parseDocument(doc: ExtractedDocument, options: ParseOptions = {}): ParseResult {
  const prepared = prepareLines(doc);
  const { lines, bodySize } = prepared;
  const sections = splitSections(lines, bodySize);
  if (prepared.furniture.length) sections.push({ kind: 'top', heading: null, lines: prepared.furniture });
  const evidence = new Evidence();
  const warnings: string[] = [];
  const resume: JsonResume = {};

  // ---------------------------------------------------------------- basics
  const contact = extractContact(sections, lines, bodySize);
  const basics: NonNullable<JsonResume['basics']> = {};
  const put = <K extends 'name' | 'label' | 'email' | 'phone' | 'birthDate'>(key: K): void => {
    const f = contact[key];
    if (!f) return;
    basics[key] = f.value;
    evidence.set(`basics.${key}`, f.confidence * readConfidence(f.line), f.line);
  };
  put('name');
  put('label');
  put('email');
  put('phone');
  put('birthDate');
  const location: NonNullable<NonNullable<JsonResume['basics']>['location']> = {};
  for (const key of ['address', 'postalCode', 'city', 'countryCode'] as const) {
    const f = contact[key];
    if (!f) continue;
    location[key] = f.value;
    evidence.set(`basics.location.${key}`, f.confidence * readConfidence(f.line), f.line);
  }
  if (Object.keys(location).length) basics.location = location;
  const summary = sections
    .filter((s) => s.kind === 'summary')
    .flatMap((s) => s.lines.map((l) => l.text))
    .join(' ')
    .trim();
  if (summary) {
    basics.summary = summary;
    const first = sections.find((s) => s.kind === 'summary')?.lines[0];
    evidence.set('basics.summary', 0.8, first);
  }
  if (options.keepNationalId && prepared.nationalIds[0]) basics.nationalId = prepared.nationalIds[0].value;
  if (Object.keys(basics).length) resume.basics = basics;

  // ---------------------------------------------------------------- work and education
  const work: WorkItem[] = sectionLines(sections, 'work')
    .flatMap((ls) => splitEntries(ls).flatMap((raw) => [raw, ...(raw.extraDates ?? []).map((date) => ({ ...raw, date, extraDates: [] }))]))
    .map(parseWorkEntry)
    .filter((w): w is WorkItem => w !== null);
  if (work.length) {
    resume.work = work.map((w, i) => {
      const out: NonNullable<JsonResume['work']>[number] = {};
      if (w.name) out.name = w.name;
      if (w.position) out.position = w.position;
      if (w.location) out.location = w.location;
      if (w.startDate) out.startDate = w.startDate;
      if (w.endDate) out.endDate = w.endDate;
      if (w.highlights.length) out.highlights = w.highlights;
      const c = w.confidence;
      if (w.name) evidence.set(`work.${i}.name`, c * readConfidence(w.lines.name), w.lines.name);
      if (w.position) evidence.set(`work.${i}.position`, c * readConfidence(w.lines.position), w.lines.position);
      if (w.location) evidence.set(`work.${i}.location`, c * readConfidence(w.lines.location), w.lines.location);
      if (w.startDate) evidence.set(`work.${i}.startDate`, 0.9 * readConfidence(w.lines.date), w.lines.date);
      if (w.endDate !== undefined) evidence.set(`work.${i}.endDate`, 0.9 * readConfidence(w.lines.date), w.lines.date);
      for (const field of w.unreadDates?.fields ?? []) evidence.set(`work.${i}.${field}`, UNREAD_CONFIDENCE, w.unreadDates!.line);
      return out;
    });
  }
  const education: EducationItem[] = mergeGraduations(
    sectionLines(sections, 'education')
      .flatMap((ls) => splitEntries(ls).map(parseEducationEntry))
      .filter((e): e is EducationItem => e !== null),
  );
  dropRepeatedPlaceColumn(education);
  if (education.length) {
    resume.education = education.map((e, i) => {
      const out: NonNullable<JsonResume['education']>[number] = {};
      if (e.institution) out.institution = e.institution;
      if (e.studyType) out.studyType = e.studyType;
      if (e.area) out.area = e.area;
      if (e.startDate) out.startDate = e.startDate;
      if (e.endDate) out.endDate = e.endDate;
      const c = e.confidence;
      if (e.institution) evidence.set(`education.${i}.institution`, c * readConfidence(e.lines.institution), e.lines.institution);
      if (e.studyType) evidence.set(`education.${i}.studyType`, c * readConfidence(e.lines.degree), e.lines.degree);
      if (e.area) evidence.set(`education.${i}.area`, c * readConfidence(e.lines.degree), e.lines.degree);
      if (e.startDate) evidence.set(`education.${i}.startDate`, 0.9 * readConfidence(e.lines.date), e.lines.date);
      if (e.endDate !== undefined) evidence.set(`education.${i}.endDate`, 0.9 * readConfidence(e.lines.date), e.lines.date);
      for (const field of e.unreadDates?.fields ?? []) evidence.set(`education.${i}.${field}`, UNREAD_CONFIDENCE, e.unreadDates!.line);
      return out;
    });
  }

  // ---------------------------------------------------------------- skills and languages
  const skillItems = sectionLines(sections, 'skills').flatMap((ls) => listItems(ls));
  // Known language names when the section has any (a CEFR grid adds "Listening", "B2"…);
  // otherwise whatever the section lists.
  const languageItems: LanguageItem[] = sectionLines(sections, 'languages').flatMap((ls) => {
    const strict = parseLanguages(ls, true);
    return strict.length > 0 ? strict : parseLanguages(ls);
  });
  const skills: { name: string; line: Line }[] = [];
  const seenSkill = new Set<string>();
  for (const item of skillItems) {
    // "Personal Interests | Swimming | Cooking" in a skills table is not a skill.
    const group = item.category ? classifyHeading(item.category) : null;
    if (group === 'interests' || group === 'references' || group === 'contact') continue;
    // "Französisch: Grundkenntnisse" in a skills table: a language with its level.
    if (item.category && isLanguageName(item.category)) {
      if (!languageItems.some((x) => x.language.toLowerCase() === item.category?.toLowerCase())) {
        languageItems.push({ language: item.category, fluency: item.text, line: item.line });
      }
      continue;
    }
    // A "Languages" row of a skills table holds natural languages only when they are languages.
    if (isLanguageItem(item.text) && (item.category === undefined || /lang|språk|sprach|langue/i.test(item.category))) {
      const lang = parseLanguages([{ ...item.line, cells: [item.text], text: item.text }], true);
      if (lang.length) {
        languageItems.push(...lang.filter((l) => !languageItems.some((x) => x.language.toLowerCase() === l.language.toLowerCase())));
        continue;
      }
    }
    const key = item.text.toLowerCase();
    if (seenSkill.has(key)) continue;
    seenSkill.add(key);
    skills.push({ name: item.text, line: item.line });
  }
  if (skills.length) {
    resume.skills = skills.map((s, i) => {
      evidence.set(`skills.${i}.name`, 0.8 * readConfidence(s.line), s.line);
      return { name: s.name };
    });
  }
  if (languageItems.length) {
    resume.languages = languageItems.map((l, i) => {
      evidence.set(`languages.${i}.language`, 0.85 * readConfidence(l.line), l.line);
      if (l.fluency) evidence.set(`languages.${i}.fluency`, 0.7 * readConfidence(l.line), l.line);
      return l.fluency ? { language: l.language, fluency: l.fluency } : { language: l.language };
    });
  }

  // ---------------------------------------------------------------- certificates
  const certificates = [
    ...sectionLines(sections, 'certificates').flatMap((ls) => parseCertificates(ls)),
    ...findLicences(sections.filter((s) => s.kind === 'contact' || s.kind === 'top').flatMap((s) => s.lines)),
  ];
  if (certificates.length) {
    resume.certificates = certificates.map((c, i) => {
      evidence.set(`certificates.${i}.name`, 0.8 * readConfidence(c.line), c.line);
      return { name: c.name, ...(c.date ? { date: c.date } : {}) };
    });
  }

  const references = sectionLines(sections, 'references').flatMap((ls) => parseReferences(ls));
  if (references.length) {
    resume.references = references.map((r, i) => {
      evidence.set(`references.${i}.name`, 0.7 * readConfidence(r.line), r.line);
      return r.reference ? { name: r.name, reference: r.reference } : { name: r.name };
    });
  }
  const interests = sectionLines(sections, 'interests').flatMap((ls) => listItems(ls));
  if (interests.length) {
    resume.interests = interests.map((it, i) => {
      evidence.set(`interests.${i}.name`, 0.7 * readConfidence(it.line), it.line);
      return { name: it.text };
    });
  }

  const text = lines.map((l) => l.cells.join('  ')).join('\n');
  if (prepared.nationalIds.length) warnings.push('A national identity number was found and removed from the profile.');
  if (lines.length === 0) warnings.push('No text was found in the document.');
  const nationalIds: DetectedNationalId[] = prepared.nationalIds.map((n) => ({ value: n.value, kind: n.kind, source: { ...n.box } }));
  return {
    resume,
    fields: evidence.fields,
    nationalIds,
    text,
    language: detectLanguage(text),
    warnings,
  };
}

function sectionLines(sections: Section[], kind: Section['kind']): Line[][] {
  return sections.filter((s) => s.kind === kind && s.lines.length > 0).map((s) => s.lines);
}

export interface ParseBytesOptions extends Omit<ExtractOptions, 'filename'>, ParseOptions {}

/** Bytes of a CV file to a parsed draft: the whole intake minus storage. */
export async function parseCvBytes(bytes: Uint8Array, filename: string, options: ParseBytesOptions = {}): Promise<ParseResult> {
  const { document, warnings } = await extractDocument(bytes, { ...options, filename });
  const result = parseDocument(document, options);
  result.warnings.unshift(...warnings);
  return result;
}
