import { afterEach, describe, expect, it } from 'vitest';
import { makeTestCore } from '../testing/harness.ts';
import { draftOutput, fakeReader } from '../intake/fake-reader.ts';
import { textPdf } from '../intake/test-files.ts';
import { waitForJobs } from '../intake/test-support.ts';
import type { MatchRun, ResumeDocument } from '../../../shared/contract/index.ts';

type T = ReturnType<typeof makeTestCore>;
let t: T;
afterEach(async () => t?.cleanup());

/** Through intake, as a recruiter would: a CV in English, confirmed into the register. */
async function fromCv(t: T, reader: ReturnType<typeof fakeReader>, file: string, resume: ResumeDocument, address: { postalCode: string; city: string }, from: string) {
  reader.scripts.set(file, { kind: 'draft', output: draftOutput({ name: resume.basics?.name ?? 'X', work: resume.work ?? [], skills: resume.skills ?? [] }) });
  const { jobs } = await t.call('intake.submit', { files: [{ name: file, bytes: textPdf([[resume.basics?.name ?? 'X']]).toString('base64') }] });
  await waitForJobs(t, [jobs[0]!.id], ['review']);
  const draft = await t.call('intake.getDraft', { jobId: jobs[0]!.id });
  const { candidate } = await t.call('candidates.createFromDraft', { jobId: jobs[0]!.id, resume: { ...draft.resume, ...resume }, keepNationalId: false });
  return t.call('candidates.update', {
    id: candidate.id,
    version: candidate.version,
    patch: { address: { ...address }, availability: { from, extentPercent: 100 } },
  });
}

const KARI: ResumeDocument = {
  basics: { name: 'Kari Nordmann' },
  work: [
    { name: 'Fjordlager AS', position: 'Forklift driver', startDate: '2019-03', endDate: '2024-02' },
    { name: 'Oslo Havn', position: 'Warehouse worker', startDate: '2024-03', highlights: ['Goods receiving and stock taking'] },
  ],
  skills: [{ name: 'SAP EWM', level: 'Intermediate' }],
  certificates: [{ name: 'Forklift licence T1-T4' }],
  languages: [{ language: 'English', fluency: 'Native' }, { language: 'Norwegian', fluency: 'B2' }],
};

async function setup() {
  const reader = fakeReader();
  t = makeTestCore({ intake: { reader, concurrency: 1 } });
  await t.createVault();
  const client = await t.call('clients.create', { name: 'Lager & Logistikk AS', orgNumber: '923609016' });
  const kari = await fromCv(t, reader, 'kari.pdf', KARI, { postalCode: '0150', city: 'Oslo' }, '2026-03-01');
  // Entered by hand: a year as truckfører, no certificate, lives in Bergen.
  const per = await t.call('candidates.create', {
    name: 'Per Hansen',
    address: { postalCode: '5003', city: 'Bergen' },
    availability: { from: '2026-04-20', extentPercent: 50 },
  });
  await t.call('picture.update', {
    candidateId: per.id,
    patch: { competences: [{ name: 'truckfører', years: 1 }, { name: 'Lagerarbeider', years: 1 }], languages: [{ name: 'norsk', level: 'native' }] },
  });
  // Would rank first, but is inactive.
  const ola = await t.call('candidates.create', { name: 'Ola Inaktiv', address: { postalCode: '0580', city: 'Oslo' }, availability: { from: '2026-01-01' } });
  await t.call('picture.update', {
    candidateId: ola.id,
    patch: { competences: [{ name: 'Truckfører', years: 9 }, { name: 'Lagermedarbeider', years: 9 }], certificates: [{ name: 'Truck T4' }] },
  });
  await t.call('candidates.setStatus', { id: ola.id, status: 'inactive' });
  // Nothing in common with the vacancy.
  const siri = await t.call('candidates.create', { name: 'Siri Sykepleier', address: { postalCode: '0150', city: 'Oslo' } });
  await t.call('picture.update', { candidateId: siri.id, patch: { competences: [{ name: 'Sykepleier', years: 6 }] } });
  const vacancy = await t.call('vacancies.create', {
    clientId: client.id,
    title: 'Truckfører, nattskift',
    postalCode: '0580',
    city: 'Oslo',
    start: '2026-03-16',
    requiredSkills: [{ name: 'Truckfører', minYears: 2 }, { name: 'Lagermedarbeider' }],
    desiredSkills: [{ name: 'SAP' }, { name: 'Varetelling' }],
    requiredCertificates: [{ name: 'Truck T4' }],
    languages: [{ name: 'Norsk', minLevel: 'B1' }],
    minYearsExperience: 3,
  });
  return { reader, client, kari, per, ola, siri, vacancy };
}

