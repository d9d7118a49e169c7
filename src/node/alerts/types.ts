/** What the alert engine reasons about: one condition of one task, and what is shown for it. */

export type AlertKind = 'forgotten' | 'sla-risk' | 'sla-breached' | 'wia-alert' | 'new-task';

export const ALERT_KINDS: readonly AlertKind[] = ['forgotten', 'sla-risk', 'sla-breached', 'wia-alert', 'new-task'];

/** Why a forgotten or SLA condition holds; picks the wording of the notification. */
export type AlertReason = 'lu-alert' | 'no-responsible' | 'stopper-too-long' | 'reaction' | 'resolution' | null;

export interface AlertCondition {
  taskId: string;
  groupId: string;
  title: string;
  kind: AlertKind;
  reason: AlertReason;
  /**
   * "How long", in seconds: time without an update (or under a stopper) for forgotten, time left
   * for SLA at risk, time overdue for SLA breached, WIA for wia-alert, age for a new task.
   */
  seconds: number;
  /** The threshold that was crossed (seconds), when one applies: the summary says "> 4 ч". */
  thresholdSeconds: number | null;
  /** The stopper's value when the reason is `stopper-too-long`. */
  stopper?: string;
}

export type AlertLanguage = 'ru' | 'en';

/** One native notification to show. */
export type AlertNotice =
  | { type: 'task'; taskId: string; kind: AlertKind; title: string; body: string; sound: boolean }
  | { type: 'summary'; taskIds: string[]; kinds: AlertKind[]; title: string; body: string; sound: boolean };

export function conditionKey(condition: Pick<AlertCondition, 'taskId' | 'kind'>): string {
  return `${condition.taskId}|${condition.kind}`;
}
