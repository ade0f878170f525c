import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import { openEncrypted, openPlain, type Db } from '../electron/core/db/connection.ts';
import { migrate } from '../electron/core/db/migrations/index.ts';
import { insertCandidates, updateCandidate } from '../electron/core/db/queries/candidates.ts';
import { withDeferredIndexing } from '../electron/core/db/queries/search-index.ts';
import { upsertProfile } from '../electron/core/db/queries/profiles.ts';
import { insertStaff } from '../electron/core/db/queries/staff.ts';
import { searchIndex } from '../electron/core/db/queries/search.ts';
import { compileSearch } from '../electron/core/search/service.ts';
import { HIGHLIGHT_END, HIGHLIGHT_START } from '../electron/core/search/fold.ts';
import { searchFilters, type SearchFiltersInput } from '../shared/contract/search.ts';
import type { ResumeDocument } from '../shared/contract/intake.ts';
import { seededRandom, syntheticCandidate } from './lib/synthetic.ts';
import { ms, printTable } from './lib/table.ts';

/**
 * The search benchmark: 100,000 synthetic Norwegian candidates with profiles
 * (skills, certificates, languages, work history as CV text) in an encrypted vault
 * and in a plain copy, the same mix of recruiter queries on both.
 *   npm run -s bench -- search [--n 100000] [--rounds 15]
 * Targets: boolean search p95 ≤ 20 ms (top 50 with snippets, total count);
 * top-50 match for a vacancy ≤ 200 ms (when matching is there).
 */

const ROLES = ['Lagermedarbeider', 'Truckfører', 'Sjåfør', 'Butikkmedarbeider', 'Helsefagarbeider', 'Sykepleier', 'Regnskapsmedarbeider', 'Kundeservicemedarbeider', 'Tømrer', 'Elektriker', 'Utvikler', 'Renholder', 'Kokk', 'Servitør', 'Resepsjonist', 'Terminalarbeider', 'Kranfører', 'Maskinfører', 'Anleggsarbeider', 'Betongarbeider', 'Rørlegger', 'Maler', 'Murer', 'Sveiser', 'Platearbeider', 'Industrimekaniker', 'Prosessoperatør', 'Produksjonsmedarbeider', 'Bilmekaniker', 'Bussjåfør', 'Vekter', 'Barnehageassistent', 'Lærer', 'Miljøarbeider', 'Vernepleier', 'Assistent', 'Kontormedarbeider', 'Lønnsmedarbeider', 'Innkjøper', 'Selger', 'Butikksjef', 'Daglig leder', 'Prosjektleder', 'Ingeniør', 'Controller', 'Økonom', 'HR-rådgiver', 'Markedsfører', 'Grafisk designer', 'Systemutvikler', 'IT-konsulent', 'Driftstekniker', 'Kokkelærling', 'Bartender', 'Oppvasker', 'Hotellmedarbeider', 'Fiskeindustriarbeider', 'Gartner', 'Vaktmester', 'Flyttearbeider'];
const SKILLS = ['Motvektstruck', 'Skyvemasttruck', 'Plukktruck', 'Varelevering', 'Lagerstyring', 'SAP', 'Excel', 'Kundeservice', 'Kassearbeid', 'Sårbehandling', 'Medisinhåndtering', 'Regnskap', 'Tripletex', 'Visma', 'TypeScript', 'React', 'Java', 'Python', 'SQL', 'Azure', 'Sveising', 'TIG-sveising', 'MIG/MAG-sveising', 'Forskaling', 'Armering', 'Murerarbeid', 'Flislegging', 'Elektroinstallasjon', 'Automasjon', 'PLS', 'Hydraulikk', 'Renhold', 'Matlaging', 'Anretning', 'Servering', 'Vinkunnskap', 'Booking', 'Resepsjon', 'Kranføring', 'Palletering', 'Vareplukk', 'Lastebilkjøring', 'Ruteplanlegging', 'Personlig assistanse', 'Demensomsorg', 'Førstehjelp', 'Barnehagepedagogikk', 'Salg', 'B2B-salg', 'Innkjøp', 'Lønnskjøring', 'Fakturering', 'Budsjettering', 'Prosjektstyring', 'AutoCAD', 'Revit', 'Photoshop', 'Markedsføring i sosiale medier', 'Vedlikehold', 'Feilsøking', 'Bilreparasjon', 'Dekkskift', 'Fiskefileting', 'Kvalitetskontroll', 'Lean', 'HMS', 'Vakthold', 'Gartnerarbeid', 'Snømåking', 'Flytting'];
const CERTS = ['Truckførerbevis T1–T4', 'Truckførerbevis T2', 'Førerkort klasse B', 'Førerkort klasse C', 'Førerkort klasse CE', 'ADR-kompetansebevis', 'Varme arbeider', 'HMS-kort', 'Kranførerbevis G4', 'Autorisasjon som helsefagarbeider', 'Autorisasjon som sykepleier', 'Fagbrev tømrer', 'Fagbrev elektriker', 'Mattrygghetskurs', 'Førstehjelpskurs'];
const LANGS = ['Norsk', 'Engelsk', 'Polsk', 'Svensk', 'Arabisk', 'Somali', 'Tysk', 'Litauisk', 'Ukrainsk', 'Tigrinja'];
const FLUENCY = ['Morsmål', 'Flytende', 'Godt', 'Grunnleggende'];
const EMPLOYERS = ['Posten Bring', 'ASKO', 'Coop Norge', 'Rema 1000', 'Norgesgruppen', 'Veidekke', 'Skanska', 'Helse Bergen', 'Oslo kommune', 'Tromsø kommune', 'Schenker', 'Elkjøp', 'Tine', 'Nortura', 'Bergen Havn', 'Ålesund sykehus', 'Bærum kommune', 'Kiwi', 'Felleskjøpet', 'Equinor'];
const PHRASES = ['Ansvar for varemottak og plukk', 'Kjørte motvektstruck og skyvemast på terminal', 'Pleie og omsorg for eldre på sykehjem', 'Kasse, vareplassering og kundeservice', 'Fakturering, bilag og avstemming', 'Utvikling av nettløsninger i TypeScript og React', 'Forskaling, betong og tømrerarbeid', 'Elektroinstallasjon i bolig og næringsbygg', 'Renhold av kontorlokaler og sykehus', 'Matlaging i storkjøkken og servering', 'Kranføring og lasting i havn', 'Nattskift på lager med ansvar for nye kolleger', 'Sjåfør med varelevering i Oslo-området', 'Resepsjon og booking på hotell'];

