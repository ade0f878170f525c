import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { EventPayloads } from '../../../shared/events.ts';
import { makeTestCore } from '../testing/harness.ts';
import { syncMailbox } from './imap-sync.ts';
import { dovecotAvailable, startDovecot, startDroppingProxy, type DovecotServer } from './testing/dovecot.ts';
import { eml } from './testing/messages.ts';

/** Against Debian's Dovecot on 127.0.0.1 (installed by .ci/run). */
const available = dovecotAvailable();
if (!available) console.warn('Skipping the IMAP tests: /usr/sbin/dovecot is not installed (apt-get install dovecot-imapd)');

let server: DovecotServer;
let t: ReturnType<typeof makeTestCore>;
beforeAll(async () => {
  if (available) server = await startDovecot();
}, 30_000);
afterAll(async () => {
  await server?.stop();
});
afterEach(async () => {
  await t?.cleanup();
});

const OWN = 'kari@byraa.no';

function mailbox(n: number, offset = 0): Buffer[] {
  // Every third from Åse, every third to Bjørn, the rest from strangers.
  return Array.from({ length: n }, (_, k) => {
    const i = k + offset;
    const who = i % 3;
    return eml({
      from: who === 0 ? 'ase@example.no' : who === 1 ? OWN : `ukjent${i}@annet.no`,
      to: who === 1 ? ['bjorn@example.no'] : [OWN],
      subject: `Melding ${i}`,
      text: `Innhold nummer ${i} om oppdrag${'.'.repeat(400)}`,
      messageId: `m-${i}@test.no`,
      date: new Date(Date.UTC(2026, 1, 1, 8, i % 60)).toISOString(),
    });
  });
}

async function ready(port: number) {
  t = makeTestCore({ retention: { firstDelayMs: 1e13 } });
  await t.createVault();
  const ase = await t.call('candidates.create', { name: 'Åse Ødegård', emails: ['ase@example.no'] });
  const bjorn = await t.call('candidates.create', { name: 'Bjørn Lie', emails: ['bjorn@example.no'] });
  await t.call('mail.account.save', {
    address: OWN,
    imap: { host: '127.0.0.1', port, secure: false, user: server.user, password: server.password },
    folders: ['INBOX'],
  });
  return { ase, bjorn };
}

const emailsOf = async (candidateId: string) => (await t.call('activity.timeline', { candidateId, kinds: ['email'], limit: 1000 })).items;

