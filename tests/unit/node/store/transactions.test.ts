import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SyncStore } from '../../../../src/core/sync/store';
import { openSqliteStore, StoreError } from '../../../../src/node/store';
import { newIntent, removeDir, task, tempDir } from './fixtures/records';

let dir: string;
let file: string;
let store: SyncStore;

beforeEach(() => {
  dir = tempDir();
  file = path.join(dir, 'pult.db');
  store = openSqliteStore(file);
});

afterEach(() => {
  store.close();
  removeDir(dir);
});

class Boom extends Error {}

describe('transaction', () => {
  it('commits all writes and returns the callback’s value', () => {
    const seq = store.transaction(() => {
      store.upsertTasks([task('1')]);
      store.setCursor('k', 'v');
      return store.addIntent(newIntent('1')).seq;
    });
    store.close();
    store = openSqliteStore(file);
    expect(store.getTask('1')).toStrictEqual(task('1'));
    expect(store.getCursor('k')).toBe('v');
    expect(store.listIntents().map((intent) => intent.seq)).toEqual([seq]);
  });

  it('writes nothing when the callback throws, and passes the error through unchanged', () => {
    store.upsertTasks([task('1', { title: 'before' })]);
    const boom = new Boom('stop');
    expect(() =>
      store.transaction(() => {
        store.upsertTasks([task('1', { title: 'after' }), task('2')]);
        store.addIntent(newIntent('1'));
        store.setCursor('k', 'v');
        store.replaceUsers([]);
        throw boom;
      }),
    ).toThrow(boom);

    store.close();
    store = openSqliteStore(file);
    expect(store.getTask('1')?.title).toBe('before');
    expect(store.getTask('2')).toBeNull();
    expect(store.listIntents()).toEqual([]);
    expect(store.getCursor('k')).toBeNull();
  });

  it('runs nested transactions inside the outer one', () => {
    store.transaction(() => {
      store.transaction(() => {
        store.upsertTasks([task('1')]);
        store.transaction(() => store.setCursor('deep', '3'));
      });
      store.upsertTasks([task('2')]);
    });
    expect(store.countTasks()).toBe(2);
    expect(store.getCursor('deep')).toBe('3');
  });

  it('undoes an inner failure the outer callback caught, and keeps the outer writes', () => {
    store.transaction(() => {
      store.upsertTasks([task('1')]);
      expect(() =>
        store.transaction(() => {
          store.upsertTasks([task('2')]);
          throw new Boom('inner');
        }),
      ).toThrow(Boom);
      store.upsertTasks([task('3')]);
    });
    expect(store.taskIdsByGroup('12')).toEqual(['1', '3']);
  });

  it('undoes the inner writes too when the outer callback fails', () => {
    expect(() =>
      store.transaction(() => {
        store.transaction(() => store.upsertTasks([task('1')]));
        throw new Boom('outer');
      }),
    ).toThrow(Boom);
    expect(store.countTasks()).toBe(0);
  });

  it('makes a failing method atomic on its own: a batch with one bad task writes none', () => {
    // changed_at is a STRICT INTEGER column: a fractional time is refused rather than rounded.
    const bad = task('2', { changedAt: 1.5 });
    expect(() => store.upsertTasks([task('1'), bad])).toThrow(StoreError);
    expect(store.countTasks()).toBe(0);
    store.upsertTasks([task('1')]);
    expect(store.countTasks()).toBe(1);
  });

  it('refuses an async callback and writes nothing', () => {
    expect(() =>
      store.transaction(() => {
        store.upsertTasks([task('1')]);
        return Promise.resolve();
      }),
    ).toThrow(/synchronous/);
    expect(store.countTasks()).toBe(0);
  });

  it('can be used again after a failed transaction', () => {
    expect(() => store.transaction(() => { throw new Boom('x'); })).toThrow(Boom);
    store.transaction(() => store.upsertTasks([task('1')]));
    expect(store.countTasks()).toBe(1);
  });

  it('refuses to close inside a transaction', () => {
    expect(() => store.transaction(() => store.close())).toThrow(StoreError);
    expect(store.countTasks()).toBe(0);
  });
});
