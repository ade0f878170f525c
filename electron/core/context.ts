import type { Clock } from './clock.ts';
import type { EventBus } from './events.ts';
import type { VaultService } from './vault/service.ts';

/** What every handler gets: injected time and ids, the event bus, the vault. */
export interface CoreContext {
  clock: Clock;
  newId: () => string;
  events: EventBus;
  vault: VaultService;
}
