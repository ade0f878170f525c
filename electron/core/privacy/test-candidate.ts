import { expect } from 'vitest';
import { makeTestCore } from '../testing/harness.ts';
import { draftOutput, fakeReader } from '../intake/fake-reader.ts';
import { textPdf } from '../intake/test-files.ts';
import { waitForJobs } from '../intake/test-support.ts';

/**
 * For the privacy tests: a candidate with something in every part of the vault —
 * an intake job and its original, a profile, document text, a kept national id,
 * history, consents (given and withdrawn), a policy notification, an activity
 * mark, a released hold, a rights request with a note — and a second candidate
 * who must be left alone.
 */
export const secret = {
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
  holdReason: 'Tvistesak Sandnes tingrett 26-0412',
  requestNote: 'Brev fra advokat Lindeberg datert 27. februar',
};
export const keeper = { name: 'Per Kvaløysletta', email: 'per.kvaloy@eksempel.no' };
export const NOTICE = { version: 'samtykke-1', text: 'Vi tar vare på CV-en din for fremtidige oppdrag.' };

export async function fullCandidate() {
  const reader = fakeReader();
  const t = makeTestCore({ intake: { reader, concurrency: 1 }, retention: { firstDelayMs: 1e13 } });
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
  await t.call('privacy.activity.record', { candidateId: c.id, kind: 'reply' });
  const hold = await t.call('privacy.holds.set', { candidateId: c.id, reason: secret.holdReason, until: null });
  await t.call('privacy.holds.release', { holdId: hold.id });
  const other = await t.call('candidates.create', { name: keeper.name, emails: [keeper.email] });
  await t.call('privacy.policy.publish', { version: 'v1', text: 'Personvernerklæring' });
  await t.call('privacy.policy.markTold', { version: 'v1', candidateIds: [c.id, other.id] });
  await t.call('privacy.requests.open', { candidateId: c.id, kind: 'access', channel: 'letter', note: secret.requestNote });
  return { t, c, other, pdf };
}
