import { describe, expect, it, vi } from 'vitest';
import { APP_USER_MODEL_ID, createNotifier, KEPT_NOTIFICATIONS, prepareNotifications } from '../../../src/main/notifications/notifier';
import { parseToastArguments, toastXml } from '../../../src/main/notifications/toast-xml';
import type { AlertNotice } from '../../../src/node/alerts/types';
import { electronEvent, FakeNotification } from './fake-notification';

const task: AlertNotice = { type: 'task', taskId: '12', kind: 'forgotten', title: '#12 Не печатает принтер', body: 'Без движения 4ч 05м', sound: true };
const summary: AlertNotice = { type: 'summary', taskIds: ['1', '2', '3', '4'], kinds: ['forgotten'], title: '4 задачи без движения > 4 ч', body: '#1, #2, #3 и ещё 1', sound: false };
const taskNumber = (id: number): AlertNotice => ({ ...task, taskId: String(id), title: `#${id}` });

function notifier(platform: NodeJS.Platform = 'linux') {
  FakeNotification.reset();
  const openTask = vi.fn();
  const openConsole = vi.fn();
  const snooze = vi.fn();
  const onError = vi.fn();
  const fallback = vi.fn();
  const n = createNotifier({ Notification: FakeNotification, platform, language: () => 'ru', openTask, openConsole, snooze, onError, fallback, icon: '/icons/pult.png' });
  return { n, openTask, openConsole, snooze, onError, fallback };
}

