import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:http';
import WebSocket from 'ws';
import { startBridge, type Bridge } from './server.ts';
import { makeTestCore, TEST_PASSPHRASE } from '../core/testing/harness.ts';

let bridge: Bridge | null = null;
let t: ReturnType<typeof makeTestCore> | null = null;
let staticDir: string | null = null;

afterEach(async () => {
  await bridge?.close();
  await t?.cleanup();
  if (staticDir) rmSync(staticDir, { recursive: true, force: true });
  bridge = null;
  t = null;
});

async function setup() {
  t = makeTestCore();
  staticDir = mkdtempSync(join(tmpdir(), 'kandidat-static-'));
  mkdirSync(join(staticDir, 'assets'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Kandidat</title>');
  writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log(1)');
  bridge = await startBridge({ dispatch: t.core.dispatch, events: t.core.events, staticDir });
  return { t, bridge };
}

/** A raw HTTP request, so Host, Origin and paths are exactly what a hostile client sends. */
function raw(
  port: number,
  options: { method?: string; path?: string; headers?: Record<string, string>; body?: string },
): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path ?? '/', headers: options.headers },
      (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    if (options.body) req.write(options.body);
    req.end();
  });
}

const rpc = (b: Bridge, method: string, input: unknown, extra: Record<string, string> = {}) =>
  raw(b.port, {
    method: 'POST',
    path: '/rpc',
    headers: { host: `127.0.0.1:${b.port}`, 'content-type': 'application/json', authorization: `Bearer ${b.token}`, ...extra },
    body: JSON.stringify({ method, input }),
  });

describe('bridge', () => {
  it('listens on 127.0.0.1 only with a 256-bit token', async () => {
    const { bridge } = await setup();
    expect(bridge.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(bridge.token).toMatch(/^[0-9a-f]{64}$/);
  });

  it('answers calls through the same dispatch, errors as {code, message}', async () => {
    const { bridge } = await setup();
    const status = JSON.parse((await rpc(bridge, 'vault.status', {})).body);
    expect(status).toEqual({ ok: true, value: expect.objectContaining({ state: 'none' }) });
    const bad = JSON.parse((await rpc(bridge, 'vault.create', { passphrase: 'short' })).body);
    expect(bad.ok).toBe(false);
    expect(bad.error.code).toBe('VALIDATION');
    const unknown = JSON.parse((await rpc(bridge, 'nope.nothing', {})).body);
    expect(unknown.error.code).toBe('UNKNOWN_METHOD');
  });

  it('refuses requests without the token, with a wrong one, or from another host or origin', async () => {
    const { bridge } = await setup();
    const base = { host: `127.0.0.1:${bridge.port}`, 'content-type': 'application/json' };
    const body = JSON.stringify({ method: 'vault.status', input: {} });
    expect((await raw(bridge.port, { method: 'POST', path: '/rpc', headers: base, body })).status).toBe(401);
    expect(
      (await raw(bridge.port, { method: 'POST', path: '/rpc', headers: { ...base, authorization: 'Bearer ' + 'a'.repeat(64) }, body }))
        .status,
    ).toBe(401);
    // DNS rebinding: a page on evil.example resolving to 127.0.0.1 sends its own Host.
    expect((await rpc(bridge, 'vault.status', {}, { host: 'evil.example:80' })).status).toBe(421);
    expect((await rpc(bridge, 'vault.status', {}, { origin: 'https://evil.example' })).status).toBe(403);
    // A form post (not JSON) is refused even with the token.
    expect((await rpc(bridge, 'vault.status', {}, { 'content-type': 'text/plain' })).status).toBe(415);
    expect((await raw(bridge.port, { method: 'GET', path: '/', headers: { host: `127.0.0.1:${bridge.port}` } })).status).toBe(401);
    expect((await raw(bridge.port, { method: 'DELETE', path: '/', headers: { host: `127.0.0.1:${bridge.port}`, authorization: `Bearer ${bridge.token}` } })).status).toBe(405);
  });

  it('trades the launch token for a strict cookie and serves the app with a CSP', async () => {
    const { bridge } = await setup();
    const host = `127.0.0.1:${bridge.port}`;
    const first = await raw(bridge.port, { path: `/?token=${bridge.token}`, headers: { host } });
    expect(first.status).toBe(303);
    expect(first.headers.location).toBe('/');
    const cookie = String((first.headers['set-cookie'] as string[])[0]);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const page = await raw(bridge.port, { path: '/', headers: { host, cookie: cookie.split(';')[0]! } });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Kandidat</title>');
    expect(String(page.headers['content-security-policy'])).toContain("default-src 'self'");
    expect(String(page.headers['content-security-policy'])).not.toMatch(/https?:\/\/(?!127)/);
  });

  it('never serves files outside the renderer folder', async () => {
    const { bridge } = await setup();
    const headers = { host: `127.0.0.1:${bridge.port}`, authorization: `Bearer ${bridge.token}` };
    for (const path of ['/../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/assets/..%2f..%2f..%2fetc%2fpasswd']) {
      const res = await raw(bridge.port, { path, headers });
      expect(res.body).not.toContain('root:');
    }
    expect((await raw(bridge.port, { path: '/assets/app.js', headers })).body).toBe('console.log(1)');
  });

  it('pushes events over an authenticated WebSocket and refuses foreign origins', async () => {
    const { bridge, t } = await setup();
    const origin = `http://127.0.0.1:${bridge.port}`;
    const foreign = new WebSocket(`ws://127.0.0.1:${bridge.port}/events?token=${bridge.token}`, { origin: 'https://evil.example' });
    const refused = await new Promise<boolean>((resolve) => {
      foreign.on('open', () => resolve(false));
      foreign.on('error', () => resolve(true));
    });
    expect(refused).toBe(true);
    const noToken = new WebSocket(`ws://127.0.0.1:${bridge.port}/events`, { origin });
    expect(await new Promise((r) => (noToken.on('open', () => r(false)), noToken.on('error', () => r(true))))).toBe(true);

    const ws = new WebSocket(`ws://127.0.0.1:${bridge.port}/events?token=${bridge.token}`, { origin });
    await new Promise((resolve, reject) => (ws.on('open', resolve), ws.on('error', reject)));
    const received = new Promise<{ event: string }>((resolve) => ws.on('message', (m) => resolve(JSON.parse(String(m)))));
    await t.call('vault.create', { passphrase: TEST_PASSPHRASE, ownerName: 'Kari', ownerEmail: 'kari@byraa.no' });
    expect((await received).event).toBe('vault.unlocked');
    ws.close();
  });

  it('refuses oversized bodies', async () => {
    const { bridge } = await setup();
    const res = await raw(bridge.port, {
      method: 'POST',
      path: '/rpc',
      headers: { host: `127.0.0.1:${bridge.port}`, 'content-type': 'application/json', authorization: `Bearer ${bridge.token}` },
      body: 'x'.repeat(37 * 1024 * 1024),
    }).catch(() => ({ status: 413 }));
    expect(res.status).toBe(413);
  });
});
