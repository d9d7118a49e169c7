/**
 * The stateful part of alerting: turns the conditions that hold now into the notifications to
 * show, once per threshold crossing, with flood control, snooze, pause and quiet hours. The
 * clock is injected (portal time), so every rule is testable to the second.
 */
import type { Settings } from '../../core/domain/settings';
import type { Connectivity } from '../../core/sync/status';
import { alertConditions, attentionCount, isAnnounced, type ConditionInput } from './conditions';
import { bundleAlerts } from './flood';
import type { AlertMemory, MemoryStore } from './memory';
import { isQuietTime, snoozeUntil, type SnoozeChoice } from './quiet-time';
import { conditionKey, type AlertCondition, type AlertLanguage, type AlertNotice } from './types';

export interface AlertCenterOptions {
  /** Portal time. */
  clock: { now(): number };
  memory: MemoryStore;
}

export type EvaluationInput = Omit<ConditionInput, 'now'> & {
  language: AlertLanguage;
  /** The portal's time zone (quiet hours, "until tomorrow"). */
  utcOffsetMinutes: number;
};

export interface Evaluation {
  notices: AlertNotice[];
  /** Tasks forgotten or with SLA at risk/breached (in scope); null when it cannot be told yet. */
  attentionCount: number | null;
  /** Why nothing was announced, for logs and tests. */
  silentBecause: 'user-unknown' | 'not-online' | 'seeding' | null;
}

export class AlertCenter {
  private memory: AlertMemory;
  private online = true;
  /** False until the first evaluation after start or after coming back online. */
  private seeded = false;

  constructor(private readonly options: AlertCenterOptions) {
    this.memory = options.memory.load();
  }

  /**
   * While not online the local data is stale (timers keep running, updates do not arrive), so
   * nothing is announced; coming back online re-seeds silently instead of announcing a storm.
   */
  setConnectivity(connectivity: Connectivity): void {
    const online = connectivity === 'online';
    if (online && !this.online) this.seeded = false;
    this.online = online;
  }

  get pausedUntil(): number | null {
    const until = this.memory.pausedUntil;
    return until !== null && until > this.options.clock.now() ? until : null;
  }

  snoozedUntil(taskId: string): number | null {
    const until = this.memory.snoozes[taskId];
    return until !== undefined && until > this.options.clock.now() ? until : null;
  }

  /** Quiet for one task; when the snooze ends, a condition still true is announced again. */
  snooze(taskId: string, choice: SnoozeChoice, settings: Pick<Settings, 'calendar'>, utcOffsetMinutes: number): number {
    const until = snoozeUntil(this.options.clock.now(), choice, utcOffsetMinutes, settings.calendar.workHours.start);
    this.memory.snoozes[taskId] = until;
    this.memory.held = this.memory.held.filter((held) => held.taskId !== taskId);
    this.persist();
    return until;
  }

  /** Pause all notifications; what arrives meanwhile is held and summarised afterwards. */
  pause(choice: SnoozeChoice, settings: Pick<Settings, 'calendar'>, utcOffsetMinutes: number): number {
    const until = snoozeUntil(this.options.clock.now(), choice, utcOffsetMinutes, settings.calendar.workHours.start);
    this.memory.pausedUntil = until;
    this.persist();
    return until;
  }

  resume(): void {
    this.memory.pausedUntil = null;
    this.persist();
  }

  evaluate(input: EvaluationInput): Evaluation {
    const now = this.options.clock.now();
    const conditions = alertConditions({ ...input, now });
    if (conditions === null) return { notices: [], attentionCount: null, silentBecause: 'user-unknown' };
    const count = attentionCount(conditions);
    if (!this.online) return { notices: [], attentionCount: count, silentBecause: 'not-online' };

    const before = JSON.stringify(this.memory);
    this.expire(now);
    const current = new Map(conditions.map((condition) => [conditionKey(condition), condition]));
    const crossed = this.track(current, now);
    if (!this.seeded) {
      this.seeded = true;
      this.persistIfChanged(before);
      return { notices: [], attentionCount: count, silentBecause: 'seeding' };
    }
    const { notifications } = input.settings;
    const fresh = notifications.enabled
      ? crossed.filter((condition) => isAnnounced(condition, notifications.alerts) && this.memory.snoozes[condition.taskId] === undefined)
      : [];
    let notices: AlertNotice[] = [];
    if (this.memory.pausedUntil !== null || isQuietTime(now, notifications.quietHours, input.utcOffsetMinutes)) {
      const heldKeys = new Set(this.memory.held.map(conditionKey));
      this.memory.held.push(...fresh.filter((condition) => !heldKeys.has(conditionKey(condition))));
    } else {
      // Held alerts go out with the current numbers ("how long" has grown since).
      const released = this.memory.held.map((held) => current.get(conditionKey(held))).filter((c): c is AlertCondition => c !== undefined);
      this.memory.held = [];
      const releasedKeys = new Set(released.map(conditionKey));
      notices = bundleAlerts([...released, ...fresh.filter((c) => !releasedKeys.has(conditionKey(c)))], input.language, notifications.sound);
    }
    this.persistIfChanged(before);
    return { notices, attentionCount: count, silentBecause: null };
  }

  /** Ends snoozes and the pause whose time has come; a snoozed task's conditions count as new again. */
  private expire(now: number): void {
    for (const [taskId, until] of Object.entries(this.memory.snoozes)) {
      if (until > now) continue;
      delete this.memory.snoozes[taskId];
      for (const key of Object.keys(this.memory.active)) if (key.startsWith(`${taskId}|`)) delete this.memory.active[key];
    }
    if (this.memory.pausedUntil !== null && this.memory.pausedUntil <= now) this.memory.pausedUntil = null;
  }

  /** Updates the set of true conditions; returns those that became true (a threshold crossing). */
  private track(current: ReadonlyMap<string, AlertCondition>, now: number): AlertCondition[] {
    const crossed: AlertCondition[] = [];
    for (const key of Object.keys(this.memory.active)) if (!current.has(key)) delete this.memory.active[key];
    for (const [key, condition] of current) {
      if (this.memory.active[key] !== undefined) continue;
      this.memory.active[key] = now;
      crossed.push(condition);
    }
    // A held alert whose condition ended (the task moved on overnight) is no longer news.
    this.memory.held = this.memory.held.filter((held) => current.has(conditionKey(held)));
    return crossed;
  }

  private persistIfChanged(before: string): void {
    if (JSON.stringify(this.memory) !== before) this.persist();
  }

  private persist(): void {
    this.options.memory.save(this.memory);
  }
}
