import { describe, expect, it } from 'vitest';
import { availableStatusActions, editIntent, loggedSeconds, normaliseEstimate, UnmappedFieldError } from '../../../../src/renderer/drawer/edit-intents';
import { createIntent, validateCreate, type CreateForm } from '../../../../src/renderer/create/create-intent';
import { historyLine } from '../../../../src/renderer/drawer/history-format';
import { fromPortalLocalInput, toPortalIso, toPortalLocalInput, formatPortalDateTime } from '../../../../src/renderer/shared-ui/format';
import { translate } from '../../../../src/renderer/i18n';

const fields = { type: 'UF_TYPE', blocker: 'UF_STOPPER', estimate: 'UF_ESTIMATE' };
const MSK = 180;

describe('drawer edits become one updateFields intent with portal field names', () => {
  it('maps Тип, Тип стоппера and Оценка to the UF_ fields of the settings mapping', () => {
    expect(editIntent('42', { kind: 'service-field', field: 'type', value: '3' }, fields, MSK)).toEqual({ name: 'updateFields', taskId: '42', fields: { UF_TYPE: '3' } });
    expect(editIntent('42', { kind: 'service-field', field: 'blocker', value: null }, fields, MSK)).toEqual({ name: 'updateFields', taskId: '42', fields: { UF_STOPPER: null } });
    expect(editIntent('42', { kind: 'service-field', field: 'estimate', value: '2.5' }, fields, MSK)).toEqual({ name: 'updateFields', taskId: '42', fields: { UF_ESTIMATE: '2.5' } });
  });

  it('refuses to edit a field the settings do not map', () => {
    expect(() => editIntent('42', { kind: 'service-field', field: 'type', value: '1' }, { ...fields, type: null }, MSK)).toThrow(UnmappedFieldError);
  });

  it('maps Важно to PRIORITY 2, and back to the average 1', () => {
    expect(editIntent('7', { kind: 'important', important: true }, fields, MSK).name === 'updateFields' && editIntent('7', { kind: 'important', important: true }, fields, MSK)).toMatchObject({ fields: { PRIORITY: '2' } });
    expect(editIntent('7', { kind: 'important', important: false }, fields, MSK)).toMatchObject({ fields: { PRIORITY: '1' } });
  });

  it('sends the deadline as ISO with the portal offset, and null to clear it', () => {
    const at = Date.UTC(2025, 2, 12, 15, 0); // 18:00 in Moscow
    expect(editIntent('7', { kind: 'deadline', at }, fields, MSK)).toEqual({ name: 'updateFields', taskId: '7', fields: { DEADLINE: '2025-03-12T18:00:00+03:00' } });
    expect(editIntent('7', { kind: 'deadline', at: null }, fields, MSK)).toMatchObject({ fields: { DEADLINE: null } });
    expect(toPortalIso(at, -330)).toBe('2025-03-12T09:30:00-05:30');
  });

  it('maps the responsible to RESPONSIBLE_ID', () => {
    expect(editIntent('7', { kind: 'responsible', userId: '5' }, fields, MSK)).toEqual({ name: 'updateFields', taskId: '7', fields: { RESPONSIBLE_ID: '5' } });
  });

  it('reads the deadline input as portal time, whatever the workstation zone', () => {
    const at = fromPortalLocalInput('2025-03-12T18:00', MSK);
    expect(at).toBe(Date.UTC(2025, 2, 12, 15, 0));
    expect(toPortalLocalInput(at!, MSK)).toBe('2025-03-12T18:00');
    expect(formatPortalDateTime(at!, MSK, 'ru')).toBe('12.03.2025 18:00');
    // The English UI writes the day first too, the British way, whatever the OS's locale.
    expect(formatPortalDateTime(at!, MSK, 'en')).toBe('12/03/2025 18:00');
    expect(fromPortalLocalInput('12.03.2025', MSK)).toBeNull();
  });

  it('normalises Оценка and rejects what is not a number of hours', () => {
    expect(normaliseEstimate(' 2,5 ')).toBe('2.5');
    expect(normaliseEstimate('16')).toBe('16');
    expect(normaliseEstimate('')).toBeNull();
    expect(normaliseEstimate('два')).toBe('invalid');
    expect(normaliseEstimate('-1')).toBe('invalid');
  });

  it('offers the status actions the task status allows', () => {
    expect(availableStatusActions(1)).toEqual(['start', 'complete']);
    expect(availableStatusActions(2)).toEqual(['start', 'complete']);
    expect(availableStatusActions(3)).toEqual(['pause', 'complete']);
    expect(availableStatusActions(5)).toEqual(['renew']);
    expect(availableStatusActions(4)).toEqual(['renew']);
    expect(availableStatusActions(6)).toEqual(['start', 'renew']);
  });

  it('turns hours and minutes into seconds for logTime', () => {
    expect(loggedSeconds('1', '30')).toBe(5400);
    expect(loggedSeconds('', '15')).toBe(900);
    expect(loggedSeconds('0', '0')).toBeNull();
    expect(loggedSeconds('1.5', '')).toBeNull();
    expect(loggedSeconds('1', '75')).toBeNull();
  });
});

