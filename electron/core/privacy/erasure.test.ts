import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { makeTestCore } from '../testing/harness.ts';
import { decryptedVaultPages, findInPages } from '../testing/vault-pages.ts';
import { draftOutput, fakeReader } from '../intake/fake-reader.ts';
import { textPdf } from '../intake/test-files.ts';
import { waitForJobs } from '../intake/test-support.ts';
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

const secret = {
  name: 'Gunnhild Sørensen-Aaberg',
  email: 'gunnhild.sorensen@eksempel.no',
  phone: '+4748123795',
  street: 'Kjerringsundveien 117',
  notes: 'Ønsker nattskift ved Hjelmeland lager',
  oldNotes: 'Ringte tilbake om truckførerbevis',
  employer: 'Hjelmeland Fjordlager AS',
  nationalId: '01019012345',
  fileName: 'Gunnhild_Aaberg_CV.pdf',
  cvLine: 'Truckfører med ADR-kompetanse, Kvitsøy',
};
const keeper = { name: 'Per Kvaløysletta', email: 'per.kvaloy@eksempel.no' };
const NOTICE = { version: 'samtykke-1', text: 'Vi tar vare på CV-en din for fremtidige oppdrag.' };

const key = () => t.core.ctx.vault.requireSession().key;

/** A candidate with something in every part: intake job and original, profile, document text, kept national id, history, consents. */
async function fullCandidate() {
  const reader = fakeReader();
  t = makeTestCore({ intake: { reader, concurrency: 1 } });
  await t.createVault();
  const pdf = textPdf([[secret.name, secret.cvLine, secret.employer]]);
  reader.scripts.set(secret.fileName, {
    kind: 'draft',
    output: draftOutput({
      name: secret.name,
      email: secret.email,
      phone: '48 12 37 95',
      nationalId: secret.nationalId,
      work: [{ name: secret.employer, position: 'Truckfører' }],
      text: `${secret.name}\n${secret.cvLine}\n${secret.employer}`,
    }),
  });
  const { jobs } = await t.call('intake.submit', { files: [{ name: secret.fileName, bytes: pdf.toString('base64') }] });
  await waitForJobs(t, [jobs[0]!.id], ['review']);
  const draft = await t.call('intake.getDraft', { jobId: jobs[0]!.id });
  const { candidate } = await t.call('candidates.createFromDraft', { jobId: jobs[0]!.id, resume: draft.resume, keepNationalId: true });
  // The same file dropped again: a duplicate job pointing at the candidate.
  const again = await t.call('intake.submit', { files: [{ name: 'kopi.pdf', bytes: pdf.toString('base64') }] });
  expect(again.jobs[0]!.state).toBe('duplicate');
  let c = await t.call('candidates.update', {
    id: candidate.id,
    version: candidate.version,
    patch: { notes: secret.oldNotes, address: { street: secret.street, postalCode: '4130', city: 'Hjelmeland' } },
  });
  c = await t.call('candidates.update', { id: c.id, version: c.version, patch: { notes: secret.notes } });
  await t.call('privacy.consents.grant', { candidateId: c.id, purpose: 'keepForFuture', source: 'form', notice: NOTICE });
  await t.call('privacy.consents.grant', { candidateId: c.id, purpose: 'shareWithClient', clientId: 'client-1', source: 'phone', notice: NOTICE });
  await t.call('privacy.consents.withdraw', { candidateId: c.id, purpose: 'shareWithClient', clientId: 'client-1', source: 'email' });
  const other = await t.call('candidates.create', { name: keeper.name, emails: [keeper.email] });
  await t.call('privacy.policy.publish', { version: 'v1', text: 'Personvernerklæring' });
  return { c, other, pdf };
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

    const report = await t.call('privacy.erase', { candidateId: c.id, reason: 'request' });
    expect(report).toMatchObject({ candidateId: c.id, reason: 'request', erasedAt: '2026-03-02T08:00:00.000Z' });
    expect(report.removed).toMatchObject({
      intake: 2,
      documents: 1,
      profile: 1,
      nationalId: 1,
      consents: 3,
      policyNotifications: 1,
      candidate: 1,
      originals: 1,
    });
    expect(report.removed.history).toBeGreaterThanOrEqual(4);

    expect(findInPages(decryptedVaultPages(t.vaultDir, key()), needles)).toEqual([]);
    // The candidate kept is untouched.
    expect(findInPages(decryptedVaultPages(t.vaultDir, key()), Object.values(keeper)).sort()).toEqual(Object.values(keeper).sort());
    expect((await t.call('candidates.get', { id: other.id })).name).toBe(keeper.name);

    raw = openEncrypted(join(t.vaultDir, DATABASE_FILE), key());
    // Only the tombstone and the audit trail keep the id, and neither holds personal data.
    expect(tablesMentioning(raw, c.id).sort()).toEqual(['audit_log.candidate_id', 'erasures.candidate_id']);
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
    expect(trail.items[0]).toMatchObject({ action: 'erasure', detail: { reason: 'request' } });
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
