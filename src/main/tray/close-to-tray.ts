/**
 * Closing the console window hides it to the tray (when the setting says so) instead of quitting;
 * the first time, a notification says where Pult went. Quitting from the tray really quits.
 */
import type { AlertLanguage } from '../../node/alerts/types';

export interface CloseToTrayOptions {
  closeToTray(): boolean;
  isQuitting(): boolean;
  hide(): void;
  /** Whether the explanation was shown before (persisted). */
  explained(): boolean;
  markExplained(): void;
  explain(title: string, body: string): void;
  language(): AlertLanguage;
}

export function closeToTrayExplanation(language: AlertLanguage): { title: string; body: string } {
  return language === 'ru'
    ? { title: 'Pult работает в трее', body: 'Окно закрыто, но уведомления о забытых задачах продолжат приходить. Выйти можно из меню значка в трее.' }
    : { title: 'Pult keeps running in the tray', body: 'The window is closed, but notifications about forgotten tasks keep coming. Quit from the tray icon’s menu.' };
}

/** The window's `close` listener. */
export function closeToTrayHandler(options: CloseToTrayOptions): (event: { preventDefault(): void }) => void {
  return (event) => {
    if (options.isQuitting() || !options.closeToTray()) return;
    event.preventDefault();
    options.hide();
    if (!options.explained()) {
      const { title, body } = closeToTrayExplanation(options.language());
      options.explain(title, body);
      options.markExplained();
    }
  };
}
