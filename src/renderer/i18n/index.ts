/**
 * Russian first, English second. Each UI area keeps a message file under messages/ with a
 * Russian catalogue and an English one of the same keys (the type checks it); they merge here.
 */
import { commonEn, commonRu } from './messages/common';
import { drawerEn, drawerRu } from './messages/drawer';
import { createEn, createRu } from './messages/create';
import { paletteEn, paletteRu } from './messages/palette';
import { settingsEn, settingsRu } from './messages/settings';
import { boardEn, boardRu } from './messages/board';
import { firstrunEn, firstrunRu } from './messages/firstrun';
import { statusEn, statusRu } from './messages/status';
import { wallboardEn, wallboardRu } from './messages/wallboard';
import { reportsEn, reportsRu } from './messages/reports';
import { blockedEn, blockedRu } from './messages/blocked';
import { listColumnsEn, listColumnsRu } from './messages/list-columns';
import { filesEn, filesRu } from './messages/files';
import { boardAllEn, boardAllRu } from './messages/board-all';
import { templatesEn, templatesRu } from './messages/templates';

type Plural = { one: string; few: string; many: string };
type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Plural };

const ruCatalog = { ...commonRu, ...boardRu, ...firstrunRu, ...statusRu, ...drawerRu, ...createRu, ...paletteRu, ...settingsRu, ...wallboardRu, ...reportsRu, ...blockedRu, ...listColumnsRu, ...filesRu, ...boardAllRu, ...templatesRu };
export type Messages = Widen<typeof ruCatalog>;
export type MessageKey = keyof Messages;
export type Language = 'ru' | 'en';

const catalogs: Record<Language, Messages> = { ru: ruCatalog, en: { ...commonEn, ...boardEn, ...firstrunEn, ...statusEn, ...drawerEn, ...createEn, ...paletteEn, ...settingsEn, ...wallboardEn, ...reportsEn, ...blockedEn, ...listColumnsEn, ...filesEn, ...boardAllEn, ...templatesEn } };

/**
 * The locale every date, time and number is written in: the UI language's, never the OS's.
 * English is written the British way (day first, 24-hour clock), as the rest of the console does.
 */
export function localeOf(language: Language): 'ru-RU' | 'en-GB' {
  return language === 'ru' ? 'ru-RU' : 'en-GB';
}

/** Russian plural category: 1 задача, 2 задачи, 5 задач, 21 задача, 11 задач. */
export function pluralCategory(language: Language, n: number): keyof Plural {
  const abs = Math.abs(Math.trunc(n));
  if (language === 'en') return abs === 1 ? 'one' : 'many';
  const mod10 = abs % 10;
  const mod100 = abs % 100;
  if (mod10 === 1 && mod100 !== 11) return 'one';
  if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return 'few';
  return 'many';
}

function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

export function translate(language: Language, key: MessageKey, values: Record<string, string | number> = {}): string {
  const entry = catalogs[language][key];
  if (typeof entry === 'string') return fill(entry, values);
  const n = Number(values.n ?? 0);
  return fill(entry[pluralCategory(language, n)], values);
}

/** Russian first; English when the OS/browser locale says so (a setting overrides). */
export function detectLanguage(locales: readonly string[]): Language {
  const first = locales[0]?.toLowerCase() ?? 'ru';
  return first.startsWith('en') ? 'en' : 'ru';
}
