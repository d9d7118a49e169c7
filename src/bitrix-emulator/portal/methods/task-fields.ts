import type { Services } from '../services';

type FieldInfo = { title: string; type: string; primary?: boolean; required?: boolean; values?: Record<string, string> };

/** tasks.task.getFields: `{type:'enum', values}` only for system fields (docs-facts §3). */
export function taskFieldsDescription(s: Services): Record<string, FieldInfo> {
  const fields: Record<string, FieldInfo> = {
    ID: { title: 'ID', type: 'integer', primary: true },
    PARENT_ID: { title: 'ID базовой задачи', type: 'integer' },
    TITLE: { title: 'Название', type: 'string', required: true },
    DESCRIPTION: { title: 'Описание', type: 'string' },
    MARK: { title: 'Оценка', type: 'enum', values: { N: 'Отрицательная', P: 'Положительная' } },
    PRIORITY: { title: 'Приоритет', type: 'enum', values: { 2: 'Высокий', 1: 'Средний', 0: 'Низкий' } },
    STATUS: { title: 'Статус', type: 'enum', values: { 2: 'Ждет выполнения', 3: 'Выполняется', 4: 'Ожидает контроля', 5: 'Завершена', 6: 'Отложена' } },
    GROUP_ID: { title: 'Проект', type: 'integer' },
    STAGE_ID: { title: 'Стадия', type: 'integer' },
    CREATED_BY: { title: 'Постановщик', type: 'integer', required: true },
    CREATED_DATE: { title: 'Дата создания', type: 'datetime' },
    RESPONSIBLE_ID: { title: 'Исполнитель', type: 'integer', required: true },
    ACCOMPLICES: { title: 'Соисполнители', type: 'array' },
    AUDITORS: { title: 'Наблюдатели', type: 'array' },
    CHANGED_BY: { title: 'Изменил', type: 'integer' },
    CHANGED_DATE: { title: 'Дата изменения', type: 'datetime' },
    STATUS_CHANGED_DATE: { title: 'Дата изменения статуса', type: 'datetime' },
    CLOSED_BY: { title: 'Кто закрыл задачу', type: 'integer' },
    CLOSED_DATE: { title: 'Дата завершения', type: 'datetime' },
    ACTIVITY_DATE: { title: 'Дата последней активности', type: 'datetime' },
    DATE_START: { title: 'Дата начала', type: 'datetime' },
    DEADLINE: { title: 'Крайний срок', type: 'datetime' },
    TIME_ESTIMATE: { title: 'Плановые трудозатраты', type: 'integer' },
    TIME_SPENT_IN_LOGS: { title: 'Затраченное время', type: 'integer' },
    ALLOW_TIME_TRACKING: { title: 'Учёт затраченного времени', type: 'enum', values: { Y: 'Да', N: 'Нет' } },
    TASK_CONTROL: { title: 'Принять работу после завершения задачи', type: 'enum', values: { Y: 'Да', N: 'Нет' } },
  };
  for (const f of s.state.userFields) fields[f.fieldName] = { title: f.labels.ru || f.fieldName, type: f.userTypeId };
  return fields;
}
