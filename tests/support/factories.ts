import type { Task } from '../../src/core/domain/model';
import type { Intent, IntentPayload } from '../../src/core/sync/intents';

export function makeTask(overrides: Partial<Task> = {}): Task {
  return {
    id: '1',
    title: 'Не печатает принтер',
    description: '',
    status: 2,
    priority: 1,
    groupId: '10',
    stageId: '100',
    responsibleId: '5',
    createdBy: '20',
    createdAt: Date.UTC(2026, 0, 10, 9),
    changedAt: Date.UTC(2026, 0, 12, 9),
    changedBy: '5',
    statusChangedAt: null,
    activityAt: null,
    closedAt: null,
    deadline: null,
    timeEstimateSeconds: 0,
    crmLinks: [],
    userFields: {},
    chatId: null,
    ...overrides,
  };
}

let seq = 0;
export function makeIntent(payload: IntentPayload, overrides: Partial<Intent> = {}): Intent {
  seq++;
  return {
    seq,
    payload,
    baseChangedAt: null,
    baseValues: null,
    createdAt: Date.UTC(2026, 0, 13, 9) + seq * 1000,
    attempts: 0,
    nextAttemptAt: 0,
    lastError: null,
    lastErrorCode: null,
    lastFailure: null,
    state: 'queued',
    resultTaskId: null,
    ...overrides,
  };
}
