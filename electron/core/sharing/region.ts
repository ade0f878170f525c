/**
 * The county (fylke, as of 2024) of a Norwegian postcode: the "region" an
 * anonymised profile keeps instead of the town. Postcode ranges follow the old
 * postal districts, not county borders, so a few places near a border land in the
 * neighbouring county: good enough for "where roughly", never used for anything else.
 */
const RANGES: readonly [from: number, to: number, county: string][] = [
  [0, 1299, 'Oslo'],
  [1300, 1499, 'Akershus'],
  [1500, 1899, 'Østfold'],
  [1900, 2199, 'Akershus'],
  [2200, 2999, 'Innlandet'],
  [3000, 3099, 'Buskerud'],
  [3100, 3299, 'Vestfold'],
  [3300, 3699, 'Buskerud'],
  [3700, 3999, 'Telemark'],
  [4000, 4399, 'Rogaland'],
  [4400, 4999, 'Agder'],
  [5000, 5499, 'Vestland'],
  [5500, 5599, 'Rogaland'],
  [5600, 5999, 'Vestland'],
  [6000, 6699, 'Møre og Romsdal'],
  [6700, 6999, 'Vestland'],
  [7000, 7999, 'Trøndelag'],
  [8000, 8999, 'Nordland'],
  [9000, 9499, 'Troms'],
  [9500, 9999, 'Finnmark'],
];

export function norwegianCounty(postalCode: string): string | null {
  if (!/^\d{4}$/.test(postalCode.trim())) return null;
  const n = Number(postalCode.trim());
  return RANGES.find(([from, to]) => n >= from && n <= to)?.[2] ?? null;
}
