/**
 * Small cached reads from the host (settings, directory, a group's board) shared by the drawer,
 * palette, create dialog and settings screen. Each resource reloads when a host event says its
 * data changed; components subscribe with `useHostResource`. Kept separate from the board store
 * on purpose: these overlays must not depend on its internals.
 */
import { useEffect, useSyncExternalStore } from 'react';
import type { PultEvent } from '../../shared/api';
import { onHostEvent } from '../bridge';

export type ResourceState<T> = { status: 'loading' } | { status: 'ready'; value: T } | { status: 'failed'; message: string };

export interface HostResource<T> {
  get(): ResourceState<T>;
  subscribe(listener: () => void): () => void;
  /** Loads now (again); callers get the new state through subscribe. */
  reload(): Promise<void>;
  /** Sets the value without asking the host (after a save answered the new value). */
  set(value: T): void;
}

const LOADING = { status: 'loading' } as const;

export function hostResource<T>(load: () => Promise<T>, reloadOn: (event: PultEvent) => T | 'reload' | null): HostResource<T> {
  let state: ResourceState<T> = LOADING;
  let started = false;
  let stale = false;
  let generation = 0;
  const listeners = new Set<() => void>();
  const publish = (next: ResourceState<T>) => {
    state = next;
    for (const listener of listeners) listener();
  };
  const resource: HostResource<T> = {
    get: () => state,
    subscribe(listener) {
      listeners.add(listener);
      if (!started) {
        started = true;
        onHostEvent((event) => {
          const effect = reloadOn(event);
          // Nobody is looking: reload when someone subscribes again.
          if (effect === 'reload') {
            if (listeners.size > 0) void resource.reload();
            else stale = true;
          } else if (effect !== null) resource.set(effect);
        });
        void resource.reload();
      } else if (stale) {
        stale = false;
        void resource.reload();
      }
      return () => listeners.delete(listener);
    },
    async reload() {
      const mine = ++generation;
      try {
        const value = await load();
        if (mine === generation) publish({ status: 'ready', value });
      } catch (error) {
        // A failed reload keeps showing the last good value.
        if (mine === generation && state.status !== 'ready') publish({ status: 'failed', message: (error as Error).message });
      }
    },
    set(value) {
      generation += 1;
      publish({ status: 'ready', value });
    },
  };
  return resource;
}

export function useHostResource<T>(resource: HostResource<T>): ResourceState<T> {
  return useSyncExternalStore(resource.subscribe, resource.get, resource.get);
}

/** The value once loaded, else null. */
export function useHostValue<T>(resource: HostResource<T>): T | null {
  const state = useHostResource(resource);
  return state.status === 'ready' ? state.value : null;
}

/** Runs `effect` on every host event of the given type while mounted. */
export function useHostEvent(type: PultEvent['type'], effect: (event: PultEvent) => void): void {
  useEffect(() => onHostEvent((event) => event.type === type && effect(event)), [type, effect]);
}
