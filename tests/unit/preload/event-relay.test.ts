import { describe, expect, it } from 'vitest';
import { createEventRelay } from '../../../src/preload/event-relay';
import type { PultEvent } from '../../../src/shared/api';

const text = (event: PultEvent) => JSON.stringify(event);

describe('the preload event relay', () => {
  it('a notification click that opened the console before the page listened still opens its task', async () => {
    const relay = createEventRelay();
    relay.receive(text({ type: 'open-task', taskId: '42' }));
    relay.receive(text({ type: 'app-changed' }));
    const heard: PultEvent[] = [];
    relay.subscribe((event) => heard.push(event));
    await Promise.resolve();
    expect(heard).toEqual([{ type: 'open-task', taskId: '42' }]);
  });

  it('each listener gets its own copy; an unsubscribed one hears nothing more', () => {
    const relay = createEventRelay();
    const a: PultEvent[] = [];
    const b: PultEvent[] = [];
    const offA = relay.subscribe((event) => a.push(event));
    relay.subscribe((event) => b.push(event));
    relay.receive(text({ type: 'open-task', taskId: '7' }));
    expect(a[0]).toEqual(b[0]);
    expect(a[0]).not.toBe(b[0]);
    offA();
    relay.receive(text({ type: 'open-task', taskId: '8' }));
    expect(a).toHaveLength(1);
    expect(b).toHaveLength(2);
  });
});
