import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AlertCenter } from '../../../src/node/alerts/alert-center';
import { ALERT_MEMORY_FILE, emptyMemory, fileMemoryStore } from '../../../src/node/alerts/memory';
import { HOUR, idleTask, input, NOON_MSK, TestClock } from './helpers';

const tempDir = () => mkdtempSync(path.join(os.tmpdir(), 'pult-alerts-'));

describe('alert memory file', () => {
  it('survives a restart: what was announced is not announced again', () => {
    const dir = tempDir();
    const clock = new TestClock();
    const tasks = [idleTask('1', NOON_MSK, 3 * HOUR)];
    const first = new AlertCenter({ clock, memory: fileMemoryStore(dir) });
    first.evaluate(input(tasks));
    clock.advance(HOUR);
    expect(first.evaluate(input(tasks)).notices).toHaveLength(1);
    first.snooze('9', '1h', input([]).settings, 180);

    const stored = JSON.parse(readFileSync(path.join(dir, ALERT_MEMORY_FILE), 'utf8'));
    expect(stored.active).toHaveProperty(['1|forgotten'], NOON_MSK + HOUR);
    expect(stored.snoozes).toEqual({ '9': NOON_MSK + 2 * HOUR });

    const second = new AlertCenter({ clock, memory: fileMemoryStore(dir) });
    expect(second.snoozedUntil('9')).toBe(NOON_MSK + 2 * HOUR);
    clock.advance(HOUR);
    second.evaluate(input(tasks)); // seeding after start
    clock.advance(HOUR);
    expect(second.evaluate(input(tasks)).notices).toEqual([]);
  });

  it('writes atomically: no temp file is left beside it', () => {
    const dir = tempDir();
    const store = fileMemoryStore(dir);
    store.save({ ...emptyMemory(), pausedUntil: 5 });
    store.save({ ...emptyMemory(), pausedUntil: 6 });
    expect(readdirSync(dir)).toEqual([ALERT_MEMORY_FILE]);
    expect(store.load().pausedUntil).toBe(6);
  });

  it('a corrupt file starts empty, says why, and the first evaluation stays silent (no storm)', () => {
    for (const garbage of ['{"version":1,"active":', '{"version":7}', '[]']) {
      const dir = tempDir();
      writeFileSync(path.join(dir, ALERT_MEMORY_FILE), garbage);
      const store = fileMemoryStore(dir);
      expect(store.load()).toEqual(emptyMemory());
      expect(store.problem).toMatch(/starting empty/);
      const center = new AlertCenter({ clock: new TestClock(), memory: store });
      const tasks = Array.from({ length: 6 }, (_, i) => idleTask(String(i + 1), NOON_MSK, 5 * HOUR));
      expect(center.evaluate(input(tasks))).toMatchObject({ notices: [], attentionCount: 6, silentBecause: 'seeding' });
    }
  });

  it('a missing file is no problem', () => {
    const store = fileMemoryStore(tempDir());
    expect(store.load()).toEqual(emptyMemory());
    expect(store.problem).toBeNull();
  });

  it('a failed write is reported and does not throw (notifications go on)', () => {
    const dir = tempDir();
    const blocked = path.join(dir, 'not-a-dir');
    writeFileSync(blocked, '');
    const errors: unknown[] = [];
    fileMemoryStore(blocked, (error) => errors.push(error)).save(emptyMemory());
    expect(errors).toHaveLength(1);
  });
});
