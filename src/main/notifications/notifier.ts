/**
 * Shows the alert engine's notices as native notifications. Electron's pieces are passed in, so
 * the logic runs in tests with a fake `Notification` (the Electron binary cannot run here).
 */
import type { AlertLanguage, AlertNotice } from '../../node/alerts/types';

export const APP_USER_MODEL_ID = 'ru.pult.console';

export interface NotificationOptionsLike {
  title: string;
  body: string;
  silent: boolean;
  icon?: string;
  actions?: { type: 'button'; text: string }[];
  closeButtonText?: string;
}

export interface NotificationLike {
  show(): void;
  on(event: 'click' | 'close' | 'failed', listener: () => void): unknown;
  on(event: 'action', listener: (event: unknown, index: number) => void): unknown;
}

export interface NotificationClass {
  new (options: NotificationOptionsLike): NotificationLike;
  isSupported(): boolean;
}

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
  /** The "snooze 1 h" button (macOS shows notification buttons). */
  snooze?(taskId: string): void;
}

export interface Notifier {
  show(notices: readonly AlertNotice[]): void;
  /** A plain message (e.g. "Pult keeps running in the tray"). */
  info(title: string, body: string): void;
}

export function createNotifier(options: NotifierOptions): Notifier {
  // Electron drops click handlers of a garbage-collected notification (seen on Windows): keep a
  // reference until it is clicked or closed.
  const alive = new Set<NotificationLike>();
  const display = (notificationOptions: NotificationOptionsLike, onClick: () => void, onAction?: (index: number) => void) => {
    if (!options.Notification.isSupported()) return;
    const notification = new options.Notification({ ...notificationOptions, ...(options.icon ? { icon: options.icon } : {}) });
    alive.add(notification);
    const forget = () => alive.delete(notification);
    notification.on('click', () => {
      forget();
      onClick();
    });
    notification.on('close', forget);
    notification.on('failed', forget);
    if (onAction) notification.on('action', (_event, index) => onAction(index));
    notification.show();
  };
  return {
    show(notices) {
      for (const notice of notices) {
        const base = { title: notice.title, body: notice.body, silent: !notice.sound };
        if (notice.type === 'summary') {
          display(base, () => options.openConsole());
          continue;
        }
        const snooze = options.snooze;
        const withButton = snooze && options.platform === 'darwin';
        const taskOptions: NotificationOptionsLike = withButton
          ? { ...base, actions: [{ type: 'button', text: options.language() === 'ru' ? 'Отложить на 1 ч' : 'Snooze 1 h' }] }
          : base;
        display(taskOptions, () => options.openTask(notice.taskId), withButton ? () => snooze(notice.taskId) : undefined);
      }
    },
    info(title, body) {
      display({ title, body, silent: true }, () => options.openConsole());
    },
  };
}