const pick = <T>(rand: () => number, list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
const some = <T>(rand: () => number, list: readonly T[], max: number): T[] => [...new Set(Array.from({ length: 1 + Math.floor(rand() * max) }, () => pick(rand, list)))];

function syntheticResume(rand: () => number, roles: string[]): ResumeDocument {
  const work = Array.from({ length: 1 + Math.floor(rand() * 3) }, (_, i) => ({
    name: pick(rand, EMPLOYERS),
    position: i === 0 ? roles[0] : pick(rand, roles),
    startDate: `${2010 + Math.floor(rand() * 12)}-0${1 + Math.floor(rand() * 9)}`,
    summary: `${pick(rand, PHRASES)}. ${pick(rand, PHRASES)}.`,
    highlights: rand() < 0.5 ? [pick(rand, PHRASES)] : [],
  }));
  return {
    basics: { summary: `Erfaren ${roles[0]!.toLowerCase()} som liker å jobbe med folk. ${pick(rand, PHRASES)}.` },
    work,
    skills: some(rand, SKILLS, 5).map((name) => ({ name })),
    certificates: some(rand, CERTS, 3).map((name) => ({ name })),
    languages: ['Norsk', ...some(rand, LANGS, 2)].filter((v, i, a) => a.indexOf(v) === i).map((language) => ({ language, fluency: pick(rand, FLUENCY) })),
  };
}

/** What recruiters type: fields, boolean operators, prefixes, phrases, folded spellings, filters. */
const QUERIES: { query: string; filters?: SearchFiltersInput; includeInactive?: boolean }[] = [
  { query: 'truck*' },
  { query: 'skill:truck* city:Oslo' },
  { query: 'truckfører AND (lager OR terminal) NOT natt*' },
  { query: 'cert:"førerkort klasse C" OR cert:CE' },
  { query: 'lang:polsk lang:engelsk' },
  { query: 'sykepleier city:Tromso' },
  { query: 'helsefagarbeider OR sykepleier', filters: { region: 'vestland' } },
  { query: '"varelevering i Oslo"' },
  { query: 'role:elektriker fagbrev' },
  { query: 'TypeScript React' },
  { query: 'kokk ELLER servitør', filters: { availableBy: '2026-06-01' } },
  { query: 'sjåfør', filters: { certificate: 'Førerkort klasse CE' } },
  { query: 'city:Aalesund' },
  { query: 'Baerum kommune' },
  { query: 'lager* -natt*', filters: { postalPrefix: '0' } },
  { query: 'name:Ødegård' },
  { query: 'regnskap tripletex' },
  { query: 'kran* OR "varme arbeider"', includeInactive: true },
  { query: 'renhold', filters: { language: 'Somali' } },
  { query: '', filters: { region: 'rogaland', certificate: 'truckførerbevis' } },
];

function load(db: Db, rows: { id: string; fields: ReturnType<typeof syntheticCandidate> }[], resumes: ResumeDocument[], staffId: string, at: string): number {
  migrate(db);
  insertStaff(db, { member: { id: staffId, name: 'Bench Rekrutterer', email: 'bench@byraa.no' }, at });
  const start = process.hrtime.bigint();
  // As a register import runs: candidates, their profiles, every tenth made inactive,
  // each candidate indexed once at the end.
  db.pragma('cache_size=-262144');
  withDeferredIndexing(db, () => {
    insertCandidates(db, { rows, actorId: staffId, at });
    rows.forEach((r, i) => upsertProfile(db, { candidateId: r.id, resume: resumes[i]!, actorId: staffId, at }));
    for (let i = 0; i < rows.length; i += 10) {
      updateCandidate(db, { id: rows[i]!.id, version: null, patch: { status: 'inactive' }, actorId: staffId, at });
    }
  });
  db.pragma('cache_size=-65536');
  db.pragma('wal_checkpoint(TRUNCATE)');
  return ms(start);
}

function runQueries(db: Db, rounds: number) {
  const compiled = QUERIES.map((q) => {
    const input = { query: q.query, filters: searchFilters.parse(q.filters ?? {}), includeInactive: q.includeInactive ?? false };
    return { ...compileSearch(input), availableBy: input.filters.availableBy };
  });
  const times: number[] = [];
  const perQuery = QUERIES.map(() => [] as number[]);
  const totals: number[] = [];
  for (let round = 0; round < rounds; round++) {
    compiled.forEach((c, i) => {
      const start = process.hrtime.bigint();
      const result = searchIndex(db, { ...c, limit: 50, offset: 0, highlight: [HIGHLIGHT_START, HIGHLIGHT_END] });
      const t = ms(start);
      if (round > 0) {
        times.push(t);
        perQuery[i]!.push(t);
      }
      totals[i] = result.total;
    });
  }
  return { times, perQuery, totals };
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
};

/** Matching belongs to the matching feature; the benchmark uses it when it is there. */
async function matchTiming(): Promise<string> {
  const candidates = ['../electron/core/db/queries/matching.ts', '../electron/core/matching/service.ts'];
  for (const path of candidates) {
    if (!existsSync(new URL(path, import.meta.url))) continue;
    let mod: Record<string, unknown>;
    try {
      mod = (await import(new URL(path, import.meta.url).href)) as Record<string, unknown>;
    } catch {
      continue;
    }
    if (typeof mod.matchVacancy === 'function') return 'present but not wired into this benchmark';
  }
  return 'n/a';
}

export async function main(args: string[]): Promise<void> {
  const arg = (name: string, fallback: number) => {
    const i = args.indexOf(name);
    return i >= 0 ? Number(args[i + 1]) : fallback;
  };
  const n = arg('--n', 100_000);
  const rounds = arg('--rounds', 15);
  const dir = mkdtempSync(join(tmpdir(), 'kandidat-bench-search-'));
  const at = new Date('2026-11-01T08:00:00Z').toISOString();
  const staffId = randomUUID();
  const rand = seededRandom(7);
  const rows = Array.from({ length: n }, (_, i) => ({ id: randomUUID(), fields: syntheticCandidate(rand, i) }));
  // Roles from a register-sized list: the vault benchmark's fifteen would make every role word match a tenth of everyone.
  for (const r of rows) r.fields.desiredRoles = some(rand, ROLES, 2);
  const resumes = rows.map((r) => syntheticResume(rand, r.fields.desiredRoles));
  const key = randomBytes(32);
  const sides = { encrypted: join(dir, 'vault.db'), plain: join(dir, 'plain.db') } as const;
  const results: Record<string, { loadMs: number; p50: number; p95: number; max: number; perQuery: number[][]; totals: number[]; mb: string }> = {};
  try {
    for (const side of ['encrypted', 'plain'] as const) {
      const db = side === 'plain' ? openPlain(sides[side]) : openEncrypted(sides[side], key);
      const loadMs = load(db, rows, resumes, staffId, at);
      db.close();
      // Reopened, as after an unlock: the queries start from a cold cache.
      const reopened = side === 'plain' ? openPlain(sides[side]) : openEncrypted(sides[side], key);
      const { times, perQuery, totals } = runQueries(reopened, rounds);
      reopened.close();
      results[side] = {
        loadMs,
        p50: percentile(times, 50),
        p95: percentile(times, 95),
        max: Math.max(...times),
        perQuery,
        totals,
        mb: (statSync(sides[side]).size / 1e6).toFixed(0),
      };
    }
  } finally {
    // --keep leaves the databases for a closer look (synthetic people only).
    if (args.includes('--keep')) console.log(`kept: ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
  const enc = results.encrypted!;
  const plain = results.plain!;
  const match = await matchTiming();
  console.log(`Search benchmark: ${n.toLocaleString('en')} synthetic candidates with profiles, ${QUERIES.length} queries × ${rounds - 1} timed rounds (first round warms the cache)\n`);
  printTable(
    ['query', 'hits', 'p95 enc (ms)', 'p95 plain (ms)'],
    QUERIES.map((q, i) => [
      (q.query || '(filters only)') + (q.filters ? ` + ${Object.keys(q.filters).join(',')}` : '') + (q.includeInactive ? ' + inactive' : ''),
      enc.totals[i]!,
      percentile(enc.perQuery[i]!, 95).toFixed(1),
      percentile(plain.perQuery[i]!, 95).toFixed(1),
    ]),
  );
  console.log('');
  printTable(
    ['measure', 'encrypted', 'plain', 'ratio', 'target'],
    [
      ['query p50 (ms)', enc.p50.toFixed(1), plain.p50.toFixed(1), (enc.p50 / plain.p50).toFixed(2), ''],
      ['query p95 (ms)', enc.p95.toFixed(1), plain.p95.toFixed(1), (enc.p95 / plain.p95).toFixed(2), '≤ 20'],
      ['query max (ms)', enc.max.toFixed(1), plain.max.toFixed(1), '', ''],
      ['load: candidates + profiles + index (ms)', enc.loadMs.toFixed(0), plain.loadMs.toFixed(0), (enc.loadMs / plain.loadMs).toFixed(2), ''],
      ['database size (MB)', enc.mb, plain.mb, '', ''],
      ['top-50 match for a vacancy (ms)', match, '', '', '≤ 200'],
    ],
  );
  if (match === 'n/a') console.log('\nmatch_ms=n/a: matchVacancy (the matching feature) is not in this tree yet.');
  console.log(`BENCH search n=${n} query_p95_ms=${enc.p95.toFixed(1)} match_ms=${match === 'n/a' ? 'n/a' : match} plain_ratio=${(enc.p95 / plain.p95).toFixed(2)}`);
}
