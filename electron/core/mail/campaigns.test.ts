import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { makeTestCore } from '../testing/harness.ts';
import { unsubscribeRequestHandler } from './unsubscribe.ts';

/** A real SMTP server (smtp-server) and the one-click unsubscribe endpoint, both on 127.0.0.1. */

let t: ReturnType<typeof makeTestCore>;
let smtp: SMTPServer | null = null;
let web: Server | null = null;
afterEach(async () => {
  await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
  await new Promise<void>((resolve) => (web ? web.close(() => resolve()) : resolve()));
  smtp = null;
  web = null;
  await t?.cleanup();
});

const notice = { version: 'nyhetsbrev-1', text: 'Ja takk til stillingsvarsler og nyhetsbrev på e-post.' };

async function startSmtp(): Promise<{ port: number; received: { to: string[]; mail: ParsedMail }[]; arrived: (n: number) => Promise<void> }> {
  const received: { to: string[]; mail: ParsedMail }[] = [];
  const waiters: { n: number; resolve: () => void }[] = [];
  smtp = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      void simpleParser(stream).then((mail) => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), mail });
        for (const w of waiters.filter((x) => received.length >= x.n)) w.resolve();
        callback();
      }, callback);
    },
  });
  await new Promise<void>((resolve) => smtp!.listen(0, '127.0.0.1', resolve));
  const port = (smtp.server.address() as AddressInfo).port;
  const arrived = (n: number) => (received.length >= n ? Promise.resolve() : new Promise<void>((resolve) => waiters.push({ n, resolve })));
  return { port, received, arrived };
}

async function startUnsubscribePage(): Promise<string> {
  web = createServer(unsubscribeRequestHandler(t.core.dispatch));
  await new Promise<void>((resolve) => web!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(web.address() as AddressInfo).port}/unsubscribe`;
}

describe('marketing e-mail', () => {
  it('reaches only candidates with a current opt-in, each with a one-click unsubscribe that records a withdrawal', async () => {
    t = makeTestCore({ retention: { firstDelayMs: 1e13 } });
    await t.createVault();
    const server = await startSmtp();
    const unsubscribeUrl = await startUnsubscribePage();
    const [optedIn, never, withdrawn, inactive, alsoIn] = await Promise.all(
      ['Åse Ødegård', 'Bjørn Lie', 'Cecilie Dahl', 'Dag Moe', 'Eirin Berg'].map((name, i) =>
        t.call('candidates.create', { name, emails: [`kandidat${i}@example.no`] }),
      ),
    );
    for (const c of [optedIn!, withdrawn!, inactive!, alsoIn!]) {
      await t.call('privacy.consents.grant', { candidateId: c.id, purpose: 'marketingEmail', source: 'form', notice });
    }
    await t.call('privacy.consents.withdraw', { candidateId: withdrawn!.id, purpose: 'marketingEmail', source: 'phone' });
    await t.call('candidates.setStatus', { id: inactive!.id, status: 'inactive' });
    await t.call('mail.account.save', {
      address: 'kari@byraa.no',
      displayName: 'Byrået',
      imap: { host: '127.0.0.1', port: 1, secure: false, user: 'kari' },
      smtp: { host: '127.0.0.1', port: server.port, secure: false, user: '' },
      unsubscribeUrl,
      unsubscribeAddress: 'avmeld@byraa.no',
    });

    const report = await t.call('mail.campaigns.send', {
      subject: 'Nye lagerjobber i Sandnes',
      text: 'Vi har fem nye oppdrag.',
      candidateIds: [optedIn!.id, never!.id, withdrawn!.id, inactive!.id, alsoIn!.id],
    });
    expect(report.sent.sort()).toEqual([optedIn!.id, alsoIn!.id].sort());
    expect(report.skipped.sort()).toEqual([never!.id, withdrawn!.id, inactive!.id].sort());
    await server.arrived(2);
    expect(server.received.map((r) => r.to[0]).sort()).toEqual(['kandidat0@example.no', 'kandidat4@example.no']);

    const tokens = new Set<string>();
    for (const { mail } of server.received) {
      expect(mail.headerLines.find((h) => h.key === 'list-unsubscribe-post')?.line).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
      const raw = mail.headerLines.find((h) => h.key === 'list-unsubscribe')!.line;
      const https = /<(http[^>]+)>/.exec(raw)![1]!;
      expect(raw).toMatch(/<mailto:avmeld\+[0-9a-f]{40}@byraa\.no\?subject=unsubscribe%20[0-9a-f]{40}>/);
      tokens.add(new URL(https).searchParams.get('token')!);
    }
    expect(tokens.size).toBe(2);

    // Åse clicks "unsubscribe" in her mail program: one POST, as RFC 8058 says.
    const aseMail = server.received.find((r) => r.to[0] === 'kandidat0@example.no')!.mail;
    const url = /<(http[^>]+)>/.exec(aseMail.headerLines.find((h) => h.key === 'list-unsubscribe')!.line)![1]!;
    const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
    expect(response.status).toBe(200);
    const ledger = await t.call('privacy.consents.list', { candidateId: optedIn!.id });
    expect(ledger[0]).toMatchObject({ purpose: 'marketingEmail', action: 'withdraw', source: 'email' });
    expect((await t.call('privacy.consents.current', { candidateId: optedIn!.id })).purposes.marketingEmail).toBe(false);
    // A GET (a link scanner following the URL) unsubscribes nobody.
    expect((await fetch(url)).status).toBe(400);

    const next = await t.call('mail.campaigns.send', { subject: 'Uke 11', text: 'Flere oppdrag.' });
    expect(next.sent).toEqual([alsoIn!.id]);
  }, 30_000);

  it('refuses to send without an unsubscribe target', async () => {
    t = makeTestCore({ retention: { firstDelayMs: 1e13 } });
    await t.createVault();
    await t.call('mail.account.save', {
      address: 'kari@byraa.no',
      imap: { host: '127.0.0.1', port: 1, secure: false, user: 'kari' },
      smtp: { host: '127.0.0.1', port: 2, secure: false, user: '' },
    });
    expect((await t.fail('mail.campaigns.send', { subject: 'x', text: 'y' })).code).toBe('VALIDATION');
  });
});
