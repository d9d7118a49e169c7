/**
 * Flood control: up to FLOOD_LIMIT new alerts are shown one by one; more at once become a single
 * summary, because a wall of toasts gets dismissed unread.
 */
import { ALERT_KINDS, type AlertCondition, type AlertKind, type AlertLanguage, type AlertNotice } from './types';
import { conditionBody, kindLabel, summaryTitleMixed, summaryTitleOfKind, taskIdList, taskTitle } from './texts';

export const FLOOD_LIMIT = 3;

export function bundleAlerts(alerts: readonly AlertCondition[], language: AlertLanguage, sound: boolean): AlertNotice[] {
  if (alerts.length === 0) return [];
  if (alerts.length <= FLOOD_LIMIT) {
    return alerts.map((alert) => ({ type: 'task', taskId: alert.taskId, kind: alert.kind, title: taskTitle(alert), body: conditionBody(alert, language), sound }));
  }
  const taskIds = [...new Set(alerts.map((alert) => alert.taskId))];
  const byKind = new Map<AlertKind, AlertCondition[]>();
  for (const alert of alerts) byKind.set(alert.kind, [...(byKind.get(alert.kind) ?? []), alert]);
  const kinds = ALERT_KINDS.filter((kind) => byKind.has(kind));
  if (kinds.length === 1) {
    const [kind] = kinds as [AlertKind];
    return [{ type: 'summary', taskIds, kinds, title: summaryTitleOfKind(kind, alerts, language), body: taskIdList(taskIds, language), sound }];
  }
  const parts = kinds.map((kind) => `${kindLabel(kind, language)}: ${new Set(byKind.get(kind)!.map((a) => a.taskId)).size}`);
  return [{ type: 'summary', taskIds, kinds, title: summaryTitleMixed(taskIds.length, language), body: `${parts.join(' · ')}\n${taskIdList(taskIds, language)}`, sound }];
}
