import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CoreContext } from '../context.ts';
import type { Dispatch } from '../rpc/dispatch.ts';
import { hasConsent, withdrawConsent } from '../privacy/consents.ts';
import type { ParsedMessage } from './parse.ts';

/**
 * Unsubscribing from marketing e-mail (RFC 8058 one-click, or a reply to the
 * unsubscribe address): each recipient's message carries its own secret token;
 * using it records a withdrawal of the marketing consent in the ledger.
 */

// Lower-case hex: mail systems may change the case of the address tag it rides in.
export const newUnsubscribeToken = () => randomBytes(20).toString('hex');

const TOKEN = /[A-Za-z0-9_-]{16,128}/;

/** A message to the unsubscribe address: its token, from the address tag (unsub+TOKEN@…) or the subject. */
export function unsubscribeTokenIn(parsed: ParsedMessage, unsubscribeAddress: string): string | null {
  const escape = (part: string | undefined) => (part ?? '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const [local, domain] = unsubscribeAddress.split('@').map(escape);
  for (const to of parsed.to) {
    if (to === unsubscribeAddress) return new RegExp(`unsubscribe\\s+(${TOKEN.source})`, 'i').exec(parsed.subject)?.[1]?.toLowerCase() ?? null;
    const tagged = new RegExp(`^${local}\\+(${TOKEN.source})@${domain}$`, 'i').exec(to);
    if (tagged?.[1]) return tagged[1].toLowerCase();
  }
  return null;
}

export async function unsubscribeByToken(ctx: CoreContext, token: string): Promise<{ withdrawn: boolean }> {
  const { db } = ctx.vault.requireSession();
  token = token.toLowerCase();
  const recipient = await db.call('mail.recipientByToken', { token });
  // An unknown token says nothing about whether it exists: the answer is the same.
  if (!recipient) return { withdrawn: false };
  await db.call('mail.markUnsubscribed', { token, at: ctx.clock.now().toISOString() });
  if (!(await hasConsent(ctx, recipient.candidateId, 'marketingEmail'))) return { withdrawn: false };
  await withdrawConsent(ctx, { candidateId: recipient.candidateId, purpose: 'marketingEmail', source: 'email' });
  return { withdrawn: true };
}

/**
 * The one-click endpoint (POST …?token=T with body List-Unsubscribe=One-Click), for
 * the web page that forwards unsubscribes to the app, and for tests. It answers
 * the same whether or not the token was known.
 */
export function unsubscribeRequestHandler(dispatch: Dispatch) {
  return (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const token = url.searchParams.get('token') ?? '';
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      body += chunk;
      if (body.length > 4096) req.destroy();
    });
    req.on('end', () => {
      if (req.method !== 'POST' || !/List-Unsubscribe=One-Click/.test(body) || !TOKEN.test(token)) {
        res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Bad request');
        return;
      }
      void dispatch('mail.unsubscribe', { token }).then((result) => {
        res.writeHead(result.ok ? 200 : 503, { 'Content-Type': 'text/plain; charset=utf-8' }).end(result.ok ? 'Unsubscribed' : 'Try again later');
      });
    });
  };
}
