import type { EntryLine, RawEntry } from './entries.ts';
import { degreeScore, institutionScore, matchDegree } from './lexicon.ts';
import type { Line } from './lines.ts';
import { headerPieces, joinPieces, type Piece } from './parts.ts';

export interface EducationItem {
  institution?: string;
  studyType?: string;
  area?: string;
  startDate?: string;
  endDate?: string | null;
  lines: { institution?: Line; degree?: Line; date?: Line };
  confidence: number;
}

const INSTITUTION_LABEL_RE = /^(lærested|skole|studiested|institution|name and type of organisation providing education and training|einrichtung)\s*:?\s+(.+)$/i;
const DEGREE_LABEL_RE = /^(utdanning|grad|studieretning|fagområde|qualification|degree|title of qualification awarded|field of study|programme|program|studium|abschluss)\s*:?\s+(.+)$/i;
const ANY_LABEL_RE = /^(lærested|skole|institution|school|utdanning|grad|qualification|degree|studieretning)\s*:?$/i;

/** "Bachelor i sykepleie" → Bachelor / sykepleie; "M.S. in Computer Science"; "Fagbrev, helsearbeiderfaget". */
export function parseDegree(text: string): { studyType?: string; area?: string } {
  const clean = text
    .replace(/\s*[-–,|]?\s*(?:GPA|karaktersnitt|snitt|grade)\s*:?\s*[\d.,/]+.*$/i, '')
    .replace(/\s*[-–,|]\s*[\d.,]+\s*(?:\/\s*[\d.]+\s*)?GPA.*$/i, '')
    .replace(/\s*\((?:GPA|karakter)[^)]*\)\s*$/i, '')
    .replace(/[.;]$/, '')
    .trim();
  const degree = matchDegree(clean);
  if (!degree) return clean ? { area: clean } : {};
  const rest = clean
    .slice(degree.length)
    .replace(/^\s*(?:[,:–—-]|\bi\b|\bin\b|\bof\b|\binnen\b|\bfra\b|\bpå\b|\bim\b|\ben\b|\bde\b)\s*/i, '')
    .replace(/^\(\s*(.*?)\s*\)$/, '$1')
    .trim();
  return { studyType: degree.trim().replace(/\s+/g, ' '), ...(rest ? { area: rest } : {}) };
}

export function parseEducationEntry(raw: RawEntry): EducationItem | null {
  const item: EducationItem = { lines: {}, confidence: 0.8 };
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

function assignEducation(item: EducationItem, pieces: Piece[], haveDegree: boolean): void {
  if (pieces.length === 0) return;
  const inst: Piece[] = [];
  const other: Piece[] = [];
  for (const p of pieces) {
    if (!item.institution && institutionScore(p.text) > 0 && degreeScore(p.text) === 0) inst.push(p);
    else other.push(p);
  }
  if (!item.institution && inst.length === 0 && other.length > 0) {
    // No school word anywhere: the piece without degree words is the school.
    const candidate = other.find((p) => degreeScore(p.text) === 0 && !/^\p{Ll}/u.test(p.text));
    if (candidate && other.length > 1) {
      inst.push(candidate);
      other.splice(other.indexOf(candidate), 1);
    }
  }
  if (inst.length) {
    const firstCell = (inst[0] as Piece).cell;
    const sameCell = inst.filter((p) => p.cell === firstCell);
    item.institution = joinPieces(sameCell);
    item.lines.institution = (inst[0] as Piece).line;
    for (const p of inst) if (!sameCell.includes(p)) other.push(p);
  }
  if (haveDegree || other.length === 0) return;
  // The degree piece first ("Bachelor"), then what it is in ("sykepleie").
  const degreePiece = other.find((p) => degreeScore(p.text) > 0) ?? (other[0] as Piece);
  const parsed = parseDegree(degreePiece.text);
  item.lines.degree = degreePiece.line;
  const leftovers = other.filter((p) => p !== degreePiece && !/^\d/.test(p.text));
  if (parsed.studyType) item.studyType = parsed.studyType;
  if (parsed.area) item.area = parsed.area;
  else if (leftovers.length) item.area = leftovers.map((p) => p.text).join(', ');
  if (!parsed.studyType && !parsed.area && leftovers.length) item.area = leftovers.map((p) => p.text).join(', ');
}
