import { describe, expect, it, vi } from 'vitest';
import { runLifecycle } from '../../../src/main/lifecycle';

function deferred() {
  let resolve!: () => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('app lifecycle', () => {
  it('a second launch during the start shows the console once the start is done, not before', async () => {
    const start = deferred();
    const showConsole = vi.fn();
    const life = runLifecycle({ whenReady: Promise.resolve(), start: () => start.promise, showConsole, fail: vi.fn() });
    life.askedToShow();
    await Promise.resolve();
    expect(showConsole).not.toHaveBeenCalled();
    start.resolve();
    await life.started;
    expect(showConsole).toHaveBeenCalledTimes(1);
    life.askedToShow();
    expect(showConsole).toHaveBeenCalledTimes(2);
  });

  it('nothing is shown at the end of a start nobody asked to show', async () => {
    const showConsole = vi.fn();
    const life = runLifecycle({ whenReady: Promise.resolve(), start: async () => undefined, showConsole, fail: vi.fn() });
    await life.started;
    expect(showConsole).not.toHaveBeenCalled();
  });

  it('a failed start is told and ends the process (fail quits), and later launches do not show a console that never was', async () => {
    const showConsole = vi.fn();
    const fail = vi.fn();
    const life = runLifecycle({ whenReady: Promise.resolve(), start: async () => Promise.reject(new Error('keychain exploded')), showConsole, fail });
    life.askedToShow();
    await life.started;
    expect(fail).toHaveBeenCalledWith(expect.objectContaining({ message: 'keychain exploded' }));
    life.askedToShow();
    expect(showConsole).not.toHaveBeenCalled();
  });
});
