import type { EventName, EventPayload } from './contract/index.js';

export type CoreEvent = { [E in EventName]: { name: E; payload: EventPayload<E> } }[EventName];
export type EventListener = (event: CoreEvent) => void;

/** Pushes core events to every open window; each shell subscribes once and forwards. */
export class EventBus {
  private readonly listeners = new Set<EventListener>();

  on(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    for (const listener of this.listeners) listener({ name, payload } as CoreEvent);
  }
}
