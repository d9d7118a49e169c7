/** A card's file list in the SQLite store: metadata only, bounded, gone with its task. */
import Database from 'libsql';
import { describe, expect, it } from 'vitest';
import type { TaskFile } from '../../../../src/core/domain/files';
import { task } from './fixtures/records';
import { useTempStore } from './fixtures/temp-store';

const temp = useTempStore();

function file(id: string, overrides: Partial<TaskFile> = {}): TaskFile {
  return { attachmentId: id, objectId: `10${id}`, name: `Скриншот ${id}.png`, size: 1234, type: 'image/png', authorId: '7', createdAt: 1_700_000_000_000, commentId: null, ...overrides };
}

describe('task files', () => {
  it('reads a list back exactly after a reopen, with the time it was read', () => {
    const files = [
      file('1'),
      file('2', { commentId: '55', createdAt: null, type: 'application/octet-stream', name: 'лог "ошибки".txt', origin: 'attached' }),
      // A chat file keeps its origin: it is fetched with disk.file.get, not as an attached object.
      file('chat77', { commentId: '901', origin: 'chat' }),
    ];
    temp.store.replaceTaskFiles('101', files, 1_700_000_100_000, 200);
    const again = temp.reopen();
    expect(again.taskFiles('101')).toStrictEqual({ files, readAt: 1_700_000_100_000 });
    expect(again.taskFiles('102')).toBeNull();
  });

  it('replaces a task\'s list whole, an empty list included', () => {
    temp.store.replaceTaskFiles('101', [file('1'), file('2')], 1, 200);
    temp.store.replaceTaskFiles('101', [], 2, 200);
    expect(temp.reopen().taskFiles('101')).toStrictEqual({ files: [], readAt: 2 });
  });

  it('writes metadata only: a link riding along on the object never reaches the file', () => {
    const withLink = { ...file('1'), downloadUrl: 'https://portal.example/rest/download.json?auth=SECRET-TOKEN' } as TaskFile;
    temp.store.replaceTaskFiles('101', [withLink], 1, 200);
    temp.store.close();
    const db = new Database(temp.file);
    try {
      const rows = db.prepare('SELECT body FROM task_files').all() as { body: string }[];
      expect(rows).toHaveLength(1);
      expect(rows[0]!.body).not.toContain('SECRET-TOKEN');
      expect(rows[0]!.body).not.toContain('download');
    } finally {
      db.close();
    }
    expect(temp.reopen().taskFiles('101')).toStrictEqual({ files: [file('1')], readAt: 1 });
  });

  it('keeps the most recently read lists only, the one just written always among them', () => {
    for (let i = 1; i <= 5; i++) temp.store.replaceTaskFiles(String(i), [file(String(i))], 1000 + i, 3);
    const store = temp.reopen();
    expect(['1', '2', '3', '4', '5'].map((id) => store.taskFiles(id) !== null)).toEqual([false, false, true, true, true]);
    // Read again under a clock set back: it stays while it is the one just written…
    store.replaceTaskFiles('3', [file('3')], 10, 3);
    expect(['3', '4', '5'].map((id) => store.taskFiles(id) !== null)).toEqual([true, true, true]);
    // …and is the oldest when the next one comes.
    store.replaceTaskFiles('6', [file('6')], 1006, 3);
    expect(['3', '4', '5', '6'].map((id) => store.taskFiles(id) !== null)).toEqual([false, true, true, true]);
  });

  it('drops a task\'s list with the task', () => {
    temp.store.upsertTasks([task('101'), task('102')]);
    temp.store.replaceTaskFiles('101', [file('1')], 1, 200);
    temp.store.replaceTaskFiles('102', [file('2')], 1, 200);
    temp.store.deleteTasks(['101']);
    const store = temp.reopen();
    expect(store.taskFiles('101')).toBeNull();
    expect(store.taskFiles('102')).not.toBeNull();
  });

  it('writes nothing when the transaction around it fails', () => {
    expect(() =>
      temp.store.transaction(() => {
        temp.store.replaceTaskFiles('101', [file('1')], 1, 200);
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(temp.reopen().taskFiles('101')).toBeNull();
  });
});
