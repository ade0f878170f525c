import { findDates } from './dates.ts';
import { classifyHeading, type SectionKind } from './headings.ts';
import type { Line } from './lines.ts';
import { isAllCaps, wordKey } from './normalize.ts';

export interface Section {
  kind: SectionKind;
  heading: Line | null;
  lines: Line[];
}

/**
 * Words that are headings only when they also look like one (bold, capitals, larger):
 * as plain lines they are just as likely a skill or a list item.
 */
const WEAK_HEADINGS = new Set([
  'research', 'work', 'tools', 'software', 'training', 'status', 'details', 'info', 'activities', 'community', 'social',
  'network', 'fields', 'programming', 'about', 'arbeid', 'jobb', 'praksis', 'mål', 'leadership', 'writing', 'teaching',
  'links', 'other', 'annet', 'misc', 'career', 'karriere', 'language', 'expertise', 'strengths', 'egenskaper',
  'kunnskaper', 'verktøy', 'teknologier', 'technologies', 'frivillig', 'verv', 'kurs', 'førerkort', 'sertifikat',
  'kontakt', 'contact', 'profil', 'profile', 'summary', 'overview', 'motivation', 'motivasjon', 'portfolio', 'presentasjon',
  'interests', 'interesser', 'hobbies', 'hobbyer', 'leisure', 'projects', 'prosjekter', 'operating systems', 'résumé',
]);

interface Style {
  size: number;
  bold: boolean;
  caps: boolean;
}

const styleOf = (line: Line): Style => ({ size: line.fontSize, bold: line.bold, caps: isAllCaps(line.text) });

function looksEmphasised(line: Line, bodySize: number): boolean {
  // A one-cell row in a label/value table (Europass in Word) is a heading row.
  if (line.table && line.cells.length === 1) return true;
  return line.heading !== undefined || line.bold || isAllCaps(line.text) || line.fontSize >= bodySize + 0.9;
}

function shortEnough(text: string): boolean {
  return text.length <= 48 && text.split(/\s+/).length <= 6;
}

function headingCandidateText(line: Line): string | null {
  if (line.bullet) return null;
  // A heading is alone on its line; in a label/value table it may own the first cell.
  if (line.cells.length > 1) return null;
  const text = line.text.replace(/[:：]\s*$/, '').trim();
  if (!text || /[@\d]/.test(text) || !shortEnough(text)) return null;
  if (/[,;.!?]$/.test(text)) return null;
  return text;
}

export function classifyLine(line: Line, bodySize: number): SectionKind | null {
  const text = headingCandidateText(line);
  if (!text) return null;
  const kind = classifyHeading(text);
  if (!kind) return null;
  const key = wordKey(text);
  if (WEAK_HEADINGS.has(key) && !looksEmphasised(line, bodySize)) return null;
  return kind;
}

/**
 * Splits the document into sections at its headings. Headings are recognised by
 * their words; headings we cannot name are recognised by sharing the style (size,
 * weight, capitals) of the ones we can, and open an 'other' section.
 */
