/**
 * The one clock every timer on screen reads. A single 1 s interval updates `now` (portal time);
 * each timer cell subscribes with its own selector, so a tick re-renders only the cells whose
 * text changed and never the board. No card owns an interval.
 */
import { createStore, useStore } from 'zustand';

interface ClockState {
  /** Portal time in ms: the workstation clock plus the portal's offset. */
  now: number;
  offsetMs: number;
}

export const clockStore = createStore<ClockState>()(() => ({ now: Date.now(), offsetMs: 0 }));

let interval: ReturnType<typeof setInterval> | null = null;

function tick(): void {
  const { offsetMs } = clockStore.getState();
  clockStore.setState({ now: Date.now() + offsetMs });
}

/** Starts the shared interval (idempotent); returns a stop function for tests and unmounts. */
export function startClock(): () => void {
  interval ??= setInterval(tick, 1000);
  return () => {
    if (interval) clearInterval(interval);
    interval = null;
  };
}

/** The portal runs on its own clock; timers must tick on it, not on the workstation's. */
export function setPortalOffset(offsetMs: number): void {
  if (clockStore.getState().offsetMs === offsetMs) return;
  clockStore.setState({ offsetMs, now: Date.now() + offsetMs });
}

/** Subscribes a component to a value derived from portal time; it re-renders only when that value changes. */
export function useClock<T>(select: (now: number) => T): T {
  return useStore(clockStore, (state) => select(state.now));
}

/** Portal time floored to the minute: for marks that change slowly (forgotten, SLA, overdue). */
export function useMinute(): number {
  return useClock((now) => Math.floor(now / 60_000) * 60_000);
}

export function portalNow(): number {
  return clockStore.getState().now;
}
