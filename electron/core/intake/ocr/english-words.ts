import type { ReadAgainBox, TesseractBBox, TesseractLine, TesseractPage, TesseractWord } from './tesseract-thread.ts';
import { coveredBy, linesOf, rewriteLineText } from './reading-boxes.ts';
import { NORWEGIAN_LETTER } from './norwegian-letters.ts';

/**
 * A scan is read with the Norwegian model alone, and only what it reads unsurely, or cannot
 * read at all, is read again with the English one.
 *
 * Tesseract's own `nor_fast+eng` reads every word the Norwegian dictionary does not accept once
 * more in English, and after an English win reads the following words in English first:
 * ≈ 20 % of a scan's time, for words the Norwegian model nearly always had right already
 * (ocr/README.md, session 8). What English is needed for:
 * - characters the Norwegian model does not have: "@" and "_" of e-mail addresses, "#" of
 *   C# and F# (its character set lacks `# @ \ _ { } ~ ¢ ¥ § © ® ° ‘ ’ “ ™`); it reads
 *   "ola_nordmann@firma.no" as "ola nordmannQfirma.no" and "C#" as "Cff";
 * - English words it reads unsurely ("a" as "å" in a serif English CV).
 * So: an address-like line is read again whole (an address can come out as two or three
 * words), a short capitalised word (where C# and F# hide) with its neighbours for the
 * English model to see the line's letter sizes, and on a page that reads as English any
 * other unsure word alone (but not a bullet or a dash: alone, English reads letters into
 * it). On a Norwegian page the unsure words are names and places, which English reads no
 * better: re-reading them cost ≈ 6 % of the page's time and changed no word on the bench's
 * pages (it only dropped stray marks: "«Norsk" became "Norsk", which the parser's bullet rule
 * now does).
 */

