/**
 * A binary-sortable key that orders like Norwegian: a…z, then æ, ø, å.
 * SQLite's BINARY collation would put å before æ and ø (UTF-8 byte order), and a
 * custom collation cannot be registered through this driver, so the key is stored
 * and indexed instead. Accents other than æøå fold to their base letter (é → e).
 */
export function norwegianSortKey(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/æ|ä/g, '{')
    .replace(/ø|ö/g, '|')
    .replace(/å/g, '}')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\s+/g, ' ');
}
