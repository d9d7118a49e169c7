import { describe, expect, it, vi } from 'vitest';
import { holdDataFolder } from '../../../src/main/data-folder-lock';
import { DataLockHeldError, type DataLock } from '../../../src/node/data-lock';

describe('the desktop app and the data folder lock', () => {
  it('holds the lock when it is free, without a dialog', () => {
    const lock: DataLock = { file: '/data/pult.lock', holder: { pid: 1, startedAt: 0, entry: 'desktop' }, release: vi.fn() };
    const showErrorBox = vi.fn();
    expect(holdDataFolder({ acquire: () => lock, language: 'ru', showErrorBox, writeError: vi.fn() })).toBe(lock);
    expect(showErrorBox).not.toHaveBeenCalled();
  });

  it('names the holder in a dialog and one stderr line when browser mode or the headless command has the folder', () => {
    const held = new DataLockHeldError('/data/pult.lock', { pid: 77, startedAt: 0, entry: 'headless' });
    const showErrorBox = vi.fn();
    const writeError = vi.fn();
    expect(holdDataFolder({ acquire: () => { throw held; }, language: 'en', showErrorBox, writeError })).toBeNull();
    expect(writeError).toHaveBeenCalledWith(`Pult: ${held.message}`);
    expect(held.message).toContain('the headless sync command (pid 77');
    const [title, content] = showErrorBox.mock.calls[0] as [string, string];
    expect(title).toBe('Pult already works with this data folder');
    expect(content).toContain(held.message);
  });

  it('other errors (a folder it cannot write) are not mistaken for a busy folder', () => {
    const denied = Object.assign(new Error('EACCES'), { code: 'EACCES' });
    expect(() => holdDataFolder({ acquire: () => { throw denied; }, language: 'ru', showErrorBox: vi.fn(), writeError: vi.fn() })).toThrow('EACCES');
  });
});
