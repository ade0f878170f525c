import { afterEach, describe, expect, it } from 'vitest';
import { makeTestCore } from '../testing/harness.ts';

let t: ReturnType<typeof makeTestCore>;
afterEach(async () => t?.cleanup());

const DAY = 86_400_000;

async function ready() {
  t = makeTestCore({ retention: { firstDelayMs: 1e13 } });
  await t.call('settings.update', { idleLockMinutes: 0 });
  await t.createVault();
  const c = await t.call('candidates.create', { name: 'Åse Ødegård' });
  return c;
}

describe('rights requests', () => {
  it('are due 30 days after receipt; the days left count down with the clock and an unanswered one turns overdue', async () => {
    const c = await ready();
    const r = await t.call('privacy.requests.open', { candidateId: c.id, kind: 'access', channel: 'email', note: 'Ber om kopi av CV-en' });
    expect(r).toMatchObject({
      candidateId: c.id,
      candidateName: 'Åse Ødegård',
      kind: 'access',
      channel: 'email',
      receivedOn: '2026-03-02',
      dueOn: '2026-04-01',
      originalDueOn: '2026-04-01',
      status: 'open',
      daysLeft: 30,
      overdue: false,
      extension: null,
      openedBy: { name: 'Kari Rekrutterer' },
      links: [],
    });
    // A letter read a week late counts from the day it came.
    const letter = await t.call('privacy.requests.open', { candidateId: c.id, kind: 'rectification', channel: 'letter', receivedOn: '2026-02-20' });
    expect(letter).toMatchObject({ dueOn: '2026-03-22', daysLeft: 20 });
    const future = await t.fail('privacy.requests.open', { candidateId: c.id, kind: 'access', channel: 'form', receivedOn: '2026-03-03' });
    expect(future).toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/future/) });
    expect((await t.fail('privacy.requests.open', { candidateId: 'nobody', kind: 'access', channel: 'form' })).code).toBe('NOT_FOUND');

    t.clock.advance(20 * DAY);
    const open = await t.call('privacy.requests.list', {});
    // Soonest deadline first.
    expect(open.map((x) => [x.kind, x.daysLeft, x.overdue])).toEqual([
      ['rectification', 0, false],
      ['access', 10, false],
    ]);
    t.clock.advance(DAY);
    expect((await t.call('privacy.requests.get', { requestId: letter.id })).overdue).toBe(true);
    expect((await t.call('privacy.overview', {})).requests).toEqual({ open: 2, overdue: 1 });
    t.clock.advance(10 * DAY);
    expect((await t.call('privacy.requests.list', {})).map((x) => [x.daysLeft, x.overdue])).toEqual([
      [-11, true],
      [-1, true],
    ]);
    expect((await t.call('privacy.overview', {})).requests).toEqual({ open: 2, overdue: 2 });

    // The log keeps ids and codes, not the note.
    const opened = (await t.call('privacy.audit.list', { candidateId: c.id })).items.filter((e) => e.action === 'request.open');
    expect(opened.map((e) => e.subjects)).toEqual([{ request: letter.id }, { request: r.id }]);
    expect(JSON.stringify(opened)).not.toContain('kopi');
  });

  it('can be extended once, within the first month, by up to two more months, with a reason', async () => {
    const c = await ready();
    const r = await t.call('privacy.requests.open', { candidateId: c.id, kind: 'portability', channel: 'form' });
    t.clock.advance(25 * DAY);
    const tooLong = await t.fail('privacy.requests.extend', { requestId: r.id, dueOn: '2026-06-01', reason: 'complexity' });
    expect(tooLong).toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/at most two months, to 2026-05-31/) });
    const tooEarly = await t.fail('privacy.requests.extend', { requestId: r.id, dueOn: '2026-04-01', reason: 'complexity' });
    expect(tooEarly.code).toBe('VALIDATION');
    const extended = await t.call('privacy.requests.extend', { requestId: r.id, dueOn: '2026-05-31', reason: 'numberOfRequests', note: 'Mange CV-er' });
    expect(extended).toMatchObject({
      dueOn: '2026-05-31',
      originalDueOn: '2026-04-01',
      daysLeft: 65,
      extension: { dueOn: '2026-05-31', reason: 'numberOfRequests', note: 'Mange CV-er', by: { name: 'Kari Rekrutterer' } },
    });
    expect((await t.fail('privacy.requests.extend', { requestId: r.id, dueOn: '2026-05-30', reason: 'complexity' })).code).toBe('CONFLICT');

    // Past the first deadline the extension counts, and a new request can no longer be extended.
    const late = await t.call('privacy.requests.open', { candidateId: c.id, kind: 'objection', channel: 'phone' });
    t.clock.advance(31 * DAY);
    expect((await t.call('privacy.requests.get', { requestId: r.id })).overdue).toBe(false);
    const refused = await t.fail('privacy.requests.extend', { requestId: late.id, dueOn: '2026-06-20', reason: 'complexity' });
    expect(refused).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/first deadline \(2026-04-26\) has passed/) });
    const entry = (await t.call('privacy.audit.list', { candidateId: c.id })).items.find((e) => e.action === 'request.extend');
    expect(entry).toMatchObject({ subjects: { request: r.id }, detail: { reason: 'numberOfRequests', dueOn: '2026-05-31' } });
  });

  it('are answered or refused with a reason once; the answer records whether it was on time', async () => {
    const c = await ready();
    const a = await t.call('privacy.requests.open', { candidateId: c.id, kind: 'rectification', channel: 'phone' });
    const b = await t.call('privacy.requests.open', { candidateId: c.id, kind: 'objection', channel: 'email' });
    t.clock.advance(5 * DAY);
    const done = await t.call('privacy.requests.complete', { requestId: a.id, note: 'Adressen rettet' });
    expect(done).toMatchObject({ status: 'completed', closedAt: '2026-03-07T08:00:00.000Z', closedBy: { name: 'Kari Rekrutterer' }, daysLeft: 25, note: 'Adressen rettet' });
    expect((await t.fail('privacy.requests.complete', { requestId: a.id })).code).toBe('CONFLICT');
    expect((await t.fail('privacy.requests.reject', { requestId: b.id, reason: 'nope' })).code).toBe('VALIDATION');
    t.clock.advance(40 * DAY);
    const no = await t.call('privacy.requests.reject', { requestId: b.id, reason: 'legalClaims', note: 'Tvist pågår' });
    expect(no).toMatchObject({ status: 'rejected', rejection: { reason: 'legalClaims', note: 'Tvist pågår' }, overdue: true });
    expect(await t.call('privacy.requests.list', {})).toEqual([]);
    expect((await t.call('privacy.requests.list', { candidateId: c.id, status: 'all' })).map((x) => x.status).sort()).toEqual(['completed', 'rejected']);
    const trail = (await t.call('privacy.audit.list', { candidateId: c.id })).items;
    expect(trail.find((e) => e.action === 'request.complete')).toMatchObject({ detail: { kind: 'rectification', onTime: true } });
    expect(trail.find((e) => e.action === 'request.reject')).toMatchObject({ detail: { kind: 'objection', reason: 'legalClaims', onTime: false } });
  });

  it('link the export that answered an access request, and refuse an action that does not answer the kind', async () => {
    const c = await ready();
    const access = await t.call('privacy.requests.open', { candidateId: c.id, kind: 'access', channel: 'email' });
    const erasure = await t.call('privacy.requests.open', { candidateId: c.id, kind: 'erasure', channel: 'email' });
    const other = await t.call('candidates.create', { name: 'Per' });
    const zip = await t.call('privacy.export', { candidateId: c.id, requestId: access.id });
    expect((await t.call('privacy.requests.get', { requestId: access.id })).links).toEqual([{ kind: 'export', ref: zip.sha256, at: '2026-03-02T08:00:00.000Z' }]);
    expect((await t.fail('privacy.export', { candidateId: c.id, requestId: erasure.id })).code).toBe('VALIDATION');
    expect((await t.fail('privacy.export', { candidateId: other.id, requestId: access.id })).message).toMatch(/another candidate/);
    expect((await t.fail('privacy.erase', { candidateId: c.id, reason: 'request', requestId: access.id })).code).toBe('VALIDATION');
    // Nothing was erased by the refused call.
    expect((await t.call('candidates.get', { id: c.id })).name).toBe('Åse Ødegård');
    // An erasure answers every open erasure request of the candidate, even without naming one.
    const report = await t.call('privacy.erase', { candidateId: c.id, reason: 'request' });
    expect(report.requestsCompleted).toEqual([erasure.id]);
    expect(await t.call('privacy.requests.get', { requestId: erasure.id })).toMatchObject({
      status: 'completed',
      candidateName: null,
      candidateErased: true,
      links: [{ kind: 'erasure', ref: c.id, at: '2026-03-02T08:00:00.000Z' }],
    });
  });

  it('an erasure by a retention run also answers an open erasure request', async () => {
    const c = await ready();
    const r = await t.call('privacy.requests.open', { candidateId: c.id, kind: 'erasure', channel: 'phone' });
    t.clock.set('2027-03-03T08:00:00Z');
    const report = await t.call('privacy.retention.run', {});
    expect(report.erased.map((e) => e.candidateId)).toEqual([c.id]);
    expect(await t.call('privacy.requests.get', { requestId: r.id })).toMatchObject({
      status: 'completed',
      // A run started by hand is hers; the daily job's would have no one.
      closedBy: { name: 'Kari Rekrutterer' },
      candidateErased: true,
      links: [{ kind: 'erasure', ref: c.id }],
    });
  });
});
