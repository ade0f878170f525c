import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import { ReceiverStore } from './store.ts';

/**
 * A reference receiver for Kandidat's shared profiles: verifies each request's
 * Standard Webhooks signature, applies each webhook-id once, answers 200 to a
 * repeat (the sender retries until it hears 2xx), and stores what it got.
 */

/** How a test makes the receiver misbehave for one request. */
export type Fault = 'none' | 'error500' | 'hang' | 'dropMidRequest' | 'dropAfterApply';

export interface ReceiverOptions {
  /** The signing secret agreed with the agency (whsec_…). */
  secret: string;
  port?: number;
  host?: string;
  /** JSON-lines file; without it, what arrives is kept in memory only. */
  storeFile?: string | null;
  /** PEM key and certificate: serve HTTPS (otherwise plain HTTP, for use behind a TLS-terminating proxy). */
  tls?: { key: string | Buffer; cert: string | Buffer };
  /** Testing only: choose a fault per request (by webhook-id and how often that id was seen). */
  faults?: (request: { id: string | null; attempt: number }) => Fault;
  /** One line per request outcome (ids and codes, no content). */
  log?: (line: string) => void;
}

export interface Receiver {
  url: string;
  port: number;
  store: ReceiverStore;
  /** Requests seen per webhook-id, including rejected and faulted ones. */
  attempts: Map<string, number>;
  /** Requests whose signature did not verify. */
  rejected: number;
  close(): Promise<void>;
}

const MAX_BODY = 5 * 1024 * 1024;

function readBody(req: IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        resolve(null);
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function answer(res: ServerResponse, status: number, body: Record<string, unknown>): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

export async function startReceiver(options: ReceiverOptions): Promise<Receiver> {
  const webhook = new Webhook(options.secret);
  const store = new ReceiverStore(options.storeFile ?? null);
  const attempts = new Map<string, number>();
  const sockets = new Set<Socket>();
  const log = options.log ?? (() => undefined);
  let rejected = 0;

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== 'POST') return answer(res, 405, { error: 'POST only' });
    const id = typeof req.headers['webhook-id'] === 'string' ? req.headers['webhook-id'] : null;
    const attempt = id ? (attempts.get(id) ?? 0) + 1 : 1;
    if (id) attempts.set(id, attempt);
    const fault = options.faults?.({ id, attempt }) ?? 'none';
    if (fault === 'dropMidRequest') {
      req.socket.destroy();
      return;
    }
    const body = await readBody(req);
    if (body === null) return answer(res, 413, { error: 'Body too large' });
    if (fault === 'hang') return; // never answers: the sender's timeout ends the attempt
    if (fault === 'error500') return answer(res, 500, { error: 'Injected failure' });

    let message: { type?: unknown; data?: unknown };
    try {
      const headers: Record<string, string> = {};
      for (const name of ['webhook-id', 'webhook-timestamp', 'webhook-signature']) {
        const value = req.headers[name];
        if (typeof value === 'string') headers[name] = value;
      }
      message = webhook.verify(body.toString('utf8'), headers) as typeof message;
    } catch (error) {
      rejected++;
      log(`rejected ${id ?? '-'}: ${error instanceof WebhookVerificationError ? error.message : 'unreadable'}`);
      return answer(res, 401, { error: 'Signature verification failed' });
    }
    if (!id || typeof message.type !== 'string' || typeof message.data !== 'object' || message.data === null) {
      return answer(res, 400, { error: 'Not a Kandidat message' });
    }
    const applied = store.apply({ id, receivedAt: new Date().toISOString(), type: message.type, data: message.data as Record<string, unknown> });
    log(`${applied ? 'applied' : 'duplicate'} ${id} ${message.type}`);
    if (fault === 'dropAfterApply') {
      req.socket.destroy();
      return;
    }
    answer(res, 200, { ok: true, duplicate: !applied });
  };

  const listener = (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) answer(res, 500, { error: 'Receiver error' });
    });
  };
  const server: Server = options.tls ? createHttpsServer({ key: options.tls.key, cert: options.tls.cert }, listener) : createHttpServer(listener);
  server.on(options.tls ? 'secureConnection' : 'connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const host = options.host ?? '127.0.0.1';
  return {
    url: `${options.tls ? 'https' : 'http'}://${host}:${port}/`,
    port,
    store,
    attempts,
    get rejected() {
      return rejected;
    },
    close: () =>
      new Promise<void>((resolve) => {
        // Open keep-alive and hanging connections would hold close() forever.
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
