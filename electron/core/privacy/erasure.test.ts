import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { makeTestCore } from '../testing/harness.ts';
import { decryptedVaultPages, findInPages } from '../testing/vault-pages.ts';
import { fullCandidate as makeFullCandidate, keeper, secret } from './test-candidate.ts';
import { openEncrypted, type Db } from '../db/connection.ts';
import { DATABASE_FILE } from '../db/envelope.ts';
import { eraseCandidate } from './erasure.ts';

type T = ReturnType<typeof makeTestCore>;
let t: T;
let raw: Db | null = null;
afterEach(async () => {
  raw?.close();
  raw = null;
  await t?.cleanup();
});

const key = () => t.core.ctx.vault.requireSession().key;

async function fullCandidate() {
  const made = await makeFullCandidate();
  t = made.t;
  return made;
}

/** Every value of every column of every table that mentions the id. */
function tablesMentioning(db: Db, id: string): string[] {
  const found: string[] = [];
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[];
  for (const { name } of tables) {
    const columns = db.prepare(`SELECT name FROM pragma_table_info(?)`).all(name) as { name: string }[];
    for (const col of columns) {
      const hit = db.prepare(`SELECT 1 FROM "${name}" WHERE instr(CAST("${col.name}" AS TEXT), ?) > 0 LIMIT 1`).get(id);
      if (hit) found.push(`${name}.${col.name}`);
    }
  }
  return found;
}

