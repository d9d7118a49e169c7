/** Palette items that answer the open card with a reply template (only while a card is open). */
import type { ReplyTemplate } from '../../core/domain/reply-templates';
import type { MessageKey } from '../i18n';
import type { PaletteItem } from './palette-items';

export function paletteTemplates(
  templates: readonly ReplyTemplate[],
  openTaskId: string | null,
  t: (key: MessageKey, values?: Record<string, string | number>) => string,
  insert: (taskId: string, index: number) => void,
): PaletteItem[] {
  if (!openTaskId) return [];
  return templates.map((template, index) => ({
    id: `template:${index}`,
    section: 'actions',
    label: t('templates.palette.insert', { title: template.title }),
    keywords: 'template reply answer шаблон ответ ответить',
    ...(index < 9 ? { hint: `Alt+T ${index + 1}` } : {}),
    run: () => insert(openTaskId, index),
  }));
}
