import { describe, expect, it } from 'vitest';
import { conditionBody, plural, summaryTitleMixed, summaryTitleOfKind, taskCount, taskIdList, taskTitle, thresholdText } from '../../../src/node/alerts/texts';
import { bundleAlerts } from '../../../src/node/alerts/flood';
import type { AlertCondition } from '../../../src/node/alerts/types';

const base: AlertCondition = { taskId: '12', groupId: '10', title: 'Не печатает принтер', kind: 'forgotten', reason: 'lu-alert', seconds: 4 * 3600 + 5 * 60, thresholdSeconds: 4 * 3600 };
const many = (n: number, patch: Partial<AlertCondition> = {}) => Array.from({ length: n }, (_, i) => ({ ...base, taskId: String(i + 1), ...patch }));

describe('plural forms', () => {
  it.each([
    [1, '1 задача'],
    [2, '2 задачи'],
    [4, '4 задачи'],
    [5, '5 задач'],
    [11, '11 задач'],
    [12, '12 задач'],
    [14, '14 задач'],
    [21, '21 задача'],
    [22, '22 задачи'],
    [25, '25 задач'],
    [101, '101 задача'],
    [111, '111 задач'],
  ])('ru %i → %s', (n, text) => expect(taskCount('ru', n)).toBe(text));

  it('en', () => {
    expect(taskCount('en', 1)).toBe('1 task');
    expect(taskCount('en', 2)).toBe('2 tasks');
    expect(plural('en', 0, { one: 'a', few: 'b', many: 'c' })).toBe('c');
  });
});

describe('notification texts', () => {
  it('one task: title with the id, body with the kind and how long', () => {
    expect(taskTitle(base)).toBe('#12 Не печатает принтер');
    expect(taskTitle({ taskId: '1', title: 'x'.repeat(100) })).toHaveLength(83);
    expect(conditionBody(base, 'ru')).toBe('Без движения 4ч 05м');
    expect(conditionBody(base, 'en')).toBe('No update for 4h 05m');
    expect(conditionBody({ ...base, reason: 'no-responsible' }, 'ru')).toBe('Забыта: нет ответственного');
    expect(conditionBody({ ...base, reason: 'stopper-too-long', stopper: 'Ждём клиента', seconds: 26 * 3600 }, 'ru')).toBe('Стоппер «Ждём клиента» уже 1д 2ч');
    expect(conditionBody({ ...base, kind: 'sla-risk', reason: 'resolution', seconds: 25 * 60 }, 'ru')).toBe('SLA решения под угрозой: осталось 25м');
    expect(conditionBody({ ...base, kind: 'sla-breached', reason: 'reaction', seconds: 80 * 60 }, 'en')).toBe('Reaction SLA breached: 1h 20m overdue');
    expect(conditionBody({ ...base, kind: 'wia-alert', seconds: 5 * 86400 }, 'ru')).toBe('В работе 5д 0ч');
    expect(conditionBody({ ...base, kind: 'new-task' }, 'en')).toBe('New task');
  });

  it('summaries of one kind', () => {
    expect(summaryTitleOfKind('forgotten', many(4), 'ru')).toBe('4 задачи без движения > 4 ч');
    expect(summaryTitleOfKind('forgotten', many(21), 'ru')).toBe('21 задача без движения > 4 ч');
    expect(summaryTitleOfKind('forgotten', [...many(3), { ...base, taskId: '9', thresholdSeconds: 86400 }], 'ru')).toBe('4 задачи без движения > 4 ч');
    expect(summaryTitleOfKind('forgotten', [...many(3), { ...base, taskId: '9', reason: 'no-responsible', thresholdSeconds: null }], 'ru')).toBe('4 задачи без движения');
    expect(summaryTitleOfKind('forgotten', many(5), 'en')).toBe('5 tasks idle > 4 h');
    expect(summaryTitleOfKind('sla-breached', many(5, { kind: 'sla-breached' }), 'ru')).toBe('5 задач: SLA нарушен');
    expect(summaryTitleOfKind('new-task', many(1, { kind: 'new-task' }), 'ru')).toBe('1 новая задача');
    expect(summaryTitleOfKind('new-task', many(4, { kind: 'new-task' }), 'ru')).toBe('4 новые задачи');
    expect(summaryTitleOfKind('new-task', many(5, { kind: 'new-task' }), 'ru')).toBe('5 новых задач');
    expect(summaryTitleOfKind('wia-alert', many(2, { kind: 'wia-alert', thresholdSeconds: 5 * 86400 }), 'en')).toBe('2 tasks in work > 5 d');
  });

  it('mixed summaries and id lists', () => {
    expect(summaryTitleMixed(1, 'ru')).toBe('1 задача требует внимания');
    expect(summaryTitleMixed(7, 'ru')).toBe('7 задач требуют внимания');
    expect(summaryTitleMixed(1, 'en')).toBe('1 task needs attention');
    expect(summaryTitleMixed(3, 'en')).toBe('3 tasks need attention');
    expect(taskIdList(['1', '2'], 'ru')).toBe('#1, #2');
    expect(thresholdText(90 * 60, 'ru')).toBe('1ч 30м');
    const mixed = bundleAlerts([...many(2), ...many(2, { kind: 'sla-risk' }).map((c) => ({ ...c, taskId: `${c.taskId}0` })), { ...base, taskId: '1', kind: 'sla-breached' }], 'ru', true);
    expect(mixed).toEqual([
      { type: 'summary', taskIds: ['1', '2', '10', '20'], kinds: ['forgotten', 'sla-risk', 'sla-breached'], title: '4 задачи требуют внимания', body: 'без движения: 2 · SLA под угрозой: 2 · SLA нарушен: 1\n#1, #2, #10 и ещё 1', sound: true },
    ]);
  });
});
