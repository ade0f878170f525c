import type { EventName, EventPayloads } from '../../shared/events.ts';

export type EventListener = <E extends EventName>(name: E, payload: EventPayloads[E]) => void;

/** Fan-out of core events to every transport (IPC windows, bridge sockets, tests). */
export class EventBus {
  private listeners = new Set<EventListener>();

  on(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit<E extends EventName>(name: E, payload: EventPayloads[E]): void {
    for (const listener of this.listeners) {
      try {
        listener(name, payload);
      } catch {
        // A broken subscriber must not stop the others or the core.
      }
    }
  }
}
