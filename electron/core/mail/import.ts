import type { MailImportResult, MethodParsedInput } from '../../../shared/contract/index.ts';
import type { CoreContext } from '../context.ts';
import { AppError } from '../rpc/errors.ts';
import { logMessages } from './log.ts';
import { MailParseError, parseMessageFile, type ParsedMessage } from './parse.ts';

/**
 * Dropped .eml/.msg files. Each file gets its own result: a bad file is refused
 * with its reason and never stops the others; nothing is stored from it, and the
 * file itself is untouched where it was dropped from.
 */
export async function importMailFiles(ctx: CoreContext, input: MethodParsedInput<'mail.import'>): Promise<{ results: MailImportResult[] }> {
  const { db } = ctx.vault.requireSession();
  if (input.candidateId !== undefined) await db.call('candidates.get', { id: input.candidateId });
  const book = await db.call('activity.contactBook');
  const results: MailImportResult[] = [];
  for (const file of input.files) {
    const bytes = new Uint8Array(Buffer.from(file.bytes, 'base64'));
    let parsed: ParsedMessage;
    try {
      parsed = await parseMessageFile(file.fileName, bytes);
    } catch (error) {
      const known = error instanceof MailParseError;
      results.push({
        fileName: file.fileName,
        status: 'failed',
        subject: '',
        from: '',
        entryIds: [],
        candidateIds: [],
        error: { code: known ? error.code : 'MALFORMED', message: known ? error.message : 'The message could not be read.' },
      });
      continue;
    }
    const [logged] = await logMessages(ctx, [{ parsed, original: bytes, fileName: file.fileName, source: 'drop', candidateId: input.candidateId }], book);
    if (!logged) throw new AppError('INTERNAL', 'The message was not logged');
    results.push({
      fileName: file.fileName,
      status: logged.candidateIds.length === 0 ? 'unmatched' : logged.entryIds.length === 0 ? 'duplicate' : 'logged',
      subject: parsed.subject,
      from: parsed.from ?? '',
      entryIds: logged.entryIds,
      candidateIds: logged.candidateIds,
      error: null,
    });
  }
  return { results };
}

export async function readAttachment(ctx: CoreContext, id: string) {
  const a = await ctx.vault.requireSession().db.call('mail.attachment', { id });
  return { fileName: a.fileName, contentType: a.contentType, bytes: Buffer.from(a.data).toString('base64') };
}
