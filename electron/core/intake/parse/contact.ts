import { getCountryCallingCode, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { toE164 } from '../../../../shared/phone.ts';
import { findDates } from './dates.ts';
import { classifyHeading } from './headings.ts';
import { isCountry, isPlace, isUsState, titleScore } from './lexicon.ts';
import type { Line } from './lines.ts';
import { isAllCaps, titleCase } from './normalize.ts';
import type { Section } from './sections.ts';

/**
 * The candidate's own contact data. Reference persons list phones and e-mails too:
 * those lines (the references section, and "Name, role, employer, tlf. …" lines
 * anywhere) are never used, and the candidate's own block is preferred where the CV
 * labels it or puts it in the header or a personal-details section.
 */
export interface Found<T> {
  value: T;
  line: Line;
  confidence: number;
}

export interface ContactResult {
  name?: Found<string>;
  label?: Found<string>;
  email?: Found<string>;
  phone?: Found<string>;
  address?: Found<string>;
  postalCode?: Found<string>;
  city?: Found<string>;
  countryCode?: Found<string>;
  birthDate?: Found<string>;
  url?: Found<string>;
}

interface Candidate {
  line: Line;
  section: Section;
  order: number;
}

const EMAIL_RE = /[\p{L}0-9._%+-]+@[\p{L}0-9-]+(?:\.[\p{L}0-9-]+)*\.\p{L}{2,}/gu;
const PHONE_LABEL_RE = /\b(tlf|tel|telefon|telephone|phone|mobil|mobile|mob|cell|handy|mobiltelefon|mobilnummer|telefonnummer|téléphone|whatsapp)\b\.?/i;
const EMAIL_LABEL_RE = /\b(e-?post|e-?mail|mail|epost)\b/i;
const REFERENCE_CUE_RE = /\b(referanse|reference|referee|nærmeste leder|leder|sjef|manager|supervisor|head of|team lead|teamleder|daglig leder|avdelingsleder|skiftleder|fagsjef|enhetsleder|site manager|prof\.)\b/i;

function candidates(sections: Section[]): Candidate[] {
  const out: Candidate[] = [];
  let order = 0;
  for (const section of sections) {
    if (section.kind === 'references') continue;
    for (const line of section.lines) out.push({ line, section, order: order++ });
  }
  return out;
}

/** "Sindre Lund Avdelingsleder, NAV, tlf. 97 33 84 18": a reference's line, wherever it stands. */
function looksLikeReferenceLine(text: string): boolean {
  if (/,\s*(tlf|tel|phone|telefon|mobil|mob)\b/i.test(text)) return true;
  if (REFERENCE_CUE_RE.test(text) && !/^\s*(tlf|tel|telefon|phone|mobil|e-?post|e-?mail)\b/i.test(text)) return true;
  return false;
}

function sectionWeight(section: Section): number {
  switch (section.kind) {
    case 'contact':
      return 3;
    case 'top':
      return 2.5;
    case 'summary':
    case 'other':
    case 'skills':
    case 'languages':
    case 'interests':
      return 1;
    default:
      return 0.5;
  }
}

// ------------------------------------------------------------------ e-mail
/** OCR reads "@" as "Ø", "©" or "®": "ola.nordmannØgmail.com". */
function ocrEmailText(line: Line): string {
  if (line.source !== 'ocr') return line.text;
  return (
    line.text
      .replace(/([\p{L}0-9._%+-])\s?[Ø©®]\s?([\p{L}0-9-]+\.[\p{L}]{2,})/gu, '$1@$2')
      // "E-post: kari nordmann@gmail.com": the dot of the address read as a space.
      .replace(/(\b(?:e-?post|e-?mail|epost|mail)\s*:?\s*)([\p{Ll}0-9]+)\s([\p{Ll}0-9._%+-]+@)/giu, '$1$2.$3')
  );
}

function findEmail(cands: Candidate[]): Found<string> | undefined {
  let best: { value: string; line: Line; score: number } | undefined;
  for (const c of cands) {
    for (const m of ocrEmailText(c.line).matchAll(EMAIL_RE)) {
      const value = m[0].replace(/\.$/, '').toLowerCase();
      let score = sectionWeight(c.section) * 2 - c.order * 0.01;
      if (EMAIL_LABEL_RE.test(c.line.text)) score += 2;
      if (looksLikeReferenceLine(c.line.text)) score -= 6;
      if (!best || score > best.score) best = { value, line: c.line, score };
    }
  }
  if (!best || best.score < -2) return undefined;
  return { value: best.value, line: best.line, confidence: best.score >= 4 ? 0.95 : 0.75 };
}

// ------------------------------------------------------------------ phone
const PHONE_CANDIDATE_RE = /(?:\+|00)?\(?\+?\d[\d\s().\-/]{6,22}\d/g;

const FALLBACK_COUNTRIES: CountryCode[] = ['NO', 'US', 'GB', 'DE', 'SE', 'DK', 'FR'];

export function normalisePhone(raw: string, countries: CountryCode[]): string | null {
  const digits = raw.replace(/\D/g, '');
  if (digits.length < 8 || digits.length > 15) return null;
  // Periods and dates ("08.2017 - 06.2020", "2019-2021") are not phone numbers.
  if (findDates(raw).some((d) => !d.single) || /\b\d{1,2}\.\d{1,2}\.\d{2,4}\b/.test(raw)) return null;
  const cleaned = raw.replace(/\(\s*\+(\d+)\s*\)/, '+$1 ').replace(/[()]/g, ' ').replace(/\s+/g, ' ').trim();
  const international = /^(\+|00)/.test(cleaned);
  // Norwegian numbers are eight digits; the number plan grows faster than any metadata.
  const norwegian = international ? cleaned.replace(/\D/g, '').replace(/^00/, '').match(/^47([2-9]\d{7})$/) : digits.match(/^([2-9]\d{7})$/);
  if (norwegian && (international || countries[0] === 'NO')) return `+47${norwegian[1]}`;
  if (international) {
    const e164 = toE164(cleaned);
    if (e164) return e164;
    // A "+" makes it a phone number even where the metadata doubts the range.
    const parsed = parsePhoneNumberFromString(cleaned);
    return parsed && parsed.isPossible() ? parsed.number : null;
  }
  // The country the address names goes first; its trunk "0" is dropped even where the
  // metadata does not know the range ("Tel.: 0170 567890" in a Berlin address).
  const hint = countries[0];
  if (hint && hint !== 'NO') {
    const e164 = toE164(cleaned, hint);
    if (e164) return e164;
    if (/^0\d{7,11}$/.test(digits) && hint !== 'US') return `+${getCountryCallingCode(hint)}${digits.slice(1)}`;
  }
  // North American numbers written the North American way: "(909) 555-5555", "607.379.5733".
  const nanpShape = /^(?:1[\s.-]?)?\(?\d{3}\)?[\s.-]?\d{3}[\s.-]\d{4}$/.test(cleaned);
  const nanp = cleaned.match(/^(?:1[\s.-]?)?\(?([2-9]\d{2})\)?[\s.-]?([2-9]\d{2})[\s.-](\d{4})$/);
  if (nanpShape) return nanp ? `+1${nanp[1]}${nanp[2]}${nanp[3]}` : null;
  for (const country of countries) {
    const e164 = toE164(cleaned, country);
    if (e164) return e164;
  }
  if (nanp) return `+1${nanp[1]}${nanp[2]}${nanp[3]}`;
  return null;
}

function findPhone(cands: Candidate[], countries: CountryCode[]): Found<string> | undefined {
  let best: { value: string; line: Line; score: number } | undefined;
  for (const c of cands) {
    const text = c.line.cells.join('  |  ');
    for (const m of text.matchAll(PHONE_CANDIDATE_RE)) {
      const value = normalisePhone(m[0], countries);
      if (!value) continue;
      let score = sectionWeight(c.section) * 2 - c.order * 0.01;
      const before = text.slice(Math.max(0, (m.index ?? 0) - 24), m.index ?? 0);
      if (PHONE_LABEL_RE.test(before) || /^\s*\+/.test(m[0])) score += 2;
      if (looksLikeReferenceLine(c.line.text)) score -= 6;
      if (/(fødsels|født|born|birth|org\.?\s?nr|konto|account)/i.test(before)) score -= 8;
      if (!best || score > best.score) best = { value, line: c.line, score };
    }
  }
  if (!best || best.score < -2) return undefined;
  return { value: best.value, line: best.line, confidence: best.score >= 4 ? 0.95 : 0.75 };
}

// ------------------------------------------------------------------ name
const NOT_A_NAME_RE =
  /^(curriculum vitae|cv|resume|résumé|resumé|lebenslauf|personalia|profil|profile|kontakt|contact|side|page|om meg|about me|bewerbung|vitae|portfolio)$/i;
const NAME_TOKEN_RE = /^(?:[\p{Lu}][\p{L}'’]*(?:-[\p{Lu}][\p{L}'’]*)*\.?|[\p{Lu}]\.|(?:van|von|der|de|den|da|di|du|la|le|bin|al|el|ter|af)\b)$/u;
const NAME_LABEL_RE = /^(navn|name|fullt navn|full name|nom|vorname und name)\s*:?\s*$/i;

/** "Jan Küster Resume", "CV – Kari Nordmann": the document's title around the name. */
export function stripDocumentWords(text: string): string {
  return text
    .replace(/^(?:curriculum vitae|cv|resume|résumé|lebenslauf)\s*[-–—:|]?\s+/i, '')
    .replace(/\s+[-–—:|]?\s*(?:curriculum vitae|cv|resume|résumé|lebenslauf)$/i, '')
    .trim();
}

/** Field labels of personal details, which stand alone on a line in label/value layouts. */
const FIELD_LABEL_RE =
  /^(navn|adresse|telefon|tlf|mobil|e-?post|epost|født|fødselsdato|statsborgerskap|nasjonalitet|sivilstatus|førerkort|bosted|nationality|citizenship|address|phone|mobile|e-?mail|date of birth|birth date|marital status|gender|kjønn|personalia|ønsket stilling|desired position|website|linkedin|github)$/i;

export function looksLikeName(raw: string): boolean {
  const t = stripDocumentWords(raw.replace(/\s+/g, ' ').trim());
  if (!t || t.length > 50 || /[\d@:|/\\,;()]/.test(t) || NOT_A_NAME_RE.test(t) || FIELD_LABEL_RE.test(t)) return false;
  const tokens = t.split(' ');
  if (tokens.length > 5) return false;
  const display = isAllCaps(t) ? titleCase(t) : t;
  if (!display.split(' ').every((tok) => NAME_TOKEN_RE.test(tok))) return false;
  if (classifyHeading(t)) return false;
  if (tokens.length === 1 && titleScore(t) > 0) return false;
  return true;
}

function findName(sections: Section[], all: Line[], bodySize: number): Found<string> | undefined {
  // A labelled name wins: "Navn: Kari Nordmann", a europass row "Name | Kari Nordmann".
  for (const section of sections) {
    if (section.kind === 'references') continue;
    for (let i = 0; i < section.lines.length; i++) {
      const line = section.lines[i] as Line;
      const labelled = labelledValue(line, NAME_LABEL_RE);
      if (labelled && looksLikeName(labelled)) return { value: titleCase(stripDocumentWords(labelled)), line, confidence: 0.95 };
    }
  }
  const refLines = new Set(sections.filter((s) => s.kind === 'references').flatMap((s) => s.lines.map((l) => l.index)));
  const firstPage = all.filter((l) => l.page === (all[0]?.page ?? 1) && !refLines.has(l.index));
  const pool = firstPage.length > 0 ? firstPage : all;
  let best: { line: Line; text: string; score: number } | undefined;
  const maxSize = Math.max(...pool.map((l) => l.fontSize));
  pool.forEach((line, i) => {
    for (const cell of line.cells) {
      if (!looksLikeName(cell)) continue;
      let score = 0;
      score += (line.fontSize / Math.max(1, bodySize)) * 3;
      if (line.fontSize >= maxSize - 0.1) score += 3;
      if (line.bold) score += 0.5;
      if (line.heading === 1) score += 3;
      score -= Math.min(4, i * 0.15);
      if (line.cells.length === 1) score += 0.5;
      if (cell.split(' ').length === 1) score -= 2.5;
      if (titleScore(cell) > 0) score -= 2;
      if (!best || score > best.score) best = { line, text: cell, score };
    }
  });
  if (!best) return undefined;
  const found = best as { line: Line; text: string; score: number };
  return { value: titleCase(stripDocumentWords(found.text)), line: found.line, confidence: found.score > 8 ? 0.9 : 0.7 };
}

/** The value of a "Label: value" line or a label/value table row. */
function labelledValue(line: Line, label: RegExp): string | null {
  if (line.cells.length >= 2 && label.test(line.cells[0] as string)) return line.cells.slice(1).join(' ').trim();
  const m = line.text.match(/^([\p{L} .]+?)\s*[:：]\s*(.+)$/u);
  if (m && label.test(m[1] as string)) return (m[2] as string).trim();
  // Europass PDFs print the label and its value on one baseline, close together.
  const words = line.text.split(' ');
  for (let n = 1; n <= 3 && n < words.length; n++) {
    if (label.test(words.slice(0, n).join(' '))) return words.slice(n).join(' ').trim();
  }
  return null;
}

// ------------------------------------------------------------------ location
const POSTCODE_CITY_RE = /(?:^|[\s,])(\d{4})\s+([\p{Lu}][\p{L}'-]+(?:\s(?:i\s)?[\p{Lu}][\p{L}'-]+){0,2})/u;
const POSTCODE_END_RE = /(?:^|[\s,])(\d{4,5})\s*$/;
const POSTCODE5_CITY_RE = /(?:^|[\s,])(\d{5})\s+([\p{Lu}][\p{L}'-]+(?:\s[\p{Lu}][\p{L}'-]+){0,2})/u;
const CITY_LABEL_RE = /^(bor i|bosted|bostad|hjemsted|sted|location|city|by|wohnort|ville|lokasjon|based in)$/i;
const ADDRESS_LABEL_RE = /^(adresse|address|adr|bostedsadresse|postadresse|anschrift|adresse postale|privatadresse)\.?$/i;
const LABEL_PREFIX_RE = /^(?:adresse|address|adr|bosted|bor i|sted|location|anschrift|postadresse)\.?\s*:?\s*/i;

