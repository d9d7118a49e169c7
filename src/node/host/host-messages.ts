/** The host's own messages to the user, in the UI language (Russian first). */
import type { Settings } from '../../core/domain/settings';
import type { FailureText } from '../api-dispatch';

const messages = {
  notConnected: { ru: 'Портал ещё не подключён', en: 'No portal is connected yet' },
  memorySecretsNotHere: {
    ru: 'Хранить ключи только в памяти можно лишь в браузерном режиме: настольное приложение хранит их в системном хранилище паролей',
    en: 'Keeping secrets in memory only is offered in browser mode: the desktop app keeps them in the system keychain',
  },
  untrustedCertificate: {
    ru: 'Портал предъявил сертификат, которому этот компьютер не доверяет. Сверьте отпечаток с администратором портала.',
    en: 'The portal presented a certificate this computer does not trust. Compare the fingerprint with your portal admin.',
  },
  certificateExpired: {
    ru: 'Срок действия сертификата портала истёк: его должен обновить администратор портала',
    en: 'The portal’s certificate has expired: the portal admin has to renew it',
  },
  certificateNotYetValid: {
    ru: 'Сертификат портала ещё не действует: проверьте дату и время на этом компьютере',
    en: 'The portal’s certificate is not valid yet: check the date and time on this computer',
  },
  certificateNameMismatch: {
    ru: 'Сертификат портала выдан не на этот адрес: проверьте адрес портала',
    en: 'The portal’s certificate is issued for another address: check the portal address',
  },
  signInWindowCertificate: {
    ru: 'окно входа Pult не приняло сертификат портала ({error}). Снимите «Войти в окне Pult, а не в браузере» и войдите через браузер, или сверьте сертификат с администратором портала',
    en: 'the Pult sign-in window did not accept the portal’s certificate ({error}). Untick “Sign in in a Pult window, not the browser” and sign in through the browser, or check the certificate with your portal admin',
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
  reachNetwork: { ru: 'нет соединения с {address}', en: 'no connection to {address}' },
  reachTimeout: { ru: '{address} не ответил за {seconds} с', en: '{address} did not answer in {seconds} s' },
  unreachableTimeout: { ru: 'Портал не ответил вовремя — проверьте сеть или VPN', en: 'The portal did not answer in time — check the network or the VPN' },
  unreachableTls: { ru: 'Защищённое соединение с порталом не удалось (TLS) — проверьте адрес и сертификат', en: 'The secure connection to the portal failed (TLS) — check the address and the certificate' },
  unreachableNetwork: { ru: 'Портал недоступен — проверьте адрес, сеть или VPN', en: 'The portal cannot be reached — check the address, the network or the VPN' },
  unreachablePage: { ru: 'Вместо ответа портала пришла страница с ошибкой (HTTP {status}) — портал или прокси перед ним недоступны', en: 'An error page came instead of the portal’s answer (HTTP {status}) — the portal or a proxy before it is down' },
  serverError: { ru: 'На портале внутренняя ошибка ({code}) — попробуйте позже', en: 'The portal had an internal error ({code}) — try again later' },
  portalBusy: { ru: 'Портал просит подождать: слишком много запросов — Pult повторит сам', en: 'The portal asks to wait: too many requests — Pult retries by itself' },
  signedOutPortal: { ru: 'Портал не принял вход ({code}) — подключитесь заново', en: 'The portal did not accept the sign-in ({code}) — connect again' },
  portalOverloaded: { ru: 'Портал перегружен: он отклонил несколько попыток подряд (HTTP {status}) — Pult попробует позже', en: 'The portal is overloaded: it refused several attempts in a row (HTTP {status}) — Pult tries again later' },
  portalRedirected: { ru: 'Портал перенаправляет на другой адрес (HTTP {status}) — проверьте адрес портала в настройках', en: 'The portal redirects to another address (HTTP {status}) — check the portal address in the settings' },
  answerNotJson: { ru: 'Вместо ответа REST пришла другая страница (HTTP {status}) — проверьте адрес портала и прокси', en: 'Another page came instead of a REST answer (HTTP {status}) — check the portal address and the proxy' },
  malformedAnswer: { ru: 'Портал ответил не так, как ожидалось ({code})', en: 'The portal answered in an unexpected way ({code})' },
  keychainMissing: {
    ru: 'На этом компьютере нет хранилища паролей (Secret Service), а Pult держит ключи только в нём: установите gnome-keyring или KeePassXC с Secret Service и войдите снова',
    en: 'This computer has no password keychain (Secret Service), and Pult keeps keys only there: install gnome-keyring or KeePassXC with Secret Service and sign in again',
  },
  keychainLocked: { ru: 'Хранилище паролей заблокировано: разблокируйте его и повторите', en: 'The password keychain is locked: unlock it and try again' },
  keychainDenied: { ru: 'Хранилище паролей не пустило Pult: разрешите доступ и повторите', en: 'The password keychain refused Pult: allow access and try again' },
  keychainFailed: { ru: 'Хранилище паролей не ответило ({code}): повторите', en: 'The password keychain did not answer ({code}): try again' },
  storageFailed: { ru: 'Pult не смог записать свои данные на диск ({code}) — проверьте свободное место и права на папку', en: 'Pult could not write its data to disk ({code}) — check the free space and the folder permissions' },
  internalError: { ru: 'Внутренняя ошибка Pult — подробности в журнале', en: 'Internal error in Pult — the log has the details' },
  // Attachments (issue 13 item 4)
  fileTooLarge: { ru: 'Файл больше {limit} МБ: откройте его на портале', en: 'The file is larger than {limit} MB: open it on the portal' },
  fileNotOfTask: { ru: 'У этой задачи нет такого файла', en: 'This task has no such file' },
  fileLinkForeign: { ru: 'Портал дал ссылку на другой адрес — файл не скачан', en: 'The portal gave a link to another address — the file was not downloaded' },
  fileRefused: { ru: 'Портал не отдал файл ({code}): нет прав или файл удалён', en: 'The portal did not give the file ({code}): no rights, or the file was deleted' },
  fileDenied: { ru: 'Портал не отдал файл: у вас нет прав на него', en: 'The portal did not give the file: you have no rights to it' },
  fileGone: { ru: 'Портал не нашёл файл: его удалили или открепили', en: 'The portal did not find the file: it was deleted or detached' },
  fileNotOnPortalYet: { ru: 'Файлы появятся, когда задача будет на портале', en: 'Files show once the task is on the portal' },
} as const;

export type HostMessage = keyof typeof messages;

export function hostLanguage(settings: Pick<Settings, 'ui'>, env: NodeJS.ProcessEnv = process.env): 'ru' | 'en' {
  return settings.ui.language !== 'system' ? settings.ui.language : desktopLanguage(env);
}

/**
 * The desktop's language (LC_ALL, LC_MESSAGES, LANG; an empty one says nothing): English when it
 * is English, else Russian — Russian first, and an unset or "C" locale says nothing either.
 */
export function desktopLanguage(env: NodeJS.ProcessEnv = process.env): 'ru' | 'en' {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return locale.toLowerCase().startsWith('en') ? 'en' : 'ru';
}

export function hostText(key: HostMessage, language: 'ru' | 'en', values: Record<string, string> = {}): string {
  return messages[key][language].replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

/** A failure worded for the user: the kind and the portal's code, never a client's English message. */
export function failureMessage(failure: Parameters<FailureText>[0], language: 'ru' | 'en'): string {
  const values = { code: failure.code, status: String(failure.status ?? '') };
  const key: HostMessage = (() => {
    switch (failure.kind) {
      case 'unreachable':
        return failure.code === 'TIMEOUT' ? 'unreachableTimeout' : failure.code === 'TLS' ? 'unreachableTls' : failure.code === 'NOT_JSON' ? 'unreachablePage' : 'unreachableNetwork';
      case 'server-error':
        return 'serverError';
      case 'rate-limited':
      case 'operation-limit':
        return failure.code === 'PORTAL_OVERLOADED' ? 'portalOverloaded' : 'portalBusy';
      case 'signed-out':
      case 'token-expired':
        return 'signedOutPortal';
      case 'malformed':
      case 'refused':
        return failure.code === 'REDIRECTED' ? 'portalRedirected' : failure.code === 'NOT_JSON' ? 'answerNotJson' : 'malformedAnswer';
      case 'storage':
        return 'storageFailed';
      case 'keychain':
        return failure.code === 'locked' ? 'keychainLocked' : failure.code === 'denied' ? 'keychainDenied' : failure.code === 'unavailable' || failure.code === 'no-keyring' ? 'keychainMissing' : 'keychainFailed';
      case 'internal':
        return 'internalError';
    }
  })();
  return hostText(key, language, values);
}
