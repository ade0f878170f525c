import { afterEach, describe, expect, it } from 'vitest';
import { makeTestCore } from '../testing/harness.ts';
import { draftOutput, fakeReader } from '../intake/fake-reader.ts';
import { textPdf } from '../intake/test-files.ts';
import { waitForJobs } from '../intake/test-support.ts';
import type { CandidateInput } from '../../../shared/contract/index.ts';
import { cutPoints, runSearch, compileSearch } from './service.ts';
import { searchFilters } from '../../../shared/contract/search.ts';

type T = ReturnType<typeof makeTestCore>;
let t: T;
afterEach(async () => t?.cleanup());

const people: CandidateInput[] = [
  {
    name: 'Øystein Ødegård',
    emails: ['oystein@eksempel.no'],
    phones: ['912 34 567'],
    address: { street: 'Storgata 1', postalCode: '9008', city: 'Tromsø' },
    availability: { from: '2026-04-01', extentPercent: 100, shifts: ['day'] },
    desiredRoles: ['Truckfører'],
    desiredSectors: ['Logistikk'],
    notes: 'Har truckførerbevis T1–T4. Snakker engelsk og polsk. Ønsker ikke nattskift.',
  },
  {
    name: 'Åse Aasen',
    emails: ['ase@eksempel.no'],
    address: { street: 'Kongens gate 2', postalCode: '6002', city: 'Ålesund' },
    availability: { from: '2026-09-01', extentPercent: 50, shifts: ['night'] },
    desiredRoles: ['Lagermedarbeider'],
    desiredSectors: ['Handel'],
    notes: 'Kranfører med lang erfaring fra havna. Kan ta nattskift.',
  },
  {
    name: 'Bjørn Bærheim',
    emails: ['bjorn@eksempel.no'],
    address: { street: 'Sandvika 3', postalCode: '1337', city: 'Bærum' },
    desiredRoles: ['Sykepleier'],
    desiredSectors: ['Helse'],
    notes: 'Autorisert sykepleier, engelsk flytende.',
  },
];

async function register() {
  t = makeTestCore();
  await t.createVault();
  const created = [];
  for (const p of people) created.push(await t.call('candidates.create', p));
  return created;
}

const names = async (query: string, extra: Record<string, unknown> = {}) =>
  (await t.call('search.query', { query, ...extra })).hits.map((h) => h.name);