interface LocationFound {
  address?: Found<string>;
  postalCode?: Found<string>;
  city?: Found<string>;
  countryCode?: Found<string>;
}

function countryCodeOf(name: string): string | undefined {
  const n = name.toLowerCase();
  if (/^(norge|norway|noreg)$/.test(n)) return 'NO';
  if (/^(sverige|sweden)$/.test(n)) return 'SE';
  if (/^(danmark|denmark)$/.test(n)) return 'DK';
  if (/^(deutschland|germany|tyskland)$/.test(n)) return 'DE';
  if (/^(united kingdom|uk|england|storbritannia|scotland)$/.test(n)) return 'GB';
  if (/^(usa|u\.s\.a|united states)$/.test(n)) return 'US';
  if (/^(slovenia|slovenija)$/.test(n)) return 'SI';
  if (/korea/.test(n)) return 'KR';
  if (/^(france|frankrike)$/.test(n)) return 'FR';
  return undefined;
}

function findLocation(cands: Candidate[]): LocationFound {
  const contactBlock = cands.filter((c) => (c.section.kind === 'top' || c.section.kind === 'contact') && !looksLikeReferenceLine(c.line.text));
  const found = findLocationIn(contactBlock);
  if (found.city) return found;
  // A contact line at the foot of the page, under whatever section came last.
  const hasEmail = new RegExp(EMAIL_RE.source, 'u');
  const contactLines = cands.filter((c) => !looksLikeReferenceLine(c.line.text) && (hasEmail.test(c.line.text) || PHONE_LABEL_RE.test(c.line.text) || /\b(adresse|address)\b/i.test(c.line.text)));
  return findLocationIn(contactLines);
}

