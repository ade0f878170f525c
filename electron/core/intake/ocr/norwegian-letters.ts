import { foldNorwegian } from '../../search/fold.ts';
import type { TesseractPage } from './tesseract-thread.ts';
import { linesOf, overlap, rewriteLineText, wordsOf } from './reading-boxes.ts';

/**
 * Norwegian letters back from a reading with the Norwegian model alone.
 *
 * With `nor+eng`, the English model wins some Norwegian words on low-resolution photos and
 * drops their letters: "Jørgensen" comes out "Jorgensen", "nå" "nd", "Økonomi" "@konomi".
 * The Norwegian model alone keeps them, but it cannot read an e-mail address (its character
 * set has no "@") and reads digits and English worse. So each word of the `nor+eng` reading
 * takes the Norwegian reading of the same place only where the two differ in nothing but
 * æ, ø, å on the Norwegian side; everything else stays as `nor+eng` read it.
 */

export const NORWEGIAN_LETTER = /[æøåÆØÅ]/;
const LOOKS_LIKE_EMAIL = /@\S*\./;
/** The two readings must cover about the same pixels to be the same word. */
const MIN_OVERLAP = 0.6;
/** A Norwegian reading less sure than this is not trusted over the other. */
const MIN_CONFIDENCE = 40;

/** Does `norwegian` read the same word as `other`, but with the Norwegian letters it lost? */
export function onlyNorwegianLettersDiffer(other: string, norwegian: string): boolean {
  if (other === norwegian || !NORWEGIAN_LETTER.test(norwegian) || LOOKS_LIKE_EMAIL.test(other)) return false;
  if (foldNorwegian(other) === foldNorwegian(norwegian)) return true;
  // Same length, and every difference is a Norwegian letter where the other reading has some
  // other mark ("nd" for "nå", "@konomi" for "Økonomi"); a few at most, never most of the word.
  if (other.length !== norwegian.length) return false;
  let differences = 0;
  for (let i = 0; i < other.length; i += 1) {
    if (other[i] === norwegian[i]) continue;
    if (!NORWEGIAN_LETTER.test(norwegian[i]!) || /\s/.test(other[i]!)) return false;
    differences += 1;
  }
  return differences <= 3 && differences * 2 <= norwegian.length;
}

/**
 * The `nor+eng` reading with its words corrected from the Norwegian one (the same image, so
 * the same layout); changes the page in place and says how many words it corrected.
 */
export function restoreNorwegianLetters(page: TesseractPage, norwegian: TesseractPage): number {
  const candidates = wordsOf(norwegian).filter((w) => NORWEGIAN_LETTER.test(w.text) && w.confidence >= MIN_CONFIDENCE);
  if (candidates.length === 0) return 0;
  let restored = 0;
  for (const line of linesOf(page)) {
    let changed = false;
    for (const word of line.words) {
      const match = candidates.find((n) => overlap(n.bbox, word.bbox) >= MIN_OVERLAP && onlyNorwegianLettersDiffer(word.text, n.text));
      if (!match) continue;
      word.text = match.text;
      changed = true;
      restored += 1;
    }
    if (changed) rewriteLineText(line);
  }
  return restored;
}
