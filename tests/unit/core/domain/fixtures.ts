import type { HistoryEntry, Stage, Task, User } from '../../../../src/core/domain/model';
import { defaultSettings, type Settings } from '../../../../src/core/domain/settings';
import { guessStageRoles } from '../../../../src/core/domain/stage-roles';
import { createStageMap } from '../../../../src/core/domain/stage-map';

/** An instant given as Moscow wall-clock time (the default portal offset, UTC+3). */
export function msk(wall: string): number {
  return Date.parse(`${wall}${wall.length === 16 ? ':00' : ''}+03:00`);
}

export function stage(id: string, title: string, sort: number, systemType = '', groupId = '1'): Stage {
  return { id, groupId, title, sort, color: '00C4FB', systemType };
}

/** The seed's five default stages: 10 new, 11 classification, 12 queue, 13 work, 14 done. */
export const STAGES: Stage[] = [
  stage('10', 'Новые заявки', 100, 'NEW'),
  stage('11', 'Сбор информации', 200),
  stage('12', 'Запустить в работу', 300),
  stage('13', 'В работе', 400),
  stage('14', 'Завершена', 500, 'FINISH'),
];

export function settingsWith(change: (s: Settings) => void = () => {}): Settings {
  const settings = defaultSettings();
  settings.groupIds = ['1'];
  settings.stageRoles = guessStageRoles(STAGES);
  settings.fields = { type: 'UF_SD_TYPE', blocker: 'UF_SD_STOPPER', estimate: 'UF_SD_ESTIMATE' };
  change(settings);
  return settings;
}

export const MAP = createStageMap(STAGES, guessStageRoles(STAGES));

export function task(change: Partial<Task> = {}): Task {
  return {
    id: '100',
    title: 'Не работает печать',
    description: '',
    status: 2,
    priority: 1,
    groupId: '1',
    stageId: '10',
    responsibleId: '5',
    createdBy: '7',
    createdAt: msk('2025-03-03T09:00'),
    changedAt: msk('2025-03-03T09:00'),
    changedBy: null,
    statusChangedAt: null,
    activityAt: null,
    closedAt: null,
    deadline: null,
    timeEstimateSeconds: 0,
    crmLinks: [],
    userFields: {},
    chatId: null,
    ...change,
  };
}

let historyId = 0;
export function moved(at: number, from: string | null, to: string, taskId = '100'): HistoryEntry {
  historyId += 1;
  return { id: String(historyId), taskId, at, field: 'STAGE_ID', from, to, userId: '5' };
}

export function statusChanged(at: number, from: number, to: number, taskId = '100'): HistoryEntry {
  historyId += 1;
  return { id: String(historyId), taskId, at, field: 'STATUS', from: String(from), to: String(to), userId: '5' };
}

export function user(id: string, change: Partial<User> = {}): User {
  return {
    id,
    name: `Имя${id}`,
    lastName: `Фамилия${id}`,
    active: true,
    type: 'employee',
    departmentIds: [],
    workPosition: '',
    workCompany: '',
    ...change,
  };
}
