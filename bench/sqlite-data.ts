/** Records for the SQLite driver comparison: groups of tasks shaped like a box portal's. */
import type { HistoryEntry, Stage, Task } from '../src/core/domain/model';

export const GROUPS = ['11', '12', '13'];
/** Tasks the crash writer rewrites per transaction. */
export const SLICE = 500;
export const NOW = 1_767_000_000_000;
const DAY = 86_400_000;
/** The board's window for finished tasks (board-view.ts shows the last 30 days). */
export const BOARD_SINCE = NOW - 30 * DAY;

export function stages(groupId: string): Stage[] {
  return ['Новые', 'В работе', 'Ждём клиента', 'Готово'].map((title, i) => ({ id: `${groupId}-${i}`, groupId, title, sort: (i + 1) * 100, color: '00C4FB', systemType: i === 0 ? 'NEW' : '' }));
}

/** Task `n` of a first sync: two in five finished, most of those long ago. */
export function task(n: number, changedAt = NOW - (n % 400) * DAY): Task {
  const groupId = GROUPS[n % GROUPS.length]!;
  const finished = n % 5 < 2;
  return {
    id: String(1000 + n),
    title: `Не печатает принтер в кабинете ${n % 300} — заявка ${n}`,
    description: 'Пользователь сообщает, что после обновления драйвера принтер перестал печатать. '.repeat(5),
    status: finished ? 5 : 2,
    priority: 1,
    groupId,
    stageId: `${groupId}-${finished ? 3 : n % 3}`,
    responsibleId: String(100 + (n % 40)),
    createdBy: String(100 + (n % 7)),
    createdAt: changedAt - DAY,
    changedAt,
    changedBy: null,
    statusChangedAt: null,
    activityAt: changedAt,
    closedAt: finished ? NOW - (n % 10 === 0 ? 3 : 200) * DAY : null,
    deadline: finished ? null : NOW + (n % 9) * DAY,
    timeEstimateSeconds: 3600,
    crmLinks: [],
    userFields: { UF_AUTO_BLOCKER: n % 13 === 0 ? 'Y' : 'N', UF_SLA: 'P2' },
    chatId: null,
  };
}

export function history(n: number): HistoryEntry[] {
  const taskId = String(1000 + n);
  return [
    { id: `${taskId}-1`, taskId, at: NOW - 20 * DAY, field: 'STAGE_ID', from: null, to: '0', userId: '101' },
    { id: `${taskId}-2`, taskId, at: NOW - 10 * DAY, field: 'STATUS', from: '2', to: '3', userId: '101' },
    { id: `${taskId}-3`, taskId, at: NOW - 5 * DAY, field: 'STAGE_ID', from: '0', to: '1', userId: '102' },
  ];
}
