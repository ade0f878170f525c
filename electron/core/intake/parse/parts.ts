import type { EntryLine } from './entries.ts';
import type { Line } from './lines.ts';
import { looksLikeLocation } from './lexicon.ts';

/**
 * The pieces of an entry's header lines: "Lagermedarbeider – ASKO (Oslo)" is a title,
 * an employer and a place. Pieces remember their line (for the evidence box) and the
 * cell they came from (pieces of one cell are re-joined with their separator).
 */
export interface Piece {
  text: string;
  line: Line;
  cell: number;
  /** A role the wording itself gives ("X hos Y": X is the title, Y the employer). */
  hint?: 'role' | 'org';
}

export interface Pieces {
  pieces: Piece[];
  locations: { text: string; line: Line }[];
}

const LEGAL_SUFFIX_RE = /^(ltd|inc|llc|co|corp|as|asa|gmbh|ag|sa|ab|plc|a\/s)\.?$/i;

export function headerPieces(header: EntryLine[], labelRe?: RegExp): Pieces {
  const pieces: Piece[] = [];
  const locations: { text: string; line: Line }[] = [];
  let cellId = 0;
  for (const item of header) {
    for (const rawCell of item.cells) {
      const cell = rawCell.trim();
      cellId++;
      if (!cell) continue;
      if (labelRe && labelRe.test(cell)) continue;
      if (looksLikeLocation(cell)) {
        locations.push({ text: cell.replace(/[()]/g, '').trim(), line: item.line });
        continue;
      }
      let text = cell;
      // "Stendi (Bodø)", "Equinor (Trondheim)": the place in brackets.
      const paren = text.match(/\s*\(([^()]+)\)\s*$/);
      if (paren && looksLikeLocation(paren[1] as string)) {
        locations.push({ text: (paren[1] as string).trim(), line: item.line });
        text = text.slice(0, paren.index).trim();
      }
      // "Position hos Employer", "Engineer at Google".
      const at = text.match(/^(.+?)\s+(?:hos|at|@|ved|bei|chez)\s+(\p{Lu}.*|\p{N}.*)$/u);
      if (at) {
        pieces.push({ text: (at[1] as string).trim(), line: item.line, cell: cellId, hint: 'role' });
        pushWithLocation(pieces, locations, (at[2] as string).trim(), item.line, cellId, 'org');
        continue;
      }
      const split = text.split(/\s+[–—|·•]\s+|\s+-\s+|\s*\|\s*/).map((s) => s.trim()).filter(Boolean);
      for (const s of split) pushWithLocation(pieces, locations, s, item.line, cellId);
    }
  }
  return { pieces, locations };
}

function pushWithLocation(pieces: Piece[], locations: { text: string; line: Line }[], text: string, line: Line, cell: number, hint?: 'role' | 'org'): void {
  if (looksLikeLocation(text)) {
    locations.push({ text, line });
    return;
  }
  // "Sparebank 1 SMN, Skien": a trailing place after a comma.
  const m = text.match(/^(.+?),\s*([^,]+(?:,\s*[A-Z]{2})?)$/);
  // "University of California, Los Angeles" names a campus, not where the entry was.
  const campus = m ? /\b[Uu]niversit(?:y|ät|é|à|ad) of \p{Lu}[\p{L}]+(?: \p{Lu}[\p{L}]+)?$/u.test(m[1] as string) && !(m[2] as string).includes(',') : false;
  if (m && !campus && looksLikeLocation(m[2] as string) && !LEGAL_SUFFIX_RE.test((m[2] as string).trim())) {
    locations.push({ text: (m[2] as string).trim(), line });
    text = (m[1] as string).trim();
  }
  const paren = text.match(/\s*\(([^()]+)\)\s*$/);
  if (paren && looksLikeLocation(paren[1] as string)) {
    locations.push({ text: (paren[1] as string).trim(), line });
    text = text.slice(0, paren.index).trim();
  }
  // Grades are neither a school nor a degree: "3.8 GPA", "GPA: 3.5", "Karaktersnitt 4,2".
  if (/\b(gpa|karaktersnitt|snitt|grade point average|note)\b/i.test(text) && /\d/.test(text) && text.length < 40) return;
  if (text) pieces.push({ text, line, cell, ...(hint ? { hint } : {}) });
}

/** Splits "Position, Employer" at its first comma, unless the comma belongs to a name ("Co., Ltd."). */
export function splitAtComma(text: string): [string, string] | null {
  const i = text.indexOf(', ');
  if (i < 0) return null;
  const left = text.slice(0, i).trim();
  const right = text.slice(i + 2).trim();
  if (!left || !right || LEGAL_SUFFIX_RE.test(right.split(/[\s,]/)[0] as string) || /^\p{Ll}/u.test(right)) return null;
  return [left, right];
}

/** Joins pieces back into one string, with " – " between pieces of one cell and ", " across lines. */
export function joinPieces(list: Piece[]): string {
  let out = '';
  list.forEach((p, i) => {
    if (i > 0) out += (list[i - 1] as Piece).cell === p.cell ? ' – ' : ', ';
    out += p.text;
  });
  return out;
}
