import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * The bridge's gatekeeping, kept pure so it is tested without sockets.
 * Threats: another local process or a web page the user visits (DNS rebinding,
 * CSRF, cross-origin WebSocket). Defences: a 256-bit per-launch token on every
 * request and socket, an exact Host check, an exact Origin check for anything a
 * browser sends with side effects.
 */
export interface Gate {
  port: number;
  token: string;
}

export const cookieName = (port: number) => `kandidat_${port}`;

export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

export function allowedOrigins(port: number): string[] {
  return allowedHosts(port).map((h) => `http://${h}`);
}

export function hostAllowed(req: Pick<IncomingMessage, 'headers'>, gate: Gate): boolean {
  return allowedHosts(gate.port).includes(req.headers.host ?? '');
}

/** Browsers always send Origin on POST and WebSocket; its absence means a non-browser client. */
export function originAllowed(req: Pick<IncomingMessage, 'headers'>, gate: Gate): boolean {
  const origin = req.headers.origin;
  return origin === undefined || allowedOrigins(gate.port).includes(origin);
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return null;
}

/** The token as presented: Authorization header, the page's cookie, or ?token= on the first load. */
export function presentedToken(req: Pick<IncomingMessage, 'headers' | 'url'>, gate: Gate): string | null {
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ')) return auth.slice('Bearer '.length).trim();
  const cookie = readCookie(req.headers.cookie, cookieName(gate.port));
  if (cookie) return cookie;
  const url = new URL(req.url ?? '/', 'http://x');
  return url.searchParams.get('token');
}

export function tokenValid(req: Pick<IncomingMessage, 'headers' | 'url'>, gate: Gate): boolean {
  const token = presentedToken(req, gate);
  return token !== null && safeEqual(token, gate.token);
}
