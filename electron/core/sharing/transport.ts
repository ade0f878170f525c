import { createHash, X509Certificate } from 'node:crypto';
import { Agent, request } from 'node:https';
import { checkServerIdentity, type PeerCertificate } from 'node:tls';
import { Webhook } from 'standardwebhooks';

/**
 * One signed HTTPS POST per attempt. The body is signed per Standard Webhooks
 * (webhook-id, webhook-timestamp, webhook-signature); the id is the outbox item's,
 * so a client that saw it before recognises the retry.
 */

export interface Delivery {
  id: string;
  endpoint: string;
  secret: string;
  body: string;
  /** SHA-256 (base64 or hex) of the server's SPKI or certificate; null: the usual certificate checks only. */
  pinSha256: string | null;
  /** When the attempt is signed. */
  at: Date;
}

export type DeliveryResult =
  | { ok: true; status: number }
  /** `permanent`: the client refused the item itself (4xx); retrying the same bytes will not help. */
  | { ok: false; permanent: boolean; error: string };

export type Transport = (delivery: Delivery) => Promise<DeliveryResult>;

export interface HttpsTransportOptions {
  /** Extra trusted roots (a test's throwaway CA); default: the system's. */
  ca?: string | Buffer | (string | Buffer)[];
  /** Per attempt, connect to last byte. */
  timeoutMs?: number;
  /** Parallel connections per endpoint. */
  maxSockets?: number;
}

function normalisePin(pin: string): Buffer {
  const hex = pin.replace(/:/g, '');
  return /^[0-9a-fA-F]{64}$/.test(hex) ? Buffer.from(hex, 'hex') : Buffer.from(pin, 'base64');
}

/** Both forms of pin a client may hand over: the public key's (survives renewal) and the certificate's. */
export function certificatePins(raw: Buffer): { spki: string; cert: string } {
  const spki = new X509Certificate(raw).publicKey.export({ type: 'spki', format: 'der' });
  return {
    spki: createHash('sha256').update(spki).digest('base64'),
    cert: createHash('sha256').update(raw).digest('base64'),
  };
}

function pinCheck(pin: string) {
  const wanted = normalisePin(pin).toString('base64');
  return (host: string, cert: PeerCertificate): Error | undefined => {
    const usual = checkServerIdentity(host, cert);
    if (usual) return usual;
    const pins = certificatePins(cert.raw);
    if (pins.spki !== wanted && pins.cert !== wanted) return new Error('The server certificate does not match the pinned key');
    return undefined;
  };
}

const statusIsPermanent = (status: number) => status >= 400 && status < 500 && ![408, 409, 425, 429].includes(status);

export function httpsTransport(options: HttpsTransportOptions = {}): Transport & { close(): void } {
  const timeoutMs = options.timeoutMs ?? 15_000;
  // One keep-alive agent per endpoint and pin: the pin is checked when a socket connects.
  const agents = new Map<string, Agent>();
  const agentFor = (d: Delivery) => {
    const key = `${new URL(d.endpoint).origin}|${d.pinSha256 ?? ''}`;
    let agent = agents.get(key);
    if (!agent) {
      agent = new Agent({
        keepAlive: true,
        maxSockets: options.maxSockets ?? 16,
        ...(options.ca ? { ca: options.ca } : {}),
        ...(d.pinSha256 ? { checkServerIdentity: pinCheck(d.pinSha256) } : {}),
      });
      agents.set(key, agent);
    }
    return agent;
  };

  const send: Transport = (d) =>
    new Promise<DeliveryResult>((resolve) => {
      let settled = false;
      const done = (r: DeliveryResult) => {
        if (!settled) {
          settled = true;
          resolve(r);
        }
      };
      let url: URL;
      try {
        url = new URL(d.endpoint);
      } catch {
        return done({ ok: false, permanent: true, error: 'The endpoint is not a valid address' });
      }
      if (url.protocol !== 'https:') return done({ ok: false, permanent: true, error: 'The endpoint must be https://' });
      const body = Buffer.from(d.body, 'utf8');
      const signature = new Webhook(d.secret).sign(d.id, d.at, d.body);
      const req = request(url, {
        method: 'POST',
        agent: agentFor(d),
        headers: {
          'content-type': 'application/json',
          'content-length': body.length,
          'webhook-id': d.id,
          'webhook-timestamp': String(Math.floor(d.at.getTime() / 1000)),
          'webhook-signature': signature,
        },
      });
      req.setTimeout(timeoutMs, () => req.destroy(new Error(`No answer within ${timeoutMs} ms`)));
      req.on('error', (e) => done({ ok: false, permanent: false, error: e.message }));
      req.on('response', (res) => {
        res.resume();
        res.on('error', (e) => done({ ok: false, permanent: false, error: e.message }));
        res.on('close', () => {
          if (!res.complete) done({ ok: false, permanent: false, error: 'The connection closed mid-answer' });
        });
        res.on('end', () => {
          const status = res.statusCode ?? 0;
          if (status >= 200 && status < 300) done({ ok: true, status });
          else done({ ok: false, permanent: statusIsPermanent(status), error: `The client answered ${status}` });
        });
      });
      req.end(body);
    });

  return Object.assign(send, {
    close: () => {
      for (const agent of agents.values()) agent.destroy();
      agents.clear();
    },
  });
}
