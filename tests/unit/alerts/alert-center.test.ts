import { describe, expect, it } from 'vitest';
import { AlertCenter } from '../../../src/node/alerts/alert-center';
import type { Task } from '../../../src/core/domain/model';
import { HOUR, idleTask, input, makeSettings, memoryStore, MINUTE, NOON_MSK, TestClock } from './helpers';

/** A task of mine in work, last updated at `changedAt`: forgotten 4 h after it. */
const taskChangedAt = (id: string, changedAt: number, overrides: Partial<Task> = {}) => idleTask(id, changedAt, 0, overrides);

function started(clock = new TestClock(), memory = memoryStore()) {
  const center = new AlertCenter({ clock, memory });
  return { center, clock, memory };
}

describe('AlertCenter: once per threshold crossing', () => {
  it('seeds silently on the first evaluation, then announces a crossing once, to the second', () => {
    const { center, clock } = started();
    const old = taskChangedAt('1', NOON_MSK - 5 * HOUR);
    const soon = taskChangedAt('2', NOON_MSK - 4 * HOUR + 10_000);
    expect(center.evaluate(input([old, soon]))).toEqual({ notices: [], attentionCount: 1, silentBecause: 'seeding' });

    clock.advance(9_000);
    expect(center.evaluate(input([old, soon])).notices).toEqual([]);
    clock.advance(1_000);
    const { notices, attentionCount } = center.evaluate(input([old, soon]));
    expect(attentionCount).toBe(2);
    expect(notices).toEqual([{ type: 'task', taskId: '2', kind: 'forgotten', title: '#2 Задача 2', body: 'Без движения 4ч 00м', sound: true }]);
    clock.advance(MINUTE);
    expect(center.evaluate(input([old, soon])).notices).toEqual([]);
  });

  it('forgotten → updated → forgotten again alerts again', () => {
    const { center, clock } = started();
    center.evaluate(input([taskChangedAt('1', NOON_MSK)]));
    clock.advance(4 * HOUR + 5 * MINUTE);
    expect(center.evaluate(input([taskChangedAt('1', NOON_MSK)])).notices.map((n) => n.body)).toEqual(['Без движения 4ч 05м']);
    const touched = taskChangedAt('1', clock.now());
    expect(center.evaluate(input([touched])).notices).toEqual([]);
    clock.advance(4 * HOUR);
    expect(center.evaluate(input([touched])).notices.map((n) => n.body)).toEqual(['Без движения 4ч 00м']);
  });

  it('remembers across a restart: no storm, and new crossings after it still alert', () => {
    const memory = memoryStore();
    const first = started(new TestClock(), memory);
    const tasks = [taskChangedAt('1', NOON_MSK - 5 * HOUR), taskChangedAt('2', NOON_MSK - 3 * HOUR)];
    first.center.evaluate(input(tasks));
    first.clock.advance(HOUR);
    expect(first.center.evaluate(input(tasks)).notices).toHaveLength(1);

    const clock = new TestClock(first.clock.now() + 10 * MINUTE);
    const restarted = started(clock, memory).center;
    expect(restarted.evaluate(input([...tasks, taskChangedAt('3', clock.now() - 5 * HOUR)])).notices).toEqual([]);
    clock.advance(3 * HOUR);
    const later = restarted.evaluate(input([...tasks, taskChangedAt('3', NOON_MSK - 5 * HOUR), taskChangedAt('4', NOON_MSK)]));
    expect(later.notices.map((n) => n.type === 'task' && n.taskId)).toEqual(['4']);
  });

  it('is silent while offline and re-seeds when the portal is back, so stale timers never storm', () => {
    const { center, clock } = started();
    const tasks = [taskChangedAt('1', NOON_MSK), taskChangedAt('2', NOON_MSK)];
    center.evaluate(input(tasks));
    center.setConnectivity('portal-unreachable');
    clock.advance(5 * HOUR);
    expect(center.evaluate(input(tasks))).toMatchObject({ notices: [], attentionCount: 2, silentBecause: 'not-online' });
    center.setConnectivity('online');
    expect(center.evaluate(input(tasks))).toMatchObject({ notices: [], silentBecause: 'seeding' });
    clock.advance(MINUTE);
    expect(center.evaluate(input(tasks)).notices).toEqual([]);
    const third = taskChangedAt('3', clock.now() - 4 * HOUR);
    expect(center.evaluate(input([...tasks, third])).notices).toHaveLength(1);
  });

  it('staying online does not re-seed (a second "online" status is no reconnect)', () => {
    const { center, clock } = started();
    center.evaluate(input([taskChangedAt('1', NOON_MSK)]));
    center.setConnectivity('online');
    clock.advance(4 * HOUR);
    expect(center.evaluate(input([taskChangedAt('1', NOON_MSK)])).notices).toHaveLength(1);
  });

  it('waits for the user id before deciding anything', () => {
    const { center, clock } = started();
    expect(center.evaluate(input([taskChangedAt('1', NOON_MSK - 5 * HOUR)], undefined, { userId: null }))).toEqual({ notices: [], attentionCount: null, silentBecause: 'user-unknown' });
    clock.advance(MINUTE);
    expect(center.evaluate(input([taskChangedAt('1', NOON_MSK - 5 * HOUR)])).silentBecause).toBe('seeding');
  });
});

