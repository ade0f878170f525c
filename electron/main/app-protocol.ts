import { readFile } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { securityHeaders } from './csp.ts';

/** The renderer is served as app://kandidat/…: a real origin, unlike file://. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'kandidat';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

export const mimeTypeOf = (file: string) => MIME[extname(file).toLowerCase()] ?? 'application/octet-stream';

/**
 * The file under `rootDir` an app:// URL names, or null when the URL is not ours or
 * would reach outside the renderer folder (`..`, encoded slashes, backslashes, NUL).
 * Paths without an extension fall back to index.html so client-side routes reload.
 */
export function resolveAppPath(rootDir: string, requestUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  if (pathname.split('/').some((segment) => segment === '..')) return null;
  if (pathname === '/' || pathname === '') pathname = '/index.html';
  if (!extname(pathname)) pathname = '/index.html';

  const root = resolve(rootDir);
  const file = resolve(root, `.${pathname}`);
  const inside = relative(root, file);
  if (inside === '' || inside.startsWith(`..${sep}`) || inside === '..' || isAbsolute(inside)) return null;
  return file;
}

export type ReadFile = (path: string) => Promise<Uint8Array>;

/** The protocol.handle callback: static files of the built renderer, with the security headers. */
export function createAppProtocolHandler(rootDir: string, read: ReadFile = readFile) {
  return async (request: Request): Promise<Response> => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response(null, { status: 405, headers: securityHeaders('text/plain; charset=utf-8') });
    }
    const file = resolveAppPath(rootDir, request.url);
    if (!file) return new Response('Forbidden', { status: 403, headers: securityHeaders('text/plain; charset=utf-8') });
    let body: Uint8Array;
    try {
      body = await read(file);
    } catch {
      return new Response('Not found', { status: 404, headers: securityHeaders('text/plain; charset=utf-8') });
    }
    return new Response(request.method === 'HEAD' ? null : (body as BodyInit), {
      status: 200,
      headers: securityHeaders(mimeTypeOf(file)),
    });
  };
}
