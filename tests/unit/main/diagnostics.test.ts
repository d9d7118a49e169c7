/** Local crash dumps, the log folder, and the console's dialog when its page keeps dying. */
import { describe, expect, it, vi } from 'vitest';
import { explainConsoleCrashes, openLogFolder, startLocalCrashReporter, type MessageBoxLike } from '../../../src/main/diagnostics';

describe('diagnostics', () => {
  it('crash reports stay local: nothing is uploaded', () => {
    const crashReporter = { start: vi.fn() };
    startLocalCrashReporter(crashReporter);
    expect(crashReporter.start).toHaveBeenCalledWith({ uploadToServer: false });
  });

  it('opens the log folder, and logs when the system cannot', async () => {
    const log = vi.fn();
    await openLogFolder({ openPath: async () => '' }, '/home/anna/.config/Pult/logs', log);
    expect(log).not.toHaveBeenCalled();
    await openLogFolder({ openPath: async () => 'Failed to open path' }, '/nowhere', log);
    expect(log).toHaveBeenCalledWith('could not open the log folder', { dir: '/nowhere', problem: 'Failed to open path' });
  });

  it.each([
    ['ru', 0, 'reload', 'Консоль Pult не открывается', ['Перезагрузить', 'Открыть папку журналов', 'Закрыть']],
    ['en', 1, 'openLogFolder', 'The Pult console does not open', ['Reload', 'Open log folder', 'Close']],
    ['en', 2, null, 'The Pult console does not open', ['Reload', 'Open log folder', 'Close']],
  ] as const)('%s: answer %i does %s', async (language, response, action, title, buttons) => {
    const shown: Electron.MessageBoxOptions[] = [];
    const dialog: MessageBoxLike = { showMessageBox: async (options) => (shown.push(options), { response }) };
    const actions = { reload: vi.fn(), openLogFolder: vi.fn() };
    await explainConsoleCrashes(dialog, language, '/data/Pult/logs', actions);
    expect(shown[0]).toMatchObject({ type: 'error', title, buttons, cancelId: 2 });
    expect(shown[0]!.detail).toContain('/data/Pult/logs');
    expect(actions.reload).toHaveBeenCalledTimes(action === 'reload' ? 1 : 0);
    expect(actions.openLogFolder).toHaveBeenCalledTimes(action === 'openLogFolder' ? 1 : 0);
  });
});
