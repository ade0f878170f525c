import type { RpcResult } from '../../../shared/errors.ts';
import type { EventName } from '../../../shared/events.ts';
import type { MethodName } from '../../../shared/contract/index.ts';
import type { KandidatBridge } from '../../../shared/contract/transport.ts';

/**
 * How the renderer reaches the core: Electron's preload (`window.kandidat`) or, in
 * browser mode, the bridge over HTTP and a WebSocket. The api client types every
 * call from the contract; this layer only moves method names, inputs and results.
 */
export interface Transport {
  invoke(method: string, input: unknown): Promise<RpcResult<unknown>>;
  on(event: string, listener: (payload: unknown) => void): () => void;
  /** Called when a dropped event channel comes back: state may have changed meanwhile. */
  onReconnect?(listener: () => void): () => void;
}

/** The preload's object, if we run inside the Electron window. */
export function electronTransport(): Transport | null {
  const exposed = (globalThis as { kandidat?: KandidatBridge }).kandidat;
  if (!exposed || typeof exposed.invoke !== 'function' || typeof exposed.on !== 'function') return null;
  return {
    invoke: (method, input) => exposed.invoke(method as MethodName, input as never) as Promise<RpcResult<unknown>>,
    on: (event, listener) => exposed.on(event as EventName, listener),
  };
}
