import type { RpcResult } from '../../../shared/errors.ts';
import type { Transport } from './transport.ts';
import { ApiError, httpFailure } from './errors.ts';

interface EventMessage {
  event: string;
  payload: unknown;
}

/**
 * Browser mode: calls go as JSON to POST /rpc, events come over one WebSocket at
 * /events. The page was opened with the launch token, which the bridge traded for
 * an HttpOnly cookie, so both carry it without this code ever seeing it.
 */
export function bridgeTransport(base: URL = new URL(window.location.href)): Transport {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const reconnectListeners = new Set<() => void>();
  let socket: WebSocket | null = null;
  let retryMs = 250;
  let everOpened = false;

  const connect = () => {
    const url = new URL('/events', base);
    url.protocol = base.protocol === 'https:' ? 'wss:' : 'ws:';
    socket = new WebSocket(url);
    socket.addEventListener('open', () => {
      retryMs = 250;
      if (everOpened) for (const listener of reconnectListeners) listener();
      everOpened = true;
    });
    socket.addEventListener('message', (message) => {
      let parsed: EventMessage;
      try {
        parsed = JSON.parse(String(message.data)) as EventMessage;
      } catch {
        return;
      }
      for (const listener of listeners.get(parsed.event) ?? []) listener(parsed.payload);
    });
    socket.addEventListener('close', () => {
      socket = null;
      // The bridge restarts or the laptop sleeps: come back without a page reload.
      setTimeout(connect, retryMs);
      retryMs = Math.min(retryMs * 2, 5000);
    });
  };
  connect();

  return {
    async invoke(method, input) {
      let response: Response;
      try {
        response = await fetch(new URL('/rpc', base), {
          method: 'POST',
          credentials: 'same-origin',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ method, input }),
        });
      } catch {
        throw new ApiError('DISCONNECTED', 'Kandidat cannot be reached.');
      }
      if (!response.ok) return httpFailure(response.status);
      try {
        return (await response.json()) as RpcResult<unknown>;
      } catch {
        return httpFailure(response.status);
      }
    },
    on(event, listener) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener);
      return () => void set.delete(listener);
    },
    onReconnect(listener) {
      reconnectListeners.add(listener);
      return () => void reconnectListeners.delete(listener);
    },
  };
}
