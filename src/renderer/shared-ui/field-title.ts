/**
 * A portal field code as people read it: the task's own fields by their Russian/English names,
 * user fields (`UF_…`) by the title the portal gives them — never the raw code when a title exists.
 */
import type { UserFieldDefinition } from '../../core/domain/model';
import type { Language, MessageKey } from '../i18n';

const TASK_FIELDS: Record<string, MessageKey> = {
  NEW: 'drawer.history.field.NEW',
  COMMENT: 'drawer.history.field.COMMENT',
  STAGE_ID: 'drawer.history.field.STAGE_ID',
  STATUS: 'drawer.history.field.STATUS',
  RESPONSIBLE_ID: 'drawer.history.field.RESPONSIBLE_ID',
  CREATED_BY: 'drawer.history.field.CREATED_BY',
  DEADLINE: 'drawer.history.field.DEADLINE',
  PRIORITY: 'drawer.history.field.PRIORITY',
  TITLE: 'drawer.history.field.TITLE',
  DESCRIPTION: 'drawer.history.field.DESCRIPTION',
  TIME_ESTIMATE: 'drawer.history.field.TIME_ESTIMATE',
  TIME_SPENT_IN_LOGS: 'drawer.history.field.TIME_SPENT_IN_LOGS',
  GROUP_ID: 'drawer.history.field.GROUP_ID',
};

export interface FieldTitleContext {
  userFields: readonly UserFieldDefinition[];
  language: Language;
  t: (key: MessageKey, values?: Record<string, string | number>) => string;
}

export function fieldTitle(code: string, ctx: FieldTitleContext): string {
  const known = TASK_FIELDS[code];
  if (known) return ctx.t(known);
  const definition = ctx.userFields.find((field) => field.name === code);
  const title = definition && (definition.labels[ctx.language] || definition.labels.ru || definition.labels.en);
  // A user field the directory does not know (yet): say so rather than show its code.
  return title || (code.startsWith('UF_') ? ctx.t('field.unknownUserField') : code);
}

export function fieldTitles(codes: readonly string[], ctx: FieldTitleContext): string {
  return codes.map((code) => fieldTitle(code, ctx)).join(', ');
}
