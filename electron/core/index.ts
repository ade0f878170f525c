import { randomUUID } from 'node:crypto';
import { systemClock, type Clock } from './clock.ts';
import type { CoreContext } from './context.ts';
import { EventBus } from './events.ts';
import { createDispatch, type Dispatch } from './rpc/dispatch.ts';
import { mergeHandlerGroups } from './rpc/handlers.ts';
import { VaultService } from './vault/service.ts';
import { noKeyStore, type KeyStore } from './vault/keystore.ts';
import type { DbOpenOptions } from './db/client.ts';
import { vaultHandlers } from './vault/handlers.ts';
import { candidateHandlers } from './candidates/handlers.ts';
import { IntakeService, type IntakeOptions } from './intake/service.ts';
import { intakeHandlers } from './intake/handlers.ts';
import { auditHandlers } from './audit/handlers.ts';
import { privacyHandlers } from './privacy/handlers.ts';
import { activityHandlers } from './activity/handlers.ts';
import { mailHandlers } from './mail/handlers.ts';
import { RetentionJob } from './privacy/retention.ts';
import { SharingSender, type SenderOptions } from './sharing/sender.ts';
import { sharingHandlers } from './sharing/handlers.ts';
import { clientHandlers } from './clients/handlers.ts';
import { matchingHandlers } from './matching/handlers.ts';
import { searchHandlers } from './search/handlers.ts';

export interface CoreOptions {
  /** The vault folder. */
  vaultDir: string;
  clock?: Clock;
  newId?: () => string;
  keyStore?: KeyStore;
  db?: DbOpenOptions;
  /** CV intake: reader threads, timeouts (tests inject a fake reader). */
  intake?: IntakeOptions;
  /** The daily retention run: its first run after unlock and its interval (default 1 minute, 24 hours). */
  retention?: { firstDelayMs?: number; intervalMs?: number };
  /** Sharing with clients: the sender's transport, retries and pace (tests inject a CA and short delays). */
  sharing?: SenderOptions;
  /** Unexpected errors, for the log. Never receives personal data from the core. */
  onInternalError?: (method: string, error: unknown) => void;
}

export interface Core {
  dispatch: Dispatch;
  events: EventBus;
  ctx: CoreContext;
  /** Lock and close everything (app quit). */
  close(): Promise<void>;
}

/** Methods that do not count as user activity for the idle lock. */
const PASSIVE = new Set(['vault.status', 'settings.get', 'intake.list', 'intake.get']);
/** After these, profiles a client holds may have lost their consent: the sender looks at once, not at its next poll. */
const SHARING_WAKERS = new Set(['privacy.consents.withdraw', 'privacy.erase', 'privacy.retention.run']);

export function createCore(options: CoreOptions): Core {
  const clock = options.clock ?? systemClock;
  const newId = options.newId ?? randomUUID;
  const events = new EventBus();
  const vault = new VaultService({
    dir: options.vaultDir,
    clock,
    events,
    keyStore: options.keyStore ?? noKeyStore(),
    newId,
    ...(options.db ? { db: options.db } : {}),
  });
  const ctx: CoreContext = { clock, newId, events, vault };
  const intake = new IntakeService(ctx, options.intake);
  const retention = new RetentionJob(ctx, {
    ...options.retention,
    ...(options.onInternalError ? { onError: (error: unknown) => options.onInternalError?.('privacy.retention.run', error) } : {}),
  });
  const sender = new SharingSender(ctx, {
    ...options.sharing,
    ...(options.onInternalError ? { onError: (error: unknown) => options.onInternalError?.('sharing.send', error) } : {}),
  });
  const handlers = mergeHandlerGroups({ activity: activityHandlers, mail: mailHandlers, vault: vaultHandlers, candidates: candidateHandlers, intake: intakeHandlers(intake), audit: auditHandlers, privacy: privacyHandlers(retention), clients: clientHandlers, matching: matchingHandlers, search: searchHandlers, sharing: sharingHandlers(sender) });
  const inner = createDispatch(handlers, ctx, options.onInternalError ? { onInternalError: options.onInternalError } : {});
  const dispatch: Dispatch = async (method, input) => {
    const result = await inner(method, input);
    if (!PASSIVE.has(method)) vault.touch();
    if (result.ok && SHARING_WAKERS.has(method)) sender.wake({ withdrawals: true });
    return result;
  };
  return {
    dispatch,
    events,
    ctx,
    close: async () => {
      // Reading stops first, while the vault is open to hand running jobs back to the queue.
      await intake.close();
      retention.stop();
      sender.close();
      await vault.lock('shutdown');
    },
  };
}
