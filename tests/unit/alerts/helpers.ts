/** Board data and settings for the alert tests: one Service Desk group with the five default stages. */
import type { Stage, Task, User } from '../../../src/core/domain/model';
import { settingsSchema, type Settings, type SettingsInput } from '../../../src/core/domain/settings';
import type { AlertMemory, MemoryStore } from '../../../src/node/alerts/memory';
import { emptyMemory } from '../../../src/node/alerts/memory';
import type { AlertBoard } from '../../../src/node/alerts/conditions';
import type { EvaluationInput } from '../../../src/node/alerts/alert-center';
import { makeTask } from '../../support/factories';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
/** Thursday 15 January 2026, 12:00 Moscow (09:00 UTC). */
export const NOON_MSK = Date.UTC(2026, 0, 15, 9, 0, 0);
export const ME = '5';

export const STAGES: Stage[] = [
  { id: '100', groupId: '10', title: 'Новые заявки', sort: 100, color: 'aaaaaa', systemType: 'NEW' },
  { id: '101', groupId: '10', title: 'Сбор информации', sort: 200, color: 'aaaaaa', systemType: '' },
  { id: '102', groupId: '10', title: 'Запустить в работу', sort: 300, color: 'aaaaaa', systemType: '' },
  { id: '103', groupId: '10', title: 'В работе', sort: 400, color: 'aaaaaa', systemType: 'WORK' },
  { id: '104', groupId: '10', title: 'Завершена', sort: 500, color: 'aaaaaa', systemType: 'FINISH' },
];
export const ROLES = { '100': 'new', '101': 'classification', '102': 'queue', '103': 'work', '104': 'done' } as const;

/** SLA targets are off unless a test turns them on, so each test sees only the rule it is about. */
export function makeSettings(input: SettingsInput = {}): Settings {
  const noSla = { reactionMinutes: null, resolutionMinutes: null };
  return settingsSchema.parse({
    groupIds: ['10'],
    stageRoles: ROLES,
    sla: { incident: noSla, service: noSla, change: noSla },
    // "В работе" alerts after 4 h without an update, as in the example.
    thresholds: { lu: { work: { warnMinutes: 120, alertMinutes: 240 } } },
    ...input,
    notifications: { ...input.notifications, alerts: { newTask: false, ...input.notifications?.alerts } },
  });
}

export const USERS: User[] = [
  { id: ME, name: 'Анна', lastName: 'Агент', active: true, type: 'employee', departmentIds: [], workPosition: '', workCompany: '' },
  { id: '6', name: 'Борис', lastName: 'Коллега', active: true, type: 'employee', departmentIds: [], workPosition: '', workCompany: '' },
];

/** A task of mine in "В работе" whose LU is `idleMs` at `now`. */
export function idleTask(id: string, now: number, idleMs: number, overrides: Partial<Task> = {}): Task {
  return makeTask({ id, title: `Задача ${id}`, stageId: '103', status: 3, responsibleId: ME, createdBy: '20', createdAt: now - 10 * 24 * HOUR, changedAt: now - idleMs, statusChangedAt: now - idleMs, ...overrides });
}

export function board(tasks: Task[]): AlertBoard {
  return { groupId: '10', stages: STAGES, tasks, history: {} };
}

export function input(tasks: Task[], settings: Settings = makeSettings(), extra: Partial<EvaluationInput> = {}): EvaluationInput {
  return { boards: [board(tasks)], users: USERS, settings, userId: ME, memberGroupIds: null, language: 'ru', utcOffsetMinutes: 180, ...extra };
}

export class TestClock {
  constructor(public time = NOON_MSK) {}
  now(): number {
    return this.time;
  }
  advance(ms: number): void {
    this.time += ms;
  }
}

export function memoryStore(initial: AlertMemory = emptyMemory()): MemoryStore & { saved: AlertMemory[] } {
  let current = structuredClone(initial);
  const saved: AlertMemory[] = [];
  return {
    problem: null,
    saved,
    load: () => structuredClone(current),
    save(memory) {
      current = structuredClone(memory);
      saved.push(current);
    },
  };
}
