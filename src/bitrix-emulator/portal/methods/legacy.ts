import { RestError } from '../../contract';

/** server-facts §4: legacy task.* failures become ERROR_CORE with HTTP 400, wrapped like TasksException. */
export function actionFailed(): RestError {
  return new RestError('ERROR_CORE', 'TASKS_ERROR_EXCEPTION_#8; Action failed; 8/TE/ACTION_FAILED_TO_BE_PROCESSED<br>', 400);
}

export function wrongArgument(index: number, name: string, method: string, problem: string): RestError {
  return new RestError(
    'ERROR_CORE',
    `TASKS_ERROR_EXCEPTION_#256; Param #${index} (${name}) for method ${method}() ${problem}; 256/TE/WRONG_ARGUMENTS<br>`,
    400,
  );
}

/** Positional task ID (Param #0), which must be an integer. */
export function taskIdArg(args: unknown[], method: string): number {
  const raw = args[0];
  const id = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isInteger(id) || id <= 0) throw wrongArgument(0, 'taskId', method, 'expected to be of type "integer", but given something else.');
  return id;
}

/** Checks that a positional ORDER/FILTER map uses only allowed keys (with filter prefixes). */
export function checkKeys(value: unknown, allowed: readonly string[], index: number, name: string, method: string, prefixes: boolean): Record<string, unknown> {
  if (value === undefined || value === null || value === '') return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw wrongArgument(index, name, method, 'expected to be of type "array", but given something else.');
  const map = value as Record<string, unknown>;
  for (const key of Object.keys(map)) {
    const bare = prefixes ? key.replace(/^(>=|<=|!|>|<)/, '') : key;
    if (!allowed.includes(bare.toUpperCase())) throw wrongArgument(index, name, method, `must not contain key "${key}".`);
  }
  return map;
}

/** Applies a legacy filter map ({ID: 5, '>=POST_DATE': ...}) to a row's numeric/date values. */
export function legacyMatch(row: Record<string, number | string>, filter: Record<string, unknown>, toComparable: (field: string, v: unknown) => number | string): boolean {
  return Object.entries(filter).every(([key, value]) => {
    const m = /^(>=|<=|!|>|<)?(.+)$/.exec(key);
    const op = m?.[1] ?? '=';
    const field = (m?.[2] ?? key).toUpperCase();
    const actual = row[field];
    if (actual === undefined) return true;
    const list = Array.isArray(value) ? value : [value];
    const expected = list.map((v) => toComparable(field, v));
    const a = actual;
    const b = expected[0] ?? '';
    switch (op) {
      case '!': return !expected.some((e) => String(e) === String(a));
      case '>': return a > b;
      case '<': return a < b;
      case '>=': return a >= b;
      case '<=': return a <= b;
      default: return expected.some((e) => String(e) === String(a));
    }
  });
}
