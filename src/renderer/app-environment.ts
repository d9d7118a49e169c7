/** Language and theme: the URL (tests), then the settings, then the OS. */
import type { Settings } from '../core/domain/settings';
import { detectLanguage, type Language } from './i18n';

export function chooseLanguage(requested: string | null, setting: Settings['ui']['language'] | undefined, locales: readonly string[]): Language {
  if (requested === 'ru' || requested === 'en') return requested;
  if (setting === 'ru' || setting === 'en') return setting;
  return detectLanguage(locales);
}

/** `system` leaves the choice to the stylesheet's prefers-color-scheme rules. */
export function applyTheme(theme: Settings['ui']['theme'] | undefined, root: HTMLElement = document.documentElement): void {
  if (theme === 'light' || theme === 'dark') root.dataset.theme = theme;
  else delete root.dataset.theme;
}
