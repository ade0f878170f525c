import { fold } from './text.ts';

/**
 * Norwegian postal codes to counties (the 2024 counties), by their first two
 * digits, and each county's rough centre for "how far". Approximate on purpose:
 * a few border areas fall in the neighbouring county; good enough for ranking.
 */

export const Regions = [
  'Oslo',
  'Akershus',
  'Østfold',
  'Buskerud',
  'Vestfold',
  'Telemark',
  'Innlandet',
  'Agder',
  'Rogaland',
  'Vestland',
  'Møre og Romsdal',
  'Trøndelag',
  'Nordland',
  'Troms',
  'Finnmark',
] as const;
export type Region = (typeof Regions)[number];

/** [first two digits from, to, county]. */
const RANGES: [number, number, Region][] = [
  [0, 12, 'Oslo'],
  [13, 14, 'Akershus'],
  [15, 18, 'Østfold'],
  [19, 20, 'Akershus'],
  [21, 29, 'Innlandet'],
  [30, 30, 'Buskerud'],
  [31, 32, 'Vestfold'],
  [33, 36, 'Buskerud'],
  [37, 39, 'Telemark'],
  [40, 43, 'Rogaland'],
  [44, 49, 'Agder'],
  [50, 54, 'Vestland'],
  [55, 55, 'Rogaland'],
  [56, 59, 'Vestland'],
  [60, 66, 'Møre og Romsdal'],
  [67, 69, 'Vestland'],
  [70, 79, 'Trøndelag'],
  [80, 89, 'Nordland'],
  [90, 94, 'Troms'],
  [95, 99, 'Finnmark'],
];

const CENTRE: Record<Region, [number, number]> = {
  Oslo: [59.91, 10.75],
  Akershus: [59.95, 11.05],
  Østfold: [59.35, 11.1],
  Buskerud: [59.95, 9.6],
  Vestfold: [59.2, 10.2],
  Telemark: [59.3, 9.0],
  Innlandet: [61.1, 10.4],
  Agder: [58.4, 7.9],
  Rogaland: [58.95, 5.9],
  Vestland: [60.6, 5.9],
  'Møre og Romsdal': [62.6, 7.1],
  Trøndelag: [63.6, 10.8],
  Nordland: [67.0, 14.5],
  Troms: [69.4, 19.0],
  Finnmark: [70.2, 24.5],
};

/** Cities recruiters type without a postal code. */
const CITY: Record<string, Region> = Object.fromEntries(
  (
    [
      ['oslo', 'Oslo'],
      ['lillestrom', 'Akershus'],
      ['jessheim', 'Akershus'],
      ['ski', 'Akershus'],
      ['asker', 'Akershus'],
      ['sandvika', 'Akershus'],
      ['baerum', 'Akershus'],
      ['gardermoen', 'Akershus'],
      ['fredrikstad', 'Østfold'],
      ['sarpsborg', 'Østfold'],
      ['moss', 'Østfold'],
      ['halden', 'Østfold'],
      ['drammen', 'Buskerud'],
      ['kongsberg', 'Buskerud'],
      ['honefoss', 'Buskerud'],
      ['tonsberg', 'Vestfold'],
      ['sandefjord', 'Vestfold'],
      ['larvik', 'Vestfold'],
      ['skien', 'Telemark'],
      ['porsgrunn', 'Telemark'],
      ['hamar', 'Innlandet'],
      ['lillehammer', 'Innlandet'],
      ['gjovik', 'Innlandet'],
      ['elverum', 'Innlandet'],
      ['kristiansand', 'Agder'],
      ['arendal', 'Agder'],
      ['grimstad', 'Agder'],
      ['stavanger', 'Rogaland'],
      ['sandnes', 'Rogaland'],
      ['haugesund', 'Rogaland'],
      ['bergen', 'Vestland'],
      ['forde', 'Vestland'],
      ['stord', 'Vestland'],
      ['alesund', 'Møre og Romsdal'],
      ['aalesund', 'Møre og Romsdal'],
      ['molde', 'Møre og Romsdal'],
      ['kristiansund', 'Møre og Romsdal'],
      ['trondheim', 'Trøndelag'],
      ['steinkjer', 'Trøndelag'],
      ['stjordal', 'Trøndelag'],
      ['bodo', 'Nordland'],
      ['narvik', 'Nordland'],
      ['mo i rana', 'Nordland'],
      ['tromso', 'Troms'],
      ['harstad', 'Troms'],
      ['alta', 'Finnmark'],
      ['hammerfest', 'Finnmark'],
      ['kirkenes', 'Finnmark'],
    ] as const
  ).map(([c, r]) => [c, r]),
);

export function regionOfPostalCode(postalCode: string): Region | null {
  const m = postalCode.trim().match(/^(\d{2})\d{2}$/);
  if (!m) return null;
  const prefix = Number(m[1]);
  return RANGES.find(([from, to]) => prefix >= from && prefix <= to)?.[2] ?? null;
}

export function regionOf(postalCode: string, city: string): Region | null {
  return regionOfPostalCode(postalCode) ?? CITY[fold(city)] ?? null;
}

/** A region name as typed ("vestland", "Møre og Romsdal") to the canonical one. */
export function canonicalRegion(name: string): Region | null {
  const f = fold(name);
  return Regions.find((r) => fold(r) === f) ?? CITY[f] ?? null;
}

/** Kilometres between two counties' centres (0 within one). */
export function regionDistanceKm(a: Region, b: Region): number {
  if (a === b) return 0;
  const [lat1, lon1] = CENTRE[a];
  const [lat2, lon2] = CENTRE[b];
  const rad = Math.PI / 180;
  const h =
    Math.sin(((lat2 - lat1) * rad) / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2;
  return Math.round(2 * 6371 * Math.asin(Math.sqrt(h)));
}
