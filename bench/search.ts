import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import { openEncrypted, openPlain, type Db } from '../electron/core/db/connection.ts';
import { migrate } from '../electron/core/db/migrations/index.ts';
import { insertCandidates, updateCandidate } from '../electron/core/db/queries/candidates.ts';
import { withDeferredIndexing } from '../electron/core/db/queries/search-index.ts';
import { upsertProfile } from '../electron/core/db/queries/profiles.ts';
import { insertStaff } from '../electron/core/db/queries/staff.ts';
import { openDb, type DbHandle } from '../electron/core/db/client.ts';
import { compileSearch, runSearch, toSearchResult } from '../electron/core/search/service.ts';
import { searchFilters, type SearchFiltersInput } from '../shared/contract/search.ts';
import { clientFields } from '../shared/contract/clients.ts';
import { vacancyFields } from '../shared/contract/matching.ts';
import { insertClient } from '../electron/core/db/queries/clients.ts';
import { insertVacancy } from '../electron/core/db/queries/vacancies.ts';
import { matchVacancy } from '../electron/core/db/queries/matching.ts';
import { refreshPictures } from '../electron/core/db/queries/picture.ts';
import type { ResumeDocument } from '../shared/contract/intake.ts';
import { seededRandom, syntheticCandidate } from './lib/synthetic.ts';
import { ms, printTable } from './lib/table.ts';

/**
 * The search benchmark: 100,000 synthetic Norwegian candidates with profiles
 * (skills, certificates, languages, work history as CV text) in an encrypted vault
 * and in a plain copy, the same mix of recruiter queries on both.
 *   npm run -s bench -- search [--n 100000] [--rounds 15]
 * Searches run as the app runs them: on the vault's reader threads (one per core), a
 * ranked search cut into parts side by side, the page merged and its snippets cut here.
 * Targets: boolean search p95 ≤ 20 ms (top 50 with snippets, total count);
 * top-50 match for a vacancy ≤ 200 ms (when matching is there).
 */

