/**
 * Runs the alert engine against the host: evaluates when the board changes, the connectivity or
 * the settings change, and on a steady tick (timers cross thresholds without any data change).
 * No Electron here: the shell passes callbacks that show notifications and update the tray.
 */
import type { Settings } from '../../core/domain/settings';
import type { Connectivity } from '../../core/sync/status';
import type { PultEvent } from '../../shared/api';
import { AlertCenter } from './alert-center';
import type { MemoryStore } from './memory';
import type { SnoozeChoice } from './quiet-time';
import type { AlertSource } from './source';
import type { AlertLanguage, AlertNotice } from './types';

export interface AlertState {
  /** Null before a portal is connected. */
  connectivity: Connectivity | null;
  attentionCount: number;
  pausedUntil: number | null;
  language: AlertLanguage;
  /** The portal's time zone, to show "paused until 14:30" on the portal's clock. */
  utcOffsetMinutes: number;
}

export interface AlertMonitorOptions {
  source: AlertSource;
  memory: MemoryStore;
  /** The workstation clock; portal time is derived with the board's measured offset. */
  clock: { now(): number };
  /** The OS locale, used when the language setting says "system". */
  systemLocale: string;
  onNotices(notices: AlertNotice[]): void;
  onState(state: AlertState): void;
  onError?(error: unknown): void;
  /** Injected so tests control time. */
  setInterval?(callback: () => void, ms: number): unknown;
  clearInterval?(handle: unknown): void;
  tickMs?: number;
}

export function resolveLanguage(setting: Settings['ui']['language'], systemLocale: string): AlertLanguage {
  if (setting !== 'system') return setting;
  return systemLocale.toLowerCase().startsWith('en') ? 'en' : 'ru';
}

export class AlertMonitor {
  readonly center: AlertCenter;
  private offsetMs = 0;
  private utcOffsetMinutes = 180;
  private settings: Settings | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private timer: unknown = null;
  private state: AlertState;

  constructor(private readonly options: AlertMonitorOptions) {
    this.center = new AlertCenter({ clock: { now: () => options.clock.now() + this.offsetMs }, memory: options.memory });
    this.state = { connectivity: null, attentionCount: 0, pausedUntil: this.center.pausedUntil, language: resolveLanguage('system', options.systemLocale), utcOffsetMinutes: this.utcOffsetMinutes };
  }

  start(): void {
    const set = this.options.setInterval ?? ((callback, ms) => setInterval(callback, ms));
    const handle = set(() => void this.evaluate(), this.options.tickMs ?? 60_000);
    // The tick must not keep a headless process alive on its own.
    if (typeof handle === 'object' && handle !== null && 'unref' in handle && typeof handle.unref === 'function') handle.unref();
    this.timer = handle;
    void this.evaluate();
  }

  stop(): void {
    (this.options.clearInterval ?? ((handle) => clearInterval(handle as NodeJS.Timeout)))(this.timer);
    this.timer = null;
  }

  /** Feed the host's events here. */
  handleEvent(event: PultEvent): void {
    this.options.source.observe?.(event);
    if (event.type === 'status') {
      this.center.setConnectivity(event.status.connectivity);
      this.publish({ connectivity: event.status.connectivity });
    }
    if (event.type === 'status' || event.type === 'board-delta' || event.type === 'portal-clock' || event.type === 'settings-changed') void this.evaluate();
  }

  /** Single flight: an evaluation asked for while one runs happens once, right after it. */
  evaluate(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.runOnce().finally(() => {
      this.running = null;
      if (this.again) {
        this.again = false;
        void this.evaluate();
      }
    });
    return this.running;
  }

  private async runOnce(): Promise<void> {
    try {
      const data = await this.options.source.load();
      if (!data) {
        this.publish({ connectivity: null, attentionCount: 0 });
        return;
      }
      this.offsetMs = data.portalOffsetMs;
      this.utcOffsetMinutes = data.utcOffsetMinutes;
      this.settings = data.settings;
      const language = resolveLanguage(data.settings.ui.language, this.options.systemLocale);
      // Read with the data, so a status change that happened before we subscribed is not missed.
      this.center.setConnectivity(data.sync.connectivity);
      const base = { language, utcOffsetMinutes: data.utcOffsetMinutes, connectivity: data.sync.connectivity };
      // Before the first pull of this run the local copy may be hours old: judging it would seed
      // (or announce) conditions that the portal no longer has.
      if (data.sync.lastSyncAt === null) return this.publish(base);
      const result = this.center.evaluate({ ...data, language });
      this.publish({ ...base, attentionCount: result.attentionCount ?? this.state.attentionCount });
      if (result.notices.length > 0) this.options.onNotices(result.notices);
    } catch (error) {
      this.options.onError?.(error);
    }
  }

  snooze(taskId: string, choice: SnoozeChoice): number | null {
    if (!this.settings) return null;
    return this.center.snooze(taskId, choice, this.settings, this.utcOffsetMinutes);
  }

  pause(choice: SnoozeChoice): number | null {
    if (!this.settings) return null;
    const until = this.center.pause(choice, this.settings, this.utcOffsetMinutes);
    this.publish({});
    return until;
  }

  resume(): void {
    this.center.resume();
    this.publish({});
    void this.evaluate();
  }

  getState(): AlertState {
    return { ...this.state };
  }

  private publish(patch: Partial<AlertState>): void {
    const next = { ...this.state, ...patch, pausedUntil: this.center.pausedUntil };
    if (JSON.stringify(next) === JSON.stringify(this.state)) return;
    this.state = next;
    this.options.onState(this.getState());
  }
}
