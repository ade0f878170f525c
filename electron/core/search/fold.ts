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
  return (
    text
      .normalize('NFC')
      .toLowerCase()
      .replace(/[æä]/g, 'ae')
      .replace(/[øö]/g, 'o')
      .replace(/å/g, 'a')
      // The remaining accents go here rather than in the tokenizer, so that the
      // rules below see the final letters: no folded text ever holds "aa".
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .replace(/a{2,}/g, 'a')
      .replace(/oe/g, 'o')
  );
}

/**
 * Text as stored for snippets: control characters become spaces. They separate
 * tokens either way, so positions do not move.
 */
export function cleanForIndex(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.normalize('NFC').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, ' ');
}