const names = (run: MatchRun) => run.results.map((r) => r.name);

describe('the candidate picture', () => {
  it('is filled from the CV: roles with years, skills, truck classes, languages, experience by role and sector', async () => {
    const { kari } = await setup();
    const p = await t.call('picture.get', { candidateId: kari.id });
    const byKey = Object.fromEntries(p.competences.map((c) => [c.key, c]));
    expect(byKey['forklift-driver']).toMatchObject({ name: 'Truckfører', years: 5, lastUsed: '2024-02' });
    expect(byKey['warehouse-worker']).toMatchObject({ name: 'Lagermedarbeider', lastUsed: 'present' });
    expect(byKey['sap']).toMatchObject({ name: 'SAP', level: 3 });
    expect(byKey['inventory']).toBeDefined();
    expect(p.certificates.map((c) => c.code)).toEqual(['T1', 'T2', 'T3', 'T4']);
    expect(p.certificates[3]).toMatchObject({ kind: 'truck', name: 'Truck T4 (motvektstruck)' });
    expect(p.languages).toEqual([
      { code: 'en', name: 'Engelsk', level: 'native' },
      { code: 'no', name: 'Norsk', level: 'B2' },
    ]);
    expect(p.experience.totalYears).toBe(7.1);
    expect(p.experience.bySector).toEqual([{ key: 'logistics', label: 'Lager og logistikk', years: 7.1 }]);
    expect(p.location).toEqual({ postalCode: '0150', city: 'Oslo', region: 'Oslo' });
    expect(p.edited).toEqual([]);
  });

  it('takes a recruiter’s edits over the CV, section by section, and back to the CV on null', async () => {
    const { kari } = await setup();
    const edited = await t.call('picture.update', {
      candidateId: kari.id,
      patch: {
        certificates: [{ name: 'Førerkort klasse B og CE' }, { name: 'HMS-kort', validUntil: '2027-01-31' }],
        interests: { workTypes: ['temp', 'partTime'], regions: ['vestland'], desiredRoles: ['Lagerleder'] },
        availability: { noticeWeeks: 4, shifts: ['night'] },
      },
    });
    expect(edited.certificates.map((c) => [c.code, c.kind])).toEqual([['B', 'driving'], ['CE', 'driving'], ['HMS-KORT', 'safety']]);
    expect(edited.interests).toMatchObject({ workTypes: ['temp', 'partTime'], regions: ['Vestland'], desiredRoles: ['Lagerleder'] });
    expect(edited.availability).toMatchObject({ noticeWeeks: 4, shifts: ['night'], from: '2026-03-01' });
    expect(edited.edited).toEqual(expect.arrayContaining(['certificates', 'interests']));
    // The candidate's own fields changed, with history.
    expect((await t.call('candidates.get', { id: kari.id })).desiredRoles).toEqual(['Lagerleder']);
    const back = await t.call('picture.update', { candidateId: kari.id, patch: { certificates: null } });
    expect(back.certificates.map((c) => c.code)).toEqual(['T1', 'T2', 'T3', 'T4']);
    expect((await t.fail('picture.get', { candidateId: 'nobody' })).code).toBe('NOT_FOUND');
  });
});