describe.skipIf(!available)('mailbox logging over IMAP', () => {
  it('logs new messages on the candidates they concern, with progress, and a second run only what is new', async () => {
    const first = mailbox(30);
    server.deliver('INBOX', first);
    const { ase, bjorn } = await ready(server.port);
    const progress: EventPayloads['mail.sync.progress'][] = [];
    t.core.events.on((name, payload) => {
      if (name === 'mail.sync.progress') progress.push(payload as EventPayloads['mail.sync.progress']);
    });

    const report = await t.call('mail.sync', {});
    expect(report.folders).toEqual([{ folder: 'INBOX', fetched: 30, logged: 20, duplicates: 0, unmatched: 10, lastUid: 30 }]);
    expect(await emailsOf(ase.id)).toHaveLength(10);
    const toBjorn = await emailsOf(bjorn.id);
    expect(toBjorn).toHaveLength(10);
    expect(toBjorn.every((e) => e.direction === 'out' && e.data.source === 'imap')).toBe(true);
    expect(progress.at(-1)?.finished).toBe(true);
    expect(progress.some((p) => p.folder === 'INBOX' && p.done === 30 && p.total === 30)).toBe(true);
    const account = await t.call('mail.account.get', {});
    expect(account.account).toMatchObject({ imap: { hasPassword: true }, lastSyncAt: '2026-03-02T08:00:00.000Z' });
    expect(JSON.stringify(account)).not.toContain(server.password);

    server.deliver('INBOX', mailbox(3, 30));
    const next = await t.call('mail.sync', {});
    expect(next.folders[0]).toMatchObject({ fetched: 3, logged: 2, lastUid: 33 });
    expect(await emailsOf(ase.id)).toHaveLength(11);
  }, 60_000);

  it('a connection dropped in the middle keeps what was committed, and the next run resumes without duplicates', async () => {
    const proxy = await startDroppingProxy(server.port);
    try {
      const { ase, bjorn } = await ready(proxy.port);
      // This test has its own folder so the first test's messages do not count.
      const messages = mailbox(60, 100);
      server.deliver('Resume', messages);
      await t.call('mail.account.save', {
        address: OWN,
        imap: { host: '127.0.0.1', port: proxy.port, secure: false, user: server.user },
        folders: ['Resume'],
      });
      const total = messages.reduce((n, m) => n + m.length, 0);
      proxy.cutAfterBytes = Math.round(total * 0.5);
      const dropped = await syncMailbox(t.core.ctx, { batchSize: 10 }).then(
        () => null,
        (error: { code?: string; message: string }) => error,
      );
      expect(dropped?.code).toBe('TIMEOUT');
      expect(dropped?.message).toMatch(/connection to the mailbox was lost/);
      const state = await t.core.ctx.vault.requireSession().db.call('mail.folderState', { folder: 'Resume' });
      expect(state!.lastUid).toBeGreaterThanOrEqual(10);
      expect(state!.lastUid).toBeLessThan(60);
      const loggedBefore = (await emailsOf(ase.id)).length + (await emailsOf(bjorn.id)).length;
      expect(loggedBefore).toBeGreaterThan(0);

      proxy.cutAfterBytes = null;
      const resumed = await syncMailbox(t.core.ctx, { batchSize: 10 });
      expect(resumed.folders[0]!.fetched).toBe(60 - state!.lastUid);
      const all = [...(await emailsOf(ase.id)), ...(await emailsOf(bjorn.id))];
      expect(all).toHaveLength(40);
      expect(new Set(all.map((e) => e.data.messageId)).size).toBe(40);

      // Forgetting where it was (a renumbered folder) reads everything again and logs nothing twice.
      await t.core.ctx.vault.requireSession().db.call('mail.setFolderState', { folder: 'Resume', uidValidity: 'old', lastUid: 0 });
      const again = await syncMailbox(t.core.ctx, { batchSize: 25 });
      expect(again.folders[0]).toMatchObject({ fetched: 60, logged: 0, duplicates: 40 });
    } finally {
      await proxy.stop();
    }
  }, 60_000);

  it('an unsubscribe reply in the mailbox is recorded as a withdrawal of the marketing consent', async () => {
    const { ase } = await ready(server.port);
    await t.call('privacy.consents.grant', { candidateId: ase.id, purpose: 'marketingEmail', source: 'form', notice: { version: 'nb-1', text: 'Ja til nyhetsbrev' } });
    const db = t.core.ctx.vault.requireSession().db;
    const token = '0123456789abcdef0123456789abcdef01234567';
    await db.call('mail.recordCampaign', { id: 'camp-1', subject: 'Nyhetsbrev', body: 'x', actorId: t.core.ctx.vault.requireSession().owner.id, now: '2026-03-01T08:00:00.000Z' });
    await db.call('mail.recordRecipient', { campaignId: 'camp-1', candidateId: ase.id, token, status: 'sent', now: '2026-03-01T08:00:00.000Z' });
    server.deliver('Avmelding', [eml({ from: 'ase@example.no', to: [`avmeld+${token}@byraa.no`], subject: `unsubscribe ${token}`, text: '', messageId: 'unsub-1@example.no' })]);
    await t.call('mail.account.save', {
      address: OWN,
      imap: { host: '127.0.0.1', port: server.port, secure: false, user: server.user },
      folders: ['Avmelding'],
      unsubscribeAddress: 'avmeld@byraa.no',
    });
    const report = await t.call('mail.sync', {});
    expect(report.unsubscribes).toBe(1);
    expect((await t.call('privacy.consents.current', { candidateId: ase.id })).purposes.marketingEmail).toBe(false);
    // The request itself is not correspondence about the candidate.
    expect(await emailsOf(ase.id)).toHaveLength(0);
  }, 30_000);

  it('can be cancelled; what was committed stays and the next run goes on from there', async () => {
    const { ase, bjorn } = await ready(server.port);
    server.deliver('Cancel', mailbox(60, 300));
    await t.call('mail.account.save', { address: OWN, imap: { host: '127.0.0.1', port: server.port, secure: false, user: server.user }, folders: ['Cancel'] });
    const off = t.core.events.on((name, payload) => {
      if (name === 'mail.sync.progress' && (payload as EventPayloads['mail.sync.progress']).done === 10) {
        off();
        void t.call('mail.sync.cancel', {});
      }
    });
    const report = await syncMailbox(t.core.ctx, { batchSize: 10 });
    expect(report.cancelled).toBe(true);
    const state = await t.core.ctx.vault.requireSession().db.call('mail.folderState', { folder: 'Cancel' });
    expect(state!.lastUid).toBeGreaterThanOrEqual(10);
    expect(state!.lastUid).toBeLessThan(60);
    const resumed = await syncMailbox(t.core.ctx, { batchSize: 10 });
    expect(resumed.folders[0]!.fetched).toBe(60 - state!.lastUid);
    expect((await emailsOf(ase.id)).length + (await emailsOf(bjorn.id)).length).toBe(40);
  }, 30_000);

  it('a wrong password is a clear error, not a hang', async () => {
    await ready(server.port);
    await t.call('mail.account.save', { address: OWN, imap: { host: '127.0.0.1', port: server.port, secure: false, user: server.user, password: 'feil' }, folders: ['INBOX'] });
    const error = await t.fail('mail.sync', {});
    expect(error.message).toMatch(/Could not sign in/);
  }, 30_000);
});
