/** A dead renderer is reloaded a few times, then left with its owner told. */
import { describe, expect, it, vi } from 'vitest';
import { crashReloadGuard, reloadOnRendererCrash, type RecoverableWindow, type RendererGoneDetails } from '../../../src/main/renderer-recovery';

function fakeWindow() {
  let gone: ((event: unknown, details: RendererGoneDetails) => void) | null = null;
  const window = {
    destroyed: false,
    reloads: 0,
    webContents: {
      on: (_event: 'render-process-gone', listener: (event: unknown, details: RendererGoneDetails) => void) => void (gone = listener),
      reload: () => void (window.reloads += 1),
    },
    isDestroyed: () => window.destroyed,
    die: (reason: RendererGoneDetails['reason'] = 'crashed') => gone?.({}, { reason, exitCode: 139 }),
  };
  return window satisfies RecoverableWindow;
}

describe('crashReloadGuard', () => {
  it('allows 3 reloads in 5 minutes, then one more once the oldest is 5 minutes old', () => {
    let now = 0;
    const guard = crashReloadGuard(3, 300_000, () => now);
    const at = (ms: number) => ((now = ms), guard.allow());
    expect([at(0), at(100_000), at(200_000), at(200_001)]).toEqual([true, true, true, false]);
    now = 299_999;
    expect(guard.allow()).toBe(false);
    now = 300_000;
    expect(guard.allow()).toBe(true);
    expect(guard.allow()).toBe(false);
  });
});

describe('reloadOnRendererCrash', () => {
  it('logs the reason and reloads; after the limit it gives up once per crash and tells the owner', () => {
    let now = 1_000;
    const window = fakeWindow();
    const log = vi.fn();
    const onGiveUp = vi.fn();
    reloadOnRendererCrash(window, { name: 'console', log, onGiveUp, now: () => now });
    window.die('oom');
    expect(window.reloads).toBe(1);
    expect(log).toHaveBeenCalledWith('warn', 'the renderer is gone; reloading the page', { window: 'console', reason: 'oom', exitCode: 139 });
    window.die();
    window.die();
    expect(window.reloads).toBe(3);
    expect(onGiveUp).not.toHaveBeenCalled();
    window.die('crashed');
    expect(window.reloads).toBe(3);
    expect(onGiveUp).toHaveBeenCalledWith({ reason: 'crashed', exitCode: 139 });
    expect(log).toHaveBeenLastCalledWith('error', expect.stringMatching(/keeps dying/), expect.objectContaining({ window: 'console' }));
    // Quiet for 5 minutes: a new crash is reloaded again.
    now += 300_000;
    window.die();
    expect(window.reloads).toBe(4);
  });

  it('a destroyed window is left alone', () => {
    const window = fakeWindow();
    reloadOnRendererCrash(window, { name: 'console', log: vi.fn() });
    window.destroyed = true;
    window.die();
    expect(window.reloads).toBe(0);
  });
});
