/**
 * Folding for lookups: case, accents and the Norwegian letters written the
 * English way, so "Truckfører", "TRUCKFORER" and "truckforer" are one word.
 */
export function fold(raw: string): string {
  return raw
    .toLocaleLowerCase('nb')
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'a')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[–—]/g, '-')
    .replace(/[^\p{L}\p{N}+#./\- ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Words of a folded text, for phrase lookup. */
export function words(folded: string): string[] {
  return folded.split(/[\s/,;:()]+|(?<=\p{L})[.](?=\s|$)/u).filter(Boolean);
}

/** Whole years between two partial dates (YYYY, YYYY-MM, YYYY-MM-DD), at least 0. */
export function yearsBetween(start: string, end: string): number {
  const toMonths = (d: string) => {
    const [y, m] = d.split('-');
    return Number(y) * 12 + (m ? Number(m) - 1 : 0);
  };
  return Math.max(0, (toMonths(end) - toMonths(start)) / 12);
}

export const round1 = (n: number) => Math.round(n * 10) / 10;
