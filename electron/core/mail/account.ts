import type { MailAccountView, MethodParsedInput, ServerSettings } from '../../../shared/contract/index.ts';
import type { CoreContext } from '../context.ts';
import { AppError } from '../rpc/errors.ts';

/**
 * The recruiter's mailbox account. Passwords are kept inside the encrypted vault
 * and never sent back to the renderer (only whether one is set).
 */

export interface AccountSettings {
  address: string;
  displayName: string;
  imap: ServerSettings;
  smtp: ServerSettings | null;
  folders: string[];
  unsubscribeUrl: string;
  unsubscribeAddress: string;
}

export interface Account extends AccountSettings {
  imapPassword: string;
  smtpPassword: string;
  lastSyncAt: string | null;
}

const server = (s: ServerSettings): ServerSettings => ({ host: s.host, port: s.port, secure: s.secure, user: s.user });

export async function loadAccount(ctx: CoreContext): Promise<Account | null> {
  const stored = await ctx.vault.requireSession().db.call('mail.account');
  if (!stored) return null;
  const s = stored.settings as unknown as AccountSettings;
  return { ...s, imapPassword: stored.imapPassword, smtpPassword: stored.smtpPassword, lastSyncAt: stored.lastSyncAt };
}

export async function requireAccount(ctx: CoreContext): Promise<Account> {
  const account = await loadAccount(ctx);
  if (!account) throw new AppError('NOT_FOUND', 'No mailbox is set up: add the mail account in the settings first.');
  return account;
}

const toView = (a: Account): MailAccountView => ({
  address: a.address,
  displayName: a.displayName,
  imap: { ...server(a.imap), hasPassword: a.imapPassword !== '' },
  smtp: a.smtp ? { ...server(a.smtp), hasPassword: a.smtpPassword !== '' } : null,
  folders: a.folders,
  unsubscribeUrl: a.unsubscribeUrl,
  unsubscribeAddress: a.unsubscribeAddress,
  lastSyncAt: a.lastSyncAt,
});

export async function accountView(ctx: CoreContext): Promise<MailAccountView | null> {
  const account = await loadAccount(ctx);
  return account ? toView(account) : null;
}

export async function saveAccount(ctx: CoreContext, input: MethodParsedInput<'mail.account.save'>): Promise<MailAccountView> {
  const settings: AccountSettings = {
    address: input.address.toLowerCase(),
    displayName: input.displayName,
    imap: server(input.imap),
    smtp: input.smtp ? server(input.smtp) : null,
    folders: [...new Set(input.folders)],
    unsubscribeUrl: input.unsubscribeUrl,
    unsubscribeAddress: input.unsubscribeAddress.toLowerCase(),
  };
  await ctx.vault.requireSession().db.call('mail.saveAccount', {
    settings: settings as unknown as Record<string, unknown>,
    imapPassword: input.imap.password ?? null,
    smtpPassword: input.smtp?.password ?? null,
    // Another mailbox has other UIDs: its folders are read from the start (Message-IDs keep it free of duplicates).
    mailboxKey: `${settings.imap.host}:${settings.imap.port}:${settings.imap.user}`,
  });
  return toView(await requireAccount(ctx));
}
