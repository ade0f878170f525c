import { unreadDates, type EntryLine, type RawEntry, type UnreadDates } from './entries.ts';
import { degreeScore, findDegree, institutionScore, looksLikeLocation, matchDegree } from './lexicon.ts';
import type { Line } from './lines.ts';
import { headerPieces, type Piece } from './parts.ts';

export interface EducationItem {
  institution?: string;
  studyType?: string;
  area?: string;
  startDate?: string;
  endDate?: string | null;
  lines: { institution?: Line; degree?: Line; date?: Line };
  confidence: number;
  unreadDates?: UnreadDates;
}

const INSTITUTION_LABEL_RE = /^(lærested|skole|studiested|institution|name and type of organisation providing education and training|einrichtung)\s*:?\s+(.+)$/i;
const DEGREE_LABEL_RE = /^(utdanning|grad|studieretning|fagområde|qualification|degree|title of qualification awarded|field of study|programme|program|studium|abschluss)\s*:?\s+(.+)$/i;
const ANY_LABEL_RE = /^(lærested|skole|institution|school|utdanning|grad|qualification|degree|studieretning)\s*:?$/i;

/** "Bachelor i sykepleie" → Bachelor / sykepleie; "M.S. in Computer Science"; "Fagbrev, helsearbeiderfaget". */
export function parseDegree(text: string): { studyType?: string; area?: string } {
  const clean = text
    .replace(/^(?:graduated (?:as|with)|graduated|degree:|grad:|awarded|uteksaminert som|ferdig utdannet som)\s+/i, '')
    .replace(/\s*[-–,|]?\s*(?:GPA|karaktersnitt|snitt|grade)\s*:?\s*[\d.,/]+.*$/i, '')
    .replace(/\s*[-–,|]\s*[\d.,]+\s*(?:\/\s*[\d.]+\s*)?GPA.*$/i, '')
    .replace(/\s*\((?:GPA|karakter)[^)]*\)\s*$/i, '')
    .replace(/[.;]$/, '')
    .trim();
  // "Doktor der Veterinärmedizin Dr. vet.", "Doctor of Philosophy (Ph.D.)": the title's
  // abbreviation at the end is the degree, the words before it name the field.
  const trailing = clean.match(TRAILING_DEGREE_RE);
  if (trailing && trailing.index !== undefined && trailing.index > 0) {
    const field = clean
      .slice(0, trailing.index)
      .replace(/^(?:doktor(?:grad)? (?:der|i)|doctor of|doctorate in|master of|master in|bachelor of|bachelor in)\s+/i, '')
      .trim();
    return { studyType: (trailing[1] as string).trim(), ...(field ? { area: field } : {}) };
  }
  // German "Studium Diplom-Veterinärmedizin": the degree is hyphenated onto its field.
  const hyphenated = clean.match(/^(?:studium\s+)?(diplom|magister|bachelor|master|staatsexamen)-(\p{Lu}.*)$/iu);
  if (hyphenated) return { studyType: hyphenated[1] as string, area: hyphenated[2] as string };
  const found = findDegree(clean);
  if (!found) return clean ? { area: clean } : {};
  const degree = found.degree;
  const rest = clean
    .slice(found.index + degree.length)
    .replace(/^\s*(?:[,:/–—-]|\bi\b|\bin\b|\bof\b|\binnen\b|\bfra\b|\bpå\b|\bim\b|\ben\b|\bde\b)\s*/i, '')
    .replace(/^\(\s*(.*?)\s*\)$/, '$1')
    // A curriculum or specialisation in brackets is detail, not the field.
    .replace(/\s*\((?:curriculum|specialisation|specialization|fordypning|spesialisering)[^)]*\)?\s*$/i, '')
    .trim();
  return { studyType: degree.trim().replace(/\s+/g, ' '), ...(rest ? { area: rest } : {}) };
}

