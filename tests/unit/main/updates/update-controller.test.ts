import { describe, expect, it, vi } from 'vitest';
import { CHECK_INTERVAL_MS, createUpdateController, FIRST_CHECK_DELAY_MS, type Log, type UpdateState } from '../../../../src/main/updates/update-controller';
import type { UpdateAvailability } from '../../../../src/main/updates/update-availability';
import { FakeTimers, FakeUpdater, settle } from './fake-updater';

function setUp(availability: UpdateAvailability = { on: true, url: 'https://updates.corp.local/pult/' }) {
  const updater = new FakeUpdater();
  const timers = new FakeTimers();
  const logged: Parameters<Log>[] = [];
  const asked = vi.fn(() => updater);
  const prepareToQuit = vi.fn();
  const controller = createUpdateController({
    availability,
    updater: asked,
    log: (...entry) => void logged.push(entry),
    timers,
    now: () => timers.now,
    prepareToQuit,
  });
  const states: UpdateState[] = [];
  controller.onChange((state) => states.push(state));
  return { updater, timers, logged, asked, prepareToQuit, controller, states };
}

const warnings = (logged: Parameters<Log>[]) => logged.filter(([level]) => level === 'warn');

describe('update controller', () => {
  it('no address: never asks for the updater, never checks, and says why', async () => {
    const { controller, asked, timers, logged } = setUp({ on: false, reason: 'no-address' });
    controller.start();
    await timers.advance(3 * CHECK_INTERVAL_MS);
    expect(asked).not.toHaveBeenCalled();
    expect(timers.count).toBe(0);
    expect(controller.getState()).toEqual({ kind: 'off', reason: 'no-address' });
    expect(logged).toEqual([['info', 'updates are off: no-address', undefined]]);
  });

  it('an invalid address: off with the reason logged, nothing thrown', () => {
    const { controller, asked, logged } = setUp({ on: false, reason: 'invalid-address', detail: '/etc/pult/policy.json: the policy file is not valid JSON' });
    expect(() => controller.start()).not.toThrow();
    expect(asked).not.toHaveBeenCalled();
    expect(controller.getState()).toEqual({ kind: 'off', reason: 'invalid-address' });
    expect(logged).toEqual([['info', 'updates are off: invalid-address', { detail: '/etc/pult/policy.json: the policy file is not valid JSON' }]]);
  });

  it('not packaged: off, the updater is never built', () => {
    const { controller, asked } = setUp({ on: false, reason: 'development' });
    controller.start();
    expect(asked).not.toHaveBeenCalled();
    expect(controller.getState()).toEqual({ kind: 'off', reason: 'development' });
  });

  it('points electron-updater at the generic address, downloads automatically and installs on quit', () => {
    const { controller, updater } = setUp();
    controller.start();
    expect(updater.feeds).toEqual([{ provider: 'generic', url: 'https://updates.corp.local/pult/' }]);
    expect(updater.autoDownload).toBe(true);
    expect(updater.autoInstallOnAppQuit).toBe(true);
    expect(updater.logger).not.toBeNull();
  });

  it('checks a little after start, not at once, then every interval', async () => {
    const { controller, updater, timers } = setUp();
    updater.findsNothingNew('0.1.0');
    controller.start();
    expect(updater.checks).toBe(0);
    await timers.advance(FIRST_CHECK_DELAY_MS - 1);
    expect(updater.checks).toBe(0);
    await timers.advance(1);
    expect(updater.checks).toBe(1);
    expect(controller.getState()).toEqual({ kind: 'up-to-date', checkedAt: FIRST_CHECK_DELAY_MS });
    await timers.advance(CHECK_INTERVAL_MS);
    expect(updater.checks).toBe(2);
    await timers.advance(CHECK_INTERVAL_MS);
    expect(updater.checks).toBe(3);
  });

  it('a found update goes downloading → ready, and stays ready through later checks', async () => {
    const { controller, updater, timers, states } = setUp();
    updater.finds('1.2.0');
    controller.start();
    await timers.advance(FIRST_CHECK_DELAY_MS);
    expect(states.map((s) => s.kind)).toEqual(['checking', 'downloading', 'ready']);
    expect(controller.getState()).toEqual({ kind: 'ready', version: '1.2.0' });
    updater.fails(new Error('net::ERR_INTERNET_DISCONNECTED'));
    await timers.advance(CHECK_INTERVAL_MS);
    expect(controller.getState()).toEqual({ kind: 'ready', version: '1.2.0' });
  });

  it('a failed check is logged once, shows "failed", and the next interval tries again', async () => {
    const { controller, updater, timers, logged } = setUp();
    const notFound = Object.assign(new Error('Cannot find latest-linux.yml in the latest release artifacts: HttpError: 404'), { code: 'ERR_UPDATER_CHANNEL_FILE_NOT_FOUND' });
    updater.fails(notFound);
    controller.start();
    await timers.advance(FIRST_CHECK_DELAY_MS);
    expect(controller.getState()).toEqual({ kind: 'failed', at: FIRST_CHECK_DELAY_MS, error: notFound.message });
    // The event and the rejection are one failure: one line in the log.
    expect(warnings(logged)).toEqual([['warn', 'update check failed; trying again at the next interval', { error: notFound.message, code: 'ERR_UPDATER_CHANNEL_FILE_NOT_FOUND' }]]);
    expect(updater.checks).toBe(1);
    updater.findsNothingNew('0.1.0');
    await timers.advance(CHECK_INTERVAL_MS);
    expect(updater.checks).toBe(2);
    expect(controller.getState().kind).toBe('up-to-date');
  });

  it('a failed download (a checksum or signature mismatch) is handled, not an unhandled rejection', async () => {
    const { controller, updater, timers, logged } = setUp();
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    try {
      updater.finds('1.2.0', new Error('sha512 checksum mismatch, expected abc, got def'));
      controller.start();
      await timers.advance(FIRST_CHECK_DELAY_MS);
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(controller.getState()).toMatchObject({ kind: 'failed', error: 'sha512 checksum mismatch, expected abc, got def' });
      expect(warnings(logged)).toHaveLength(1);
      expect(unhandled).not.toHaveBeenCalled();
    } finally {
      process.off('unhandledRejection', unhandled);
    }
  });

  it('"Restart to update" lets the windows close, then installs silently and runs Pult again', async () => {
    const { controller, updater, timers, prepareToQuit } = setUp();
    controller.start();
    controller.restartAndInstall();
    expect(updater.installs).toEqual([]);
    updater.finds('1.2.0');
    await timers.advance(FIRST_CHECK_DELAY_MS);
    const order: string[] = [];
    prepareToQuit.mockImplementation(() => order.push('prepare'));
    vi.spyOn(updater, 'quitAndInstall').mockImplementation(() => void order.push('install'));
    controller.restartAndInstall();
    expect(order).toEqual(['prepare', 'install']);
    expect(updater.quitAndInstall).toHaveBeenCalledWith(true, true);
  });

  it('dispose clears the timer and its listeners; a check in flight does not schedule another', async () => {
    const { controller, updater, timers } = setUp();
    let finish: () => void = () => undefined;
    vi.spyOn(updater, 'checkForUpdates').mockImplementation(() => new Promise((resolve) => (finish = () => resolve(null))));
    controller.start();
    expect(timers.count).toBe(1);
    expect(updater.listenerCount()).toBeGreaterThan(0);
    await timers.advance(FIRST_CHECK_DELAY_MS);
    controller.dispose();
    finish();
    await settle();
    expect(timers.count).toBe(0);
    expect(updater.listenerCount()).toBe(0);

    const second = setUp();
    second.controller.start();
    second.controller.dispose();
    expect(second.timers.count).toBe(0);
  });
});
