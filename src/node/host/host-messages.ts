/** The host's own messages to the user, in the UI language (Russian first). */
import type { Settings } from '../../core/domain/settings';

const messages = {
  notConnected: { ru: 'Портал ещё не подключён', en: 'No portal is connected yet' },
  untrustedCertificate: {
    ru: 'Портал предъявил сертификат, которому этот компьютер не доверяет. Сверьте отпечаток с администратором портала.',
    en: 'The portal presented a certificate this computer does not trust. Compare the fingerprint with your portal admin.',
  },
  certificateChanged: {
    ru: 'Портал теперь предъявляет другой сертификат, не тот, которому вы доверились',
    en: 'The portal now presents a different certificate than the one you confirmed',
  },
  webhookOtherPortal: { ru: 'Адрес вебхука относится к другому порталу, чем указанный адрес', en: 'The webhook URL belongs to another portal than the address given' },
  webhookShape: { ru: 'Адрес вебхука выглядит так: https://портал/rest/<пользователь>/<код>/', en: 'A webhook URL looks like https://portal/rest/<user>/<code>/' },
  credentialsMissing: {
    ru: 'Данных для входа на портал нет в хранилище паролей системы: подключитесь заново',
    en: 'The portal credentials are missing from the system keychain: connect again',
  },
  notOnPortalYet: { ru: 'Задача ещё не на портале: её можно открыть там после синхронизации', en: 'The task is not on the portal yet: it can be opened there after it syncs' },
  fieldsNeedAdmin: { ru: 'Создавать поля на портале может только его администратор', en: 'Only a portal admin can create fields on the portal' },
  noNotifications: { ru: 'Напоминания работают только в настольном приложении', en: 'Reminders run in the desktop app only' },
  taskNotOnBoard: { ru: 'Задачи {id} нет на доске', en: 'Task {id} is not on the board' },
} as const;

export type HostMessage = keyof typeof messages;

export function hostLanguage(settings: Pick<Settings, 'ui'>, env: NodeJS.ProcessEnv = process.env): 'ru' | 'en' {
  if (settings.ui.language !== 'system') return settings.ui.language;
  const locale = env.LC_ALL ?? env.LC_MESSAGES ?? env.LANG ?? '';
  return locale.toLowerCase().startsWith('en') ? 'en' : 'ru';
}

export function hostText(key: HostMessage, language: 'ru' | 'en', values: Record<string, string> = {}): string {
  return messages[key][language].replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}
