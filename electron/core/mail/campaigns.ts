import nodemailer from 'nodemailer';
import type { CampaignReport, MethodParsedInput } from '../../../shared/contract/index.ts';
import type { CoreContext } from '../context.ts';
import { AppError } from '../rpc/errors.ts';
import { consentHolders, hasConsent } from '../privacy/consents.ts';
import { requireAccount, type Account } from './account.ts';
import { newUnsubscribeToken } from './unsubscribe.ts';

/**
 * Marketing e-mail (job alerts, newsletters). Sent only to candidates with a
 * current marketing opt-in in the consent ledger, read again just before each
 * message; every message has its own RFC 8058 one-click unsubscribe.
 */

export interface CampaignOptions {
  /** Test seam: TLS options for a loopback server. */
  tls?: { rejectUnauthorized: boolean };
}

function unsubscribeHeaders(account: Account, token: string): Record<string, string> {
  const targets: string[] = [];
  if (account.unsubscribeUrl) {
    const url = new URL(account.unsubscribeUrl);
    url.searchParams.set('token', token);
    targets.push(`<${url.href}>`);
  }
  if (account.unsubscribeAddress) {
    const [local, domain] = account.unsubscribeAddress.split('@');
    targets.push(`<mailto:${local}+${token}@${domain}?subject=unsubscribe%20${token}>`);
  }
  const headers: Record<string, string> = { 'List-Unsubscribe': targets.join(', ') };
  // RFC 8058: one-click needs an HTTPS (here: HTTP(S)) target to POST to.
  if (account.unsubscribeUrl) headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
  return headers;
}

export async function sendCampaign(
  ctx: CoreContext,
  input: MethodParsedInput<'mail.campaigns.send'>,
  options: CampaignOptions = {},
): Promise<CampaignReport> {
  const account = await requireAccount(ctx);
  if (!account.smtp) throw new AppError('NOT_FOUND', 'No outgoing mail server (SMTP) is set up for the mail account.');
  if (!account.unsubscribeUrl && !account.unsubscribeAddress) {
    throw new AppError('VALIDATION', 'Marketing e-mail needs an unsubscribe address or page: set one in the mail settings.');
  }
  const { db, owner } = ctx.vault.requireSession();
  const holders = new Set(await consentHolders(ctx, 'marketingEmail'));
  const selection = input.candidateIds ?? [...holders];
  const report: CampaignReport = { campaignId: ctx.newId(), sent: [], skipped: [], failed: [] };
  await db.call('mail.recordCampaign', { id: report.campaignId, subject: input.subject, body: input.text, actorId: owner.id, now: ctx.clock.now().toISOString() });
  const transport = nodemailer.createTransport({
    host: account.smtp.host,
    port: account.smtp.port,
    secure: account.smtp.secure,
    ...(account.smtp.user ? { auth: { user: account.smtp.user, pass: account.smtpPassword } } : {}),
    ...(options.tls ? { tls: options.tls } : {}),
  });
  try {
    for (const candidateId of [...new Set(selection)]) {
      // The list is read once; the consent again right before sending, so a withdrawal meanwhile counts.
      if (!holders.has(candidateId) || !(await hasConsent(ctx, candidateId, 'marketingEmail'))) {
        report.skipped.push(candidateId);
        continue;
      }
      const candidate = await db.call('candidates.get', { id: candidateId });
      const to = candidate.emails[0];
      if (!to) {
        report.failed.push({ candidateId, message: 'The candidate has no e-mail address' });
        continue;
      }
      const token = newUnsubscribeToken();
      try {
        await transport.sendMail({
          from: account.displayName ? { name: account.displayName, address: account.address } : account.address,
          to: { name: candidate.name, address: to },
          subject: input.subject,
          text: input.text,
          headers: unsubscribeHeaders(account, token),
        });
        await db.call('mail.recordRecipient', { campaignId: report.campaignId, candidateId, token, status: 'sent', now: ctx.clock.now().toISOString() });
        report.sent.push(candidateId);
      } catch (error) {
        await db.call('mail.recordRecipient', { campaignId: report.campaignId, candidateId, token, status: 'failed', now: ctx.clock.now().toISOString() });
        report.failed.push({ candidateId, message: (error as Error).message });
      }
    }
  } finally {
    transport.close();
  }
  return report;
}