describe('AlertCenter: flood control', () => {
  const crossAtOnce = (count: number, settings = makeSettings()) => {
    const { center, clock } = started();
    const tasks = Array.from({ length: count }, (_, i) => taskChangedAt(String(i + 1), NOON_MSK));
    center.evaluate(input(tasks, settings));
    clock.advance(4 * HOUR);
    return center.evaluate(input(tasks, settings)).notices;
  };

  it('shows up to 3 alerts one by one', () => {
    expect(crossAtOnce(3).map((n) => n.type)).toEqual(['task', 'task', 'task']);
  });

  it('bundles more than 3 into one summary', () => {
    expect(crossAtOnce(4)).toEqual([{ type: 'summary', taskIds: ['1', '2', '3', '4'], kinds: ['forgotten'], title: '4 задачи без движения > 4 ч', body: '#1, #2, #3 и ещё 1', sound: true }]);
    expect(crossAtOnce(5)[0]).toMatchObject({ title: '5 задач без движения > 4 ч' });
  });

  it('speaks English and passes the sound flag through', () => {
    const settings = makeSettings({ ui: { language: 'en' }, notifications: { sound: false } });
    const { center, clock } = started();
    const tasks = Array.from({ length: 4 }, (_, i) => taskChangedAt(String(i + 1), NOON_MSK));
    center.evaluate(input(tasks, settings, { language: 'en' }));
    clock.advance(4 * HOUR);
    expect(center.evaluate(input(tasks, settings, { language: 'en' })).notices).toEqual([
      { type: 'summary', taskIds: ['1', '2', '3', '4'], kinds: ['forgotten'], title: '4 tasks idle > 4 h', body: '#1, #2, #3 and 1 more', sound: false },
    ]);
  });
});

