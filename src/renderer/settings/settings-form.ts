/**
 * The settings form's pure part: immutable edits by path, and validation with the domain's zod
 * schema, its problems keyed by field path and explained in the UI language next to the field.
 */
import { settingsSchema, type Settings } from '../../core/domain/settings';
import { formatDuration } from '../../core/domain/durations';
import type { Language, MessageKey } from '../i18n';

export type Path = readonly (string | number)[];
export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

/** A copy of `target` with the value at `path` replaced (`undefined` removes a record key). */
export function setIn<T>(target: T, path: Path, value: unknown): T {
  if (path.length === 0) return value as T;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  const source = (target ?? (typeof head === 'number' ? [] : {})) as Record<string | number, unknown>;
  const copy: Record<string | number, unknown> = Array.isArray(source) ? ([...source] as unknown as Record<number, unknown>) : { ...source };
  const next = setIn(source[head], rest, value);
  if (next === undefined && !Array.isArray(copy)) delete copy[head];
  else copy[head] = next;
  return copy as T;
}

export function getIn(target: unknown, path: Path): unknown {
  return path.reduce<unknown>((value, key) => (value as Record<string | number, unknown> | undefined)?.[key], target);
}

export type FieldErrors = Record<string, string>;
export type Validation = { ok: true; settings: Settings } | { ok: false; errors: FieldErrors };

interface IssueLike {
  code: string;
  path: PropertyKey[];
  message: string;
  expected?: unknown;
  minimum?: unknown;
  maximum?: unknown;
  inclusive?: boolean;
}

const CUSTOM: Record<string, MessageKey> = {
  'warnMinutes must not exceed alertMinutes': 'settings.error.warnAfterAlert',
  'start must be before end': 'settings.error.startAfterEnd',
  'must be a time as HH:MM': 'settings.error.time',
  'must be a date as YYYY-MM-DD': 'settings.error.date',
  'must be a numeric portal ID': 'settings.error.id',
  'a template needs a title': 'templates.settings.needTitle',
  'a template needs a text': 'templates.settings.needText',
};

/** Fields kept in minutes and shown as durations: their limits read as durations too. */
function isMinutes(path: PropertyKey[]): boolean {
  const last = String(path.at(-1) ?? '');
  return last.endsWith('Minutes') && last !== 'utcOffsetMinutes';
}

export function issueMessage(issue: IssueLike, t: Translate, language: Language): string {
  const custom = CUSTOM[issue.message];
  if (custom) return t(custom);
  const limit = (value: unknown) => (isMinutes(issue.path) ? formatDuration(Number(value) * 60, language) : String(value));
  switch (issue.code) {
    case 'invalid_type':
      return issue.expected === 'number' ? t('settings.error.number') : t('settings.error.invalid');
    case 'too_small':
      return issue.inclusive === false ? t('settings.error.above', { min: limit(issue.minimum) }) : t('settings.error.min', { min: limit(issue.minimum) });
    case 'too_big':
      return t('settings.error.max', { max: limit(issue.maximum) });
    default:
      return issue.message;
  }
}

export function validateSettings(draft: unknown, t: Translate, language: Language): Validation {
  const result = settingsSchema.safeParse(draft);
  if (result.success) return { ok: true, settings: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const key = issue.path.map(String).join('.');
    errors[key] ??= issueMessage(issue as unknown as IssueLike, t, language);
  }
  return { ok: false, errors };
}

/** A number as a field shows it: "1,5" in Russian, "1.5" in English (both are read back). */
export function numberText(value: number, language: Language): string {
  const text = String(value);
  return language === 'ru' ? text.replace('.', ',') : text;
}

/** Minutes shown as hours in a field ("1,5"); the raw text when it was not a number. */
export function minutesToHoursText(value: unknown, language: Language): string {
  if (typeof value !== 'number') return value === null || value === undefined ? '' : String(value);
  return numberText(Math.round((value / 60) * 100) / 100, language);
}

/** Hours typed in a field → minutes for the schema; the raw text when not a number (validation names it). */
export function hoursTextToMinutes(text: string): number | string | null {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return null;
  const hours = Number(trimmed);
  return Number.isFinite(hours) && /^-?\d*\.?\d+$/.test(trimmed) ? Math.round(hours * 60) : text;
}

/** A number typed in a field; the raw text when not a number. */
export function numberFromText(text: string): number | string | null {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return null;
  return /^-?\d*\.?\d+$/.test(trimmed) ? Number(trimmed) : text;
}
