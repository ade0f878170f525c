import { unreadDates, type EntryLine, type RawEntry, type UnreadDates } from './entries.ts';
import { orgScore, titleScore } from './lexicon.ts';
import type { Line } from './lines.ts';
import { headerPieces, joinPieces, splitAtComma, type Piece } from './parts.ts';

export interface WorkItem {
  name?: string;
  position?: string;
  location?: string;
  startDate?: string;
  endDate?: string | null;
  highlights: string[];
  lines: { name?: Line; position?: Line; location?: Line; date?: Line };
  confidence: number;
  unreadDates?: UnreadDates;
}

const EMPLOYER_LABEL_RE = /^(arbeidsgiver|employer|firma|bedrift|company|organisation|organization|arbeidsplass|name and address of employer)\s*:?\s+(.+)$/i;
const POSITION_LABEL_RE = /^(stilling|stillingstittel|position|job title|tittel|title|rolle|role|occupation or position held)\s*:?\s+(.+)$/i;
const LOCATION_LABEL_RE = /^(sted|location|arbeidssted|place)\s*:?\s+(.+)$/i;
const ANY_LABEL_RE = /^(arbeidsgiver|employer|firma|bedrift|company|stilling|stillingstittel|position|job title|tittel|title|rolle|role|sted|location|arbeidssted)\s*:?$/i;

/** A line under the title that names a sector, not who paid: "Tourism industry", "Research and Development". */
const SECTOR_RE = /^(?:[\p{L}& ]+\s(?:industry|sector|industries|bransjen|bransje|næringen|sektor)|research (?:and|&) development|r&d|private sector|public sector|offentlig sektor|privat sektor)$/iu;

/** How much more a piece reads as a job title than as an employer. */
const roleLean = (text: string): number => titleScore(text) - orgScore(text);

export function parseWorkEntry(raw: RawEntry): WorkItem | null {
  const item: WorkItem = { highlights: [], lines: {}, confidence: 0.8 };
  const unread = unreadDates(raw);
  if (unread) item.unreadDates = unread;
  if (raw.date) {
    if (raw.date.start) item.startDate = raw.date.start;
    if (raw.date.end !== undefined) item.endDate = raw.date.end;
    // "Summer 2017", "2005": one date is both start and end of a short job.
    if (raw.date.single && raw.date.start && raw.date.end === undefined) item.endDate = raw.date.start;
    if (raw.dateLine) item.lines.date = raw.dateLine;
  }
  const rest: EntryLine[] = [];
  for (const h of raw.header) {
    const text = h.cells.join(' ').trim();
    let m = text.match(EMPLOYER_LABEL_RE);
    if (m) {
      item.name = (m[2] as string).trim();
      item.lines.name = h.line;
      continue;
    }
    m = text.match(POSITION_LABEL_RE);
    if (m) {
      item.position = (m[2] as string).trim();
      item.lines.position = h.line;
      continue;
    }
    m = text.match(LOCATION_LABEL_RE);
    if (m) {
      item.location = (m[2] as string).trim();
      item.lines.location = h.line;
      continue;
    }
    rest.push(h);
  }
  const { pieces, locations } = headerPieces(rest, ANY_LABEL_RE);
  const first = locations[0];
  if (first && !item.location) {
    item.location = first.text;
    item.lines.location = first.line;
  }
  assignRoles(item, pieces);
  for (const d of raw.description) {
    const t = d.cells.join(' ').trim();
    if (t) item.highlights.push(t);
  }
  if (!item.name && !item.position) return null;
  if (!item.startDate && !item.endDate) item.confidence = 0.5;
  return item;
}

function assignRoles(item: WorkItem, pieces: Piece[]): void {
  if (pieces.length === 0) return;
  const needPosition = item.position === undefined;
  const needName = item.name === undefined;
  if (!needPosition && !needName) return;
  const setPosition = (p: Piece[]): void => {
    if (!needPosition || p.length === 0) return;
    item.position = joinPieces(p);
    item.lines.position = (p[0] as Piece).line;
  };
  const setName = (p: Piece[]): void => {
    if (!needName || p.length === 0) return;
    item.name = joinPieces(p);
    item.lines.name = (p[0] as Piece).line;
  };
  const hinted = pieces.filter((p) => p.hint);
  // "Game Developer Intern at Global Internship Program" under an employer line of its
  // own: the "at" is part of the title.
  const unhinted = pieces.filter((p) => !p.hint);
  if (hinted.length && unhinted.length && needName) {
    const role = hinted.find((p) => p.hint === 'role');
    const org = hinted.find((p) => p.hint === 'org');
    if (role && org && role.line === org.line) {
      const whole = role.line.cells.find((c) => c.includes(role.text) && c.includes(org.text));
      const merged: Piece = { ...role, text: whole ? whole.replace(/\s*\([^()]*\)\s*$/, '').trim() : `${role.text} at ${org.text}` };
      delete merged.hint;
      pieces = [...unhinted, merged];
      return assignRoles(item, pieces);
    }
  }
  if (hinted.length) {
    setPosition(pieces.filter((p) => p.hint === 'role'));
    setName(pieces.filter((p) => p.hint === 'org'));
    return;
  }
  if (!needPosition) {
    setName(pieces);
    return;
  }
  if (!needName) {
    setPosition(pieces);
    return;
  }
  let list = pieces.filter((p) => !SECTOR_RE.test(p.text.trim()));
  if (list.length === 0) return;
  if (list.length === 1) {
    const only = list[0] as Piece;
    const comma = splitAtComma(only.text);
    if (comma) list = comma.map((text) => ({ ...only, text, cell: only.cell + 0.5 * comma.indexOf(text) }));
  }
  if (list.length === 1) {
    const only = list[0] as Piece;
    if (roleLean(only.text) >= 0 && titleScore(only.text) > 0) setPosition(list);
    else if (orgScore(only.text) > 0) setName(list);
    else setPosition(list);
    return;
  }
  // The piece that reads most like a title is the position; the rest name the employer.
  let bestIndex = 0;
  let bestLean = -Infinity;
  list.forEach((p, i) => {
    // Ties go to the first piece: "Stilling – Arbeidsgiver" is the common order.
    const lean = roleLean(p.text) - i * 0.01;
    if (lean > bestLean) {
      bestLean = lean;
      bestIndex = i;
    }
  });
  const position = list[bestIndex] as Piece;
  const others = list.filter((_, i) => i !== bestIndex);
  // Only the pieces next to each other in one cell belong to one employer name; a
  // third line (a sector, a department) is dropped rather than glued on.
  const firstOther = others[0] as Piece;
  const employer = others.filter((p) => p.cell === firstOther.cell);
  setPosition([position]);
  setName(employer);
}
