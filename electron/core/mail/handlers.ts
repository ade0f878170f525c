import type { HandlerGroup } from '../rpc/handlers.ts';
import { accountView, saveAccount } from './account.ts';
import { sendCampaign } from './campaigns.ts';
import { cancelSync, syncMailbox } from './imap-sync.ts';
import { importMailFiles, readAttachment } from './import.ts';
import { unsubscribeByToken } from './unsubscribe.ts';

export const mailHandlers: HandlerGroup = {
  'mail.import': (input, ctx) => importMailFiles(ctx, input),
  'mail.attachment': (input, ctx) => readAttachment(ctx, input.id),
  'mail.account.get': async (_input, ctx) => ({ account: await accountView(ctx) }),
  'mail.account.save': (input, ctx) => saveAccount(ctx, input),
  'mail.sync': (_input, ctx) => syncMailbox(ctx),
  'mail.sync.cancel': (_input, ctx) => cancelSync(ctx),
  'mail.campaigns.send': (input, ctx) => sendCampaign(ctx, input),
  'mail.unsubscribe': (input, ctx) => unsubscribeByToken(ctx, input.token),
};
