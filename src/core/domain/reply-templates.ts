/**
 * Reply templates (шаблоны ответов): team policy kept in the settings and carried by the team
 * file. A template's text holds placeholders that are filled from the task when the agent
 * inserts it into the comment box; Russian and English names both work.
 */
import { z } from 'zod';
import { portalWallClock } from './portal-time';

export const MAX_REPLY_TEMPLATES = 50;

const replyTemplateSchema = z.object({
  title: z.string().trim().min(1, { error: 'a template needs a title' }).max(120),
  text: z.string().min(1, { error: 'a template needs a text' }).max(10_000),
});
export type ReplyTemplate = z.infer<typeof replyTemplateSchema>;

/** None by default: a team writes its own (the demo portal brings a few). */
export const replyTemplatesSchema = z.array(replyTemplateSchema).max(MAX_REPLY_TEMPLATES).default([]);

export type PlaceholderName = 'client' | 'number' | 'responsible' | 'deadline';

/** Every spelling a template may use, lower case, by the value it stands for. */
export const PLACEHOLDER_ALIASES: Readonly<Record<string, PlaceholderName>> = {
  клиент: 'client',
  client: 'client',
  номер: 'number',
  number: 'number',
  ответственный: 'responsible',
  responsible: 'responsible',
  срок: 'deadline',
  deadline: 'deadline',
};

/** What a placeholder becomes when the task has no such value: visible, for the agent to fill in. */
export const MISSING_VALUE = '___';

export interface TemplateValues {
  /** The task's client company title, null when the task has none. */
  client: string | null;
  number: string;
  responsible: string | null;
  /** The task's deadline (epoch ms), null when none. */
  deadline: number | null;
}

export interface TemplateFormat {
  language: 'ru' | 'en';
  /** The portal's time zone: the deadline is written as the portal shows it. */
  utcOffsetMinutes: number;
}

const MONTHS: Record<TemplateFormat['language'], readonly string[]> = {
  ru: ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/** "5 марта 2025, 18:00" / "5 March 2025, 18:00" in the portal's time zone (words, for a client to read). */
export function formatTemplateDeadline(instant: number, format: TemplateFormat): string {
  const wall = portalWallClock(instant, format.utcOffsetMinutes);
  const time = `${String(wall.getUTCHours()).padStart(2, '0')}:${String(wall.getUTCMinutes()).padStart(2, '0')}`;
  return `${wall.getUTCDate()} ${MONTHS[format.language][wall.getUTCMonth()]} ${wall.getUTCFullYear()}, ${time}`;
}

function valueText(name: PlaceholderName, values: TemplateValues, format: TemplateFormat): string {
  switch (name) {
    case 'client':
      return values.client?.trim() || MISSING_VALUE;
    case 'number':
      return values.number.trim() || MISSING_VALUE;
    case 'responsible':
      return values.responsible?.trim() || MISSING_VALUE;
    case 'deadline':
      return values.deadline === null || !Number.isFinite(values.deadline) ? MISSING_VALUE : formatTemplateDeadline(values.deadline, format);
  }
}

/** The template's text with every known placeholder filled; unknown `{words}` stay as written. */
export function fillReplyTemplate(text: string, values: TemplateValues, format: TemplateFormat): string {
  return text.replace(/\{\s*([\p{L}_]+)\s*\}/gu, (whole, word: string) => {
    const name = Object.hasOwn(PLACEHOLDER_ALIASES, word.toLowerCase()) ? PLACEHOLDER_ALIASES[word.toLowerCase()] : undefined;
    return name ? valueText(name, values, format) : whole;
  });
}