/** Characters in the English model's set and not in the Norwegian one's. */
const ENGLISH_ONLY = /[#@\\_{}~¢¥§©®°‘’“™]/u;
/** A domain at a word's end or before a path: an e-mail or web address. */
const ADDRESS_LIKE = /[\p{L}\d]\.\p{L}{2,}(?:\/|[^\p{L}\d]*$)/u;
/**
 * Tesseract accepts a word outside the dictionary at a certainty of −2.5 (its confidence
 * 100 + 5 × certainty = 87.5): below that, its own `nor+eng` would have tried English too.
 */
const UNSURE = 88;
/** How much of a Norwegian word an English one must cover to stand in its place. */
const SAME_PLACE = 0.6;

/** A place to read again in English: a whole line, or one word (with its neighbours). */
export interface EnglishTarget {
  line: TesseractLine;
  /** The word in doubt; null when the line is read again for its address. */
  word: TesseractWord | null;
  /** What Tesseract reads again: the word, its neighbours or the whole line (image pixels). */
  box: TesseractBBox;
}

const core = (text: string) => text.replace(/^[^\p{L}\d]+|[^\p{L}\d]+$/gu, '');

/** A capitalised word of two or three letters: where the Norwegian model's "Cff" for C# hides. */
function shortCapitalised(text: string): boolean {
  const letters = core(text);
  return letters.length >= 2 && letters.length <= 3 && /^\p{Lu}/u.test(letters) && !/^\p{Lu}+$/u.test(letters);
}

/** Words frequent in one language and rare in the other (never "i", "for", "a": both have them). */
const NORWEGIAN_WORDS = new Set(['og', 'på', 'med', 'til', 'av', 'som', 'er', 'et', 'det', 'har', 'jeg', 'fra', 'ved', 'hos', 'eller', 'samt', 'etter', 'innen']);
const ENGLISH_WORDS = new Set(['the', 'and', 'of', 'to', 'with', 'on', 'at', 'by', 'is', 'from', 'as', 'an', 'or', 'was', 'were', 'my', 'within']);

/** Does the page read as English: more of English's frequent words than of Norwegian's? */
export function readsAsEnglish(page: TesseractPage): boolean {
  let english = 0;
  let norwegian = 0;
  for (const line of linesOf(page)) {
    for (const word of line.words) {
      const lower = core(word.text).toLowerCase();
      if (ENGLISH_WORDS.has(lower)) english += 1;
      else if (NORWEGIAN_WORDS.has(lower)) norwegian += 1;
    }
  }
  return english > norwegian;
}

function union(words: TesseractWord[]): TesseractBBox {
  return {
    x0: Math.min(...words.map((w) => w.bbox.x0)),
    y0: Math.min(...words.map((w) => w.bbox.y0)),
    x1: Math.max(...words.map((w) => w.bbox.x1)),
    y1: Math.max(...words.map((w) => w.bbox.y1)),
  };
}

/** What of the Norwegian reading to read again in English. */
export function englishTargets(page: TesseractPage): EnglishTarget[] {
  const targets: EnglishTarget[] = [];
  const english = readsAsEnglish(page);
  for (const line of linesOf(page)) {
    if (line.words.some((w) => ADDRESS_LIKE.test(w.text))) {
      targets.push({ line, word: null, box: line.bbox });
      continue;
    }
    line.words.forEach((word, i) => {
      // A bullet or dash alone is left: read alone, English makes letters of it ("•" as "ES").
      if (core(word.text) === '') return;
      if (shortCapitalised(word.text) && !ENGLISH_ONLY.test(word.text)) {
        targets.push({ line, word, box: union(line.words.slice(Math.max(0, i - 1), i + 2)) });
      } else if (english && word.confidence < UNSURE) {
        targets.push({ line, word, box: word.bbox });
      }
    });
  }
  return targets;
}

/**
 * Does the English reading stand in for these Norwegian words? Where it has a character the
 * Norwegian model lacks, yes; otherwise only for the word in doubt, when English reads it
 * more surely (Tesseract's own choice between languages), and never to drop æ, ø, å from a
 * word (English has none of them; the lone "å" for a serif "a" is the exception).
 */
function standsIn(english: TesseractWord, covered: TesseractWord[], target: EnglishTarget): boolean {
  if (ENGLISH_ONLY.test(english.text) && !covered.some((w) => ENGLISH_ONLY.test(w.text))) return true;
  if (!target.word || covered.length !== 1 || covered[0] !== target.word) return false;
  const norwegian = target.word;
  if (english.text === norwegian.text || english.confidence <= norwegian.confidence) return false;
  return !(NORWEGIAN_LETTER.test(norwegian.text) && core(norwegian.text).length > 1);
}

/**
 * The Norwegian reading with English words put in where they stand in (`readings[i]` is
 * what English read at `targets[i].box`, the same image); changes the page in place and
 * says how many words it replaced.
 */
export function takeEnglishWords(targets: EnglishTarget[], readings: TesseractWord[][]): number {
  let taken = 0;
  targets.forEach((target, i) => {
    const { line } = target;
    for (const english of readings[i] ?? []) {
      const covered = line.words.filter((w) => coveredBy(w.bbox, english.bbox) >= SAME_PLACE);
      if (covered.length === 0 || !standsIn(english, covered, target)) continue;
      const at = line.words.indexOf(covered[0]!);
      line.words = [...line.words.slice(0, at), english, ...line.words.slice(at).filter((w) => !covered.includes(w))];
      rewriteLineText(line);
      taken += 1;
    }
  });
  return taken;
}

/** Room around a box to read again: a quarter of its height, so no letter is cut. */
function padded(box: TesseractBBox): ReadAgainBox {
  const pad = Math.max(4, Math.round((box.y1 - box.y0) / 4));
  const left = Math.max(0, box.x0 - pad);
  const top = Math.max(0, box.y0 - pad);
  return { left, top, width: box.x1 + pad - left, height: box.y1 + pad - top };
}

/**
 * Reads again in English what the Norwegian reading of a scan needs (`readAgain`: the
 * worker's second Tesseract, on the same pixels) and puts the English words in where they
 * stand in. A failing second reading leaves the page as Norwegian read it.
 */
export async function readUnsureWordsInEnglish(page: TesseractPage, readAgain: (boxes: ReadAgainBox[]) => Promise<TesseractWord[][]>): Promise<number> {
  const targets = englishTargets(page);
  if (targets.length === 0) return 0;
  const readings = await readAgain(targets.map((t) => padded(t.box))).catch(() => null);
  return readings ? takeEnglishWords(targets, readings) : 0;
}