const ROLES = ['Lagermedarbeider', 'Truckfører', 'Sjåfør', 'Butikkmedarbeider', 'Helsefagarbeider', 'Sykepleier', 'Regnskapsmedarbeider', 'Kundeservicemedarbeider', 'Tømrer', 'Elektriker', 'Utvikler', 'Renholder', 'Kokk', 'Servitør', 'Resepsjonist', 'Terminalarbeider', 'Kranfører', 'Maskinfører', 'Anleggsarbeider', 'Betongarbeider', 'Rørlegger', 'Maler', 'Murer', 'Sveiser', 'Platearbeider', 'Industrimekaniker', 'Prosessoperatør', 'Produksjonsmedarbeider', 'Bilmekaniker', 'Bussjåfør', 'Vekter', 'Barnehageassistent', 'Lærer', 'Miljøarbeider', 'Vernepleier', 'Assistent', 'Kontormedarbeider', 'Lønnsmedarbeider', 'Innkjøper', 'Selger', 'Butikksjef', 'Daglig leder', 'Prosjektleder', 'Ingeniør', 'Controller', 'Økonom', 'HR-rådgiver', 'Markedsfører', 'Grafisk designer', 'Systemutvikler', 'IT-konsulent', 'Driftstekniker', 'Kokkelærling', 'Bartender', 'Oppvasker', 'Hotellmedarbeider', 'Fiskeindustriarbeider', 'Gartner', 'Vaktmester', 'Flyttearbeider'];
const SKILLS = ['Motvektstruck', 'Skyvemasttruck', 'Plukktruck', 'Varelevering', 'Lagerstyring', 'SAP', 'Excel', 'Kundeservice', 'Kassearbeid', 'Sårbehandling', 'Medisinhåndtering', 'Regnskap', 'Tripletex', 'Visma', 'TypeScript', 'React', 'Java', 'Python', 'SQL', 'Azure', 'Sveising', 'TIG-sveising', 'MIG/MAG-sveising', 'Forskaling', 'Armering', 'Murerarbeid', 'Flislegging', 'Elektroinstallasjon', 'Automasjon', 'PLS', 'Hydraulikk', 'Renhold', 'Matlaging', 'Anretning', 'Servering', 'Vinkunnskap', 'Booking', 'Resepsjon', 'Kranføring', 'Palletering', 'Vareplukk', 'Lastebilkjøring', 'Ruteplanlegging', 'Personlig assistanse', 'Demensomsorg', 'Førstehjelp', 'Barnehagepedagogikk', 'Salg', 'B2B-salg', 'Innkjøp', 'Lønnskjøring', 'Fakturering', 'Budsjettering', 'Prosjektstyring', 'AutoCAD', 'Revit', 'Photoshop', 'Markedsføring i sosiale medier', 'Vedlikehold', 'Feilsøking', 'Bilreparasjon', 'Dekkskift', 'Fiskefileting', 'Kvalitetskontroll', 'Lean', 'HMS', 'Vakthold', 'Gartnerarbeid', 'Snømåking', 'Flytting'];
const CERTS = ['Truckførerbevis T1–T4', 'Truckførerbevis T2', 'Førerkort klasse B', 'Førerkort klasse C', 'Førerkort klasse CE', 'Førerkort klasse D', 'ADR-kompetansebevis', 'Varme arbeider', 'HMS-kort', 'Kranførerbevis G4', 'Kranførerbevis G11', 'Autorisasjon som helsefagarbeider', 'Autorisasjon som sykepleier', 'Autorisasjon som vernepleier', 'Fagbrev tømrer', 'Fagbrev elektriker', 'Fagbrev rørlegger', 'Fagbrev kokk', 'Fagbrev barne- og ungdomsarbeider', 'Mattrygghetskurs', 'Førstehjelpskurs', 'Ansvarlig vakt', 'Stillasbevis', 'Fallsikring', 'Arbeid på vei', 'Yrkessjåførkompetanse', 'Truckførerbevis T4', 'Salgs- og skjenkebevilling', 'Sveisesertifikat', 'Teleskoptruck']; // ≈30: a tenth hold some truck licence
const LANGS = ['Norsk', 'Engelsk', 'Polsk', 'Svensk', 'Arabisk', 'Somali', 'Tysk', 'Litauisk', 'Ukrainsk', 'Tigrinja'];
const FLUENCY = ['Morsmål', 'Flytende', 'Godt', 'Grunnleggende'];
const EMPLOYERS = ['Posten Bring', 'ASKO', 'Coop Norge', 'Rema 1000', 'Norgesgruppen', 'Veidekke', 'Skanska', 'Helse Bergen', 'Oslo kommune', 'Tromsø kommune', 'Schenker', 'Elkjøp', 'Tine', 'Nortura', 'Bergen Havn', 'Ålesund sykehus', 'Bærum kommune', 'Kiwi', 'Felleskjøpet', 'Equinor'];
const PHRASES = ['Ansvar for varemottak og plukk', 'Kjørte motvektstruck og skyvemast på terminal', 'Pleie og omsorg for eldre på sykehjem', 'Kasse, vareplassering og kundeservice', 'Fakturering, bilag og avstemming', 'Utvikling av nettløsninger i TypeScript og React', 'Forskaling, betong og tømrerarbeid', 'Elektroinstallasjon i bolig og næringsbygg', 'Renhold av kontorlokaler og sykehus', 'Matlaging i storkjøkken og servering', 'Kranføring og lasting i havn', 'Nattskift på lager med ansvar for nye kolleger', 'Sjåfør med varelevering i Oslo-området', 'Resepsjon og booking på hotell'];

