import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Dispatch } from '../core/rpc/dispatch.ts';
import type { EventBus } from '../core/events.ts';
import { cookieName, hostAllowed, originAllowed, tokenValid, type Gate } from './security.ts';
import { loadStatic } from './static.ts';

export interface BridgeOptions {
  dispatch: Dispatch;
  events: EventBus;
  /** The renderer's build folder (out/renderer); omit to serve the API only. */
  staticDir?: string;
  /** 0 = a random free port. */
  port?: number;
  /** Injected for tests; otherwise 256 random bits per launch. */
  token?: string;
}

export interface Bridge {
  url: string;
  /** The URL to open: it carries the token once, then a cookie does. */
  launchUrl: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

/** Large enough for a 25 MB CV sent as base64 inside JSON, no larger. */
export const MAX_BODY_BYTES = 36 * 1024 * 1024;

const HOST = '127.0.0.1';

function securityHeaders(port: number): Record<string, string> {
  return {
    'Content-Security-Policy': [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data: blob:",
      "font-src 'self' data:",
      `connect-src 'self' ws://127.0.0.1:${port} ws://localhost:${port}`,
      "worker-src 'self' blob:",
      "object-src 'none'",
      "base-uri 'none'",
      "form-action 'none'",
      "frame-ancestors 'none'",
    ].join('; '),
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
}

function refuse(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(message);
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(Object.assign(new Error('Request too large'), { status: 413 }));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/**
 * Browser mode's transport: HTTP for calls, a WebSocket for events, bound to
 * 127.0.0.1 only, calling the same dispatch as Electron's IPC.
 */
export async function startBridge(options: BridgeOptions): Promise<Bridge> {
  const token = options.token ?? randomBytes(32).toString('hex');
  const gate: Gate = { port: 0, token };
  const sockets = new Set<WebSocket>();

  const server = createServer(async (req, res) => {
    try {
      if (!hostAllowed(req, gate)) return refuse(res, 421, 'Wrong host');
      if (!originAllowed(req, gate)) return refuse(res, 403, 'Cross-origin requests are refused');
      if (!tokenValid(req, gate)) return refuse(res, 401, 'Open Kandidat with the link printed when it started.');
      const url = new URL(req.url ?? '/', 'http://x');

      if (req.method === 'POST' && url.pathname === '/rpc') {
        // JSON only: a plain HTML form cannot send it, one more wall against CSRF.
        if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
          return refuse(res, 415, 'Expected application/json');
        }
        const body = await readBody(req, MAX_BODY_BYTES);
        let call: { method?: unknown; input?: unknown };
        try {
          call = JSON.parse(body.toString('utf8'));
        } catch {
          return refuse(res, 400, 'Malformed JSON');
        }
        const result = await options.dispatch(String(call.method ?? ''), call.input);
        res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
        return res.end(JSON.stringify(result));
      }

      if ((req.method === 'GET' || req.method === 'HEAD') && options.staticDir) {
        if (url.searchParams.has('token')) {
          // First load: trade the token in the address bar for a cookie and drop it from the URL.
          res.writeHead(303, {
            Location: '/',
            'Set-Cookie': `${cookieName(gate.port)}=${token}; HttpOnly; SameSite=Strict; Path=/`,
            'Cache-Control': 'no-store',
          });
          return res.end();
        }
        const file = await loadStatic(options.staticDir, url.pathname);
        if (!file) return refuse(res, 404, 'Not found');
        res.writeHead(200, { 'Content-Type': file.type, ...securityHeaders(gate.port) });
        return res.end(req.method === 'HEAD' ? undefined : file.body);
      }
      return refuse(res, 405, 'Not allowed');
    } catch (error) {
      const status = (error as { status?: number }).status ?? 500;
      if (!res.headersSent) refuse(res, status, status === 413 ? 'Request too large' : 'Bridge error');
      else res.end();
    }
  });

  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: 64 * 1024,
  });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://x');
    // Browsers always send Origin on a WebSocket; require it to be ours.
    const ok =
      url.pathname === '/events' &&
      hostAllowed(req, gate) &&
      req.headers.origin !== undefined &&
      originAllowed(req, gate) &&
      tokenValid(req, gate);
    if (!ok) {
      socket.write('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      sockets.add(ws);
      ws.on('close', () => sockets.delete(ws));
      // The channel is one-way: anything the page sends is ignored.
      ws.on('message', () => {});
    });
  });

  const unsubscribe = options.events.on((name, payload) => {
    const message = JSON.stringify({ event: name, payload });
    for (const ws of sockets) if (ws.readyState === ws.OPEN) ws.send(message);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, HOST, () => resolve());
  });
  gate.port = (server.address() as AddressInfo).port;
  const url = `http://${HOST}:${gate.port}/`;

  return {
    url,
    launchUrl: `${url}?token=${token}`,
    port: gate.port,
    token,
    close: async () => {
      unsubscribe();
      for (const ws of sockets) ws.terminate();
      wss.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
