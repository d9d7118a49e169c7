import { describe, expect, it } from 'vitest';
import { msUntilNextRotation, rotationIndex } from '../../../../src/renderer/wallboard/rotation';
import { fetchDelay, formatStampTime, freshness } from '../../../../src/renderer/wallboard/freshness';
import type { SyncStatus } from '../../../../src/renderer/wallboard/freshness';

const start = Date.UTC(2026, 2, 10, 9, 0, 0);

describe('rotation schedule', () => {
  it('moves to the next group every period and wraps around', () => {
    expect(rotationIndex(start, start, 30, 3)).toBe(0);
    expect(rotationIndex(start, start + 29_999, 30, 3)).toBe(0);
    expect(rotationIndex(start, start + 30_000, 30, 3)).toBe(1);
    expect(rotationIndex(start, start + 60_000, 30, 3)).toBe(2);
    expect(rotationIndex(start, start + 90_000, 30, 3)).toBe(0);
  });

  it('stays on the only group and never divides by zero', () => {
    expect(rotationIndex(start, start + 1e9, 30, 1)).toBe(0);
    expect(rotationIndex(start, start + 1e9, 30, 0)).toBe(0);
  });

  it('never rotates faster than every 5 s, whatever the setting says', () => {
    expect(rotationIndex(start, start + 4_000, 1, 2)).toBe(0);
    expect(rotationIndex(start, start + 5_000, 1, 2)).toBe(1);
  });

  it('says how long until the next group', () => {
    expect(msUntilNextRotation(start, start + 12_000, 30)).toBe(18_000);
    expect(msUntilNextRotation(start, start + 30_000, 30)).toBe(30_000);
  });
});

describe('freshness stamp', () => {
  const moscow = 180;
  // 11:32 UTC = 14:32 in Moscow; the process time zone must not matter.
  const synced = Date.UTC(2026, 2, 10, 11, 32, 40);

  it('shows the time of the data in the portal time zone', () => {
    expect(formatStampTime(synced, synced + 60_000, moscow, 'ru')).toBe('14:32');
    expect(formatStampTime(synced, synced, -300, 'ru')).toBe('06:32');
  });

  it('adds the date once the data is from an earlier portal day', () => {
    // 21:30 UTC is already the next day in Moscow.
    expect(formatStampTime(synced, Date.UTC(2026, 2, 10, 21, 30), moscow, 'ru')).toBe('10.03 14:32');
    expect(formatStampTime(synced, Date.UTC(2026, 2, 10, 21, 30), moscow, 'en')).toBe('10/03 14:32');
    expect(formatStampTime(synced, Date.UTC(2026, 2, 10, 20, 30), moscow, 'ru')).toBe('14:32');
  });

  const status = (over: Partial<SyncStatus>): SyncStatus => ({
    connectivity: 'online',
    queued: 0,
    failed: 0,
    conflicts: 0,
    lastSyncAt: synced,
    firstSync: null,
    lastError: null,
    ...over,
  });

  it('is live while the portal answers and the last sync is recent', () => {
    expect(freshness(status({}), synced + 20_000, moscow, 'ru')).toEqual({ time: '14:32', stale: false, connectivity: 'online' });
  });

  it('keeps the time of the last good data and turns stale when the portal is unreachable', () => {
    const later = synced + 3 * 3_600_000;
    expect(freshness(status({ connectivity: 'portal-unreachable' }), later, moscow, 'ru')).toEqual({ time: '14:32', stale: true, connectivity: 'portal-unreachable' });
  });

  it('turns stale when Pult itself does not answer, or the data is old', () => {
    expect(freshness(status({}), synced + 10_000, moscow, 'ru', false)).toMatchObject({ stale: true, connectivity: 'host-down', time: '14:32' });
    expect(freshness(status({}), synced + 5 * 60_000, moscow, 'ru').stale).toBe(true);
  });

  it('has no time before the first sync', () => {
    expect(freshness(status({ lastSyncAt: null }), synced, moscow, 'ru')).toMatchObject({ time: null, stale: true });
    expect(freshness(null, synced, moscow, 'ru')).toMatchObject({ time: null, connectivity: 'unknown' });
  });

  it('spaces fetches at least the minimum interval apart', () => {
    expect(fetchDelay(null, 1_000, 10_000)).toBe(0);
    expect(fetchDelay(1_000, 4_000, 10_000)).toBe(7_000);
    expect(fetchDelay(1_000, 30_000, 10_000)).toBe(0);
  });
});
