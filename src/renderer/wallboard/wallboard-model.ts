/**
 * What the wallboard shows for one group, derived from the host's board snapshot with the same
 * domain rules the console uses (buildBoard): column counts and hours, the cards longest in work,
 * forgotten tasks and SLA problems. Pure, so it is unit-tested without a screen.
 */
import type { BoardSnapshot } from '../../shared/api';
import type { HistoryEntry, Task, User } from '../../core/domain/model';
import type { CardKind, Settings, StageRole } from '../../core/domain/settings';
import { buildBoard, type BoardCard as RuleCard } from '../../core/domain/board';
import { sumEstimateHours, taskEstimateHours } from '../../core/domain/estimate';
import { createStageMap, type StageMap } from '../../core/domain/stage-map';
import { slaFocus, slaStatus, type SlaMeasure, type SlaMeasureName } from '../../core/domain/sla';
import { slaAttention, timerAttention, type Attention } from '../../core/domain/attention';
import { completedAt, isTaskDone, buildTimeline } from '../../core/domain/task-timeline';
import { band } from '../../core/domain/timers';
import { portalDayKey } from '../../core/domain/portal-time';
import { wipLimit, wipState, type WipState } from '../../core/domain/wip';

export interface ColumnSummary {
  stageId: string;
  title: string;
  role: StageRole | null;
  /** Cards in the column; for a "done" column only those finished today (the rest is history). */
  count: number;
  /** Sum of Оценка (hours) of the counted cards. */
  hours: number;
  doneToday: boolean;
  /** The group's cards of the role against its WIP limit (none for done: finished work is not in progress). */
  wip: WipState;
}

export interface WallboardItem {
  id: string;
  title: string;
  kind: CardKind;
  stageTitle: string;
  responsibleId: string;
  /** WIA for "longest in work", LU for forgotten, SLA remaining (negative when breached) for SLA. */
  seconds: number;
  /** How loud the item is (core/domain/attention): red only for a breached SLA. */
  tone: Attention;
}

export interface SlaItem extends WallboardItem {
  state: 'breached' | 'risk';
  /** The measure shown (the worse one), with its target and counted time. */
  measure: SlaMeasure & { name: SlaMeasureName };
  clock: 'working' | 'round-the-clock';
}

export interface GroupView {
  groupId: string;
  columns: ColumnSummary[];
  topWia: WallboardItem[];
  forgotten: WallboardItem[];
  sla: SlaItem[];
  /** People responsible for the group's open cards: the team whose plan vs fact is shown. */
  teamIds: string[];
}

export interface GroupViewInput {
  snapshot: BoardSnapshot;
  settings: Settings;
  users: readonly User[];
  /** Portal time. */
  now: number;
  topWiaCount?: number;
}


/** The `count` cards with the largest WIA among open cards in a work-role column, largest first. */
export function selectTopWia<T extends { wiaSeconds: number | null }>(cards: readonly T[], count: number): (T & { wiaSeconds: number })[] {
  return cards
    .filter((card): card is T & { wiaSeconds: number } => card.wiaSeconds !== null)
    .sort((a, b) => b.wiaSeconds - a.wiaSeconds)
    .slice(0, Math.max(0, count));
}

export function buildGroupView(input: GroupViewInput): GroupView {
  const { snapshot, settings, now } = input;
  const map = createStageMap(snapshot.stages, settings.stageRoles);
  const historyByTask = new Map<string, readonly HistoryEntry[]>(Object.entries(snapshot.history));
  const tasksById = new Map<string, Task>(snapshot.cards.map((card) => [card.id, card]));
  const columns = buildBoard({ tasks: snapshot.cards, stages: snapshot.stages, settings, historyByTask, users: input.users, now }).filter(
    (column) => column.groupId === snapshot.groupId,
  );
  const offset = settings.calendar.utcOffsetMinutes;
  const today = portalDayKey(now, offset);
  const estimate = (id: string) => taskEstimateHours(tasksById.get(id)!, settings.fields.estimate);
  const item = (card: RuleCard, stageTitle: string, seconds: number, tone: Attention): WallboardItem => ({
    id: card.id,
    title: card.title,
    kind: card.kind,
    stageTitle,
    responsibleId: tasksById.get(card.id)?.responsibleId ?? '',
    seconds,
    tone,
  });

  const summaries: ColumnSummary[] = [];
  const inWork: (RuleCard & { stageTitle: string })[] = [];
  const forgotten: WallboardItem[] = [];
  const sla: SlaItem[] = [];
  const team = new Set<string>();
  // A group's limit for a role covers all its stages of that role, as on the board.
  const roleCounts = new Map<StageRole, number>();
  for (const column of columns) if (column.role) roleCounts.set(column.role, (roleCounts.get(column.role) ?? 0) + column.cards.length);
  for (const column of columns) {
    const doneColumn = column.role === 'done';
    const limit = doneColumn ? null : wipLimit(settings.wip, column.role, snapshot.groupId);
    const counted = doneColumn ? column.cards.filter((card) => finishedOn(tasksById.get(card.id)!, historyByTask, map, today, offset)) : column.cards;
    summaries.push({
      stageId: column.stageId,
      title: column.title,
      role: column.role,
      count: counted.length,
      hours: sumEstimateHours(counted.map((card) => estimate(card.id))),
      doneToday: doneColumn,
      wip: wipState(column.role ? (roleCounts.get(column.role) ?? 0) : 0, limit),
    });
    for (const card of column.cards) {
      const task = tasksById.get(card.id)!;
      if (isTaskDone(task, map)) continue;
      team.add(task.responsibleId);
      if (column.role === 'work') inWork.push({ ...card, stageTitle: column.title });
      if (card.forgotten) forgotten.push(item(card, column.title, card.luSeconds, 'warn'));
      if (card.sla === 'breached' || card.sla === 'risk') {
        const measure = slaFocus(slaStatus(task, card.kind, historyByTask.get(card.id) ?? [], map, settings, now));
        if (measure) {
          const base = item(card, column.title, measure.remainingSeconds ?? 0, slaAttention(card.sla));
          sla.push({ ...base, state: card.sla, measure, clock: settings.sla[card.kind].clock });
        }
      }
    }
  }
  const wiaThreshold = settings.thresholds.wia.work;
  return {
    groupId: snapshot.groupId,
    columns: summaries,
    topWia: selectTopWia(inWork, input.topWiaCount ?? 6).map((card) => item(card, card.stageTitle, card.wiaSeconds, timerAttention(band(card.wiaSeconds, wiaThreshold)))),
    forgotten: forgotten.sort((a, b) => b.seconds - a.seconds),
    sla: sla.sort((a, b) => severity(b) - severity(a) || a.seconds - b.seconds),
    teamIds: [...team].filter((id) => id !== '' && id !== '0'),
  };
}

function severity(item: SlaItem): number {
  return item.state === 'breached' ? 1 : 0;
}

function finishedOn(task: Task, historyByTask: ReadonlyMap<string, readonly HistoryEntry[]>, map: StageMap, day: string, offset: number): boolean {
  const doneAt = completedAt(task, buildTimeline(task, historyByTask.get(task.id) ?? [], map), map);
  return doneAt !== null && portalDayKey(doneAt, offset) === day;
}

