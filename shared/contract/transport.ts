import type { RpcResult } from '../errors.ts';
import type { EventName, EventPayloads } from '../events.ts';
import type { MethodInput, MethodName, MethodOutput } from './index.ts';

/** The one IPC channel every call travels on (renderer → main). */
export const IPC_INVOKE_CHANNEL = 'kandidat:invoke';
/** The channel core events travel on (main → renderer), as (name, payload). */
export const IPC_EVENT_CHANNEL = 'kandidat:event';

/**
 * What the Electron preload puts on `window.kandidat`, and all it puts there: the
 * renderer's api client speaks to it exactly as it speaks to the browser bridge.
 */
export interface KandidatBridge {
  /** Call a contract method; failures come back as `{ok: false, error}`, never as a rejection. */
  invoke<M extends MethodName>(method: M, input: MethodInput<M>): Promise<RpcResult<MethodOutput<M>>>;
  /** Listen to one core event; returns the function that stops listening. */
  on<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): () => void;
}
