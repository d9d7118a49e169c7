import { describe, expect, it } from 'vitest';
import { forgottenReasons, hasRealResponsible } from '../../../../src/core/domain/forgotten';
import type { HistoryEntry, Task, User } from '../../../../src/core/domain/model';
import { MAP, msk, settingsWith, task, user } from './fixtures';

const NOW = msk('2025-03-05T12:00');
const settings = settingsWith();
const users = new Map<string, User>([
  ['5', user('5')],
  ['7', user('7')],
  ['40', user('40', { type: 'extranet', workCompany: 'ООО Ромашка' })],
]);
const stopperSet = (at: string, to = 'Ждём клиента'): HistoryEntry => ({
  id: 's1',
  taskId: '100',
  at: msk(at),
  field: 'UF_SD_STOPPER',
  from: null,
  to,
  userId: '5',
});

describe('forgottenReasons', () => {
  it.each<[string, Partial<Task>, HistoryEntry[], string[]]>([
    ['fresh task in work', { stageId: '13', changedAt: msk('2025-03-05T11:00') }, [], []],
    ['LU at the work alert threshold (1 day)', { stageId: '13', changedAt: msk('2025-03-04T12:00') }, [], ['lu-alert']],
    ['LU in "new" above 4 h', { stageId: '10', changedAt: msk('2025-03-05T07:59') }, [], ['lu-alert']],
    ['stage "0" uses the "new" thresholds', { stageId: '0', changedAt: msk('2025-03-05T07:59') }, [], ['lu-alert']],
    ['no responsible in "new" is fine', { stageId: '10', responsibleId: '0', changedAt: NOW }, [], []],
    ['no responsible in the queue', { stageId: '12', responsibleId: '0', changedAt: NOW }, [], ['no-responsible']],
    ['empty responsible', { stageId: '13', responsibleId: '', changedAt: NOW }, [], ['no-responsible']],
    ['extranet creator is the responsible', { stageId: '11', responsibleId: '40', createdBy: '40', changedAt: NOW }, [], ['no-responsible']],
    ['stopper set 2 days ago (history)', { stageId: '13', changedAt: NOW, userFields: { UF_SD_STOPPER: '3' } }, [stopperSet('2025-03-03T11:00')], ['stopper-too-long']],
    ['stopper set an hour ago', { stageId: '13', changedAt: NOW, userFields: { UF_SD_STOPPER: '3' } }, [stopperSet('2025-03-05T11:00')], []],
    ['stopper without history: changedAt', { stageId: '13', changedAt: msk('2025-03-04T11:00'), activityAt: NOW, userFields: { UF_SD_STOPPER: '3' } }, [], ['stopper-too-long']],
    ['stopper cleared', { stageId: '13', changedAt: NOW, userFields: { UF_SD_STOPPER: '' } }, [stopperSet('2025-03-01T11:00')], []],
    ['done tasks are never forgotten', { stageId: '14', status: 5, responsibleId: '0', changedAt: msk('2025-01-01T00:00') }, [], []],
    ['all reasons at once', { stageId: '13', responsibleId: '0', changedAt: msk('2025-03-01T11:00'), userFields: { UF_SD_STOPPER: '3' } }, [], ['lu-alert', 'no-responsible', 'stopper-too-long']],
  ])('%s', (_name, change, history, codes) => {
    const result = forgottenReasons(task(change), history, users, MAP, settings, NOW);
    expect(result.reasons.map((reason) => reason.code)).toEqual(codes);
    expect(result.forgotten).toBe(codes.length > 0);
  });

  it('explains with numbers', () => {
    const result = forgottenReasons(task({ stageId: '13', changedAt: msk('2025-03-04T10:00') }), [], users, MAP, settings, NOW);
    expect(result.reasons).toEqual([{ code: 'lu-alert', luSeconds: 26 * 3600, alertSeconds: 24 * 3600 }]);
  });

  it('uses the latest entry that set the stopper', () => {
    const history = [stopperSet('2025-03-01T10:00'), stopperSet('2025-03-05T10:00', 'Другое')];
    const t = task({ stageId: '13', changedAt: NOW, userFields: { UF_SD_STOPPER: 'Другое' } });
    expect(forgottenReasons(t, history, users, MAP, settings, NOW).forgotten).toBe(false);
  });

  it.each([
    ['5', true],
    ['0', false],
    [' ', false],
    ['40', false],
    ['999', true],
  ])('responsible %j is a real one: %s', (id, real) => {
    expect(hasRealResponsible({ responsibleId: id }, users)).toBe(real);
  });
});