export function parseEducationEntry(raw: RawEntry): EducationItem | null {
  const item: EducationItem = { lines: {}, confidence: 0.8 };
  const unread = unreadDates(raw);
  if (unread) item.unreadDates = unread;
  if (raw.date) {
    if (raw.date.single) {
      // A lone date on a degree is when it was completed.
      const d = raw.date.end ?? raw.date.start;
      if (d) item.endDate = d;
    } else {
      if (raw.date.start) item.startDate = raw.date.start;
      if (raw.date.end !== undefined) item.endDate = raw.date.end;
    }
    if (raw.dateLine) item.lines.date = raw.dateLine;
  }
  const rest: EntryLine[] = [];
  let degreeText: string | undefined;
  for (const h of raw.header) {
    const text = h.cells.join(' ').trim();
    let m = text.match(INSTITUTION_LABEL_RE);
    if (m) {
      item.institution = (m[2] as string).trim();
      item.lines.institution = h.line;
      continue;
    }
    m = text.match(DEGREE_LABEL_RE);
    if (m) {
      degreeText = (m[2] as string).trim();
      item.lines.degree = h.line;
      continue;
    }
    rest.push(h);
  }
  const { pieces } = headerPieces(rest, ANY_LABEL_RE);
  if (degreeText !== undefined) {
    const d = parseDegreeJoined(degreeText);
    Object.assign(item, d);
  }
  assignEducation(item, pieces, degreeText !== undefined);
  // "Doktorarbeit an der Freien Universität Berlin:": the school named in the lines below.
  if (!item.institution) {
    for (const d of raw.description) {
      const m = d.cells.join(' ').match(/\b(?:an der|an dem|at the|at|ved|på)\s+(\p{Lu}[\p{L}' .-]+?)[:.,]?$/u);
      if (m && institutionScore(m[1] as string) > 0) {
        item.institution = (m[1] as string).trim();
        item.lines.institution = d.line;
        break;
      }
    }
  }
  // "Majoring in Computer Science" under the degree names the field when the header did not.
  for (const d of raw.description) {
    const m = d.cells.join(' ').match(MAJOR_RE);
    if (m && (!item.area || HONOURS_RE.test(item.area))) {
      item.area = (m[1] as string).replace(/[.;]$/, '').trim();
      break;
    }
  }
  if (item.area && HONOURS_RE.test(item.area)) {
    const rest = item.area.replace(HONOURS_RE, '').replace(/^[\s,–-]+|[\s,–-]+$/g, '');
    if (rest) item.area = rest;
    else delete item.area;
  }
  if (!item.institution && !item.studyType && !item.area) return null;
  return item;
}

/** "Fagskole – frontend-utvikling": the degree and its field split by a dash. */
function parseDegreeJoined(text: string): { studyType?: string; area?: string } {
  const parts = text.split(/\s+[–—-]\s+/);
  if (parts.length === 2 && matchDegree(parts[0] as string) && (parts[0] as string).trim() === matchDegree(parts[0] as string)?.trim()) {
    return { studyType: (parts[0] as string).trim(), area: (parts[1] as string).trim() };
  }
  return parseDegree(text);
}

/** "an der Freien Universität Berlin", "at the University of X", "ved NTNU": the school without its preposition. */
const SCHOOL_PREPOSITION_RE = /^(?:an der|an dem|am|at the|at|ved|på|fra|from|à l'|à la|de la)\s+(?=\p{Lu})/iu;

const TRAILING_DEGREE_RE = /\s\(?((?:dr\.\s?[a-z]{2,6}\.?(?:\s?[a-z]{2,6}\.?)?)|ph\.\s?d\.?|m\.\s?sc\.?|b\.\s?sc\.?|ll\.\s?m\.?|m\.\s?a\.|b\.\s?a\.)\)?$/i;

const MAJOR_RE = /^(?:majoring in|major in|major:|studieretning:?|hovedfag:?|concentration in)\s+(.+)$/i;
const HONOURS_RE = /\b(?:summa |magna )?cum laude\b|\bwith (?:high )?(?:distinction|honou?rs)\b|\bfirst class honou?rs\b/i;

const TRAILING_SCHOOL_RE =
  /(?<=[)\p{Ll}.]\s|\p{Lu}{2}\s)((?:\p{Lu}\p{Ll}[\p{L}'-]*\s)*(?:University|Universität|Université|Universitetet|Universitet|College|Institute|Høgskolen|Høyskolen|Academy)(?:\s(?:of|for|i|in|de|di|du)\s[\p{Lu}][\p{L}-]*(?:\s[\p{Lu}][\p{L}-]*)*)?)$/u;

interface Sub {
  text: string;
  piece: Piece;
  role: 'institution' | 'degree' | 'place' | 'other';
}

/** Splits pieces at commas and a degree prefix ("PhD Princeton University") into roles. */
function subPieces(pieces: Piece[]): Sub[] {
  const out: Sub[] = [];
  for (const piece of pieces) {
    const parts = piece.text.split(/,\s+/);
    for (let k = 0; k < parts.length; k++) {
      const text = (parts[k] as string).trim();
      if (!text) continue;
      const prev = out.at(-1);
      // "University of California, Los Angeles": a campus after "University of X" is part of the name.
      if (prev && prev.piece === piece && prev.role === 'institution' && /^(university|universidad|universit[éà]|universität) of\b|\buniversity of \p{Lu}[\p{L}]+$/iu.test(prev.text) && looksLikeLocation(text)) {
        prev.text += `, ${text}`;
        continue;
      }
      if (looksLikeLocation(text) && k > 0) {
        out.push({ text, piece, role: 'place' });
        continue;
      }
      const degree = matchDegree(text);
      if (degree && institutionScore(text.slice(degree.length)) > 0 && !/^\s*(?:i|in|of|fra)\b/i.test(text.slice(degree.length))) {
        out.push({ text: degree.trim(), piece, role: 'degree' });
        out.push({ text: text.slice(degree.length).trim(), piece, role: 'institution' });
        continue;
      }
      // "… Statistics) University of Ljubljana": the school printed after the degree.
      const trailing = text.match(TRAILING_SCHOOL_RE);
      if (trailing && trailing.index !== undefined && trailing.index > 0 && (degreeScore(text) > 0 || findDegree(text))) {
        out.push({ text: text.slice(0, trailing.index).trim(), piece, role: 'degree' });
        out.push({ text: (trailing[1] as string).trim(), piece, role: 'institution' });
        continue;
      }
      if (degreeScore(text) > 0 || findDegree(text) || TRAILING_DEGREE_RE.test(text) || /^(?:studium\s+)?(?:diplom|magister)-/i.test(text)) {
        out.push({ text, piece, role: 'degree' });
      } else if (institutionScore(text) > 0) {
        out.push({ text: text.replace(SCHOOL_PREPOSITION_RE, ''), piece, role: 'institution' });
      } else out.push({ text, piece, role: 'other' });
    }
  }
  return out;
}

function assignEducation(item: EducationItem, pieces: Piece[], haveDegree: boolean): void {
  if (pieces.length === 0) return;
  // A whole piece naming a school keeps its own separators ("OsloMet – storbyuniversitetet").
  const subs = subPieces(pieces);
  let inst = subs.filter((s) => s.role === 'institution');
  const degrees = subs.filter((s) => s.role === 'degree');
  const others = subs.filter((s) => s.role === 'other');
  if (!item.institution && inst.length === 0) {
    // No school word anywhere: the capitalised piece without degree words is the school,
    // when there is something else to be the degree, or when it is a proper name of
    // several capitalised words ("La Martiniere for Boys").
    const candidate = others.find((s) => !/^\p{Ll}/u.test(s.text));
    const properName = (t: string): boolean => t.split(' ').filter((w) => /^\p{Lu}/u.test(w)).length >= 2 && !/^\p{Ll}/u.test(t);
    if (candidate && (degrees.length > 0 || others.length > 1 || (others.length === 1 && properName(candidate.text)))) {
      candidate.role = 'institution';
      inst = [candidate];
      others.splice(others.indexOf(candidate), 1);
    }
  }
  if (!item.institution && inst.length) {
    const first = inst[0] as Sub;
    const sameCell = inst.filter((s) => s.piece.cell === first.piece.cell);
    item.institution = joinSubs(sameCell);
    item.lines.institution = first.piece.line;
    for (const s of inst) if (!sameCell.includes(s)) others.push(s);
  }
  if (haveDegree) return;
  const degree = degrees[0];
  const leftovers = [...degrees.slice(1), ...others].filter((s) => !/^\d/.test(s.text));
  if (degree) {
    const parsed = parseDegree(degree.text);
    item.lines.degree = degree.piece.line;
    if (parsed.studyType) item.studyType = parsed.studyType;
    if (parsed.area) item.area = parsed.area;
    else if (leftovers.length) item.area = leftovers.map((s) => s.text).join(', ');
  } else if (leftovers.length) {
    item.area = leftovers.map((s) => s.text).join(', ');
    item.lines.degree = (leftovers[0] as Sub).piece.line;
  }
}

function joinSubs(list: Sub[]): string {
  let out = '';
  list.forEach((s, i) => {
    if (i > 0) out += (list[i - 1] as Sub).piece === s.piece ? ', ' : ' – ';
    out += s.text;
  });
  return out;
}

/**
 * A one-word place column repeated on every entry ("Wonderland", "Oslo") is where the
 * studies were, not the school: a school is named by school words or as an acronym.
 */
export function dropRepeatedPlaceColumn(items: EducationItem[]): void {
  const counts = new Map<string, number>();
  for (const it of items) if (it.institution) counts.set(it.institution, (counts.get(it.institution) ?? 0) + 1);
  for (const it of items) {
    const name = it.institution;
    if (!name || (counts.get(name) ?? 0) < 2 || name.includes(' ')) continue;
    if (institutionScore(name) > 0 || /^\p{Lu}[\p{Lu}\p{Ll}]{0,4}$/u.test(name) && /\p{Lu}.*\p{Lu}/u.test(name)) continue;
    delete it.institution;
    delete it.lines.institution;
  }
}

const year = (d: string | null | undefined): string => (d ?? '').slice(0, 4);

/**
 * One degree listed twice, as the studies ("Master Studies Digital Media, 2012 – 2015")
 * and as the graduation ("Graduated as M.Sc. Digital Media, 2015 / 07"): one entry, with
 * the start of the studies and the month of the graduation.
 */
export function mergeGraduations(items: EducationItem[]): EducationItem[] {
  const out = [...items];
  for (const grad of items) {
    if (grad.startDate || !grad.endDate) continue;
    const candidates = out.filter(
      (s) =>
        s !== grad &&
        s.startDate &&
        s.endDate &&
        year(s.endDate) === year(grad.endDate) &&
        (!s.institution || !grad.institution || s.institution === grad.institution),
    );
    const studies = candidates.sort((a, b) => Math.abs(out.indexOf(a) - out.indexOf(grad)) - Math.abs(out.indexOf(b) - out.indexOf(grad)))[0];
    if (!studies) continue;
    const degreeFrom = grad.studyType ? grad : studies;
    const merged: EducationItem = {
      ...studies,
      endDate: grad.endDate,
      lines: { ...studies.lines, ...(grad.lines.date ? { date: grad.lines.date } : {}) },
    };
    const institution = grad.institution ?? studies.institution;
    if (institution) merged.institution = institution;
    delete merged.studyType;
    delete merged.area;
    if (degreeFrom.studyType) merged.studyType = degreeFrom.studyType;
    if (degreeFrom.area) merged.area = degreeFrom.area;
    out.splice(out.indexOf(studies), 1, merged);
    out.splice(out.indexOf(grad), 1);
  }
  return out;
}
