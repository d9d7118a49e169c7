import { describe, expect, it, vi } from 'vitest';
import { APP_USER_MODEL_ID, createNotifier, prepareNotifications, type NotificationOptionsLike } from '../../../src/main/notifications/notifier';
import type { AlertNotice } from '../../../src/node/alerts/types';

/** A stand-in for Electron's Notification: records what was shown and lets a test click it. */
class FakeNotification {
  static supported = true;
  static shown: FakeNotification[] = [];
  static isSupported() {
    return FakeNotification.supported;
  }
  private readonly listeners = new Map<string, ((event: unknown, index: number) => void)[]>();
  constructor(readonly options: NotificationOptionsLike) {}
  show() {
    FakeNotification.shown.push(this);
  }
  on(event: string, listener: (event: unknown, index: number) => void) {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  emit(event: string, payload: unknown = {}, index = 0) {
    for (const listener of this.listeners.get(event) ?? []) listener(payload, index);
  }
}

const task: AlertNotice = { type: 'task', taskId: '12', kind: 'forgotten', title: '#12 Не печатает принтер', body: 'Без движения 4ч 05м', sound: true };
const summary: AlertNotice = { type: 'summary', taskIds: ['1', '2', '3', '4'], kinds: ['forgotten'], title: '4 задачи без движения > 4 ч', body: '#1, #2, #3 и ещё 1', sound: false };

function notifier(platform: NodeJS.Platform = 'linux') {
  FakeNotification.shown = [];
  FakeNotification.supported = true;
  const openTask = vi.fn();
  const openConsole = vi.fn();
  const snooze = vi.fn();
  const n = createNotifier({ Notification: FakeNotification, platform, language: () => 'ru', openTask, openConsole, snooze, icon: '/icons/pult.png' });
  return { n, openTask, openConsole, snooze };
}

describe('notifications', () => {
  it('one native notification per alert: title, id, kind and how long; sound unless silenced', () => {
    const { n } = notifier();
    n.show([task, summary]);
    expect(FakeNotification.shown.map((shown) => shown.options)).toEqual([
      { title: '#12 Не печатает принтер', body: 'Без движения 4ч 05м', silent: false, icon: '/icons/pult.png' },
      { title: '4 задачи без движения > 4 ч', body: '#1, #2, #3 и ещё 1', silent: true, icon: '/icons/pult.png' },
    ]);
  });

  it('a click on a task opens the console on that card; on a summary, the console', () => {
    const { n, openTask, openConsole } = notifier();
    n.show([task, summary]);
    FakeNotification.shown[0]!.emit('click');
    expect(openTask).toHaveBeenCalledWith('12');
    FakeNotification.shown[1]!.emit('click');
    expect(openConsole).toHaveBeenCalledTimes(1);
  });

  it('macOS gets a "snooze 1 h" button; other systems no actions', () => {
    const mac = notifier('darwin');
    mac.n.show([task]);
    expect(FakeNotification.shown[0]!.options.actions).toEqual([{ type: 'button', text: 'Отложить на 1 ч' }]);
    FakeNotification.shown[0]!.emit('action', {}, 0);
    expect(mac.snooze).toHaveBeenCalledWith('12');
    const win = notifier('win32');
    win.n.show([task]);
    expect(FakeNotification.shown[0]!.options.actions).toBeUndefined();
  });

  it('shows nothing where the OS has no notifications', () => {
    const { n } = notifier();
    FakeNotification.supported = false;
    n.show([task]);
    n.info('t', 'b');
    expect(FakeNotification.shown).toEqual([]);
  });

  it('sets the AppUserModelId on Windows only, so toasts are shown', () => {
    const app = { setAppUserModelId: vi.fn() };
    prepareNotifications(app, 'darwin');
    prepareNotifications(app, 'linux');
    expect(app.setAppUserModelId).not.toHaveBeenCalled();
    prepareNotifications(app, 'win32');
    expect(app.setAppUserModelId).toHaveBeenCalledWith(APP_USER_MODEL_ID);
    expect(APP_USER_MODEL_ID).toBe('ru.pult.console');
  });
});
