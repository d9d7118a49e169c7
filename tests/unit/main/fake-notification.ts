import type { ActivationArguments, Event } from 'electron';
import type { NotificationClass, NotificationLike, NotificationOptionsLike } from '../../../src/main/notifications/notifier';

/** Electron's `Event` as its listeners receive it. */
export function electronEvent<T extends object = object>(params: T = {} as T): Event<T> {
  let prevented = false;
  return {
    ...params,
    preventDefault: () => void (prevented = true),
    get defaultPrevented() {
      return prevented;
    },
  };
}

/**
 * A stand-in for Electron's Notification, typed from electron.d.ts through NotificationClass:
 * records what was shown, lets a test fire its events, and keeps the activation callback.
 */
export class FakeNotification implements NotificationLike {
  static supported = true;
  static shown: FakeNotification[] = [];
  static activation: ((details: ActivationArguments) => void) | null = null;
  static isSupported() {
    return FakeNotification.supported;
  }
  static handleActivation(callback: (details: ActivationArguments) => void) {
    FakeNotification.activation = callback;
  }
  static reset() {
    FakeNotification.supported = true;
    FakeNotification.shown = [];
    FakeNotification.activation = null;
  }
  private readonly listeners = new Map<string, ((...args: never[]) => void)[]>();
  constructor(readonly options: NotificationOptionsLike) {}
  show() {
    FakeNotification.shown.push(this);
  }
  on(event: string, listener: (...args: never[]) => void) {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  emit(event: 'click' | 'close' | 'failed' | 'action', ...args: unknown[]) {
    for (const listener of this.listeners.get(event) ?? []) (listener as (...args: unknown[]) => void)(...args);
  }
  click() {
    this.emit('click', electronEvent());
  }
}

FakeNotification satisfies NotificationClass;
