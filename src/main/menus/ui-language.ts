/**
 * The UI language the desktop's own menus follow: the settings' choice, or the system's when it
 * is "system" (as the tray resolves it). Listeners hear only real changes.
 */
import type { Settings } from '../../core/domain/settings';
import type { PultEvent } from '../../shared/api';
import { resolveLanguage } from '../../node/alerts/monitor';
import type { MenuLanguage } from './menu-labels';

export interface UiLanguageHost {
  getSettings(): Promise<Settings>;
  onEvent(listener: (event: PultEvent) => void): () => void;
}

export interface UiLanguage {
  current(): MenuLanguage;
  onChange(listener: (language: MenuLanguage) => void): () => void;
  /** Resolves once the saved setting has been read. */
  ready: Promise<void>;
  dispose(): void;
}

export function watchUiLanguage(host: UiLanguageHost, systemLocale: string, onError: (error: unknown) => void = () => undefined): UiLanguage {
  let language = resolveLanguage('system', systemLocale);
  const listeners = new Set<(language: MenuLanguage) => void>();
  const set = (setting: Settings['ui']['language']) => {
    const next = resolveLanguage(setting, systemLocale);
    if (next === language) return;
    language = next;
    listeners.forEach((listener) => listener(next));
  };
  const off = host.onEvent((event) => {
    if (event.type === 'settings-changed') set(event.settings.ui.language);
  });
  const ready = host.getSettings().then((settings) => set(settings.ui.language), onError);
  return {
    current: () => language,
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    ready,
    dispose: off,
  };
}
