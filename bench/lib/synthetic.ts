import type { CandidateFields, Shift } from '../../shared/contract/index.ts';

/**
 * Seeded synthetic Norwegian candidates for benchmarks: realistic lengths and
 * character mix (æ, ø, å, hyphenated names, foreign-born names), real postcodes.
 * Fictional people only.
 */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = ['Ola', 'Kari', 'Åse', 'Øystein', 'Bjørn', 'Ingrid', 'Sindre', 'Marit', 'Håkon', 'Solveig', 'Jørgen', 'Tuva', 'Ærling', 'Line', 'Mohammed', 'Aisha', 'Piotr', 'Agnieszka', 'Nguyen', 'Fatima', 'Eirik', 'Ragnhild', 'Thea', 'Magnus', 'Sigrid', 'Lars', 'Kristin', 'Tor-Erik', 'Anne-Lise', 'Ahmed'];
const LAST = ['Nordmann', 'Hansen', 'Johansen', 'Olsen', 'Larsen', 'Andersen', 'Pedersen', 'Nilsen', 'Kristiansen', 'Jensen', 'Karlsen', 'Johnsen', 'Pettersen', 'Eriksen', 'Berg', 'Haugen', 'Hagen', 'Johannessen', 'Andreassen', 'Jacobsen', 'Dahl', 'Jørgensen', 'Halvorsen', 'Lie', 'Sørensen', 'Ødegård', 'Aasen', 'Bråten', 'Kowalski', 'Hussain', 'Tran', 'Sæther', 'Løken', 'Strøm'];
const PLACES: [string, string][] = [['0150', 'Oslo'], ['0557', 'Oslo'], ['5003', 'Bergen'], ['7010', 'Trondheim'], ['4006', 'Stavanger'], ['9008', 'Tromsø'], ['6002', 'Ålesund'], ['3015', 'Drammen'], ['1607', 'Fredrikstad'], ['4612', 'Kristiansand'], ['8006', 'Bodø'], ['2317', 'Hamar'], ['3510', 'Hønefoss'], ['1530', 'Moss'], ['2800', 'Gjøvik'], ['9900', 'Kirkenes'], ['4130', 'Hjelmeland'], ['6800', 'Førde']];
const STREETS = ['Storgata', 'Kirkegata', 'Skolevegen', 'Fjordvegen', 'Bjørkeveien', 'Granåsen', 'Løkkeveien', 'Sjøgata', 'Hovedveien', 'Rådhusgata'];
const ROLES = ['Lagermedarbeider', 'Truckfører', 'Sjåfør', 'Butikkmedarbeider', 'Helsefagarbeider', 'Sykepleier', 'Regnskapsmedarbeider', 'Kundeservicemedarbeider', 'Tømrer', 'Elektriker', 'Utvikler', 'Renholder', 'Kokk', 'Servitør', 'Resepsjonist'];
const SECTORS = ['Logistikk', 'Handel', 'Helse', 'Kontor', 'Bygg og anlegg', 'IT', 'Industri', 'Hotell og restaurant'];
const SHIFTS: Shift[] = ['day', 'evening', 'night', 'weekend'];
const NOTES = [
  'Ringt, ønsker fast stilling. Kan starte på kort varsel.',
  'Har truckførerbevis T1–T4 og førerkort klasse B.',
  'Foretrekker kveldsskift. Snakker norsk, engelsk og polsk.',
  'Referanser sjekket, gode tilbakemeldinger.',
  '',
];

const pick = <T>(rand: () => number, list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
const ascii = (s: string) => s.toLowerCase().replace(/æ/g, 'ae').replace(/ø/g, 'o').replace(/å/g, 'a').replace(/[^a-z0-9]+/g, '.');

export function syntheticCandidate(rand: () => number, i: number): CandidateFields {
  const first = pick(rand, FIRST);
  const last = pick(rand, LAST);
  const name = rand() < 0.15 ? `${first} ${pick(rand, LAST)} ${last}` : `${first} ${last}`;
  const [postalCode, city] = pick(rand, PLACES);
  const mobile = `+47${rand() < 0.5 ? 4 : 9}${String(Math.floor(rand() * 1e7)).padStart(7, '0')}`;
  const month = String(1 + Math.floor(rand() * 12)).padStart(2, '0');
  return {
    name,
    emails: [`${ascii(first)}.${ascii(last)}${i}@eksempel.no`],
    phones: [mobile],
    address: { street: `${pick(rand, STREETS)} ${1 + Math.floor(rand() * 120)}`, postalCode, city, country: 'NO' },
    birthDate: rand() < 0.6 ? `${1960 + Math.floor(rand() * 45)}-${month}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}` : null,
    availability: {
      from: rand() < 0.7 ? `2026-${month}-01` : null,
      extentPercent: rand() < 0.5 ? pick(rand, [20, 40, 50, 60, 80, 100]) : null,
      shifts: SHIFTS.filter(() => rand() < 0.4),
    },
    desiredRoles: [pick(rand, ROLES), ...(rand() < 0.4 ? [pick(rand, ROLES)] : [])],
    desiredSectors: [pick(rand, SECTORS)],
    notes: pick(rand, NOTES),
  };
}
