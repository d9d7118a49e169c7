/**
 * What the engine learns from the portal and a restart without the portal still needs: who the
 * user is, the portal's clock offset and time zone, and when it last synced. Kept in the store
 * (one cursor, JSON), so that an offline start shows the right times, the user's own cards and
 * "synced at …" rather than "not synced yet".
 */
import type { Identity } from './portal-port';
import type { SyncStore } from './store';

export interface PortalFacts {
  identity: Identity | null;
  /** Portal clock minus this workstation's, ms. */
  clockOffsetMs: number;
  /** The portal's UTC offset (its time zone), minutes; null until server.time has answered once. */
  utcOffsetMinutes: number | null;
  /** Portal time of the last cycle that pulled, ms. */
  lastSyncAt: number | null;
}

export const PORTAL_FACTS_CURSOR = 'portal:facts';

const NONE: PortalFacts = { identity: null, clockOffsetMs: 0, utcOffsetMinutes: null, lastSyncAt: null };

const finiteOrNull = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

/** The facts saved last time; what is missing or malformed reads as not known. */
export function readPortalFacts(store: Pick<SyncStore, 'getCursor'>): PortalFacts {
  const text = store.getCursor(PORTAL_FACTS_CURSOR);
  if (!text) return NONE;
  let saved: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(text);
    if (!parsed || typeof parsed !== 'object') return NONE;
    saved = parsed as Record<string, unknown>;
  } catch {
    return NONE;
  }
  const who = saved.identity as Record<string, unknown> | null | undefined;
  const identity = who && typeof who.userId === 'string' && who.userId !== '' && typeof who.isAdmin === 'boolean' ? { userId: who.userId, isAdmin: who.isAdmin } : null;
  return {
    identity,
    clockOffsetMs: finiteOrNull(saved.clockOffsetMs) ?? 0,
    utcOffsetMinutes: finiteOrNull(saved.utcOffsetMinutes),
    lastSyncAt: finiteOrNull(saved.lastSyncAt),
  };
}

export function writePortalFacts(store: Pick<SyncStore, 'setCursor'>, facts: PortalFacts): void {
  store.setCursor(PORTAL_FACTS_CURSOR, JSON.stringify(facts));
}
