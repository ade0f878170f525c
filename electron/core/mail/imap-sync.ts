import { ImapFlow } from 'imapflow';
import type { MailSyncReport } from '../../../shared/contract/index.ts';
import type { CoreContext } from '../context.ts';
import { AppError } from '../rpc/errors.ts';
import { requireAccount, type Account } from './account.ts';
import { logMessages, type ContactBook, type MessageToLog } from './log.ts';
import { MailParseError, parseEml } from './parse.ts';
import { unsubscribeTokenIn, unsubscribeByToken } from './unsubscribe.ts';

/**
 * Mailbox logging over IMAP: each chosen folder is read from the UID after the
 * last one logged, in batches committed one at a time, so a dropped connection
 * loses nothing and the next run resumes where the last committed batch ended.
 * Logging is idempotent by Message-ID, so reading a message twice is harmless.
 */

/** Messages per fetch and per transaction: big enough for speed, small enough to resume close to where it stopped. */
const BATCH = 500;

interface Run {
  cancelled: boolean;
  client: ImapFlow | null;
}

const running = new WeakMap<CoreContext, Run>();

export interface SyncOptions {
  /** Test seam: TLS options for a loopback server. */
  tls?: { rejectUnauthorized: boolean };
  /** Messages per fetch and transaction (tests use small batches to stop in the middle). */
  batchSize?: number;
}

function connect(account: Account, options: SyncOptions): ImapFlow {
  return new ImapFlow({
    host: account.imap.host,
    port: account.imap.port,
    secure: account.imap.secure,
    auth: { user: account.imap.user, pass: account.imapPassword },
    logger: false,
    disableAutoIdle: true,
    connectionTimeout: 30_000,
    greetingTimeout: 15_000,
    socketTimeout: 120_000,
    ...(options.tls ? { tls: options.tls } : {}),
  });
}

export function cancelSync(ctx: CoreContext): { cancelled: boolean } {
  const run = running.get(ctx);
  if (!run) return { cancelled: false };
  run.cancelled = true;
  run.client?.close();
  return { cancelled: true };
}

export async function syncMailbox(ctx: CoreContext, options: SyncOptions = {}): Promise<MailSyncReport> {
  if (running.has(ctx)) throw new AppError('CONFLICT', 'The mailbox is already being read.');
  const run: Run = { cancelled: false, client: null };
  running.set(ctx, run);
  try {
    return await syncAll(ctx, run, options);
  } finally {
    running.delete(ctx);
  }
}

async function syncAll(ctx: CoreContext, run: Run, options: SyncOptions): Promise<MailSyncReport> {
  const account = await requireAccount(ctx);
  const { db } = ctx.vault.requireSession();
  const book = await db.call('activity.contactBook');
  // Our own address is on nearly every message: it matches no candidate.
  for (const own of [account.address, account.unsubscribeAddress]) delete book.emails[own];
  const client = connect(account, options);
  run.client = client;
  client.on('error', () => {
    // Reported by the command that fails; without a listener the error would crash the process.
  });
  const report: MailSyncReport = { folders: [], unsubscribes: 0, cancelled: false };
  try {
    try {
      await client.connect();
    } catch (error) {
      throw new AppError('TIMEOUT', `Could not sign in to the mailbox at ${account.imap.host}: ${(error as Error).message}`);
    }
    for (const folder of account.folders) {
      if (run.cancelled) break;
      report.folders.push(await syncFolder(ctx, run, client, account, folder, book, report, options.batchSize ?? BATCH));
    }
    report.cancelled = run.cancelled;
    await db.call('mail.markSynced', { at: ctx.clock.now().toISOString() });
    await client.logout().catch(() => undefined);
    return report;
  } catch (error) {
    if (run.cancelled) return { ...report, cancelled: true };
    if (error instanceof AppError) throw error;
    throw new AppError('TIMEOUT', `The connection to the mailbox was lost: ${(error as Error).message}. What was read so far is logged; sync again to go on.`, {
      report,
    });
  } finally {
    client.close();
    for (const f of account.folders) ctx.events.emit('mail.sync.progress', { folder: f, done: 0, total: 0, logged: 0, finished: true });
  }
}

async function syncFolder(
  ctx: CoreContext,
  run: Run,
  client: ImapFlow,
  account: Account,
  folder: string,
  book: ContactBook,
  report: MailSyncReport,
  batchSize: number,
): Promise<MailSyncReport['folders'][number]> {
  const { db } = ctx.vault.requireSession();
  const box = await client.mailboxOpen(folder, { readOnly: true });
  const uidValidity = String(box.uidValidity);
  const state = await db.call('mail.folderState', { folder });
  // A new UIDVALIDITY means the server renumbered the folder: read it again (duplicates are skipped by Message-ID).
  let lastUid = state && state.uidValidity === uidValidity ? state.lastUid : 0;
  const result = { folder, fetched: 0, logged: 0, duplicates: 0, unmatched: 0, lastUid };
  const found = box.exists === 0 ? [] : await client.search({ uid: `${lastUid + 1}:*` }, { uid: true });
  const uids = (found || []).filter((uid) => uid > lastUid).sort((a, b) => a - b);
  const total = uids.length;
  ctx.events.emit('mail.sync.progress', { folder, done: 0, total, logged: 0, finished: false });
  for (let i = 0; i < uids.length && !run.cancelled; i += batchSize) {
    const wanted = uids.slice(i, i + batchSize);
    const batch: (MessageToLog & { uid: number })[] = [];
    const unsubscribeTokens: string[] = [];
    for await (const message of client.fetch(wanted, { uid: true, source: true }, { uid: true })) {
      if (!message.source) continue;
      const original = new Uint8Array(message.source);
      try {
        const parsed = await parseEml(original);
        const token = account.unsubscribeAddress ? unsubscribeTokenIn(parsed, account.unsubscribeAddress) : null;
        if (token) unsubscribeTokens.push(token);
        else batch.push({ parsed, original, fileName: `${folder}-${message.uid}.eml`, source: 'imap', uid: message.uid });
      } catch (error) {
        // A message we cannot read is skipped (it stays in the mailbox); anything else stops the run.
        if (!(error instanceof MailParseError)) throw error;
      }
      result.fetched++;
    }
    const highest = wanted[wanted.length - 1]!;
    if (result.fetched < i + wanted.length && !client.usable) {
      throw new Error('the server closed the connection during a fetch');
    }
    const logged = await logMessages(ctx, batch, book);
    for (const l of logged) {
      if (l.candidateIds.length === 0) result.unmatched++;
      else if (l.entryIds.length === 0) result.duplicates++;
      else result.logged++;
    }
    for (const token of unsubscribeTokens) if ((await unsubscribeByToken(ctx, token)).withdrawn) report.unsubscribes++;
    // Only now, with the batch committed, does the folder move on.
    lastUid = highest;
    await db.call('mail.setFolderState', { folder, uidValidity, lastUid });
    result.lastUid = lastUid;
    ctx.events.emit('mail.sync.progress', { folder, done: Math.min(i + wanted.length, total), total, logged: result.logged, finished: false });
  }
  return result;
}