describe('matching', () => {
  it('ranks active candidates with each factor explained, in Bokmål and English', async () => {
    const { kari, per, vacancy } = await setup();
    const run = await t.call('matching.run', { vacancyId: vacancy.id });
    // The inactive candidate and the nurse are not in the ranking.
    expect(names(run)).toEqual(['Kari Nordmann', 'Per Hansen']);
    const [first, second] = run.results;
    expect(first!.candidateId).toBe(kari.id);
    const f = Object.fromEntries(first!.factors.map((x) => [x.factor, x]));
    expect(f.requiredSkills).toMatchObject({ value: 1, met: ['Truckfører', 'Lagermedarbeider'], missing: [] });
    expect(f.desiredSkills).toMatchObject({ value: 1, met: ['SAP', 'Varetelling'] });
    expect(f.certificates).toMatchObject({ value: 1, met: ['Truck T4 (motvektstruck)'] });
    expect(f.location!.note.nb).toBe('Bor i samme fylke (Oslo).');
    expect(f.availability!.note).toEqual({ nb: 'Tilgjengelig fra 1. mars 2026, før oppstart.', en: 'Available from 1 March 2026, before the start.' });
    expect(first!.score).toBeGreaterThan(95);
    expect(first!.explanation.nb).toContain('Har 2 av 2 påkrevde kompetanser: Truckfører og Lagermedarbeider.');
    expect(first!.explanation.en).toContain('Has 2 of 2 required skills: Forklift driver and Warehouse worker.');
    expect(first!.explanation.en).toContain('The ranking is a suggestion; the recruiter decides.');

    expect(second!.candidateId).toBe(per.id);
    expect(second!.explanation.nb).toContain('Mangler påkrevd Truck T4 (motvektstruck).');
    expect(second!.explanation.nb).toContain('Færre år enn ønsket (Truckfører: 1 av 2 år).');
    expect(second!.explanation.en).toContain('Available from 20 April 2026, 35 days after the start. Wants 50% of full time (100% needed).');
    expect(second!.explanation.en).toContain('Lives in Vestland, about');
    expect(second!.explanation.nb).toMatch(/^Per Hansen får [\d,]+ av 100 poeng\. Mest i favør: .+ Trekker mest ned: sertifikater\./);
    expect(second!.score).toBeLessThan(first!.score);
  });

  it('ranks by the vacancy as edited: only the changed fields change, a stale version is a conflict', async () => {
    const { vacancy } = await setup();
    const edited = await t.call('vacancies.update', {
      id: vacancy.id,
      version: vacancy.version,
      patch: { title: 'Truckfører, nattskift Alnabru', extentPercent: 80, desiredSkills: [{ name: 'Varetelling', minYears: null }] },
    });
    expect(edited).toMatchObject({ title: 'Truckfører, nattskift Alnabru', extentPercent: 80, version: vacancy.version + 1 });
    expect(edited.desiredSkills.map((s) => s.name)).toEqual(['Varetelling']);
    expect(edited.requiredSkills).toEqual(vacancy.requiredSkills);
    expect(edited.requiredCertificates).toEqual(vacancy.requiredCertificates);
    expect(edited.languages).toEqual(vacancy.languages);
    const run = await t.call('matching.run', { vacancyId: vacancy.id });
    expect(names(run)).toEqual(['Kari Nordmann', 'Per Hansen']);
    expect(run.results[0]!.factors.find((f) => f.factor === 'desiredSkills')).toMatchObject({ met: ['Varetelling'] });
    expect((await t.fail('vacancies.update', { id: vacancy.id, version: vacancy.version, patch: { title: 'Gammel' } })).code).toBe('CONFLICT');
    const invalid = await t.fail('vacancies.update', { id: vacancy.id, version: edited.version, patch: { postalCode: '058' } });
    expect(invalid.code).toBe('VALIDATION');
  });

  it('finds candidates through bilingual synonyms: "forklift driver" in a CV answers "truckfører"', async () => {
    const { client, kari } = await setup();
    const v = await t.call('vacancies.create', { clientId: client.id, title: 'Warehouse worker', requiredSkills: [{ name: 'warehouse operative' }] });
    expect(v.requiredSkills[0]).toMatchObject({ key: 'warehouse-worker' });
    const run = await t.call('matching.run', { vacancyId: v.id });
    expect(run.results.map((r) => r.candidateId)).toContain(kari.id);
    const certs = await t.call('vacancies.create', { clientId: client.id, title: 'Truck', requiredCertificates: [{ name: 'Truckførerbevis T2–T4' }] });
    expect(certs.requiredCertificates.map((c) => c.code)).toEqual(['T2', 'T3', 'T4']);
  });

  it('uses weights that can be seen and changed, per vacancy or for all', async () => {
    const { vacancy } = await setup();
    expect(await t.call('matching.weights.get', {})).toMatchObject({ requiredSkills: 30, location: 10 });
    const base = await t.call('matching.run', { vacancyId: vacancy.id });
    expect(base.weights.requiredSkills).toBe(30);
    // Only availability counts; the weights are recorded with the run.
    const onlyAvailability = { requiredSkills: 0, desiredSkills: 0, certificates: 0, experience: 0, availability: 100, location: 0, languages: 0 };
    const v = await t.call('vacancies.setWeights', { id: vacancy.id, weights: onlyAvailability });
    expect(v.weights).toEqual(onlyAvailability);
    const run = await t.call('matching.run', { vacancyId: vacancy.id });
    expect(run.weights).toEqual(onlyAvailability);
    expect(run.results[0]!.score).toBe(100);
    // 35 days late (0.1), half time of a full-time job (× 0.5).
    expect(run.results[1]!.score).toBe(5);
    const points = run.results[1]!.factors.find((f) => f.factor === 'availability')!;
    expect(points).toMatchObject({ weight: 100, value: 0.05, points: 5 });
    // A global change applies to vacancies without their own.
    await t.call('vacancies.setWeights', { id: vacancy.id, weights: null });
    await t.call('matching.weights.set', { weights: { ...onlyAvailability, availability: 0, location: 100 } });
    const byPlace = await t.call('matching.run', { vacancyId: vacancy.id });
    // Same county as the job; Bergen is some 280 km from Oslo as the crow flies.
    expect(byPlace.results.map((r) => r.score)).toEqual([80, 20]);
  });

  it('records every ranking and the human decision that followed (art. 22)', async () => {
    const { kari, per, vacancy } = await setup();
    const run = await t.call('matching.run', { vacancyId: vacancy.id });
    expect(run.algorithmVersion).toMatch(/^match-/);
    expect(run.inputsHash).toMatch(/^[0-9a-f]{64}$/);
    const log = await t.call('matching.log', { vacancyId: vacancy.id });
    expect(log.items.map((e) => [e.candidateName, e.rank, e.decision])).toEqual([
      ['Kari Nordmann', 1, 'none'],
      ['Per Hansen', 2, 'none'],
    ]);
    expect(log.items[0]).toMatchObject({ runId: run.runId, inputsHash: run.inputsHash, score: run.results[0]!.score, by: { name: 'Kari Rekrutterer' } });

    t.clock.advance(60_000);
    const decided = await t.call('matching.decide', { runId: run.runId, candidateId: kari.id, decision: 'shortlisted' });
    expect(decided).toMatchObject({ decision: 'shortlisted', decidedAt: '2026-03-02T08:01:00.000Z', decidedBy: { name: 'Kari Rekrutterer' } });
    await t.call('matching.decide', { runId: run.runId, candidateId: per.id, decision: 'rejected' });
    const shortlist = await t.call('shortlists.get', { vacancyId: vacancy.id });
    expect(shortlist.map((e) => [e.candidateName, e.stage, e.runId, e.score])).toEqual([['Kari Nordmann', 'shortlisted', run.runId, run.results[0]!.score]]);
    expect((await t.call('matching.log', { candidateId: per.id })).items.map((e) => e.decision)).toEqual(['rejected']);
    expect((await t.fail('matching.decide', { runId: run.runId, candidateId: 'nobody', decision: 'rejected' })).code).toBe('NOT_FOUND');

    // Same inputs, same hash; a changed candidate, a new hash. A later ranking shows who is on the list.
    const again = await t.call('matching.run', { vacancyId: vacancy.id });
    expect(again.inputsHash).toBe(run.inputsHash);
    expect(again.results[0]!.stage).toBe('shortlisted');
    await t.call('picture.update', { candidateId: per.id, patch: { certificates: [{ name: 'Truck T4' }] } });
    expect((await t.call('matching.run', { vacancyId: vacancy.id })).inputsHash).not.toBe(run.inputsHash);
  });

  it('exports the explanations with the candidate’s data and erases them with the candidate', async () => {
    const { kari, vacancy } = await setup();
    const run = await t.call('matching.run', { vacancyId: vacancy.id });
    await t.call('matching.decide', { runId: run.runId, candidateId: kari.id, decision: 'shortlisted' });
    const { db } = t.core.ctx.vault.requireSession();
    const data = (await db.call('privacy.collect', { candidateId: kari.id, now: '2026-03-02T09:00:00.000Z' })) as { matching: { explanations: { explanation: { nb: string }; decision: string }[]; shortlists: { entries: unknown[] } } };
    expect(data.matching.explanations).toHaveLength(1);
    expect(data.matching.explanations[0]!.explanation.nb).toContain('Har 2 av 2 påkrevde kompetanser');
    expect(data.matching.explanations[0]!.decision).toBe('shortlisted');
    expect(data.matching.shortlists.entries).toHaveLength(1);
    await t.call('privacy.erase', { candidateId: kari.id, reason: 'request' });
    expect((await t.call('matching.log', { vacancyId: vacancy.id })).items.map((e) => e.candidateName)).toEqual(['Per Hansen']);
    expect(await t.call('shortlists.get', { vacancyId: vacancy.id })).toEqual([]);
    expect(names(await t.call('matching.run', { vacancyId: vacancy.id }))).toEqual(['Per Hansen']);
  });
});

