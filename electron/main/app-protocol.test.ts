import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createAppProtocolHandler, resolveAppPath } from './app-protocol.ts';

const home = mkdtempSync(join(tmpdir(), 'kandidat-protocol-'));
const root = join(home, 'renderer');
mkdirSync(join(root, 'assets'), { recursive: true });
writeFileSync(join(root, 'index.html'), '<!doctype html><title>Kandidat</title>');
writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
// A file beside the renderer folder that no app:// URL may reach.
writeFileSync(join(home, 'secret.txt'), 'not for the renderer');
mkdirSync(join(home, 'renderer-evil'), { recursive: true });
writeFileSync(join(home, 'renderer-evil', 'x.js'), 'evil');

afterAll(() => rmSync(home, { recursive: true, force: true }));

const traversals = [
  'app://kandidat/..%2fsecret.txt',
  'app://kandidat/..%2F..%2F..%2Fetc%2Fpasswd',
  'app://kandidat/assets/..%2f..%2fsecret.txt',
  'app://kandidat/%2e%2e%2fsecret.txt',
  'app://kandidat/..%5csecret.txt',
  'app://kandidat/assets%5c..%5c..%5csecret.txt',
  'app://kandidat/index.html%00.js',
  'app://kandidat/%E0%A4%A',
  'app://kandidat/..%2frenderer-evil%2fx.js',
];

describe('app:// path resolution', () => {
  it('maps our URLs to files inside the renderer folder', () => {
    expect(resolveAppPath(root, 'app://kandidat/index.html')).toBe(join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://kandidat/')).toBe(join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://kandidat/assets/app.js')).toBe(join(root, 'assets', 'app.js'));
    // A client-side route reloads the app rather than failing.
    expect(resolveAppPath(root, 'app://kandidat/candidates/42')).toBe(join(root, 'index.html'));
  });

  it.each(traversals)('refuses the traversal %s', (url) => {
    expect(resolveAppPath(root, url)).toBeNull();
  });

  it('refuses other hosts and schemes', () => {
    expect(resolveAppPath(root, 'app://evil/index.html')).toBeNull();
    expect(resolveAppPath(root, 'app://kandidat:8080/index.html')).toBeNull();
    expect(resolveAppPath(root, 'file:///etc/passwd')).toBeNull();
    expect(resolveAppPath(root, 'https://kandidat/index.html')).toBeNull();
    expect(resolveAppPath(root, 'not a url')).toBeNull();
  });
});

describe('app:// protocol handler', () => {
  const handler = createAppProtocolHandler(root);

  it('serves the renderer with its content type and the CSP', async () => {
    const response = await handler(new Request('app://kandidat/index.html'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<title>Kandidat</title>');

    const script = await handler(new Request('app://kandidat/assets/app.js'));
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it.each(traversals)('answers 403 to %s without reading anything', async (url) => {
    const read = vi.fn(async () => new Uint8Array());
    const response = await createAppProtocolHandler(root, read)(new Request(url));
    expect(response.status).toBe(403);
    expect(read).not.toHaveBeenCalled();
    expect(await response.text()).not.toContain('not for the renderer');
  });

  it('answers 404 for a missing asset and 405 for writes', async () => {
    expect((await handler(new Request('app://kandidat/assets/missing.js'))).status).toBe(404);
    expect((await handler(new Request('app://kandidat/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
  });
});