export function splitSections(lines: Line[], bodySize: number): Section[] {
  const kinds: (SectionKind | null)[] = lines.map((l) => classifyLine(l, bodySize));
  const span: number[] = lines.map(() => 1);
  // Headings broken over two lines ("KURS OG" / "SERTIFIKATER").
  for (let i = 0; i + 1 < lines.length; i++) {
    if (kinds[i] || kinds[i + 1]) continue;
    const a = lines[i] as Line;
    const b = lines[i + 1] as Line;
    if (a.page !== b.page || !looksEmphasised(a, bodySize) || Math.abs(a.fontSize - b.fontSize) > 0.3 || a.bold !== b.bold) continue;
    const joined = headingCandidateText(a) && headingCandidateText(b) ? `${a.text} ${b.text}` : null;
    const kind = joined ? classifyHeading(joined) : null;
    if (kind) {
      kinds[i] = kind;
      span[i] = 2;
      kinds[i + 1] = null;
      i++;
    }
  }
  // "Kompetanse | Excel, SAP": a heading sharing its row with the first line of content.
  // Only a larger one that changes the section: inside a section the same words are the
  // labels of a label/value table ("Utdanning | Bachelor") or of a skills table.
  let current: SectionKind | null = null;
  const headingSizes = lines.filter((_, i) => kinds[i]).map((l) => l.fontSize).sort((a, b) => a - b);
  const headingSize = headingSizes[Math.floor(headingSizes.length / 2)] ?? 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as Line;
    if (kinds[i]) current = kinds[i] ?? current;
    if (kinds[i] || line.cells.length < 2 || line.bullet) continue;
    const first = (line.cells[0] as string).replace(/[:：]\s*$/, '').trim();
    const kind = classifyHeading(first);
    if (!kind || kind === current || WEAK_HEADINGS.has(wordKey(first)) || !shortEnough(first) || /\d/.test(first)) continue;
    if (line.fontSize < bodySize * 1.15 && !(headingSize > 0 && line.fontSize >= headingSize * 0.9)) continue;
    current = kind;
    const rest = line.cells.slice(1);
    const heading: Line = { ...line, text: first, cells: [first] };
    const content: Line = { ...line, text: rest.join(' '), cells: rest };
    lines.splice(i, 1, heading, content);
    kinds.splice(i, 1, kind, null);
    span.splice(i, 1, 1, 1);
    i++;
  }
  const known: Style[] = lines.filter((_, i) => kinds[i]).map(styleOf);
  const sameStyle = (line: Line): boolean =>
    known.some((s) => Math.abs(s.size - line.fontSize) <= 0.3 && s.bold === line.bold && s.caps === isAllCaps(line.text) && (s.bold || s.caps || s.size >= bodySize + 0.9));
  let seenSection = false;
  const firstPage = lines[0]?.page ?? 1;
  const sections: Section[] = [{ kind: 'top', heading: null, lines: [] }];
  const sectionOf = new Map<Line, Section>();
  const firstHeadingY = Math.min(...lines.filter((l, i) => kinds[i] && l.page === firstPage).map((l) => l.box.y));
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as Line;
    let kind = kinds[i] ?? null;
    if (!kind && headingCandidateText(line)) {
      const wordHeading = line.heading !== undefined && (seenSection || line.heading > 1);
      const plausible = (line.text.match(/\p{L}/gu) ?? []).length >= 3 && !/^\p{Ll}/u.test(line.text);
      const ocrDoubt = line.source === 'ocr' && !isAllCaps(line.text) && line.fontSize < bodySize * 1.2;
      if (wordHeading || (seenSection && plausible && !ocrDoubt && sameStyle(line) && !opensAnEntry(lines, i, kinds))) kind = 'other';
    }
    if (!kind && seenSection && line.page === firstPage && line.fontSize >= bodySize * 1.6 && !line.bullet && line.text.length <= 60 && !/\d/.test(line.text)) {
      // A sidebar CV reaches the name block (name, title) after the sidebar's sections.
      sections.push({ kind: 'top', heading: null, lines: [line] });
      continue;
    }
    if (kind) {
      seenSection = true;
      sections.push({ kind, heading: line, lines: [] });
      sectionOf.set(line, sections.at(-1) as Section);
      i += (span[i] ?? 1) - 1;
      continue;
    }
    // A column that starts above the page's first heading belongs to the page header
    // ("Sunnyvale, CA" at the top of the right column of a two-column CV).
    const prev = lines[i - 1];
    if (seenSection && prev && prev.page === line.page && line.page === firstPage && line.box.y < prev.box.y - 3 * line.box.height && line.box.y < firstHeadingY && sections.at(-1)?.kind !== 'top') {
      sections.push({ kind: 'top', heading: null, lines: [line] });
      sectionOf.set(line, sections.at(-1) as Section);
      continue;
    }
    const resumed = seenSection ? resumedSection(lines, i, sectionOf) : null;
    if (resumed && resumed !== sections.at(-1)?.kind) sections.push({ kind: resumed, heading: null, lines: [] });
    (sections.at(-1) as Section).lines.push(line);
    sectionOf.set(line, sections.at(-1) as Section);
  }
  return sections;
}

/**
 * On a new page, or where reading order jumps back up to start another column, a
 * column without a heading continues the section that ended that column on the page
 * before ("Work experience" running over into page 2's main column, after page 2's sidebar).
 */
function resumedSection(lines: Line[], i: number, sectionOf: Map<Line, Section>): SectionKind | null {
  const line = lines[i] as Line;
  const prev = lines[i - 1];
  if (!prev || line.source === 'docx') return null;
  const newPage = prev.page !== line.page;
  const jumpUp = !newPage && line.box.y < prev.box.y - 3 * line.box.height && Math.abs(line.box.x - prev.box.x) > 40;
  if (!newPage && !jumpUp) return null;
  if (jumpUp) {
    // The same column higher up on this page: the last line above this one that starts
    // near its x (the column's heading, cut off from it by a line spanning both columns).
    let above: Line | null = null;
    for (let j = i - 1; j >= 0; j--) {
      const other = lines[j] as Line;
      if (other.page !== line.page) break;
      if (other.box.y < line.box.y && Math.abs(other.box.x - line.box.x) <= 80 && (!above || other.box.y > above.box.y)) above = other;
    }
    const section = above ? sectionOf.get(above) : undefined;
    if (section) return section.kind;
  }
  if (line.page === lines[0]?.page) return null;
  // The lowest line of the previous page that starts near this one's x: where that
  // column ended.
  let best: Line | null = null;
  for (let j = i - 1; j >= 0; j--) {
    const other = lines[j] as Line;
    if (other.page === line.page) continue;
    if (other.page < line.page - 1) break;
    if (Math.abs(other.box.x - line.box.x) <= 40 && (!best || other.box.y > best.box.y)) best = other;
  }
  if (!best) return null;
  const section = sectionOf.get(best);
  return section && section.kind !== 'top' ? section.kind : null;
}

/**
 * A styled line followed closely by a dated line heads an entry ("CORNELL UNIVERSITY" /
 * "MEng in Computer Science" / "Dec 2014"), or a sub-list of one, not a new section.
 */
function opensAnEntry(lines: Line[], at: number, kinds: (SectionKind | null)[]): boolean {
  for (let j = at + 1; j <= at + 3 && j < lines.length; j++) {
    if (kinds[j]) return false;
    if (findDates((lines[j] as Line).text).length > 0) return true;
  }
  return false;
}