const pick = <T>(rand: () => number, list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
const some = <T>(rand: () => number, list: readonly T[], max: number): T[] => [...new Set(Array.from({ length: 1 + Math.floor(rand() * max) }, () => pick(rand, list)))];

const NOTES = [
  'Ringt {date}, ønsker fast stilling. Kan starte på kort varsel.',
  'Foretrekker kveldsskift, ikke helg.',
  'Referanser sjekket, gode tilbakemeldinger fra {employer}.',
  'Har bil, kan pendle.',
  'Ønsker deltid, 60–80 %.',
  'Intervjuet {date}, god faglig tyngde som {role}.',
  'Sendt til {employer} tidligere, fikk ikke oppdraget.',
  'Snakker godt {language}.',
  'Har {cert}, kopi mottatt.',
  'Kun dagtid på grunn av barnehage.',
];
const TASKS = ['ansvar for', 'arbeidet med', 'hadde ansvar for opplæring i', 'jobbet selvstendig med', 'bidro til bedre rutiner for', 'daglig oppfølging av'];

/**
 * A CV's work history: what is said follows the candidate's own role and skills
 * (a nurse's CV does not talk about TypeScript), with a few general phrases.
 */
function syntheticResume(rand: () => number, roles: string[], city: string): ResumeDocument {
  const skills = some(rand, SKILLS, 5);
  const work = Array.from({ length: 1 + Math.floor(rand() * 3) }, (_, i) => {
    const position = i === 0 ? roles[0]! : pick(rand, roles);
    return {
      name: pick(rand, EMPLOYERS),
      position,
      location: rand() < 0.7 ? city : pick(rand, ['Oslo', 'Bergen', 'Trondheim', 'Stavanger', 'Drammen', 'Tromsø']),
      startDate: `${2010 + Math.floor(rand() * 12)}-0${1 + Math.floor(rand() * 9)}`,
      summary: `Arbeidet som ${position.toLowerCase()}, ${pick(rand, TASKS)} ${pick(rand, skills).toLowerCase()}${rand() < 0.25 ? `. ${pick(rand, PHRASES)}` : ''}.`,
      highlights: rand() < 0.5 ? [`${pick(rand, TASKS)} ${pick(rand, skills).toLowerCase()}`] : [],
    };
  });
  return {
    basics: { summary: `Erfaren ${roles[0]!.toLowerCase()} fra ${city}. ${rand() < 0.3 ? pick(rand, PHRASES) + '.' : ''}`.trim() },
    work,
    skills: skills.map((name) => ({ name })),
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
  // The matching feature's facts, built once for the whole import.
  refreshPictures(db, { at });
  db.pragma('cache_size=-65536');
  db.pragma('wal_checkpoint(TRUNCATE)');
  return ms(start);
}

/** Each query as the service runs it (parse, compile, search on the reader threads, snippets): wall time, and CPU time of the process's threads (the machine is shared). */
async function runQueries(db: DbHandle, rounds: number) {
  const inputs = QUERIES.map((q) => ({ query: q.query, filters: searchFilters.parse(q.filters ?? {}), includeInactive: q.includeInactive ?? false }));
  const times: number[] = [];
  const cpuTimes: number[] = [];
  const perQuery = QUERIES.map(() => [] as number[]);
  const perQueryCpu = QUERIES.map(() => [] as number[]);
  const totals: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const [i, input] of inputs.entries()) {
      const cpu = process.cpuUsage();
      const start = process.hrtime.bigint();
      const compiled = compileSearch(input);
      const result = toSearchResult(await runSearch(db, compiled, { filters: input.filters, limit: 50, offset: 0 }), compiled);
      const t = ms(start);
      const used = process.cpuUsage(cpu);
      if (round > 0) {
        times.push(t);
        cpuTimes.push((used.user + used.system) / 1000);
        perQuery[i]!.push(t);
        perQueryCpu[i]!.push((used.user + used.system) / 1000);
      }
      totals[i] = result.total;
    }
  }
  return { times, cpuTimes, perQuery, perQueryCpu, totals };
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
};

/**
 * The matching feature's top 50 for a realistic vacancy (a truck driver in Oslo):
 * the first run after opening (facts read from the vault) and the best of the next ones.
 */
