import { describe, expect, it } from 'vitest';
import { describeEdit, describeProblem } from '../../../../src/renderer/statusbar/queue-text';
import { translate, type Language, type MessageKey } from '../../../../src/renderer/i18n';
import type { QueuedEdit } from '../../../../src/shared/api';
import type { IntentFailure } from '../../../../src/core/sync/intents';
import type { UserFieldDefinition } from '../../../../src/core/domain/model';
import { FAILURE_KINDS } from '../../../../src/core/failure';

const typeField: UserFieldDefinition = { name: 'UF_AUTO_406689096630', type: 'enumeration', labels: { ru: 'Тип заявки', en: 'Request type' }, listItems: [], multiple: false };

function ctx(language: Language) {
  return { userFields: [typeField], language, t: (key: MessageKey, values?: Record<string, string | number>) => translate(language, key, values) };
}

function edit(payload: QueuedEdit['payload'], lastFailure: IntentFailure | null = null, lastError: string | null = null): QueuedEdit {
  return { seq: 1, payload, state: lastFailure === 'conflict' ? 'conflict' : lastFailure === 'refused' ? 'failed' : 'queued', attempts: 1, lastError, lastErrorCode: null, lastFailure, createdAt: 0 };
}

const read = (text: { key: MessageKey; values: Record<string, string | number> } | null, language: Language = 'ru') => (text ? translate(language, text.key, text.values) : null);

describe('the queue panel names fields and problems in the user language', () => {
  const fields = edit({ name: 'updateFields', taskId: '42', fields: { TITLE: 'x', UF_AUTO_406689096630: '3', UF_AUTO_999: 'y' } });

  it('names the task fields and user fields by their titles, never by code', () => {
    expect(read(describeEdit(fields, ctx('ru')))).toBe('Задача 42: изменение полей (Название, Тип заявки, пользовательское поле)');
    expect(read(describeEdit(fields, ctx('en')), 'en')).toBe('Task 42: field change (Title, Request type, custom field)');
    expect(read(describeEdit(edit({ name: 'changeStatus', taskId: '7', action: 'complete' }), ctx('ru')))).toBe('Задача 7: смена статуса (завершить)');
  });

  it('words every failure kind from its kind; only a refusal quotes the portal', () => {
    for (const kind of [...FAILURE_KINDS, 'conflict' as const]) {
      const text = read(describeProblem(edit(fields.payload, kind, 'Access denied to the task'), ctx('ru')))!;
      expect(text, kind).toMatch(/[а-яё]/i);
      if (kind === 'refused') expect(text).toBe('Портал отклонил правку: Access denied to the task');
      else expect(text, kind).not.toContain('Access denied');
      expect(text, kind).not.toMatch(/UF_/);
    }
    expect(read(describeProblem(edit(fields.payload, 'conflict'), ctx('ru')))).toBe('На портале изменили после вашей правки: Название, Тип заявки, пользовательское поле');
    expect(describeProblem(edit(fields.payload, null), ctx('ru'))).toBeNull();
  });
});