describe('shortlists', () => {
  it('move through the pipeline; a placement makes the candidate unavailable until the day after it ends', async () => {
    const { client, per, vacancy } = await setup();
    await t.call('shortlists.add', { vacancyId: vacancy.id, candidateId: per.id });
    for (const stage of ['contacted', 'interviewed', 'presented'] as const) await t.call('shortlists.move', { vacancyId: vacancy.id, candidateId: per.id, stage });
    const placed = await t.call('shortlists.move', { vacancyId: vacancy.id, candidateId: per.id, stage: 'placed', placedUntil: '2026-06-30' });
    expect(placed[0]!.stage).toBe('placed');
    expect(placed[0]!.history.map((h) => h.to)).toEqual(['shortlisted', 'contacted', 'interviewed', 'presented', 'placed']);
    expect((await t.call('candidates.get', { id: per.id })).availability.from).toBe('2026-07-01');
    expect((await t.call('picture.get', { candidateId: per.id })).availability.placement).toEqual({ vacancyId: vacancy.id, until: '2026-06-30' });

    // Another vacancy starting while he is placed: the explanation says so.
    const other = await t.call('vacancies.create', { clientId: client.id, title: 'Lager', start: '2026-04-01', requiredSkills: [{ name: 'lagermedarbeider' }] });
    const run = await t.call('matching.run', { vacancyId: other.id });
    const perResult = run.results.find((r) => r.candidateId === per.id)!;
    expect(perResult.explanation.nb).toContain('Er plassert i et oppdrag til 30. juni 2026.');

    // Undone: free again.
    await t.call('shortlists.move', { vacancyId: vacancy.id, candidateId: per.id, stage: 'rejected' });
    expect((await t.call('picture.get', { candidateId: per.id })).availability.placement).toBeNull();
    expect((await t.fail('shortlists.move', { vacancyId: vacancy.id, candidateId: 'nobody', stage: 'contacted' })).code).toBe('NOT_FOUND');
    expect(await t.call('shortlists.remove', { vacancyId: vacancy.id, candidateId: per.id })).toEqual([]);
  });
});