function matchTiming(db: Db, staffId: string, at: string): { firstMs: number; warmMs: number; considered: number } {
  const client = insertClient(db, {
    id: randomUUID(),
    fields: clientFields.parse({ name: 'Fjordlager AS', orgNumber: '923609016' }),
    contactIds: [],
    actorId: staffId,
    at,
  });
  const vacancy = insertVacancy(db, {
    id: randomUUID(),
    fields: vacancyFields.parse({
      clientId: client.id,
      title: 'Truckfører, nattskift',
      postalCode: '0150',
      city: 'Oslo',
      start: '2026-12-01',
      requiredSkills: [{ name: 'Motvektstruck' }],
      desiredSkills: [{ name: 'Vareplukk' }, { name: 'Lagerstyring' }],
      requiredCertificates: [{ name: 'Truckførerbevis T1–T4' }],
      languages: [{ name: 'Norsk' }],
    }),
    actorId: staffId,
    at,
  });
  const run = () => {
    const start = process.hrtime.bigint();
    const ranking = matchVacancy(db, vacancy.id, { limit: 50, today: at.slice(0, 10) });
    return { ms: ms(start), considered: ranking.considered };
  };
  const first = run();
  let warmMs = Infinity;
  for (let i = 0; i < 5; i++) warmMs = Math.min(warmMs, run().ms);
  return { firstMs: first.ms, warmMs, considered: first.considered };
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
  const resumes = rows.map((r) => syntheticResume(rand, r.fields.desiredRoles, r.fields.address.city));
  // Notes about this candidate (the vault benchmark's five notes would put the same words on a fifth of everyone).
  rows.forEach((r, i) => {
    const resume = resumes[i]!;
    r.fields.notes =
      rand() < 0.4
        ? ''
        : pick(rand, NOTES)
            .replace('{date}', `${1 + Math.floor(rand() * 28)}.${1 + Math.floor(rand() * 12)}.`)
            .replace('{employer}', pick(rand, EMPLOYERS))
            .replace('{role}', r.fields.desiredRoles[0]!.toLowerCase())
            .replace('{language}', (resume.languages?.at(-1)?.language ?? 'norsk').toLowerCase())
            .replace('{cert}', resume.certificates?.[0]?.name ?? 'førerkort klasse B');
  });
  const key = randomBytes(32);
  const sides = { encrypted: join(dir, 'vault.db'), plain: join(dir, 'plain.db') } as const;
  const results: Record<string, { loadMs: number; p50: number; p95: number; max: number; cpuP95: number; perQuery: number[][]; perQueryCpu: number[][]; totals: number[]; mb: string; match: ReturnType<typeof matchTiming> }> = {};
  try {
    for (const side of ['encrypted', 'plain'] as const) {
      const db = side === 'plain' ? openPlain(sides[side]) : openEncrypted(sides[side], key);
      const loadMs = load(db, rows, resumes, staffId, at);
      db.close();
      // Reopened as the app opens it after an unlock (writer and reader threads): the queries start from a cold cache.
      const handle = await openDb(sides[side], side === 'plain' ? null : key, { mode: 'worker', readers: 2 });
      await handle.readersStarted();
      const { times, cpuTimes, perQuery, perQueryCpu, totals } = await runQueries(handle, rounds);
      await handle.close();
      const reopened = side === 'plain' ? openPlain(sides[side]) : openEncrypted(sides[side], key);
      const match = matchTiming(reopened, staffId, at);
      reopened.close();
      results[side] = {
        loadMs,
        p50: percentile(times, 50),
        p95: percentile(times, 95),
        max: Math.max(...times),
        cpuP95: percentile(cpuTimes, 95),
        perQuery,
        perQueryCpu,
        match,
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
  console.log(`Search benchmark: ${n.toLocaleString('en')} synthetic candidates with profiles, ${QUERIES.length} queries × ${rounds - 1} timed rounds (first round warms the cache)\n`);
  printTable(
    // CPU time beside wall time: on a shared machine, wall time also counts waiting for a core.
    ['query', 'hits', 'p95 enc (ms)', 'p95 plain (ms)', 'CPU p50 enc (ms, all threads)', 'CPU p50 plain (ms)'],
    QUERIES.map((q, i) => [
      (q.query || '(filters only)') + (q.filters ? ` + ${Object.keys(q.filters).join(',')}` : '') + (q.includeInactive ? ' + inactive' : ''),
      enc.totals[i]!,
      percentile(enc.perQuery[i]!, 95).toFixed(1),
      percentile(plain.perQuery[i]!, 95).toFixed(1),
      percentile(enc.perQueryCpu[i]!, 50).toFixed(1),
      percentile(plain.perQueryCpu[i]!, 50).toFixed(1),
    ]),
  );
  console.log('');
  printTable(
    ['measure', 'encrypted', 'plain', 'ratio', 'target'],
    [
      ['query p50 (ms)', enc.p50.toFixed(1), plain.p50.toFixed(1), (enc.p50 / plain.p50).toFixed(2), ''],
      ['query p95 (ms)', enc.p95.toFixed(1), plain.p95.toFixed(1), (enc.p95 / plain.p95).toFixed(2), '≤ 20'],
      ['query p95, CPU time of all threads (ms)', enc.cpuP95.toFixed(1), plain.cpuP95.toFixed(1), (enc.cpuP95 / plain.cpuP95).toFixed(2), ''],
      ['query max (ms)', enc.max.toFixed(1), plain.max.toFixed(1), '', ''],
      ['top-50 match, first after opening (ms)', enc.match.firstMs.toFixed(1), plain.match.firstMs.toFixed(1), (enc.match.firstMs / plain.match.firstMs).toFixed(2), '≤ 200'],
      ['top-50 match, warm best of 5 (ms)', enc.match.warmMs.toFixed(1), plain.match.warmMs.toFixed(1), '', ''],
      ['match: candidates scored', enc.match.considered, plain.match.considered, '', ''],
      ['load: candidates + profiles + index + match facts (ms)', enc.loadMs.toFixed(0), plain.loadMs.toFixed(0), (enc.loadMs / plain.loadMs).toFixed(2), ''],
      ['database size (MB)', enc.mb, plain.mb, '', ''],
    ],
  );
  console.log(`\nMachine load while measuring: ${loadavg().map((l) => l.toFixed(1)).join(' ')} (1/5/15 min) on ${cpus().length} cores.`);
  console.log(
    `BENCH search n=${n} query_p95_ms=${enc.p95.toFixed(1)} match_ms=${enc.match.firstMs.toFixed(1)} plain_ratio=${(enc.p95 / plain.p95).toFixed(2)}`,
  );
}
