/**
 * The wallboard's freshness stamp: the time of the last successful sync in the portal's time zone,
 * and whether the board is live. It never uses the workstation's time zone.
 */
import type { PultEvent } from '../../shared/api';
import { portalDayKey, portalWallClock } from '../../core/domain/portal-time';
import type { Language } from '../i18n';

export type SyncStatus = Extract<PultEvent, { type: 'status' }>['status'];
type Connectivity = SyncStatus['connectivity'];

/** Older than this while "online" still counts as stale (the engine polls every 15 s). */
export const STALE_AFTER_MS = 60_000;

const pad = (n: number) => String(n).padStart(2, '0');

/** "14:32", or "25.11 14:32" (en: "25/11 14:32") when the data is from an earlier portal day than `portalNow`. */
export function formatStampTime(instant: number, portalNow: number, utcOffsetMinutes: number, language: Language): string {
  const wall = portalWallClock(instant, utcOffsetMinutes);
  const time = `${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}`;
  if (portalDayKey(instant, utcOffsetMinutes) === portalDayKey(portalNow, utcOffsetMinutes)) return time;
  return `${pad(wall.getUTCDate())}${language === 'ru' ? '.' : '/'}${pad(wall.getUTCMonth() + 1)} ${time}`;
}

/** "14:32:05" for the big clock. */
export function formatClock(instant: number, utcOffsetMinutes: number): string {
  const wall = portalWallClock(instant, utcOffsetMinutes);
  return `${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}`;
}

export interface Freshness {
  /** The stamp's time; null before the first sync. */
  time: string | null;
  /** True when the portal is not reachable or the last sync is old: the board shows it. */
  stale: boolean;
  /** 'host-down': Pult's own host does not answer (restarting, socket lost). */
  connectivity: Connectivity | 'host-down' | 'unknown';
}

export function freshness(status: SyncStatus | null, portalNow: number, utcOffsetMinutes: number, language: Language, hostReachable = true): Freshness {
  const connectivity = !hostReachable ? 'host-down' : (status?.connectivity ?? 'unknown');
  const last = status?.lastSyncAt ?? null;
  if (last === null) return { time: null, stale: true, connectivity };
  const stale = connectivity !== 'online' || portalNow - last > STALE_AFTER_MS;
  return { time: formatStampTime(last, portalNow, utcOffsetMinutes, language), stale, connectivity };
}

/** How long to wait before the next data fetch so fetches are at least `minIntervalMs` apart. */
export function fetchDelay(lastFetchAt: number | null, now: number, minIntervalMs: number): number {
  if (lastFetchAt === null) return 0;
  return Math.max(0, lastFetchAt + minIntervalMs - now);
}
