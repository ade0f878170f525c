import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { request } from 'node:https';
import { Webhook } from 'standardwebhooks';
import { makeTestCore } from '../testing/harness.ts';
import { startReceiver, type Receiver } from '../../receiver/server.ts';
import type { SharingSender } from './sender.ts';
import { makeTestTls, type TestTls } from './test-tls.ts';
import { certificatePins } from './transport.ts';
import { addCandidate, addClient, allOutbox, connect, newSecret } from './test-support.ts';

/**
 * Real HTTPS on the loopback: the sender trusts only a certificate authority made
 * for this test; the reference receiver verifies signatures and applies each
 * webhook-id once.
 */

let tls: TestTls;
beforeAll(async () => {
  tls = await makeTestTls();
});

const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  while (open.length) await open.pop()!.close();
});

async function setup(options: { trustCa?: boolean } = {}) {
  const secret = newSecret();
  const receiver = await startReceiver({ secret, tls: { key: tls.key, cert: tls.cert } });
  open.push(receiver);
  let sender: SharingSender | null = null;
  const t = makeTestCore({
    sharing: {
      https: { ...(options.trustCa === false ? {} : { ca: tls.ca }), timeoutMs: 5_000 },
      // The receiver checks signature times against its own (real) clock.
      signingNow: () => new Date(),
      baseDelayMs: 1000,
      pollMs: 3_600_000,
      onCreate: (s) => (sender = s),
    },
    retention: { firstDelayMs: 1e13 },
  });
  open.push({ close: t.cleanup });
  await t.createVault();
  const client = await addClient(t.call, { name: 'Fjordlager AS' });
  return { ...t, secret, receiver, client, idle: () => sender!.whenIdle() };
}

function post(receiver: Receiver, headers: Record<string, string>, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(receiver.url, { method: 'POST', ca: tls.ca, headers: { 'content-type': 'application/json', ...headers } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('sharing over HTTPS to the reference receiver', () => {
  it('delivers each profile once, verified, and the receiver holds them by reference', async () => {
    const t = await setup();
    await connect(t.call, t.client.id, t.receiver.url, t.secret);
    const a = await addCandidate(t.call, 1, { consentTo: t.client.id });
    const b = await addCandidate(t.call, 2, { consentTo: t.client.id });
    const { queued } = await t.call('sharing.share', { candidateIds: [a.id, b.id], clientId: t.client.id, vacancyId: 'v-9' });
    await t.idle();
    expect((await allOutbox(t.call)).map((i) => i.status)).toEqual(['delivered', 'delivered']);
    expect(t.receiver.store.messages().map((m) => m.id).sort()).toEqual(queued.map((q) => q.id).sort());
    expect(t.receiver.store.heldProfiles()).toHaveLength(2);
    expect(t.receiver.rejected).toBe(0);
  });

  it('with a pin, sends only to the pinned key', async () => {
    const t = await setup();
    const pins = certificatePins(tls.certDer);
    await connect(t.call, t.client.id, t.receiver.url, t.secret, { pinSha256: pins.spki });
    const a = await addCandidate(t.call, 1, { consentTo: t.client.id });
    await t.call('sharing.share', { candidateIds: [a.id], clientId: t.client.id });
    await t.idle();
    expect(t.receiver.store.messages()).toHaveLength(1);

    // Hex of a key that is not the server's.
    await t.call('sharing.connections.save', { clientId: t.client.id, endpoint: t.receiver.url, pinSha256: 'ab'.repeat(32) });
    const b = await addCandidate(t.call, 2, { consentTo: t.client.id });
    await t.call('sharing.share', { candidateIds: [b.id], clientId: t.client.id });
    await t.idle();
    expect(t.receiver.store.messages()).toHaveLength(1);
    const waiting = (await allOutbox(t.call)).find((i) => i.candidateId === b.id)!;
    expect(waiting).toMatchObject({ status: 'queued', attempts: 1, lastError: 'The server certificate does not match the pinned key' });
  });

  it('does not send to a server whose certificate it cannot verify', async () => {
    const t = await setup({ trustCa: false });
    await connect(t.call, t.client.id, t.receiver.url, t.secret);
    const a = await addCandidate(t.call, 1, { consentTo: t.client.id });
    await t.call('sharing.share', { candidateIds: [a.id], clientId: t.client.id });
    await t.idle();
    expect(t.receiver.store.messages()).toHaveLength(0);
    expect((await allOutbox(t.call))[0]).toMatchObject({ status: 'queued', lastError: expect.stringMatching(/certificate/) });
  });

  it('the receiver rejects a tampered body or a wrong secret, and applies a repeated id once', async () => {
    const t = await setup();
    const body = JSON.stringify({ type: 'candidate.profile.shared', timestamp: new Date().toISOString(), data: { profileRef: 'prf_x' } });
    const now = new Date();
    const headers = {
      'webhook-id': 'msg_tamper',
      'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
      'webhook-signature': new Webhook(t.secret).sign('msg_tamper', now, body),
    };
    expect(await post(t.receiver, headers, body.replace('prf_x', 'prf_y'))).toBe(401);
    const forged = { ...headers, 'webhook-signature': new Webhook(newSecret()).sign('msg_tamper', now, body) };
    expect(await post(t.receiver, forged, body)).toBe(401);
    expect(t.receiver.rejected).toBe(2);
    expect(t.receiver.store.messages()).toHaveLength(0);
    expect(await post(t.receiver, headers, body)).toBe(200);
    expect(await post(t.receiver, headers, body)).toBe(200);
    expect(t.receiver.store.messages()).toHaveLength(1);

    // The sender with the wrong secret: refused, and not retried blindly.
    await connect(t.call, t.client.id, t.receiver.url, newSecret());
    const a = await addCandidate(t.call, 1, { consentTo: t.client.id });
    await t.call('sharing.share', { candidateIds: [a.id], clientId: t.client.id });
    await t.idle();
    expect((await allOutbox(t.call))[0]).toMatchObject({ status: 'failed', lastError: 'The client answered 401' });
  });
});
