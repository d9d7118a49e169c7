/**
 * Which alert conditions hold for which tasks right now. Pure: the board data, the settings, the
 * signed-in user and the portal time in, the conditions out. The rules themselves (forgotten, SLA,
 * WIA bands) come from core/domain; this file only decides which of them concern the user.
 */
import type { HistoryEntry, Stage, Task, User } from '../../core/domain/model';
import type { Settings } from '../../core/domain/settings';
import { cardKind } from '../../core/domain/card-kind';
import { forgottenReasons, type ForgottenReason } from '../../core/domain/forgotten';
import { slaStatus, type SlaMeasure } from '../../core/domain/sla';
import { createStageMap, roleOfStage } from '../../core/domain/stage-map';
import { buildTimeline, isTaskDone } from '../../core/domain/task-timeline';
import { band, luSeconds, wia } from '../../core/domain/timers';
import type { AlertCondition } from './types';

export type AlertTask = Task & { localOnly?: boolean };

export interface AlertBoard {
  groupId: string;
  stages: readonly Stage[];
  tasks: readonly AlertTask[];
  history: Readonly<Record<string, readonly HistoryEntry[]>>;
}

export interface ConditionInput {
  boards: readonly AlertBoard[];
  users: readonly User[];
  settings: Settings;
  /** The signed-in portal user; null while unknown. */
  userId: string | null;
  /** Groups the user is a member of; null when unknown (then every bound group counts). */
  memberGroupIds: readonly string[] | null;
  /** Portal time (ms). */
  now: number;
}

/**
 * Scope: `own` = the user is responsible; `groups` = every task of the user's groups (all bound
 * groups while membership is unknown) plus the user's own; `all` = every task Pult holds (leads).
 */
export function inScope(task: Pick<Task, 'groupId' | 'responsibleId'>, input: Pick<ConditionInput, 'settings' | 'userId' | 'memberGroupIds'>): boolean {
  const { scope } = input.settings.notifications;
  const mine = input.userId !== null && task.responsibleId === input.userId;
  if (scope === 'own') return mine;
  if (scope === 'groups') return mine || input.memberGroupIds === null || input.memberGroupIds.includes(task.groupId);
  return true;
}

/** Null when the scope needs the user's id and it is not known yet (nothing can be decided). */
export function alertConditions(input: ConditionInput): AlertCondition[] | null {
  const { settings, now } = input;
  if (settings.notifications.scope !== 'all' && input.userId === null) return null;
  const map = createStageMap(input.boards.flatMap((board) => board.stages), settings.stageRoles);
  const usersById = new Map(input.users.map((user) => [user.id, user]));
  const result: AlertCondition[] = [];
  for (const board of input.boards) {
    for (const task of board.tasks) {
      // A task created offline is the user's own fresh work, not something forgotten.
      if (task.localOnly || isTaskDone(task, map) || !inScope(task, input)) continue;
      const history = board.history[task.id] ?? [];
      const base = { taskId: task.id, groupId: task.groupId, title: task.title };
      const forgotten = forgottenReasons(task, history, usersById, map, settings, now);
      if (forgotten.forgotten) result.push({ ...base, kind: 'forgotten', ...forgottenDetail(forgotten.reasons, luSeconds(task, now)) });

      const timeline = buildTimeline(task, history, map);
      const sla = slaStatus(task, cardKind(task, settings.fields).kind, history, map, settings, now, timeline);
      const running = runningSlaAlert(sla.reaction, sla.resolution);
      if (running) {
        const remaining = running.measure.remainingSeconds ?? 0;
        result.push({
          ...base,
          kind: running.measure.state === 'risk' ? 'sla-risk' : 'sla-breached',
          reason: running.reason,
          seconds: running.measure.state === 'risk' ? Math.max(0, remaining) : Math.max(0, -remaining),
          thresholdSeconds: running.measure.targetSeconds,
        });
      }

      const role = roleOfStage(map, task.groupId, task.stageId);
      const wiaThreshold = role ? settings.thresholds.wia[role] : null;
      const age = wia(task, history, map, now, timeline).seconds;
      if (wiaThreshold && age !== null && band(age, wiaThreshold) === 'alert') {
        result.push({ ...base, kind: 'wia-alert', reason: null, seconds: age, thresholdSeconds: wiaThreshold.alertMinutes * 60 });
      }

      // Someone else's new request waiting in the collection stage.
      if (role === 'new' && task.createdBy !== input.userId) {
        result.push({ ...base, kind: 'new-task', reason: null, seconds: Math.max(0, Math.floor((now - task.createdAt) / 1000)), thresholdSeconds: null });
      }
    }
  }
  return result;
}

/** The reason the notification names: the LU alert first (the seed's "без движения"). */
function forgottenDetail(reasons: readonly ForgottenReason[], lu: number): Pick<AlertCondition, 'reason' | 'seconds' | 'thresholdSeconds' | 'stopper'> {
  const luAlert = reasons.find((reason) => reason.code === 'lu-alert');
  if (luAlert) return { reason: 'lu-alert', seconds: luAlert.luSeconds, thresholdSeconds: luAlert.alertSeconds };
  const stopper = reasons.find((reason) => reason.code === 'stopper-too-long');
  if (stopper) return { reason: 'stopper-too-long', seconds: stopper.sinceSeconds, thresholdSeconds: stopper.thresholdSeconds, stopper: stopper.stopper };
  return { reason: 'no-responsible', seconds: lu, thresholdSeconds: null };
}

/**
 * The SLA clock that needs action: only a running one (a reaction given late is history, not
 * something the agent can still fix); breached before at risk, reaction before resolution.
 */
function runningSlaAlert(reaction: SlaMeasure, resolution: SlaMeasure): { measure: SlaMeasure; reason: 'reaction' | 'resolution' } | null {
  const candidates = [
    { measure: reaction, reason: 'reaction' as const },
    { measure: resolution, reason: 'resolution' as const },
  ].filter(({ measure }) => measure.stoppedAt === null && (measure.state === 'risk' || measure.state === 'breached'));
  return candidates.find(({ measure }) => measure.state === 'breached') ?? candidates[0] ?? null;
}

/** The tray's number: tasks that are forgotten or whose SLA is at risk or breached. */
export function attentionCount(conditions: readonly AlertCondition[]): number {
  const tasks = new Set<string>();
  for (const condition of conditions) {
    if (condition.kind === 'forgotten' || condition.kind === 'sla-risk' || condition.kind === 'sla-breached') tasks.add(condition.taskId);
  }
  return tasks.size;
}

/**
 * Whether the settings ask to be told about a condition. The LU alert is a reason of "forgotten",
 * so `luAlert` alone announces forgotten tasks only when their LU crossed the alert threshold.
 */
export function isAnnounced(condition: AlertCondition, alerts: Settings['notifications']['alerts']): boolean {
  switch (condition.kind) {
    case 'forgotten':
      return alerts.forgotten || (alerts.luAlert && condition.reason === 'lu-alert');
    case 'sla-risk':
      return alerts.slaRisk;
    case 'sla-breached':
      return alerts.slaBreached;
    case 'wia-alert':
      return alerts.wiaAlert;
    case 'new-task':
      return alerts.newTask;
  }
}
