/**
 * Shows the alert engine's notices as native notifications. Electron's pieces are passed in, so
 * the logic runs in tests with a fake `Notification` (the Electron binary cannot run here); the
 * fake's types come from electron.d.ts, so an option Electron drops fails the typecheck.
 */
import type { ActivationArguments, Event, Notification, NotificationActionEventParams, NotificationCloseEventParams, NotificationConstructorOptions } from 'electron';
import type { AlertLanguage, AlertNotice } from '../../node/alerts/types';
import { parseToastArguments, toastXml } from './toast-xml';

export const APP_USER_MODEL_ID = 'ru.pult.console';

export type NotificationOptionsLike = Pick<NotificationConstructorOptions, 'id' | 'title' | 'body' | 'silent' | 'icon' | 'actions' | 'toastXml'>;

/** The slice of Electron's Notification the notifier uses, with Electron's own listener types. */
export interface NotificationLike {
  show(): void;
  on(event: 'click', listener: (event: Event) => void): unknown;
  on(event: 'close', listener: (details: Event<NotificationCloseEventParams>) => void): unknown;
  on(event: 'failed', listener: (event: Event, error: string) => void): unknown;
  on(event: 'action', listener: (details: Event<NotificationActionEventParams>) => void): unknown;
}

export type NotificationClass = (new (options: NotificationOptionsLike) => NotificationLike) &
  Pick<typeof Notification, 'isSupported'> &
  // Windows only: Electron defines it there and nowhere else.
  Partial<Pick<typeof Notification, 'handleActivation'>>;

/** Windows shows toasts only for an app with an AppUserModelId (an installed shortcut carries the same one). */
export function prepareNotifications(app: { setAppUserModelId(id: string): void }, platform: NodeJS.Platform): void {
  if (platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID);
}

export interface NotifierOptions {
  Notification: NotificationClass;
  platform: NodeJS.Platform;
  language(): AlertLanguage;
  icon?: string;
  /** A task notification was clicked: open the console on that card. */
  openTask(taskId: string): void;
  /** A summary was clicked: open the console. */
  openConsole(): void;
  /** The "snooze 1 h" button (macOS and Windows show notification buttons). */
  snooze?(taskId: string): void;
  /** A notification the OS would not show (e.g. an unsigned macOS build): said once per reason. */
  onError?(message: string, error: unknown): void;
  /** Where a notification the OS would not show goes instead (the tray's balloon on Windows). */
  fallback?(title: string, body: string): void;
}

export interface Notifier {
  show(notices: readonly AlertNotice[]): void;
  /** A plain message (e.g. "Pult keeps running in the tray"). */
  info(title: string, body: string): void;
}

/**
 * How many notifications are kept referenced. Electron drops the handlers of a garbage-collected
 * notification, and a Windows toast that timed out lives on in the Action Center, clickable.
 */
export const KEPT_NOTIFICATIONS = 20;
/** Windows limits a toast's tag (the notification's id) to 64 UTF-16 characters. */
const MAX_ID_LENGTH = 64;

/** Electron shows notification buttons on macOS and Windows only. */
const hasActions = (platform: NodeJS.Platform) => platform === 'darwin' || platform === 'win32';
/** `id` is a macOS and Windows option. */
const hasIds = hasActions;

type Target = { taskId: string } | { console: true };

/** The notification's id says what it is about, so an activation after a restart finds it. */
function notificationId(notice: AlertNotice | 'info'): string | undefined {
  if (notice === 'info') return 'pult:info';
  if (notice.type === 'summary') return 'pult:summary';
  const id = `pult:task:${notice.kind}:${encodeURIComponent(notice.taskId)}`;
  return id.length <= MAX_ID_LENGTH ? id : undefined;
}

function targetOf(id: string | undefined): Target {
  const task = id ? /^pult:task:[^:]+:(.+)$/.exec(id) : null;
  if (!task) return { console: true };
  try {
    return { taskId: decodeURIComponent(task[1]!) };
  } catch {
    return { console: true };
  }
}

export function createNotifier(options: NotifierOptions): Notifier {
  const alive = new Map<NotificationLike, string | undefined>();
  const failures = new Set<string>();
  const snoozeText = () => (options.language() === 'ru' ? 'Отложить на 1 ч' : 'Snooze 1 h');
  const act = (target: Target, action: boolean) => {
    if ('console' in target) options.openConsole();
    else if (action && options.snooze) options.snooze(target.taskId);
    else options.openTask(target.taskId);
  };

  // Windows: a toast clicked in the Action Center after its object is gone (collected, or Pult
  // restarted) arrives here only. One still kept answers through its own events instead.
  if (options.platform === 'win32' && typeof options.Notification.handleActivation === 'function') {
    options.Notification.handleActivation((details: ActivationArguments) => {
      const id = parseToastArguments(details.arguments).tag;
      if (id !== undefined && [...alive.values()].includes(id)) return;
      act(targetOf(id), details.type === 'action' && details.actionIndex === 0);
    });
  }

  const display = (id: string | undefined, title: string, body: string, silent: boolean, withSnooze: boolean) => {
    if (!options.Notification.isSupported()) return;
    const target = targetOf(id);
    const platformOptions: NotificationOptionsLike =
      options.platform === 'win32'
        ? {
            // The toast carries its id in its launch arguments, so a click after a restart finds the task.
            toastXml: toastXml({ id, title, body, silent, ...(options.icon ? { icon: options.icon } : {}), actions: withSnooze ? [snoozeText()] : [] }),
          }
        : { ...(options.icon ? { icon: options.icon } : {}), ...(withSnooze ? { actions: [{ type: 'button', text: snoozeText() }] } : {}) };
    const notification = new options.Notification({ ...(id && hasIds(options.platform) ? { id } : {}), title, body, silent, ...platformOptions });
    alive.set(notification, id);
    while (alive.size > KEPT_NOTIFICATIONS) alive.delete(alive.keys().next().value!);
    const forget = () => alive.delete(notification);
    notification.on('click', () => {
      forget();
      act(target, false);
    });
    // Timed out: it moved to the Action Center, where it can still be clicked.
    notification.on('close', (details) => {
      if (details.reason !== 'timedOut') forget();
    });
    notification.on('failed', (_event, error) => {
      forget();
      if (!failures.has(error)) {
        failures.add(error);
        options.onError?.('the system did not show a notification', new Error(error));
      }
      options.fallback?.(title, body);
    });
    if (withSnooze) {
      notification.on('action', (details) => {
        forget();
        if (details.actionIndex === 0) act(target, true);
      });
    }
    notification.show();
  };

  return {
    show(notices) {
      for (const notice of notices) {
        const withSnooze = notice.type === 'task' && options.snooze !== undefined && hasActions(options.platform);
        display(notificationId(notice), notice.title, notice.body, !notice.sound, withSnooze);
      }
    },
    info(title, body) {
      display(notificationId('info'), title, body, true, false);
    },
  };
}
