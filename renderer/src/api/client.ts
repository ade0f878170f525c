import type { MethodInput, MethodName, MethodOutput } from '../../../shared/contract/index.ts';
import type { EventName, EventPayloads } from '../../../shared/events.ts';
import { bridgeTransport } from './bridge.ts';
import { ApiError, toApiError } from './errors.ts';
import { electronTransport, type Transport } from './transport.ts';

export interface Api {
  /** Call a method of the contract; resolves with its output or throws ApiError. */
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): () => void;
  /** The event channel came back after a drop: refresh what events would have told. */
  onReconnect(listener: () => void): () => void;
  /** Every failed call, for app-wide reactions (a locked vault shows the unlock screen). */
  onFailure(listener: (error: ApiError, method: MethodName) => void): () => void;
}

export function createApi(transport: Transport): Api {
  const failureListeners = new Set<(error: ApiError, method: MethodName) => void>();
  const fail = (error: ApiError, method: MethodName): never => {
    for (const listener of failureListeners) listener(error, method);
    throw error;
  };
  return {
    async call(method, input) {
      let result;
      try {
        result = await transport.invoke(method, input);
      } catch (error) {
        return fail(error instanceof ApiError ? error : new ApiError('DISCONNECTED', String(error)), method);
      }
      if (!result || typeof result !== 'object' || !('ok' in result)) {
        return fail(new ApiError('INTERNAL', 'Malformed answer from the core'), method);
      }
      if (result.ok) return result.value as MethodOutput<typeof method>;
      return fail(toApiError(result.error), method);
    },
    on(event, listener) {
      return transport.on(event, (payload) => listener(payload as EventPayloads[typeof event]));
    },
    onReconnect(listener) {
      return transport.onReconnect?.(listener) ?? (() => {});
    },
    onFailure(listener) {
      failureListeners.add(listener);
      return () => void failureListeners.delete(listener);
    },
  };
}

let instance: Api | null = null;

/** The app's one client: Electron's preload when present, otherwise the loopback bridge. */
export function api(): Api {
  instance ??= createApi(electronTransport() ?? bridgeTransport());
  return instance;
}

/** Tests and stories swap the transport. */
export function setApi(next: Api): void {
  instance = next;
}
