/**
 * The host's events as the page hears them. Main relays JSON text; each listener gets its own
 * parsed copy. A notification's click can reveal (or start) the console before the page
 * listens: its «open this task» is held until the first listener comes, not dropped.
 */
import type { PultEvent } from '../shared/api';

export interface EventRelay {
  /** Main's text for one event. */
  receive(json: string): void;
  subscribe(listener: (event: PultEvent) => void): () => void;
}

export function createEventRelay(defer: (run: () => void) => void = queueMicrotask): EventRelay {
  const listeners = new Set<(event: PultEvent) => void>();
  let heldOpenTask: string | null = null;
  return {
    receive(json) {
      if (listeners.size === 0) {
        // Everything else the page reads for itself when it starts.
        if ((JSON.parse(json) as PultEvent).type === 'open-task') heldOpenTask = json;
        return;
      }
      for (const listener of [...listeners]) listener(JSON.parse(json) as PultEvent);
    },
    subscribe(listener) {
      listeners.add(listener);
      if (heldOpenTask !== null) {
        const held = heldOpenTask;
        heldOpenTask = null;
        defer(() => listeners.has(listener) && listener(JSON.parse(held) as PultEvent));
      }
      return () => void listeners.delete(listener);
    },
  };
}
