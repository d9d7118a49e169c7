import { describe, expect, it } from 'vitest';
import { StoreError } from '../../../../src/node/store';
import { newIntent, task } from './fixtures/records';
import { useTempStore } from './fixtures/temp-store';

const temp = useTempStore();

class Boom extends Error {}

describe('transaction', () => {
  it('commits all writes and returns the callback’s value', () => {
    const seq = temp.store.transaction(() => {
      temp.store.upsertTasks([task('1')]);
      temp.store.setCursor('k', 'v');
      return temp.store.addIntent(newIntent('1')).seq;
    });
    temp.reopen();
    expect(temp.store.getTask('1')).toStrictEqual(task('1'));
    expect(temp.store.getCursor('k')).toBe('v');
    expect(temp.store.listIntents().map((intent) => intent.seq)).toEqual([seq]);
  });

  it('writes nothing when the callback throws, and passes the error through unchanged', () => {
    temp.store.upsertTasks([task('1', { title: 'before' })]);
    const boom = new Boom('stop');
    expect(() =>
      temp.store.transaction(() => {
        temp.store.upsertTasks([task('1', { title: 'after' }), task('2')]);
        temp.store.addIntent(newIntent('1'));
        temp.store.setCursor('k', 'v');
        temp.store.replaceUsers([]);
        throw boom;
      }),
    ).toThrow(boom);

    temp.reopen();
    expect(temp.store.getTask('1')?.title).toBe('before');
    expect(temp.store.getTask('2')).toBeNull();
    expect(temp.store.listIntents()).toEqual([]);
    expect(temp.store.getCursor('k')).toBeNull();
  });

  it('runs nested transactions inside the outer one', () => {
    temp.store.transaction(() => {
      temp.store.transaction(() => {
        temp.store.upsertTasks([task('1')]);
        temp.store.transaction(() => temp.store.setCursor('deep', '3'));
      });
      temp.store.upsertTasks([task('2')]);
    });
    expect(temp.store.countTasks()).toBe(2);
    expect(temp.store.getCursor('deep')).toBe('3');
  });

  it('undoes an inner failure the outer callback caught, and keeps the outer writes', () => {
    temp.store.transaction(() => {
      temp.store.upsertTasks([task('1')]);
      expect(() =>
        temp.store.transaction(() => {
          temp.store.upsertTasks([task('2')]);
          throw new Boom('inner');
        }),
      ).toThrow(Boom);
      temp.store.upsertTasks([task('3')]);
    });
    expect(temp.store.taskIdsByGroup('12')).toEqual(['1', '3']);
  });

  it('undoes the inner writes too when the outer callback fails', () => {
    expect(() =>
      temp.store.transaction(() => {
        temp.store.transaction(() => temp.store.upsertTasks([task('1')]));
        throw new Boom('outer');
      }),
    ).toThrow(Boom);
    expect(temp.store.countTasks()).toBe(0);
  });

  it('makes a failing method atomic on its own: a batch with one bad task writes none', () => {
    // changed_at is a STRICT INTEGER column: a fractional time is refused rather than rounded.
    const bad = task('2', { changedAt: 1.5 });
    expect(() => temp.store.upsertTasks([task('1'), bad])).toThrow(StoreError);
    expect(temp.store.countTasks()).toBe(0);
    temp.store.upsertTasks([task('1')]);
    expect(temp.store.countTasks()).toBe(1);
  });

  it('refuses an async callback and writes nothing', () => {
    expect(() =>
      temp.store.transaction(() => {
        temp.store.upsertTasks([task('1')]);
        return Promise.resolve();
      }),
    ).toThrow(/synchronous/);
    expect(temp.store.countTasks()).toBe(0);
  });

  it('can be used again after a failed transaction', () => {
    expect(() => temp.store.transaction(() => { throw new Boom('x'); })).toThrow(Boom);
    temp.store.transaction(() => temp.store.upsertTasks([task('1')]));
    expect(temp.store.countTasks()).toBe(1);
  });

  it('refuses to close inside a transaction', () => {
    expect(() => temp.store.transaction(() => temp.store.close())).toThrow(StoreError);
    expect(temp.store.countTasks()).toBe(0);
  });
});
