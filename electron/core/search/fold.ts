/**
 * Norwegian folding for search, applied to the indexed text and to every query
 * term alike, so each spelling of a letter meets the others:
 *   ø, ö, oe → o     (Tromsø, Tromsö, Tromsoe → tromso)
 *   æ, ä, ae → ae    (Bærum, Bärum, Baerum → baerum)
 *   å, aa, a → a     (Ålesund, Aalesund, Alesund → alesund)
 * æ keeps two letters because "ae" is how it is written without the letter;
 * å folds to one "a" (and "aa" with it) because both "Alesund" and "Aalesund"
 * are common. The price is a few extra matches ("poet" meets "pot"), acceptable
 * for a recruiter's search. Other accents (é, ü) are removed as well.
 *
 * Folding never turns a letter into a separator or the reverse, so the folded
 * text has the same tokens at the same positions as the original: the index holds
 * folded tokens while snippets are cut from the original text by position.
 */
export function foldNorwegian(text: string): string {
  let folded = text.normalize('NFC').toLowerCase();
  // Most of a CV is ASCII: only the other characters are looked at, each folded once.
  if (NON_ASCII.test(folded)) folded = folded.replace(NON_ASCII_ALL, foldCharacter);
  // The rules below see the final letters: no folded text ever holds "aa".
  if (folded.includes('aa')) folded = folded.replace(/a{2,}/g, 'a');
  if (folded.includes('oe')) folded = folded.replace(/oe/g, 'o');
  return folded;
}

const NON_ASCII = /[^\p{ASCII}]/u;
const NON_ASCII_ALL = /[^\p{ASCII}]/gu;
const foldedCharacters = new Map<string, string>();

/**
 * One lower-case character (a whole code point): the Norwegian letters and their Swedish and
 * German spellings by rule, any other accent removed (decomposed, its marks dropped) here
 * rather than in the tokenizer. Decomposing character by character gives what decomposing
 * the whole text gives, since every mark is dropped whatever its order.
 */
function foldCharacter(character: string): string {
  let folded = foldedCharacters.get(character);
  if (folded === undefined) {
    if (character === 'æ' || character === 'ä') folded = 'ae';
    else if (character === 'ø' || character === 'ö') folded = 'o';
    else if (character === 'å') folded = 'a';
    else folded = character.normalize('NFD').replace(/\p{M}/gu, '');
    // Bounded: text in every script at once would otherwise grow it without end.
    if (foldedCharacters.size < 10_000) foldedCharacters.set(character, folded);
  }
  return folded;
}

/**
 * Text as stored for snippets: control characters become spaces. They separate
 * tokens either way, so positions do not move.
 */
export function cleanForIndex(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.normalize('NFC').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, ' ');
}
