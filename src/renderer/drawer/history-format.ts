/**
 * One history entry as the drawer reads it: what changed, from → to, with user names, stage
 * titles, list values and dates in the portal's time zone instead of the portal's raw IDs.
 */
import type { HistoryEntry, Stage, User, UserFieldDefinition } from '../../core/domain/model';
import type { Language, MessageKey } from '../i18n';
import { formatDuration } from '../../core/domain/durations';
import { formatPortalDateTime, userName } from '../shared-ui/format';
import { fieldTitle } from '../shared-ui/field-title';

export interface HistoryContext {
  stages: readonly Stage[];
  users: readonly User[];
  userFields: readonly UserFieldDefinition[];
  utcOffsetMinutes: number;
  language: Language;
  t: (key: MessageKey, values?: Record<string, string | number>) => string;
}

export interface HistoryLine {
  field: string;
  from: string | null;
  to: string | null;
}


export function statusLabel(status: number | string, t: HistoryContext['t']): string {
  const code = Number(status);
  return code >= 1 && code <= 7 ? t(`drawer.status.${code as 1 | 2 | 3 | 4 | 5 | 6 | 7}`) : String(status);
}

export function priorityLabel(priority: number | string, t: HistoryContext['t']): string {
  const code = Number(priority);
  return code === 2 ? t('drawer.priority.2') : code === 0 ? t('drawer.priority.0') : t('drawer.priority.1');
}


function value(field: string, raw: string | null, ctx: HistoryContext): string | null {
  if (raw === null || raw === '') return null;
  switch (field) {
    case 'STAGE_ID':
      return raw === '0' ? ctx.t('drawer.history.noStage') : (ctx.stages.find((stage) => stage.id === raw)?.title ?? `#${raw}`);
    case 'STATUS':
      return statusLabel(raw, ctx.t);
    case 'RESPONSIBLE_ID':
    case 'CREATED_BY':
      return userName(ctx.users, raw);
    case 'PRIORITY':
      return priorityLabel(raw, ctx.t);
    case 'DEADLINE': {
      // The portal logs dates as Unix seconds; anything else is shown as it came.
      if (/^\d{9,11}$/.test(raw)) return formatPortalDateTime(Number(raw) * 1000, ctx.utcOffsetMinutes, ctx.language);
      const ms = Date.parse(raw);
      return Number.isNaN(ms) ? raw : formatPortalDateTime(ms, ctx.utcOffsetMinutes, ctx.language);
    }
    case 'TIME_ESTIMATE':
    case 'TIME_SPENT_IN_LOGS':
      return /^\d+$/.test(raw) ? formatDuration(Number(raw), ctx.language) : raw;
    default: {
      const definition = ctx.userFields.find((candidate) => candidate.name === field);
      const item = definition?.listItems.find((candidate) => candidate.id === raw);
      return item ? item.value : raw;
    }
  }
}

export function historyLine(entry: HistoryEntry, ctx: HistoryContext): HistoryLine {
  const label = fieldTitle(entry.field, ctx);
  // A comment entry's "to" is the comment's ID, which tells the reader nothing.
  if (entry.field === 'COMMENT' || entry.field === 'NEW') return { field: label, from: null, to: null };
  return { field: label, from: value(entry.field, entry.from, ctx), to: value(entry.field, entry.to, ctx) };
}
