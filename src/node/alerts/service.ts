/**
 * The tray's reminders as a service: the alert monitor runs beside the host (in the host's
 * worker in the desktop app, so boards are never read on Electron's main thread), and the shell
 * sees only this small port — the tray's state, the notices to show, and the user's choices.
 */
import type { PultEvent } from '../../shared/api';
import { fileMemoryStore } from './memory';
import { AlertMonitor, type AlertState } from './monitor';
import type { SnoozeChoice } from './quiet-time';
import { hostAlertSource, type AlertHost } from './source';
import type { AlertNotice } from './types';

export interface AlertsPort {
  getState(): AlertState;
  onNotices(listener: (notices: AlertNotice[]) => void): () => void;
  onState(listener: (state: AlertState) => void): () => void;
  pause(choice: SnoozeChoice): void;
  resume(): void;
  snooze(taskId: string, choice: SnoozeChoice): void;
}

export interface AlertServiceHost extends AlertHost {
  onEvent(listener: (event: PultEvent) => void): () => void;
  setAlertControl?(control: { snooze(taskId: string, choice: SnoozeChoice): number | null } | null): void;
}

export interface AlertServiceOptions {
  dataDir: string;
  systemLocale: string;
  clock: { now(): number };
  onError?(message: string, error: unknown): void;
  /** Injected timer for the alert tick (tests). */
  setInterval?(callback: () => void, ms: number): unknown;
  clearInterval?(handle: unknown): void;
}

export interface AlertService extends AlertsPort {
  readonly monitor: AlertMonitor;
  stop(): void;
}

/** Starts the monitor over the host's public API and events; the host's snooze goes through it. */
export function startAlertService(host: AlertServiceHost, options: AlertServiceOptions): AlertService {
  const noticeListeners = new Set<(notices: AlertNotice[]) => void>();
  const stateListeners = new Set<(state: AlertState) => void>();
  const report = (message: string) => (error: unknown) => options.onError?.(message, error);
  const monitor = new AlertMonitor({
    source: hostAlertSource(host),
    memory: fileMemoryStore(options.dataDir, report('could not save the alert memory')),
    clock: options.clock,
    systemLocale: options.systemLocale,
    onNotices: (notices) => noticeListeners.forEach((listener) => listener(notices)),
    onState: (state) => stateListeners.forEach((listener) => listener(state)),
    onError: report('alert evaluation failed'),
    ...(options.setInterval ? { setInterval: options.setInterval } : {}),
    ...(options.clearInterval ? { clearInterval: options.clearInterval } : {}),
  });
  const off = host.onEvent((event) => monitor.handleEvent(event));
  host.setAlertControl?.({ snooze: (taskId, choice) => monitor.snooze(taskId, choice) });
  monitor.start();
  const listen = <T>(set: Set<T>, listener: T) => {
    set.add(listener);
    return () => void set.delete(listener);
  };
  return {
    monitor,
    getState: () => monitor.getState(),
    onNotices: (listener) => listen(noticeListeners, listener),
    onState: (listener) => listen(stateListeners, listener),
    pause: (choice) => void monitor.pause(choice),
    resume: () => monitor.resume(),
    snooze: (taskId, choice) => void monitor.snooze(taskId, choice),
    stop() {
      off();
      host.setAlertControl?.(null);
      monitor.stop();
      noticeListeners.clear();
      stateListeners.clear();
    },
  };
}
