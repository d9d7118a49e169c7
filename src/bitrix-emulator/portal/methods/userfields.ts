import { RestError } from '../../contract';
import type { UserField } from '../model';
import { asRecord, callerOf, outcome, positional, register, type MethodTable, type Services } from '../services';

const SUPPORTED = ['string', 'double', 'datetime', 'boolean']; // docs-facts §3: tasks accept only these

function definition(f: UserField): Record<string, unknown> {
  const row: Record<string, unknown> = {
    ID: String(f.id), ENTITY_ID: 'TASKS_TASK', FIELD_NAME: f.fieldName, USER_TYPE_ID: f.userTypeId, XML_ID: f.xmlId || null,
    SORT: String(f.sort), MULTIPLE: f.multiple ? 'Y' : 'N', MANDATORY: f.mandatory ? 'Y' : 'N', SHOW_FILTER: 'N',
    SHOW_IN_LIST: 'Y', EDIT_IN_LIST: 'Y', IS_SEARCHABLE: 'N', SETTINGS: f.settings,
    EDIT_FORM_LABEL: { ...f.labels }, LIST_COLUMN_LABEL: { ...f.labels }, LIST_FILTER_LABEL: { ...f.labels },
    ERROR_MESSAGE: { ru: '', en: '' }, HELP_MESSAGE: { ru: '', en: '' },
  };
  // server-facts §7: enumeration fields carry LIST [{ID, SORT, VALUE, DEF}].
  if (f.userTypeId === 'enumeration') {
    row.LIST = f.list.map((i) => ({ ID: String(i.id), SORT: String(i.sort), VALUE: i.value, DEF: i.def ? 'Y' : 'N', XML_ID: i.xmlId }));
  }
  return row;
}

export function registerUserFieldMethods(s: Services, table: MethodTable): void {
  register(table, 'task.item.userfield.getlist', 'task', (ctx) => {
    callerOf(s, ctx);
    const [order, filter] = positional(ctx).map(asRecord);
    const wanted = Object.entries(filter ?? {});
    const rows = s.state.userFields
      .filter((f) => wanted.every(([k, v]) => String(definition(f)[k.toUpperCase()] ?? '') === String(v)))
      .sort((a, b) => (Object.keys(order ?? {}).length ? a.fieldName.localeCompare(b.fieldName) : a.id - b.id));
    return outcome(rows.map(definition));
  });

  register(table, 'task.item.userfield.get', 'task', (ctx) => {
    callerOf(s, ctx);
    const id = Number(positional(ctx)[0]);
    const field = s.state.userFields.find((f) => f.id === id);
    return outcome(field ? definition(field) : null);
  });

  register(table, 'task.item.userfield.add', 'task', (ctx) => {
    const user = callerOf(s, ctx);
    if (!user.admin) throw new RestError('ACCESS_DENIED', 'Access denied!', 403);
    const params = asRecord(positional(ctx)[0]);
    const type = String(params.USER_TYPE_ID ?? '');
    if (!SUPPORTED.includes(type)) throw new RestError('ERROR_CORE', `Unsupported user type: ${type}`, 400);
    let name = String(params.FIELD_NAME ?? '').toUpperCase();
    if (name === '') throw new RestError('ERROR_CORE', 'FIELD_NAME is required', 400);
    if (!name.startsWith('UF_')) name = `UF_${name}`;
    if (s.state.userField(name)) throw new RestError('ERROR_CORE', `Field ${name} already exists`, 400);
    const label = (v: unknown): string => (typeof v === 'string' ? v : String(asRecord(v).ru ?? asRecord(v).en ?? ''));
    const labelText = label(params.EDIT_FORM_LABEL ?? params.LABEL ?? name);
    const field: UserField = {
      id: s.state.next.userField++, fieldName: name, userTypeId: type as UserField['userTypeId'], xmlId: String(params.XML_ID ?? ''),
      sort: Number(params.SORT ?? 100), multiple: params.MULTIPLE === 'Y', mandatory: params.MANDATORY === 'Y',
      labels: { ru: labelText, en: labelText }, list: [], settings: asRecord(params.SETTINGS),
    };
    s.state.userFields.push(field);
    for (const task of s.state.tasks.values()) task.uf[name] = field.multiple ? [] : null;
    return outcome(field.id);
  });
}
