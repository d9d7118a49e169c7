/**
 * UPPERCASE portal rows (stages, users, departments, user fields) and crm.item rows → domain
 * types, validated at the boundary.
 */
import { z } from 'zod';
import { BitrixError } from './errors';
import type { Company, Department, Stage, User, UserFieldDefinition } from '../domain/model';

const id = z.union([z.string(), z.number()]).transform(String);
const text = z.union([z.string(), z.number(), z.null()]).optional().transform((v) => (v === null || v === undefined ? '' : String(v)));

function parseRows<T extends z.ZodTypeAny>(schema: T, rows: unknown, what: string): z.infer<T>[] {
  const list = Array.isArray(rows) ? rows : rows && typeof rows === 'object' ? Object.values(rows) : null;
  if (!list) throw new BitrixError('malformed', 'MALFORMED_ANSWER', `${what}: expected a list`);
  return list.map((row, index) => {
    const parsed = schema.safeParse(row);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new BitrixError('malformed', 'MALFORMED_ANSWER', `${what} row ${index} is malformed: ${issue?.path.join('.')} ${issue?.message}`);
    }
    return parsed.data;
  });
}

const stageRow = z.object({ ID: id, TITLE: text, SORT: text, COLOR: text, SYSTEM_TYPE: text, ENTITY_ID: id }).passthrough();

/** task.stages.get answers an object keyed by stage ID (or a list with `numeric`). */
export function mapStages(result: unknown, groupId: string): Stage[] {
  return parseRows(stageRow, result, 'task.stages.get')
    .map((row) => ({
      id: row.ID,
      groupId,
      title: row.TITLE,
      sort: Number(row.SORT) || 0,
      color: row.COLOR.replace(/^#/, '') || '47D1E2',
      systemType: row.SYSTEM_TYPE,
    }))
    .sort((a, b) => a.sort - b.sort || Number(a.id) - Number(b.id));
}

const userRow = z
  .object({
    ID: id,
    NAME: text,
    LAST_NAME: text,
    ACTIVE: z.union([z.boolean(), z.string()]).optional(),
    USER_TYPE: text,
    UF_DEPARTMENT: z.union([z.array(z.union([z.string(), z.number()])), z.string(), z.number(), z.null(), z.literal(false)]).optional(),
    WORK_POSITION: text,
    WORK_COMPANY: text,
  })
  .passthrough();

export function mapUsers(result: unknown): User[] {
  return parseRows(userRow, result, 'user.get').map((row) => {
    const departments = row.UF_DEPARTMENT;
    return {
      id: row.ID,
      name: row.NAME,
      lastName: row.LAST_NAME,
      active: row.ACTIVE === undefined ? true : row.ACTIVE === true || row.ACTIVE === 'Y' || row.ACTIVE === '1',
      type: row.USER_TYPE === 'extranet' ? 'extranet' : row.USER_TYPE === 'employee' || row.USER_TYPE === '' ? 'employee' : 'other',
      departmentIds: Array.isArray(departments) ? departments.map(String) : departments ? [String(departments)] : [],
      workPosition: row.WORK_POSITION,
      workCompany: row.WORK_COMPANY,
    };
  });
}

const departmentRow = z.object({ ID: id, NAME: text, PARENT: text, UF_HEAD: text }).passthrough();

export function mapDepartments(result: unknown): Department[] {
  return parseRows(departmentRow, result, 'department.get').map((row) => ({
    id: row.ID,
    name: row.NAME,
    parentId: row.PARENT && row.PARENT !== '0' ? row.PARENT : null,
    headId: row.UF_HEAD && row.UF_HEAD !== '0' ? row.UF_HEAD : null,
  }));
}

const companyRow = z.object({ id, title: text }).passthrough();

/** crm.item.list (entityTypeId 4) answers `{items: [...]}` with camelCase keys. */
export function mapCompanies(result: unknown): Company[] {
  const items = (result as { items?: unknown } | null)?.items;
  return parseRows(companyRow, items, 'crm.item.list').map((row) => ({ id: row.id, title: row.title }));
}

export function companyRowsOf(result: unknown): unknown[] {
  const items = (result as { items?: unknown } | null)?.items;
  if (!Array.isArray(items)) throw new BitrixError('malformed', 'MALFORMED_ANSWER', 'crm.item.list answered without result.items');
  return items;
}

const labels = z.union([z.record(z.string(), z.union([z.string(), z.null()])), z.string(), z.array(z.unknown()), z.null()]).optional();
const userFieldRow = z
  .object({
    FIELD_NAME: z.string(),
    USER_TYPE_ID: text,
    MULTIPLE: text,
    EDIT_FORM_LABEL: labels,
    LIST_COLUMN_LABEL: labels,
    LIST: z.array(z.object({ ID: id, VALUE: text, SORT: text, DEF: text }).passthrough()).optional().nullable(),
  })
  .passthrough();

function labelsOf(value: z.infer<typeof labels>): Record<string, string> {
  if (!value || Array.isArray(value)) return {};
  if (typeof value === 'string') return { ru: value };
  const result: Record<string, string> = {};
  for (const [lang, label] of Object.entries(value)) if (label) result[lang] = label;
  return result;
}

export function mapUserFields(result: unknown): UserFieldDefinition[] {
  return parseRows(userFieldRow, result, 'task.item.userfield.getlist').map((row) => ({
    name: row.FIELD_NAME,
    type: row.USER_TYPE_ID,
    multiple: row.MULTIPLE === 'Y',
    labels: { ...labelsOf(row.LIST_COLUMN_LABEL), ...labelsOf(row.EDIT_FORM_LABEL) },
    listItems: (row.LIST ?? []).map((item) => ({ id: item.ID, value: item.VALUE, sort: Number(item.SORT) || 0, isDefault: item.DEF === 'Y' })),
  }));
}