describe('erasure', () => {
  it('removes every trace from every table, index and original, and the decrypted pages on disk no longer hold it', async () => {
    const { c, other, pdf } = await fullCandidate();
    const needles = [...Object.values(secret), pdf.subarray(200, 260)];
    // The scan sees through the encryption: before erasure, every string is in some page.
    const before = findInPages(decryptedVaultPages(t.vaultDir, key()), needles);
    expect(before.sort()).toEqual(needles.map((n) => (typeof n === 'string' ? n : `<${n.length} bytes>`)).sort());

    const asked = await t.call('privacy.requests.open', { candidateId: c.id, kind: 'erasure', channel: 'email', note: secret.requestNote });
    const report = await t.call('privacy.erase', { candidateId: c.id, reason: 'request', requestId: asked.id });
    expect(report).toMatchObject({ candidateId: c.id, reason: 'request', erasedAt: '2026-03-02T08:00:00.000Z', requestsCompleted: [asked.id] });
    expect(report.removed).toMatchObject({
      intake: 2,
      documents: 1,
      profile: 1,
      nationalId: 1,
      consents: 3,
      policyNotifications: 1,
      activity: 1,
      holds: 1,
      rightsRequests: 2,
      candidate: 1,
      originals: 1,
    });
    expect(report.removed.history).toBeGreaterThanOrEqual(4);

    expect(findInPages(decryptedVaultPages(t.vaultDir, key()), needles)).toEqual([]);
    // The candidate kept is untouched.
    expect(findInPages(decryptedVaultPages(t.vaultDir, key()), Object.values(keeper)).sort()).toEqual(Object.values(keeper).sort());
    expect((await t.call('candidates.get', { id: other.id })).name).toBe(keeper.name);

    raw = openEncrypted(join(t.vaultDir, DATABASE_FILE), key());
    // Only the tombstone, the audit trail and the rights requests (proof they were answered) keep
    // the id, and none holds personal data: the page scan above found none of the strings.
    expect(tablesMentioning(raw, c.id).sort()).toEqual([
      'audit_log.candidate_id',
      'erasures.candidate_id',
      'rights_request_links.ref',
      'rights_requests.candidate_id',
    ]);
    expect(raw.prepare('SELECT * FROM erasures').all()).toEqual([
      { candidate_id: c.id, erased_at: '2026-03-02T08:00:00.000Z', erased_by: expect.any(String), reason: 'request' },
    ]);
    expect((await t.fail('candidates.get', { id: c.id })).code).toBe('NOT_FOUND');
    const again = await t.fail('privacy.erase', { candidateId: c.id, reason: 'request' });
    expect(again.message).toMatch(/erased already/);
    expect((await t.call('privacy.erasures.list', {})).items).toEqual([
      { candidateId: c.id, erasedAt: '2026-03-02T08:00:00.000Z', erasedBy: expect.any(String), reason: 'request' },
    ]);
    const trail = await t.call('privacy.audit.list', { candidateId: c.id });
    expect(trail.items.slice(0, 2)).toMatchObject([
      { action: 'request.complete', subjects: { request: asked.id }, detail: { kind: 'erasure', onTime: true } },
      { action: 'erasure', detail: { reason: 'request' } },
    ]);
    // The requests remain as proof they were answered, with ids, codes and dates only.
    const requests = await t.call('privacy.requests.list', { candidateId: c.id, status: 'all' });
    expect(requests.map((r) => [r.kind, r.status, r.candidateName, r.candidateErased, r.note])).toEqual([
      ['access', 'open', null, true, null],
      ['erasure', 'completed', null, true, null],
    ]);
    expect(requests[1]!.links).toEqual([{ kind: 'erasure', ref: c.id, at: '2026-03-02T08:00:00.000Z' }]);
    expect(await t.call('privacy.audit.verify', {})).toMatchObject({ intact: true });
  });

  it('compacts the vault file on request (VACUUM), leaving nothing either', async () => {
    const { c, pdf } = await fullCandidate();
    await eraseCandidate(t.core.ctx, c.id, 'request', { compact: true });
    const pages = decryptedVaultPages(t.vaultDir, key());
    expect(findInPages(pages, [...Object.values(secret), pdf.subarray(200, 260)])).toEqual([]);
    expect(pages.filter((p) => p.file === 'wal')).toEqual([]);
    raw = openEncrypted(join(t.vaultDir, DATABASE_FILE), key());
    expect(raw.pragma('freelist_count', { simple: true })).toBe(0);
    expect(pages.length).toBe(raw.pragma('page_count', { simple: true }));
  });

  it('keeps an original another candidate’s document also uses', async () => {
    const { c, other, pdf } = await fullCandidate();
    raw = openEncrypted(join(t.vaultDir, DATABASE_FILE), key());
    const sha = (raw.prepare('SELECT sha256 FROM candidate_documents WHERE candidate_id = ?').get(c.id) as { sha256: string }).sha256;
    raw
      .prepare(
        `INSERT INTO candidate_documents (id, candidate_id, sha256, job_id, file_name, format, size, text, added_at, added_by)
         SELECT 'shared-doc', ?, sha256, NULL, 'felles.pdf', format, size, '', added_at, added_by FROM candidate_documents WHERE candidate_id = ?`,
      )
      .run(other.id, c.id);
    const report = await t.call('privacy.erase', { candidateId: c.id, reason: 'request' });
    expect(report.removed.originals).toBe(0);
    expect(raw.prepare('SELECT size FROM blobs WHERE sha256 = ?').get(sha)).toEqual({ size: pdf.length });
  });

  it('a retention run erases several candidates in one batch, leaving no trace of any, and spares those under hold', async () => {
    t = makeTestCore({ retention: { firstDelayMs: 1e13 } });
    await t.call('settings.update', { idleLockMinutes: 0 });
    await t.createVault();
    const people = [
      { name: 'Torbjørg Kvitseid-Ruud', email: 'torbjorg.kvitseid@eksempel.no', phone: '+4791234561', notes: 'Sertifikat for masseforflytning', call: 'Lovet svar om Flekkefjord' },
      { name: 'Mikkjel Åsgårdstrand', email: 'mikkjel.asg@eksempel.no', phone: '+4791234562', notes: 'Ønsker helgeskift på Rjukan', call: 'Snakket om Vinstra-jobben' },
      { name: 'Ragnvald Øyesletten', email: 'ragnvald.oy@eksempel.no', phone: '+4791234563', notes: 'Har fagbrev i Brønnøysund', call: 'Ringer tilbake om Tynset' },
      { name: 'Signe Holtålen-Berg', email: 'signe.holtalen@eksempel.no', phone: '+4791234564', notes: 'Held: tvist ved Gjøvik', call: 'Held: samtale om Lillehammer' },
      { name: 'Eldbjørg Tveitane', email: 'eldbjorg.tv@eksempel.no', phone: '+4791234565', notes: 'Held: klage til Stord', call: 'Held: samtale om Odda' },
    ];
    const made = [];
    for (const p of people) {
      const c = await t.call('candidates.create', { name: p.name, emails: [p.email], phones: [p.phone], notes: p.notes });
      await t.call('activity.calls.log', { candidateId: c.id, at: '2026-03-02T07:00:00Z', direction: 'in', durationSec: 60, outcome: 'reached', minutes: p.call });
      await t.call('activity.references.add', { candidateId: c.id, fields: { name: `Referanse for ${p.name}`, phone: '+4799887766' } });
      await t.call('privacy.consents.grant', { candidateId: c.id, purpose: 'recruitment', source: 'form', notice: { version: 'v1', text: 'Rekruttering' } });
      made.push(c);
    }
    const [a, b, c, heldA, heldB] = made as [(typeof made)[0], (typeof made)[0], (typeof made)[0], (typeof made)[0], (typeof made)[0]];
    await t.call('privacy.holds.set', { candidateId: heldA.id, reason: 'Rettssak Gjøvik 26-77', until: null });
    await t.call('privacy.holds.set', { candidateId: heldB.id, reason: 'Klagesak Stord', until: '2028-01-01' });
    // An erasure request still open when the run comes: the run answers it.
    const asked = await t.call('privacy.requests.open', { candidateId: b.id, kind: 'erasure', channel: 'email', note: 'Skrev fra Vinstra' });
    // Saved searches naming an erased candidate go with them; one naming no one, or someone held, stays.
    await t.call('search.saved.save', { name: 'Torbjørg', query: '"Torbjorg Kvitseid Ruud"' });
    await t.call('search.saved.save', { name: 'Ragnvald e-post', query: 'ragnvald.oy@eksempel.no' });
    await t.call('search.saved.save', { name: 'Ring 912 34 562', query: 'truck' });
    await t.call('search.saved.save', { name: 'Truck i Oslo', query: 'truckfører Oslo' });
    await t.call('search.saved.save', { name: 'Signe', query: 'Signe Holtålen-Berg' });

    t.clock.set('2027-03-03T08:00:00Z');
    const report = await t.call('privacy.retention.run', {});
    expect(report.erased.map((e) => e.candidateId).sort()).toEqual([a.id, b.id, c.id].sort());
    expect(report.held.map((h) => h.candidateId).sort()).toEqual([heldA.id, heldB.id].sort());
    // One transaction erased them all (one batch): one timestamp on every tombstone.
    const tombs = (await t.call('privacy.erasures.list', {})).items;
    expect(tombs.map((x) => [x.reason, x.erasedAt])).toEqual(Array(3).fill(['retention', '2027-03-03T08:00:00.000Z']));

    const erasedStrings = people.slice(0, 3).flatMap((p) => [p.name, p.email, p.notes, p.call, `Referanse for ${p.name}`, 'Skrev fra Vinstra']);
    const keptStrings = people.slice(3).flatMap((p) => [p.name, p.email, p.notes, p.call, `Referanse for ${p.name}`]);
    const pages = decryptedVaultPages(t.vaultDir, key());
    expect(findInPages(pages, erasedStrings)).toEqual([]);
    expect(findInPages(pages, keptStrings).sort()).toEqual([...keptStrings].sort());

    raw = openEncrypted(join(t.vaultDir, DATABASE_FILE), key());
    expect(tablesMentioning(raw, a.id).sort()).toEqual(['audit_log.candidate_id', 'erasures.candidate_id']);
    expect(tablesMentioning(raw, b.id).sort()).toEqual(['audit_log.candidate_id', 'erasures.candidate_id', 'rights_request_links.ref', 'rights_requests.candidate_id']);
    expect(tablesMentioning(raw, c.id).sort()).toEqual(['audit_log.candidate_id', 'erasures.candidate_id']);
    for (const held of [heldA, heldB]) expect(tablesMentioning(raw, held.id)).toEqual(expect.arrayContaining(['candidates.id', 'search_docs.candidate_id', 'activity_entries.candidate_id']));

    expect((await t.call('search.saved.list', {})).map((x) => x.name).sort()).toEqual(['Signe', 'Truck i Oslo']);
    expect((await t.call('search.query', { query: 'Kvitseid' })).total).toBe(0);
    expect((await t.call('search.query', { query: 'Tveitane' })).hits.map((h) => h.id)).toEqual([heldB.id]);
    expect((await t.call('candidates.list', {})).items.map((x) => x.id).sort()).toEqual([heldA.id, heldB.id].sort());
    const requests = await t.call('privacy.requests.list', { candidateId: b.id, status: 'all' });
    expect(requests.map((r) => [r.id, r.status, r.note])).toEqual([[asked.id, 'completed', null]]);
    const trail = (await t.call('privacy.audit.list', {})).items;
    expect(trail.filter((e) => e.action === 'erasure').map((e) => e.candidateId).sort()).toEqual([a.id, b.id, c.id].sort());
    expect(await t.call('privacy.audit.verify', {})).toMatchObject({ intact: true });
  });

  it('tells the open lists, and refuses an unknown candidate', async () => {
    t = makeTestCore();
    await t.createVault();
    const c = await t.call('candidates.create', { name: 'Ola' });
    const seen: unknown[] = [];
    t.core.events.on((name, payload) => name === 'candidates.changed' && seen.push(payload));
    await t.call('privacy.erase', { candidateId: c.id, reason: 'consentWithdrawn' });
    expect(seen).toEqual([{ id: c.id, kind: 'erased' }]);
    expect((await t.fail('privacy.erase', { candidateId: 'nobody', reason: 'request' })).code).toBe('NOT_FOUND');
    expect((await t.fail('privacy.erase', { candidateId: c.id, reason: 'retention' })).code).toBe('VALIDATION');
    expect((await t.call('candidates.list', {})).total).toBe(0);
  });
});