function findLocationIn(pool: Candidate[]): LocationFound {
  // 1. Norwegian (or 5-digit) postcode and town: "Møllergata 65, 8006 Bodø".
  for (let i = 0; i < pool.length; i++) {
    const { line } = pool[i] as Candidate;
    // Header lines pack several items: "Mobil 412 34 567 | kari@x.no | 0560 Oslo".
    for (const cell of line.cells.flatMap((c) => c.split(/\s+[|·•]\s+/))) {
      const text = cell.replace(LABEL_PREFIX_RE, '');
      if (/^(tlf|tel|telefon|phone|mobil|e-?post|e-?mail|født|born|fødselsdato|date of birth)/i.test(cell)) continue;
      let m = text.match(POSTCODE_CITY_RE);
      let next: Line | undefined;
      let cityText: string | undefined;
      let postcode: string | undefined;
      let cut = 0;
      if (m) {
        postcode = m[1];
        cityText = m[2];
        cut = m.index ?? 0;
      } else {
        const end = text.match(POSTCODE_END_RE);
        next = pool[i + 1]?.line;
        // "Møllergata 65, 8006" / "Bodø": a street and number before, not "updated in Mar 2026".
        const head = end ? text.slice(0, end.index ?? 0).trim() : '';
        const addressBefore = end !== null && (/,$/.test(head) || /\b(adresse|address)\b/i.test(cell) || /\p{L}{2,}\.?\s+\d+\s*\p{L}?$/u.test(head));
        if (end && next && addressBefore && /^[\p{Lu}][\p{L}'-]+(?:\s[\p{Lu}][\p{L}'-]+)?,?\s*(?:\p{L}+)?$/u.test(next.text) && next.cells.length === 1) {
          postcode = end[1];
          cityText = next.text.replace(/,.*$/, '');
          cut = end.index ?? 0;
        } else {
          m = text.match(POSTCODE5_CITY_RE);
          if (m) {
            postcode = m[1];
            cityText = m[2];
            cut = m.index ?? 0;
          }
        }
      }
      if (!postcode || !cityText || /^0+$/.test(postcode)) continue;
      const prevText = pool[i - 1]?.line.text.replace(LABEL_PREFIX_RE, '') ?? '';
      const continuesAddress = cut === 0 && /\p{L}.*\d+\s*\p{L}?,?$/u.test(prevText);
      if (/^(19|20)\d\d$/.test(postcode) && cut === 0 && !continuesAddress) {
        // "2019 Oslo" at the start of a line is more likely a year than a postcode.
        continue;
      }
      const city = cityText.replace(/\s+(Norge|Norway|Noreg)$/i, '').trim();
      let street = text.slice(0, cut).replace(/[,\s]+$/, '').trim();
      let streetLine = line;
      if (!street && continuesAddress) {
        street = prevText.replace(/[,\s]+$/, '').trim();
        streetLine = pool[i - 1]?.line ?? line;
      }
      const out: LocationFound = {
        postalCode: { value: postcode, line, confidence: 0.9 },
        city: { value: city, line: next ?? line, confidence: 0.9 },
      };
      if (street && /\p{L}/u.test(street) && /\d/.test(street) && street.length < 60) out.address = { value: street, line: streetLine, confidence: 0.85 };
      const rest = text.slice(cut) + ' ' + (next?.text ?? '');
      const country = rest.split(/[,\s]+/).map(countryCodeOf).find(Boolean);
      if (postcode.length === 4 && (!country || country === 'NO')) out.countryCode = { value: 'NO', line, confidence: 0.8 };
      else if (country) out.countryCode = { value: country, line, confidence: 0.8 };
      return out;
    }
  }
  // 2. A labelled place: "Bor i: Trondheim", "Location: Bremen, Germany" (OCR may glue it
  // to the end of a line of the column beside it).
  for (const { line } of pool) {
    const inline = line.source === 'ocr' ? line.text.match(/\b(?:bor i|bosted|location|wohnort)\s*:\s*([\p{Lu}][\p{L}' -]{1,40})$/iu) : null;
    const value = labelledValue(line, CITY_LABEL_RE) ?? labelledValue(line, ADDRESS_LABEL_RE) ?? inline?.[1] ?? null;
    if (!value) continue;
    const city = cityFromPhrase(value);
    if (city) return withCountry({ city: { value: city.city, line, confidence: 0.8 } }, city.country, line);
  }
  // 3. A place in the header: "Oslo · +47 …", "Sunnyvale, CA", "Mapo-gu, Seoul, Republic of Korea".
  for (const { line } of pool) {
    for (const cell of line.cells) {
      for (const part of cell.split(/\s+[·|•]\s+|\s{2,}/)) {
        const p = part.replace(LABEL_PREFIX_RE, '').trim();
        if (!p || /@|https?:|www\./.test(p) || (p.match(/\d/g) ?? []).length >= 7 || p.length > 60) continue;
        const city = cityFromPhrase(p, true);
        if (city) return withCountry({ city: { value: city.city, line, confidence: 0.7 } }, city.country, line);
      }
    }
  }
  return {};
}

function withCountry(found: LocationFound, country: string | undefined, line: Line): LocationFound {
  if (country) found.countryCode = { value: country, line, confidence: 0.7 };
  return found;
}

/** The town in "Bremen, Germany", "Palo Alto, CA", "Mapo-gu, Seoul, Republic of Korea", "Oslo". */
function cityFromPhrase(phrase: string, strict = false): { city: string; country?: string } | null {
  const parts = phrase
    .split(/\s*,\s*/)
    .map((p) => p.replace(/\((?:main|home|hjem)\)/i, '').trim())
    .filter(Boolean);
  let country: string | undefined;
  const rest: string[] = [];
  let hadRegion = false;
  for (const p of parts) {
    if (isCountry(p)) country = countryCodeOf(p) ?? country;
    else if (isUsState(p)) {
      country = 'US';
      hadRegion = true;
    } else rest.push(p);
  }
  const usable = rest.filter((p) => !/\d/.test(p) && /^[\p{Lu}]/u.test(p) && p.split(' ').length <= 3);
  const known = usable.find((p) => isPlace(p));
  if (known) return { city: known, ...(country ? { country } : {}) };
  if (strict && !hadRegion && !country) return null;
  if (strict && usable.length === 0) return null;
  const last = usable.at(-1);
  if (!last || /^(address|street|adresse)$/i.test(last)) return null;
  return { city: last, ...(country ? { country } : {}) };
}

// ------------------------------------------------------------------ birth date and title
const BIRTH_LABEL_RE = /^(født|fødselsdato|f\.dato|date of birth|born|birth date|dob|geburtsdatum|geboren|né le|née le)\.?$/i;

function findBirthDate(cands: Candidate[]): Found<string> | undefined {
  for (const { line } of cands) {
    const value = labelledValue(line, BIRTH_LABEL_RE);
    if (!value) continue;
    const m = value.match(/\b([0-3]?\d)[./-]([01]?\d)[./-]((?:19|20)\d\d)\b/);
    if (m) return { value: `${m[3]}-${(m[2] as string).padStart(2, '0')}-${(m[1] as string).padStart(2, '0')}`, line, confidence: 0.9 };
  }
  return undefined;
}

const WANTED_LABEL_RE = /^(ønsket stilling|stilling|desired position|position sought|title|tittel|yrke|occupation)$/i;

function findLabel(sections: Section[], name: Found<string> | undefined): Found<string> | undefined {
  for (const s of sections) {
    if (s.kind !== 'top' && s.kind !== 'contact') continue;
    for (const line of s.lines) {
      const v = labelledValue(line, WANTED_LABEL_RE);
      if (v && v.length < 60) return { value: v, line, confidence: 0.85 };
    }
  }
  if (!name) return undefined;
  for (const s of sections) {
    const i = s.lines.indexOf(name.line);
    if (i < 0) continue;
    const next = s.lines[i + 1];
    if (!next || next.cells.length > 1) return undefined;
    const t = next.text;
    if (t.length > 60 || /[@\d]/.test(t) || classifyHeading(t)) return undefined;
    if (titleScore(t) > 0 || (next.fontSize > 0 && next.fontSize >= name.line.fontSize * 0.4 && t.split(' ').length <= 6 && !/[.,]$/.test(t))) {
      return { value: t, line: next, confidence: 0.6 };
    }
  }
  return undefined;
}

/**
 * OCR turns "æ" into "ee" or "ae", "ø" into "e" or "o": where the e-mail address spells
 * the name the Norwegian way ("fjaerli"), the letters the address implies are restored.
 */
export function repairNameFromEmail(name: string, email: string | undefined): string {
  if (!email) return name;
  const local = email.split('@')[0]?.toLowerCase() ?? '';
  const ascii = (s: string): string => s.toLowerCase().replace(/æ/g, 'ae').replace(/ø/g, 'o').replace(/å/g, 'a');
  return name
    .split(' ')
    .map((token) => {
      if (token.length < 3 || local.includes(ascii(token))) return token;
      const variants = new Set<string>();
      const swaps: [RegExp, string][] = [[/ee/g, 'æ'], [/ae/g, 'æ'], [/e/g, 'ø'], [/o/g, 'ø'], [/a/g, 'å'], [/aa/g, 'å']];
      for (const [re, to] of swaps) {
        const matches = [...token.matchAll(re)];
        for (const m of matches) variants.add(token.slice(0, m.index) + to + token.slice((m.index ?? 0) + m[0].length));
      }
      for (const v of variants) if (local.includes(ascii(v))) return v;
      return token;
    })
    .join(' ');
}

export function extractContact(sections: Section[], all: Line[], bodySize: number, countries: CountryCode[] = FALLBACK_COUNTRIES): ContactResult {
  const cands = candidates(sections);
  const result: ContactResult = {};
  const name = findName(sections, all, bodySize);
  if (name) result.name = name;
  const email = findEmail(cands);
  if (email) result.email = email;
  if (name && name.line.source === 'ocr') name.value = repairNameFromEmail(name.value, email?.value);
  const location = findLocation(cands);
  const hint = location.countryCode?.value as CountryCode | undefined;
  const order = hint ? [hint, ...countries.filter((c) => c !== hint)] : countries;
  const phone = findPhone(cands, order);
  if (phone) result.phone = phone;
  Object.assign(result, location);
  const birth = findBirthDate(cands);
  if (birth) result.birthDate = birth;
  const label = findLabel(sections, name);
  if (label) result.label = label;
  return result;
}
