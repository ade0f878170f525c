import type { RpcResult } from '../../../shared/errors.ts';

/**
 * How the renderer reaches the core. Electron's preload exposes exactly this shape
 * as `window.kandidat`; in browser mode the bridge transport implements it over
 * HTTP and a WebSocket.
 */
export interface Transport {
  invoke(method: string, input: unknown): Promise<RpcResult<unknown>>;
  on(event: string, listener: (payload: unknown) => void): () => void;
  /** Called when a dropped event channel comes back: state may have changed meanwhile. */
  onReconnect?(listener: () => void): () => void;
}

/** The preload's object, if we run inside the Electron window. */
export function electronTransport(): Transport | null {
  const exposed = (globalThis as { kandidat?: Partial<Transport> }).kandidat;
  if (exposed && typeof exposed.invoke === 'function' && typeof exposed.on === 'function') {
    return exposed as Transport;
  }
  return null;
}