describe('candidate search', () => {
  it('finds candidates by words, fields and boolean operators, best match first', async () => {
    await register();
    expect(await names('truck*')).toEqual(['Øystein Ødegård']);
    expect(await names('nattskift')).toEqual(expect.arrayContaining(['Øystein Ødegård', 'Åse Aasen']));
    expect(await names('nattskift NOT truck*')).toEqual(['Åse Aasen']);
    expect(await names('role:sykepleier OR role:lagermedarbeider')).toEqual(expect.arrayContaining(['Åse Aasen', 'Bjørn Bærheim']));
    expect((await names('role:sykepleier OR role:lagermedarbeider')).length).toBe(2);
    expect(await names('sector:helse')).toEqual(['Bjørn Bærheim']);
    expect(await names('engelsk (truck* OR flytende)')).toEqual(expect.arrayContaining(['Øystein Ødegård', 'Bjørn Bærheim']));
    expect(await names('"engelsk flytende"')).toEqual(['Bjørn Bærheim']);
    expect(await names('email:ase@eksempel.no')).toEqual(['Åse Aasen']);
    expect(await names('tlf:91234567')).toEqual(['Øystein Ødegård']);
    expect(await names('phone:"+47 912 34 567"')).toEqual(['Øystein Ødegård']);
    expect(await names('postnr:6002')).toEqual(['Åse Aasen']);
    // A field keeps its words to that field: "Tromsø" is in no name.
    expect(await names('name:tromso')).toEqual([]);
  });

  it('folds Norwegian letters both ways: Tromso finds Tromsø, Aalesund Ålesund, Baerum Bærum', async () => {
    await register();
    expect(await names('Tromso')).toEqual(['Øystein Ødegård']);
    expect(await names('city:Aalesund')).toEqual(['Åse Aasen']);
    expect(await names('city:Alesund')).toEqual(['Åse Aasen']);
    expect(await names('Baerum')).toEqual(['Bjørn Bærheim']);
    expect(await names('name:Odegard')).toEqual(['Øystein Ødegård']);
    expect(await names('name:Åsen')).toEqual(['Åse Aasen']);
  });

  it('marks the words found in a snippet of the original text and names the field', async () => {
    await register();
    const [hit] = (await t.call('search.query', { query: 'Tromso truck*' })).hits;
    expect(hit).toBeDefined();
    expect(hit!.score).toBeGreaterThan(0);
    const marked = hit!.snippet.filter((p) => p.hit).map((p) => p.text);
    expect(marked.length).toBeGreaterThan(0);
    expect(marked.every((m) => /^(Tromsø|Truck\S*|truck\S*)$/.test(m))).toBe(true);
    const notes = (await t.call('search.query', { query: 'kranfører' })).hits[0]!;
    expect(notes.snippetField).toBe('notes');
    expect(notes.snippet.map((p) => (p.hit ? `[${p.text}]` : p.text)).join('')).toContain('[Kranfører] med lang erfaring');
  });

  it('filters by status, availability, postal code, region, certificate and language', async () => {
    const [oystein, ase] = await register();
    expect(await names('', { filters: { region: 'troms' } })).toEqual(['Øystein Ødegård']);
    expect(await names('', { filters: { region: 'akershus' } })).toEqual(['Bjørn Bærheim']);
    expect(await names('', { filters: { postalPrefix: '60' } })).toEqual(['Åse Aasen']);
    expect(await names('', { filters: { availableBy: '2026-05-01' } })).toEqual(['Øystein Ødegård']);
    expect(await names('nattskift', { filters: { availableBy: '2026-12-31' } })).toEqual(expect.arrayContaining(['Øystein Ødegård', 'Åse Aasen']));
    expect(await names('city:Rogaland')).toEqual([]);
    // A filter-only search lists by name.
    expect(await names('')).toEqual(['Bjørn Bærheim', 'Øystein Ødegård', 'Åse Aasen']);

    await t.call('candidates.setStatus', { id: ase!.id, status: 'inactive' });
    expect(await names('nattskift')).toEqual(['Øystein Ødegård']);
    expect(await names('nattskift', { includeInactive: true })).toEqual(expect.arrayContaining(['Øystein Ødegård', 'Åse Aasen']));
    expect(await names('', { filters: { status: 'inactive' } })).toEqual(['Åse Aasen']);

    // An edit is searchable at once; the old words are gone.
    await t.call('candidates.update', { id: oystein!.id, version: oystein!.version, patch: { notes: 'Sveiser, sertifisert', address: { city: 'Bodø', postalCode: '8006' } } });
    expect(await names('truckførerbevis')).toEqual([]);
    expect(await names('city:Bodo sveiser')).toEqual(['Øystein Ødegård']);
    expect(await names('', { filters: { region: 'nordland' } })).toEqual(['Øystein Ødegård']);
  });

  it('searches the CV text and profile from intake, with certificate and language filters', async () => {
    const reader = fakeReader();
    t = makeTestCore({ intake: { reader, concurrency: 1 } });
    await t.createVault();
    reader.scripts.set('cv.pdf', {
      kind: 'draft',
      output: draftOutput({
        name: 'Gunnhild Sæther',
        email: 'gunnhild@eksempel.no',
        city: 'Sandnes',
        work: [{ name: 'Fjordlager AS', position: 'Truckfører' }],
        skills: [{ name: 'Motvektstruck' }, { name: 'Trucksjåfør' }],
        text: 'Gunnhild Sæther\nTruckfører med ADR-kompetanse fra Kvitsøy\nFjordlager AS',
      }),
    });
    const { jobs } = await t.call('intake.submit', { files: [{ name: 'cv.pdf', bytes: textPdf([['Gunnhild']]).toString('base64') }] });
    await waitForJobs(t, [jobs[0]!.id], ['review']);
    const draft = await t.call('intake.getDraft', { jobId: jobs[0]!.id });
    const resume = { ...draft.resume, certificates: [{ name: 'Truckførerbevis T1–T4' }], languages: [{ language: 'Engelsk', fluency: 'Flytende' }] };
    await t.call('candidates.createFromDraft', { jobId: jobs[0]!.id, resume, keepNationalId: false });
    await t.call('candidates.create', { name: 'Ola Uten CV' });

    expect(await names('"ADR-kompetanse" Kvitsoy')).toEqual(['Gunnhild Sæther']);
    expect(await names('skill:motvekt*')).toEqual(['Gunnhild Sæther']);
    // The candidate picture brings the synonym table's labels: an English word finds a Norwegian skill.
    expect(await names('skill:"forklift driver"')).toEqual(['Gunnhild Sæther']);
    expect(await names('cert:T4 lang:engelsk')).toEqual(['Gunnhild Sæther']);
    expect(await names('', { filters: { certificate: 'truckførerbevis', language: 'engelsk' } })).toEqual(['Gunnhild Sæther']);
    expect(await names('', { filters: { language: 'polsk' } })).toEqual([]);
    const hit = (await t.call('search.query', { query: 'kvitsoy' })).hits[0]!;
    expect(hit.snippetField).toBe('cv');
    expect(hit.snippet.find((p) => p.hit)?.text).toBe('Kvitsøy');
  });

  it('answers a malformed query with VALIDATION, its reason and position; hostile input never reaches SQL', async () => {
    await register();
    const bad = await t.fail('search.query', { query: 'truck AND (lager OR' });
    expect(bad.code).toBe('VALIDATION');
    expect(bad.details).toMatchObject({ reason: 'missingOperand', position: 17 });
    expect(bad.message).toMatch(/at character 18/);
    const quote = await t.fail('search.query', { query: 'truck "lager' });
    expect(quote).toMatchObject({ code: 'VALIDATION', details: { reason: 'unclosedQuote', position: 6 } });
    expect((await t.fail('search.query', { query: '"" ***' })).details).toMatchObject({ reason: 'nothingToSearch' });

    for (const query of [
      `'; DROP TABLE candidates; --`,
      `" OR 1=1 --`,
      `NEAR(truck nattskift, 5)`,
      `^truck`,
      `name:* OR tags:kactive`,
      `{name notes} : truck`,
      `truck" OR "a`,
      `a:b:c`,
      `x' UNION SELECT name FROM staff --`,
      '\u0002truck\u0003',
    ]) {
      const result = await t.core.dispatch('search.query', { query });
      if (!result.ok) expect({ query, code: result.error.code }).toEqual({ query, code: 'VALIDATION' });
      else expect((result.value as { total: number }).total, query).toBeLessThanOrEqual(people.length);
    }
    // The register is still whole.
    expect((await t.call('candidates.list', {})).total).toBe(3);
  });

  it('saves, replaces, lists and deletes searches; a malformed one is not saved', async () => {
    await register();
    const saved = await t.call('search.saved.save', { name: 'Truck i Troms', query: 'truck*', filters: { region: 'troms' } });
    expect(saved).toMatchObject({ name: 'Truck i Troms', query: 'truck*', includeInactive: false, filters: { region: 'troms', postalPrefix: null } });
    const again = await t.call('search.saved.save', { name: 'Truck i Troms', query: 'truck* OR kran*', includeInactive: true });
    expect(again.id).toBe(saved.id);
    await t.call('search.saved.save', { name: 'Alle sykepleiere', query: 'role:sykepleier' });
    expect((await t.call('search.saved.list', {})).map((s) => [s.name, s.query])).toEqual([
      ['Alle sykepleiere', 'role:sykepleier'],
      ['Truck i Troms', 'truck* OR kran*'],
    ]);
    expect((await t.fail('search.saved.save', { name: 'Feil', query: 'truck AND' })).code).toBe('VALIDATION');
    await t.call('search.saved.delete', { id: saved.id });
    expect((await t.call('search.saved.list', {})).map((s) => s.name)).toEqual(['Alle sykepleiere']);
    expect((await t.fail('search.saved.delete', { id: saved.id })).code).toBe('NOT_FOUND');
  });

  it('finds a recruiter\'s edits to the candidate picture at once: competences, certificates, languages, interests', async () => {
    const [, , bjorn] = await register();
    expect(await names('skill:sveising')).toEqual([]);
    await t.call('picture.update', {
      candidateId: bjorn!.id,
      patch: { competences: [{ name: 'Sveising', years: 3 }], certificates: [{ name: 'Varme arbeider' }], languages: [{ name: 'tysk', level: 'C1' }] },
    });
    expect(await names('skill:sveising')).toEqual(['Bjørn Bærheim']);
    expect(await names('cert:"varme arbeider"')).toEqual(['Bjørn Bærheim']);
    expect(await names('lang:tysk')).toEqual(['Bjørn Bærheim']);
    expect(await names('', { filters: { language: 'tysk' } })).toEqual(['Bjørn Bærheim']);
    // Interests (desired roles and sectors) are the candidate's own fields; edited through the picture as well.
    await t.call('picture.update', { candidateId: bjorn!.id, patch: { interests: { desiredRoles: ['Sveiser'], sectors: ['Industri'] } } });
    expect(await names('role:sveiser sector:industri')).toEqual(['Bjørn Bærheim']);
    // An edit that removes a section removes its words.
    await t.call('picture.update', { candidateId: bjorn!.id, patch: { competences: null } });
    expect(await names('skill:sveising')).toEqual([]);
    expect(await names('lang:tysk')).toEqual(['Bjørn Bærheim']);
  });

  it('pages name-ordered results the same whether it sorts the matches or walks the name index', async () => {
    await register();
    const given = ['Øyvind', 'Ada', 'Åsmund', 'Bodil', 'Ærlig', 'Cecilie', 'Ola', 'Dag', 'Per', 'Eva', 'Kari', 'Frode', 'Lise', 'Geir', 'Mona', 'Hans', 'Nina', 'Ivar', 'Rune', 'Jorunn'];
    for (const [i, first] of given.entries()) {
      const c = await t.call('candidates.create', { name: `${first} Testesen`, availability: { from: i % 3 === 0 ? '2026-05-01' : '2026-10-01' } });
      if (i % 5 === 0) await t.call('candidates.setStatus', { id: c.id, status: 'inactive' });
    }
    for (const filters of [{}, { availableBy: '2026-06-01' }]) {
      for (const query of ['', 'NOT truck*']) {
        // One page of everything (the matches sorted) against pages of four (the name index walked until each page is full).
        const all = await t.call('search.query', { query, filters, limit: 200 });
        const paged: string[] = [];
        for (let offset = 0; offset < all.total; offset += 4) {
          const page = await t.call('search.query', { query, filters, limit: 4, offset });
          expect(page.total).toBe(all.total);
          paged.push(...page.hits.map((h) => h.name));
        }
        expect(paged).toEqual(all.hits.map((h) => h.name));
        expect(all.hits.every((h) => h.status === 'active')).toBe(true);
        if (filters.availableBy) expect(all.hits.every((h) => h.availableFrom !== null && h.availableFrom <= filters.availableBy)).toBe(true);
      }
    }
    const everyone = (await t.call('search.query', { query: '', limit: 200 })).hits.map((h) => h.name);
    expect(everyone.slice(0, 3)).toEqual(['Ada Testesen', 'Bjørn Bærheim', 'Bodil Testesen']);
    // Norwegian order: Æ, Ø, Å last.
    expect(everyone.slice(-4)).toEqual(['Ærlig Testesen', 'Øystein Ødegård', 'Åse Aasen', 'Åsmund Testesen']);
    expect(everyone).toHaveLength(3 + 20 - 4);
  });

  it('cuts a ranked search into parts on reader threads: the same page, order and total as one connection', async () => {
    t = makeTestCore({ db: { mode: 'worker', readers: 3 } });
    await t.createVault();
    const skills = ['Motvektstruck', 'Skyvemasttruck', 'Truckførerbevis', 'Kranføring', 'Lager'];
    for (let i = 0; i < 40; i++) {
      await t.call('candidates.create', {
        name: `Kandidat ${String(i).padStart(2, '0')}`,
        desiredRoles: [i % 3 === 0 ? 'Truckfører' : 'Lagermedarbeider'],
        availability: { from: i % 2 === 0 ? '2026-05-01' : '2026-10-01' },
        notes: `${skills[i % 5]} ${i % 4 === 0 ? 'truck truck' : ''} ${i % 7 === 0 ? 'Truckfører på natt' : ''}`,
      });
    }
    const db = t.core.ctx.vault.requireSession().db;
    // The vault opened with the writer alone; the readers join as they open.
    await db.readersStarted();
    expect(db.readers).toBe(3);
    for (const [query, availableBy] of [['truck*', null], ['truck* OR lager', '2026-06-01'], ['"truckfører på natt"', null]] as const) {
      const compiled = compileSearch({ query, filters: searchFilters.parse({ availableBy }), includeInactive: false });
      const whole = await db.read('search.run', { match: compiled.match, ranked: true, availableBy, limit: 7, offset: 3 });
      expect(whole.total).toBeGreaterThan(3);
      // The first search learns where the index ends; the next ones run in three parts.
      for (let round = 0; round < 2; round++) {
        const parts = await runSearch(db, compiled, { filters: { availableBy }, limit: 7, offset: 3 });
        expect(parts.total).toBe(whole.total);
        expect(parts.hits.map((h) => [h.name, h.rank])).toEqual(whole.hits.map((h) => [h.name, h.rank]));
      }
    }
    // A reader's connection is read-only, and a reader runs nothing but reads.
    await expect(db.read('candidates.insert' as 'search.run', {} as never)).rejects.toThrow(/not a read/);
  });

  it('cuts the index into parts that cover every rowid once', () => {
    expect(cutPoints(0, 3)).toEqual([[0, Number.MAX_SAFE_INTEGER]]);
    expect(cutPoints(100, 1)).toEqual([[0, Number.MAX_SAFE_INTEGER]]);
    expect(cutPoints(100, 2)).toEqual([
      [0, 51],
      [51, Number.MAX_SAFE_INTEGER],
    ]);
    expect(cutPoints(10, 3)).toEqual([
      [0, 5],
      [5, 9],
      [9, Number.MAX_SAFE_INTEGER],
    ]);
  });

  it('drops an erased candidate from the index', async () => {
    const [oystein] = await register();
    expect(await names('Tromso')).toEqual(['Øystein Ødegård']);
    const report = await t.call('privacy.erase', { candidateId: oystein!.id, reason: 'request' });
    expect(report.removed.search).toBe(1);
    expect(await names('Tromso')).toEqual([]);
    expect(await names('truck*')).toEqual([]);
    expect(await names('')).toEqual(['Bjørn Bærheim', 'Åse Aasen']);
  });
});
