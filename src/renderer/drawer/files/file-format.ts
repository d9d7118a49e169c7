/** How a file's size and type read in the list. */
import type { MessageKey } from '../../i18n';

type T = (key: MessageKey, values?: Record<string, string | number>) => string;

export function formatSize(bytes: number, t: T, locale: string): string {
  const number = (n: number) => n.toLocaleString(locale, { maximumFractionDigits: 1 });
  if (bytes < 1024) return t('files.size.b', { n: number(bytes) });
  if (bytes < 1024 * 1024) return t('files.size.kb', { n: number(bytes / 1024) });
  return t('files.size.mb', { n: number(bytes / 1024 / 1024) });
}

export function typeLabel(type: string, t: T): string {
  if (type.startsWith('image/')) return t('files.type.image');
  if (type === 'application/pdf') return t('files.type.pdf');
  if (type.startsWith('text/')) return t('files.type.text');
  if (/word|msword/.test(type)) return t('files.type.document');
  if (/sheet|excel/.test(type)) return t('files.type.sheet');
  return t('files.type.other');
}
