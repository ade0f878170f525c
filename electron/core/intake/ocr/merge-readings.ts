import type { TesseractLine, TesseractPage, TesseractWord } from './tesseract-thread.ts';
import { coveredBy, linesOf, overlap, rewriteLineText, wordsOf } from './reading-boxes.ts';

/**
 * A photo is read twice, with Otsu's global threshold and with Sauvola's local one (pool.ts).
 * Neither reading is better everywhere: on a phone photo of a CV the global threshold loses
 * light grey text (the dates under a job title: "Nov. 2023 – Aug. 2025" gone, "Mai 2023" cut
 * to "Mai 2"), the local one loses white text on a coloured sidebar and misreads other words
 * ("Ljv-Marit" where the other reads "Liv-Marit" far more surely). So the reading with more
 * confident text stays the page, and takes from the other reading what it clearly lacks:
 * - a word the other reading gives at the same place far more surely (by `SURER`);
 * - a word the other reading gives whole where this one has only its beginning, as surely;
 * - a line the other reading found where this one has no word at all, if it is read surely
 *   and holds some letters or digits (noise on the desk is neither).
 * Everything else is left as the kept reading has it.
 */

/** The two readings must cover about the same pixels to be the same word. */
const SAME_PLACE = 0.6;
/** Confidence points (0–100) by which the other reading must be surer to replace a word. */
const SURER = 15;
/** A line only the other reading found is taken when it is at least this sure… */
const MIN_LINE_CONFIDENCE = 80;
/** …and holds at least this many letters or digits. */
const MIN_LINE_CHARACTERS = 4;

export interface MergeCount {
  words: number;
  lines: number;
}

/** Changes `kept` in place with what `other` read better; says how many words and lines it took. */
export function mergeReadings(kept: TesseractPage, other: TesseractPage): MergeCount {
  const count: MergeCount = { words: 0, lines: 0 };
  const otherWords = wordsOf(other).filter((w) => w.text.trim() !== '');
  for (const line of linesOf(kept)) {
    let changed = false;
    for (const word of line.words) {
      const better = betterWord(word, otherWords, line.words);
      if (!better) continue;
      word.text = better.text;
      word.confidence = better.confidence;
      word.bbox = { ...better.bbox };
      changed = true;
      count.words += 1;
    }
    if (changed) rewriteLineText(line);
  }
  const keptWords = wordsOf(kept);
  const missing = linesOf(other).filter(
    (line) => sureLine(line) && !line.words.some((w) => keptWords.some((k) => coveredBy(w.bbox, k.bbox) > 0)),
  );
  if (missing.length > 0) {
    // Their own block: the reading order is worked out from the boxes afterwards (ocrOrder.ts).
    (kept.blocks ??= []).push({ paragraphs: [{ lines: missing }] });
    count.lines = missing.length;
  }
  return count;
}

function betterWord(word: TesseractWord, others: TesseractWord[], neighbours: TesseractWord[]): TesseractWord | null {
  for (const other of others) {
    if (other.text === word.text) continue;
    if (overlap(word.bbox, other.bbox) >= SAME_PLACE && other.confidence >= word.confidence + SURER) return other;
    // A word cut short: this one lies within the other, which reads on where this one stopped.
    const cutShort =
      coveredBy(word.bbox, other.bbox) >= SAME_PLACE &&
      other.bbox.x1 - other.bbox.x0 > word.bbox.x1 - word.bbox.x0 &&
      other.text.length > word.text.length &&
      other.text.startsWith(word.text) &&
      other.confidence >= word.confidence - SURER / 3;
    // Not where the other reading joined two of this line's words into one.
    if (cutShort && !neighbours.some((n) => n !== word && coveredBy(n.bbox, other.bbox) >= SAME_PLACE)) return other;
  }
  return null;
}

function sureLine(line: TesseractLine): boolean {
  return line.confidence >= MIN_LINE_CONFIDENCE && (line.text.match(/[\p{L}\p{N}]/gu)?.length ?? 0) >= MIN_LINE_CHARACTERS;
}
