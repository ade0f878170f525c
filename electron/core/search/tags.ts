import { SearchRegionNames, type SearchRegion } from '../../../shared/contract/search.ts';

/**
 * Tokens of the internal `tags` column: filters that are exact facts about a
 * candidate (status, postal code prefix, county) are looked up in the index like
 * words, so they narrow the FTS5 match itself instead of filtering rows afterwards.
 *
 * Every tag starts with "aa", which folded text never holds (foldNorwegian turns
 * "aa" into "a") and which no allowed prefix (two letters at least) can reach: the
 * user's words need no column filter to stay out of this column, which saves FTS5
 * decoding positions for each match.
 */
export const TAG_DOC = 'aadoc';
export const TAG_ACTIVE = 'aaactive';
export const TAG_INACTIVE = 'aainactive';

/** "4130" → aap4 aap41 aap413 aap4130: any prefix is one token. */
export function postalTags(postalCode: string): string[] {
  const digits = postalCode.replace(/\D/g, '').slice(0, 4);
  return Array.from({ length: digits.length }, (_, i) => `aap${digits.slice(0, i + 1)}`);
}

export const regionTag = (region: SearchRegion) => `aar${region.replace(/-/g, '')}`;

export const REGION_NAMES = SearchRegionNames;

/**
 * The county of a Norwegian postal code by its first two digits. Postal areas do
 * not follow county lines exactly (a few border areas land in the neighbour), which
 * is close enough for a recruiter's "candidates in Rogaland".
 */
const BY_TWO_DIGITS: [number, number, SearchRegion][] = [
  [0, 12, 'oslo'],
  [13, 14, 'akershus'],
  [15, 18, 'ostfold'],
  [19, 20, 'akershus'],
  [21, 29, 'innlandet'],
  [30, 30, 'buskerud'],
  [31, 32, 'vestfold'],
  [33, 36, 'buskerud'],
  [37, 39, 'telemark'],
  [40, 43, 'rogaland'],
  [44, 49, 'agder'],
  [50, 54, 'vestland'],
  [55, 55, 'rogaland'],
  [56, 59, 'vestland'],
  [60, 66, 'more-og-romsdal'],
  [67, 69, 'vestland'],
  [70, 79, 'trondelag'],
  [80, 89, 'nordland'],
  [90, 94, 'troms'],
  [95, 99, 'finnmark'],
];

export function regionOfPostalCode(postalCode: string, country: string): SearchRegion | null {
  if (country !== 'NO' || !/^\d{4}$/.test(postalCode)) return null;
  const two = Number(postalCode.slice(0, 2));
  return BY_TWO_DIGITS.find(([from, to]) => two >= from && two <= to)?.[2] ?? null;
}