describe('new request form', () => {
  const form: CreateForm = { groupId: '1', title: '  Не печатает принтер ', description: '', type: '2', estimate: '3,5', important: true, responsibleId: '6', companyId: '', deadline: '' };

  it('becomes one createTask intent with the client ID and portal field names', () => {
    expect(createIntent(form, fields, 'c-1', MSK)).toEqual({
      name: 'createTask',
      clientId: 'c-1',
      groupId: '1',
      title: 'Не печатает принтер',
      responsibleId: '6',
      fields: { UF_TYPE: '2', UF_ESTIMATE: '3.5', PRIORITY: '2' },
    });
    expect(createIntent({ ...form, type: '', estimate: '', important: false, responsibleId: '', description: 'x' }, fields, 'c-2', MSK)).toEqual({
      name: 'createTask', clientId: 'c-2', groupId: '1', title: 'Не печатает принтер', description: 'x',
    });
  });

  it('carries the client as its CRM link and the deadline on the portal’s clock', () => {
    expect(createIntent({ ...form, companyId: '12', deadline: '2025-03-12T18:00' }, fields, 'c-3', MSK).fields).toEqual({
      UF_TYPE: '2', UF_ESTIMATE: '3.5', PRIORITY: '2', UF_CRM_TASK: ['CO_12'], DEADLINE: '2025-03-12T18:00:00+03:00',
    });
  });

  it('names what is missing or wrong', () => {
    expect(validateCreate(form)).toEqual([]);
    expect(validateCreate({ ...form, groupId: '', title: ' ', estimate: 'много', deadline: '2025-03-12' })).toEqual(['group', 'name', 'estimate', 'deadline']);
  });
});

describe('history lines', () => {
  const t = (key: Parameters<typeof translate>[1], values?: Record<string, string | number>) => translate('ru', key, values);
  const ctx = {
    stages: [{ id: '2', groupId: '1', title: 'Сбор информации', sort: 200, color: 'fff', systemType: '' }],
    users: [{ id: '6', name: 'Мария', lastName: 'Лебедева', active: true, type: 'employee' as const, departmentIds: [], workPosition: '', workCompany: '' }],
    userFields: [{ name: 'UF_TYPE', type: 'enumeration', multiple: false, labels: { ru: 'Тип', en: 'Type' }, listItems: [{ id: '1', value: 'Отдел разработки', sort: 1, isDefault: false }] }],
    utcOffsetMinutes: MSK,
    language: 'ru' as const,
    t,
  };
  const entry = (field: string, from: string | null, to: string | null) => ({ id: '1', taskId: '1', at: 0, field, from, to, userId: '6' });

  it('names stages, people, list values, statuses and dates', () => {
    expect(historyLine(entry('STAGE_ID', '0', '2'), ctx)).toEqual({ field: 'Стадия', from: 'без стадии', to: 'Сбор информации' });
    expect(historyLine(entry('RESPONSIBLE_ID', '6', '99'), ctx)).toEqual({ field: 'Ответственный', from: 'Мария Лебедева', to: '#99' });
    expect(historyLine(entry('UF_TYPE', null, '1'), ctx)).toEqual({ field: 'Тип', from: null, to: 'Отдел разработки' });
    expect(historyLine(entry('STATUS', '2', '3'), ctx)).toEqual({ field: 'Статус', from: 'Ждёт выполнения', to: 'Выполняется' });
    expect(historyLine(entry('DEADLINE', '1741791600', null), ctx)).toEqual({ field: 'Крайний срок', from: '12.03.2025 18:00', to: null });
    expect(historyLine(entry('TIME_ESTIMATE', '0', '57600'), ctx).to).toBe('16ч 00м');
    expect(historyLine(entry('COMMENT', null, '12'), ctx)).toEqual({ field: 'Комментарий', from: null, to: null });
  });
});