describe('AlertCenter: quiet hours, snooze, pause', () => {
  const quiet = makeSettings({ notifications: { quietHours: { enabled: true, from: '22:00', to: '08:00' } } });
  /** 22:00 Moscow on 15 January = 19:00 UTC. */
  const TEN_PM_MSK = Date.UTC(2026, 0, 15, 19, 0, 0);

  it('holds alerts over midnight and shows them at the end, with the current durations', () => {
    const clock = new TestClock(TEN_PM_MSK - MINUTE);
    const { center } = started(clock);
    const tasks = [taskChangedAt('1', TEN_PM_MSK - 3 * HOUR), taskChangedAt('2', TEN_PM_MSK - 3 * HOUR)];
    center.evaluate(input(tasks, quiet));
    clock.advance(2 * HOUR); // 23:59 Moscow: both crossed at 23:00, in quiet hours
    expect(center.evaluate(input(tasks, quiet)).notices).toEqual([]);
    clock.time = Date.UTC(2026, 0, 16, 4, 59, 59); // 07:59:59 Moscow
    expect(center.evaluate(input(tasks, quiet)).notices).toEqual([]);
    clock.advance(1000); // 08:00:00
    const released = center.evaluate(input(tasks, quiet)).notices;
    expect(released.map((n) => [n.type === 'task' && n.taskId, n.body])).toEqual([
      ['1', 'Без движения 13ч 00м'],
      ['2', 'Без движения 13ч 00м'],
    ]);
    clock.advance(MINUTE);
    expect(center.evaluate(input(tasks, quiet)).notices).toEqual([]);
  });

  it('drops a held alert whose task moved on before the quiet hours ended', () => {
    const clock = new TestClock(TEN_PM_MSK);
    const { center } = started(clock);
    center.evaluate(input([taskChangedAt('1', TEN_PM_MSK)], quiet));
    clock.advance(5 * HOUR);
    center.evaluate(input([taskChangedAt('1', TEN_PM_MSK)], quiet));
    clock.time = Date.UTC(2026, 0, 16, 5, 0, 0);
    expect(center.evaluate(input([taskChangedAt('1', clock.now() - MINUTE)], quiet)).notices).toEqual([]);
  });

  it('snoozes a task for an hour, then reminds if it is still forgotten', () => {
    const { center, clock } = started();
    const task = taskChangedAt('1', NOON_MSK - 5 * HOUR);
    center.evaluate(input([task]));
    expect(center.snooze('1', '1h', makeSettings(), 180)).toBe(NOON_MSK + HOUR);
    clock.advance(HOUR - 1000);
    expect(center.evaluate(input([task])).notices).toEqual([]);
    clock.advance(1000);
    expect(center.evaluate(input([task])).notices).toMatchObject([{ taskId: '1', body: 'Без движения 6ч 00м' }]);
  });

  it('a snoozed task crossing a threshold stays quiet until the snooze ends', () => {
    const { center, clock } = started();
    const task = taskChangedAt('1', NOON_MSK - 3 * HOUR);
    center.evaluate(input([task]));
    const until = center.snooze('1', 'tomorrow', makeSettings(), 180);
    expect(until).toBe(Date.UTC(2026, 0, 16, 6, 0, 0)); // 09:00 Moscow tomorrow
    clock.advance(2 * HOUR);
    expect(center.evaluate(input([task])).notices).toEqual([]);
    expect(center.snoozedUntil('1')).toBe(until);
    clock.time = until;
    expect(center.evaluate(input([task])).notices).toHaveLength(1);
    expect(center.snoozedUntil('1')).toBeNull();
  });

  it('pause holds everything and summarises it after; resume releases at once', () => {
    const { center, clock } = started();
    const tasks = Array.from({ length: 4 }, (_, i) => taskChangedAt(String(i + 1), NOON_MSK - 3 * HOUR));
    center.evaluate(input(tasks));
    expect(center.pause('1h', makeSettings(), 180)).toBe(NOON_MSK + HOUR);
    expect(center.pausedUntil).toBe(NOON_MSK + HOUR);
    clock.advance(HOUR - 1000);
    expect(center.evaluate(input(tasks)).notices).toEqual([]);
    clock.advance(1000);
    expect(center.pausedUntil).toBeNull();
    expect(center.evaluate(input(tasks)).notices).toMatchObject([{ type: 'summary', title: '4 задачи без движения > 4 ч' }]);

    center.pause('tomorrow', makeSettings(), 180);
    const fifth = taskChangedAt('5', clock.now() - 4 * HOUR);
    expect(center.evaluate(input([...tasks, fifth])).notices).toEqual([]);
    center.resume();
    expect(center.evaluate(input([...tasks, fifth])).notices).toMatchObject([{ type: 'task', taskId: '5' }]);
  });

  it('with notifications off nothing is shown, and turning them on does not replay the past', () => {
    const off = makeSettings({ notifications: { enabled: false } });
    const { center, clock } = started();
    const task = taskChangedAt('1', NOON_MSK);
    center.evaluate(input([task], off));
    clock.advance(5 * HOUR);
    expect(center.evaluate(input([task], off)).notices).toEqual([]);
    expect(center.evaluate(input([task])).notices).toEqual([]);
  });

  it('announces SLA risk then breach of the same task, each once', () => {
    const sla = makeSettings({ sla: { service: { reactionMinutes: 60, resolutionMinutes: null, clock: 'round-the-clock' } } });
    const { center, clock } = started();
    const task = idleTask('7', NOON_MSK, 0, { stageId: '100', status: 2, createdAt: NOON_MSK });
    center.evaluate(input([task], sla));
    clock.advance(48 * MINUTE);
    expect(center.evaluate(input([task], sla)).notices).toMatchObject([{ kind: 'sla-risk', body: 'SLA реакции под угрозой: осталось 12м' }]);
    clock.advance(12 * MINUTE + 1000);
    expect(center.evaluate(input([task], sla)).notices).toMatchObject([{ kind: 'sla-breached', body: 'SLA реакции нарушен: просрочено на 1с' }]);
    clock.advance(MINUTE);
    expect(center.evaluate(input([task], sla)).notices).toEqual([]);
  });
});
