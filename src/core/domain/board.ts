/**
 * The board projection shared by the UI and the headless `--board` output: columns in stage
 * order with every card's kind, timers, forgotten flag and SLA state.
 */
import type { HistoryEntry, Stage, Task, User } from './model';
import type { CardKind, Settings, StageRole } from './settings';
import { cardKind } from './card-kind';
import { forgottenReasons } from './forgotten';
import { slaStatus, type SlaState } from './sla';
import { createStageMap, roleOfStage, type StageMap } from './stage-map';
import { buildTimeline } from './task-timeline';
import { luSeconds, wia } from './timers';

export interface BoardCard {
  id: string;
  title: string;
  kind: CardKind;
  luSeconds: number;
  wiaSeconds: number | null;
  forgotten: boolean;
  sla: SlaState;
}

export interface BoardColumn {
  stageId: string;
  groupId: string;
  title: string;
  role: StageRole | null;
  cards: BoardCard[];
}

export interface BoardInput {
  /** Tasks as the user sees them (server state with pending edits replayed). */
  tasks: readonly Task[];
  stages: readonly Stage[];
  settings: Settings;
  historyByTask: ReadonlyMap<string, readonly HistoryEntry[]>;
  users?: readonly User[];
  now: number;
}

/**
 * Columns per group (groups in the settings' order, then any other), stages by sort. A task with
 * stage "0" or a stage its group no longer has is shown in the group's first column; a task of a
 * group without stages has no column and is left out. Cards keep the order the tasks came in.
 */
export function buildBoard(input: BoardInput): BoardColumn[] {
  const map = createStageMap(input.stages, input.settings.stageRoles);
  const usersById = new Map((input.users ?? []).map((user) => [user.id, user]));
  const columns = new Map<string, BoardColumn>();
  for (const groupId of groupOrder(map, input.settings.groupIds)) {
    for (const stage of map.stagesOfGroup.get(groupId) ?? []) {
      columns.set(stage.id, {
        stageId: stage.id,
        groupId,
        title: stage.title,
        role: roleOfStage(map, groupId, stage.id),
        cards: [],
      });
    }
  }
  for (const task of input.tasks) {
    const column = columnOf(map, columns, task);
    if (column) column.cards.push(boardCard(task, input, map, usersById));
  }
  return [...columns.values()];
}

function boardCard(task: Task, input: BoardInput, map: StageMap, usersById: ReadonlyMap<string, User>): BoardCard {
  const history = input.historyByTask.get(task.id) ?? [];
  const timeline = buildTimeline(task, history, map);
  const kind = cardKind(task, input.settings.fields).kind;
  return {
    id: task.id,
    title: task.title,
    kind,
    luSeconds: luSeconds(task, input.now),
    wiaSeconds: wia(task, history, map, input.now, timeline).seconds,
    forgotten: forgottenReasons(task, history, usersById, map, input.settings, input.now).forgotten,
    sla: slaStatus(task, kind, history, map, input.settings, input.now, timeline).state,
  };
}

function columnOf(map: StageMap, columns: ReadonlyMap<string, BoardColumn>, task: Task): BoardColumn | null {
  const own = columns.get(task.stageId);
  if (own && own.groupId === task.groupId) return own;
  const first = map.stagesOfGroup.get(task.groupId)?.[0];
  return first ? (columns.get(first.id) ?? null) : null;
}

function groupOrder(map: StageMap, bound: readonly string[]): string[] {
  const rest = [...map.stagesOfGroup.keys()].filter((groupId) => !bound.includes(groupId)).sort();
  return [...bound.filter((groupId) => map.stagesOfGroup.has(groupId)), ...rest];
}
