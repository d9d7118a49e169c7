/** What the tray and the notification say about updates, in Russian and English. Pure. */
import type { AlertLanguage } from '../../node/alerts/types';
import type { UpdateOffReason } from './update-availability';
import type { UpdateState } from './update-controller';

const OFF: Record<AlertLanguage, Record<UpdateOffReason, string>> = {
  ru: {
    development: 'обновления выключены в сборке для разработки',
    'no-address': 'обновления выключены: администратор не задал адрес',
    'invalid-address': 'обновления выключены: неверный адрес обновлений',
    'package-manager': 'обновления приходят через менеджер пакетов',
    'not-appimage': 'обновления выключены: Pult запущен не из AppImage',
  },
  en: {
    development: 'updates are off in a development build',
    'no-address': 'updates are off: no update address set by the admin',
    'invalid-address': 'updates are off: the update address is invalid',
    'package-manager': 'updates come through the package manager',
    'not-appimage': 'updates are off: Pult is not running as an AppImage',
  },
};

/** The menu's line under "Pult X.Y.Z" for every state but "ready" (that one is a clickable item). */
export function updateStatusText(state: Exclude<UpdateState, { kind: 'ready' }>, language: AlertLanguage): string {
  const ru = language === 'ru';
  switch (state.kind) {
    case 'off':
      return OFF[language][state.reason];
    case 'idle':
      return ru ? 'обновления включены' : 'updates are on';
    case 'checking':
      return ru ? 'проверка обновлений…' : 'checking for updates…';
    case 'up-to-date':
      return ru ? 'последняя версия' : 'up to date';
    case 'downloading':
      return ru ? `загружается обновление ${state.version}…` : `downloading update ${state.version}…`;
    case 'failed':
      // Calm on purpose: the next check is a few hours away and the reason is in the log.
      return ru ? 'последняя проверка обновлений не удалась' : 'the last update check failed';
  }
}

export function restartToUpdateLabel(version: string, language: AlertLanguage): string {
  return language === 'ru' ? `Перезапустить и обновить до ${version}` : `Restart to update to ${version}`;
}

export function updateReadyNotice(version: string, language: AlertLanguage): { title: string; body: string } {
  return language === 'ru'
    ? { title: `Готово обновление Pult ${version}`, body: `Оно установится при выходе из Pult. Обновить сейчас: «${restartToUpdateLabel(version, 'ru')}» в меню значка Pult.` }
    : { title: `Pult ${version} is ready`, body: `It installs when you quit Pult. To update now, choose “${restartToUpdateLabel(version, 'en')}” in the Pult tray menu.` };
}
