/** Number and header formatting shared by the report sections. */
import { formatDuration } from '../../core/domain/durations';
import { portalWallClock } from '../../core/domain/portal-time';
import type { Language, MessageKey } from '../i18n';
import type { CsvHeaders } from './report-rows';

type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

export function formatNumber(value: number, language: Language, digits = 1): string {
  const factor = 10 ** digits;
  const text = String(Math.round(value * factor) / factor);
  return language === 'ru' ? text.replace('.', ',').replace('-', '\u2212') : text;
}

export function formatSeconds(seconds: number, language: Language): string {
  return formatDuration(seconds, language);
}

/** "12.11.2025" (en: "12/11/2025") in the portal's time zone. */
export function formatPortalDate(instant: number, utcOffsetMinutes: number, language: Language): string {
  const wall = portalWallClock(instant, utcOffsetMinutes);
  const pad = (n: number) => String(n).padStart(2, '0');
  const separator = language === 'ru' ? '.' : '/';
  return `${pad(wall.getUTCDate())}${separator}${pad(wall.getUTCMonth() + 1)}${separator}${wall.getUTCFullYear()}`;
}

export function csvHeaders(t: Translate): CsvHeaders {
  return {
    employee: t('reports.employee'),
    day: t('reports.day'),
    plan: t('reports.plan'),
    fact: t('reports.fact'),
    diff: t('reports.diff'),
    percent: t('reports.percent'),
    client: t('reports.client'),
    tasks: t('reports.tasks'),
    task: 'ID',
    title: t('reports.task'),
    stage: t('reports.stage'),
    wiaHours: `${t('reports.wia')}, ${t('reports.hours', { hours: '' }).trim()}`,
    week: t('reports.week'),
    done: t('reports.done'),
    times: t('reports.reopened.times'),
    last: t('reports.reopened.last'),
    roles: {
      new: t('reports.role.new'),
      classification: t('reports.role.classification'),
      queue: t('reports.role.queue'),
      work: t('reports.role.work'),
      done: t('reports.role.done'),
    },
  };
}