/** An attribute of the toast XML as Windows would read it (entities decoded). */
function xmlAttribute(xml: string, element: string, name: string): string[] {
  const found = [...xml.matchAll(new RegExp(`<${element}\\b[^>]*\\b${name}="([^"]*)"`, 'g'))].map((m) => m[1]!);
  return found.map((value) => value.replaceAll('&quot;', '"').replaceAll('&apos;', "'").replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&'));
}

/** What Electron's activator hands `handleActivation` for a click on, or a button of, a toast. */
const clickOf = (shown: FakeNotification) => ({ type: 'click', arguments: xmlAttribute(shown.options.toastXml!, 'toast', 'launch')[0]! });
const snoozeOf = (shown: FakeNotification) => ({ type: 'action', actionIndex: 0, arguments: xmlAttribute(shown.options.toastXml!, 'action', 'arguments')[0]! });

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
    FakeNotification.shown[0]!.click();
    expect(openTask).toHaveBeenCalledWith('12');
    FakeNotification.shown[1]!.click();
    expect(openConsole).toHaveBeenCalledTimes(1);
  });

  it('macOS and Windows get a "snooze 1 h" button; Linux, where Electron has no actions, none', () => {
    const mac = notifier('darwin');
    mac.n.show([task]);
    expect(FakeNotification.shown[0]!.options).toMatchObject({ id: 'pult:task:forgotten:12', actions: [{ type: 'button', text: 'Отложить на 1 ч' }] });
    FakeNotification.shown[0]!.emit('action', electronEvent({ actionIndex: 0, selectionIndex: -1 }));
    expect(mac.snooze).toHaveBeenCalledWith('12');

    const win = notifier('win32');
    win.n.show([task]);
    const xml = FakeNotification.shown[0]!.options.toastXml!;
    expect(xmlAttribute(xml, 'action', 'content')).toEqual(['Отложить на 1 ч']);
    FakeNotification.shown[0]!.emit('action', electronEvent({ actionIndex: 0, selectionIndex: -1 }));
    expect(win.snooze).toHaveBeenCalledWith('12');

    const linux = notifier('linux');
    linux.n.show([task]);
    expect(FakeNotification.shown[0]!.options.actions).toBeUndefined();
    expect(FakeNotification.shown[0]!.options.toastXml).toBeUndefined();
  });

  it('Windows: each toast names its notification in its launch and button arguments, as Electron’s activator reads them', () => {
    notifier('win32').n.show([task, summary]);
    const [taskToast, summaryToast] = FakeNotification.shown;
    expect(taskToast!.options.id).toBe('pult:task:forgotten:12');
    expect(parseToastArguments(clickOf(taskToast!).arguments)).toEqual({ type: 'click', tag: 'pult:task:forgotten:12' });
    expect(parseToastArguments(snoozeOf(taskToast!).arguments)).toEqual({ type: 'action', action: '0', tag: 'pult:task:forgotten:12' });
    expect(summaryToast!.options.id).toBe('pult:summary');
    expect(xmlAttribute(summaryToast!.options.toastXml!, 'action', 'content')).toEqual([]);
    // Its texts, icon and silence, escaped.
    expect(taskToast!.options.toastXml).toContain('<text>#12 Не печатает принтер</text><text>Без движения 4ч 05м</text>');
    expect(xmlAttribute(taskToast!.options.toastXml!, 'image', 'src')).toEqual(['/icons/pult.png']);
    expect(summaryToast!.options.toastXml).toContain('<audio silent="true"/>');
    expect(taskToast!.options.toastXml).not.toContain('<audio');
    expect(toastXml({ id: 'x', title: 'a < b & "c"', body: '', silent: false, actions: [] })).toContain('<text>a &lt; b &amp; &quot;c&quot;</text>');
  });

  it('Windows: a toast gone from memory (or from before a restart) clicked in the Action Center opens its task, or snoozes it', () => {
    const { n, openTask, openConsole, snooze } = notifier('win32');
    n.show([task, summary]);
    const [taskToast, summaryToast] = FakeNotification.shown;
    // The user dismissed both: Pult lets them go, and the activation callback is what is left.
    taskToast!.emit('close', electronEvent({ reason: 'userCanceled' }));
    summaryToast!.emit('close', electronEvent({ reason: 'userCanceled' }));
    FakeNotification.activation!(clickOf(taskToast!));
    expect(openTask).toHaveBeenCalledWith('12');
    FakeNotification.activation!(snoozeOf(taskToast!));
    expect(snooze).toHaveBeenCalledWith('12');
    FakeNotification.activation!(clickOf(summaryToast!));
    expect(openConsole).toHaveBeenCalledTimes(1);
    // Launched by a toast whose arguments say nothing: the console.
    FakeNotification.activation!({ type: 'click', arguments: '' });
    expect(openConsole).toHaveBeenCalledTimes(2);
  });

  it('Windows: a toast that timed out into the Action Center stays answerable through its own events, once', () => {
    const { n, openTask } = notifier('win32');
    n.show([task]);
    const [toast] = FakeNotification.shown;
    toast!.emit('close', electronEvent({ reason: 'timedOut' }));
    // Electron calls the activation callback and then the live notification's own event.
    FakeNotification.activation!(clickOf(toast!));
    expect(openTask).not.toHaveBeenCalled();
    toast!.click();
    expect(openTask).toHaveBeenCalledTimes(1);
  });

  it(`keeps the last ${KEPT_NOTIFICATIONS} notifications, no more`, () => {
    const { n, openTask } = notifier('win32');
    n.show(Array.from({ length: KEPT_NOTIFICATIONS + 1 }, (_, i) => taskNumber(i + 1)));
    for (const toast of FakeNotification.shown) toast.emit('close', electronEvent({ reason: 'timedOut' }));
    const [oldest] = FakeNotification.shown;
    const newest = FakeNotification.shown.at(-1)!;
    FakeNotification.activation!(clickOf(newest));
    expect(openTask).not.toHaveBeenCalled();
    // The oldest is no longer kept: only the activation callback answers for it.
    FakeNotification.activation!(clickOf(oldest!));
    expect(openTask).toHaveBeenCalledWith('1');
  });

  it('a notification the system would not show is logged once per reason and handed to the fallback', () => {
    const { n, onError, fallback } = notifier('darwin');
    n.show([task, summary, taskNumber(7)]);
    const [first, second, third] = FakeNotification.shown;
    first!.emit('failed', electronEvent(), 'Notifications are not allowed (unsigned app)');
    second!.emit('failed', electronEvent(), 'Notifications are not allowed (unsigned app)');
    third!.emit('failed', electronEvent(), 'Another reason');
    expect(onError.mock.calls.map(([message, error]) => [message, (error as Error).message])).toEqual([
      ['the system did not show a notification', 'Notifications are not allowed (unsigned app)'],
      ['the system did not show a notification', 'Another reason'],
    ]);
    expect(fallback.mock.calls).toEqual([
      [task.title, task.body],
      [summary.title, summary.body],
      ['#7', task.body],
    ]);
  });

  it('shows nothing where the OS has no notifications', () => {
    const { n } = notifier();
    FakeNotification.supported = false;
    n.show([task]);
    n.info('t', 'b');
    expect(FakeNotification.shown).toEqual([]);
  });

  it('listens for activations on Windows only', () => {
    notifier('darwin');
    expect(FakeNotification.activation).toBeNull();
    notifier('win32');
    expect(FakeNotification.activation).toBeTypeOf('function');
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
