import { parseInputDate } from './dates';
import type { Task } from './model';
import type { Services } from './services';
import { subStatus } from './task-view';

type Op = '=' | '!' | '>' | '<' | '>=' | '<=' | '%';
type Value = number | string | null | (number | string | null)[];

const DATE_FIELDS: Record<string, (t: Task) => number | null> = {
  CHANGED_DATE: (t) => t.changedDate,
  CREATED_DATE: (t) => t.createdDate,
  CLOSED_DATE: (t) => t.closedDate,
  DEADLINE: (t) => t.deadline,
  ACTIVITY_DATE: (t) => t.activityDate,
  DATE_START: (t) => t.dateStart,
  STATUS_CHANGED_DATE: (t) => t.statusChangedDate,
};

const NUMBER_FIELDS: Record<string, (t: Task) => number | number[]> = {
  ID: (t) => t.id,
  GROUP_ID: (t) => t.groupId,
  STAGE_ID: (t) => t.stageId,
  RESPONSIBLE_ID: (t) => t.responsibleId,
  CREATED_BY: (t) => t.createdBy,
  CHANGED_BY: (t) => t.changedBy,
  CLOSED_BY: (t) => t.closedBy ?? 0,
  REAL_STATUS: (t) => t.status,
  PRIORITY: (t) => t.priority,
  PARENT_ID: () => 0,
  ACCOMPLICE: (t) => t.accomplices,
  AUDITOR: (t) => t.auditors,
  MEMBER: (t) => [t.createdBy, t.responsibleId, ...t.accomplices, ...t.auditors],
};

interface Condition {
  op: Op;
  field: string;
  value: unknown;
}

function parseKey(key: string): { op: Op; field: string } {
  const m = /^(>=|<=|!=|!|>|<|=|%)?(.+)$/.exec(key);
  const raw = m?.[1] ?? '=';
  return { op: (raw === '!=' ? '!' : raw) as Op, field: (m?.[2] ?? key).toUpperCase() };
}

function compare(op: Op, actual: number | string | null, expected: Value): boolean {
  const list = Array.isArray(expected) ? expected : [expected];
  const eq = (a: number | string | null, b: number | string | null): boolean => String(a ?? '') === String(b ?? '');
  switch (op) {
    case '=': return list.length === 0 ? true : list.some((v) => eq(actual, v));
    case '!': return !list.some((v) => eq(actual, v));
    case '%': return String(actual ?? '').toLowerCase().includes(String(list[0] ?? '').toLowerCase());
    default: {
      if (actual === null) return false;
      const v = list[0];
      if (v === null || v === undefined) return false;
      const a = Number(actual);
      const b = Number(v);
      return op === '>' ? a > b : op === '<' ? a < b : op === '>=' ? a >= b : a <= b;
    }
  }
}

function normalizeValue(s: Services, field: string, value: unknown): Value {
  const one = (v: unknown): number | string | null => {
    if (v === null || v === undefined || v === '' || v === false) return DATE_FIELDS[field] ? null : v === '' ? '' : null;
    if (DATE_FIELDS[field]) return parseInputDate(v, s.state.utcOffsetMinutes);
    if (NUMBER_FIELDS[field] || field === 'STATUS') return Number(v);
    return String(v);
  };
  if (Array.isArray(value)) return value.map(one);
  if (value !== null && typeof value === 'object') return Object.values(value).map(one);
  return one(value);
}

/** Builds a predicate from a tasks.task.list `filter` (UPPERCASE keys with ! < <= > >= prefixes). */
export function compileTaskFilter(s: Services, filter: Record<string, unknown>): (t: Task) => boolean {
  const conditions: Condition[] = Object.entries(filter).map(([key, value]) => ({ ...parseKey(key), value }));
  const checks = conditions.map(({ op, field, value }): ((t: Task) => boolean) => {
    const expected = normalizeValue(s, field, value);
    const dateOf = DATE_FIELDS[field];
    if (dateOf) return (t) => compare(op, dateOf(t), expected);
    if (field === 'STATUS') {
      // docs-facts §3: negative STATUS values are meta-statuses (-1 overdue, -3 almost overdue).
      return (t) => {
        const list = Array.isArray(expected) ? expected : [expected];
        const matches = list.some((v) => Number(v) < 0 ? subStatus(s, t) === Number(v) : t.status === Number(v));
        return op === '!' ? !matches : matches;
      };
    }
    const numberOf = NUMBER_FIELDS[field];
    if (numberOf) {
      return (t) => {
        const actual = numberOf(t);
        if (!Array.isArray(actual)) return compare(op, actual, expected);
        const hit = actual.some((a) => compare(op === '!' ? '=' : op, a, expected));
        return op === '!' ? !hit : hit;
      };
    }
    if (field === 'TITLE') return (t) => compare(op, t.title, expected);
    if (field === 'TAG') return (t) => compare(op, t.tags.join(','), expected);
    if (field.startsWith('UF_')) {
      return (t) => {
        const raw = t.uf[field];
        const values = Array.isArray(raw) ? raw : raw === null || raw === undefined ? [null] : [String(raw)];
        const hit = values.some((v) => compare(op === '!' ? '=' : op, v, expected));
        return op === '!' ? !hit : hit;
      };
    }
    return () => true; // unknown keys are ignored, as CTasks does
  });
  return (t) => checks.every((check) => check(t));
}

const ORDER_FIELDS: Record<string, (t: Task) => number | string> = {
  ID: (t) => t.id,
  TITLE: (t) => t.title,
  CHANGED_DATE: (t) => t.changedDate,
  CREATED_DATE: (t) => t.createdDate,
  ACTIVITY_DATE: (t) => t.activityDate,
  CLOSED_DATE: (t) => t.closedDate ?? 0,
  DEADLINE: (t) => t.deadline ?? Number.MAX_SAFE_INTEGER,
  PRIORITY: (t) => t.priority,
  STATUS: (t) => t.status,
  REAL_STATUS: (t) => t.status,
  RESPONSIBLE_ID: (t) => t.responsibleId,
  CREATED_BY: (t) => t.createdBy,
  GROUP_ID: (t) => t.groupId,
  STAGE_ID: (t) => t.stageId,
};

/** Sorts by `order` (keys from CTasks' orderable fields); default ID descending (docs-facts §3). */
export function sortTasks(tasks: Task[], order: Record<string, unknown>): Task[] {
  const keys = Object.entries(order)
    .map(([k, dir]) => ({ get: ORDER_FIELDS[k.toUpperCase()], desc: String(dir).toLowerCase() === 'desc' }))
    .filter((k): k is { get: (t: Task) => number | string; desc: boolean } => k.get !== undefined);
  if (keys.length === 0) keys.push({ get: (t) => t.id, desc: true });
  return tasks.sort((a, b) => {
    for (const { get, desc } of keys) {
      const x = get(a);
      const y = get(b);
      if (x < y) return desc ? 1 : -1;
      if (x > y) return desc ? -1 : 1;
    }
    return a.id - b.id;
  });
}
