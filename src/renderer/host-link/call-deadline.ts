/**
 * How long the renderer waits for the host's answer to one call. A host that never answers (a hung
 * worker, a message lost on the socket) must not leave a button spinning for ever: the call ends
 * with an error the user can read, and the UI can try again.
 */
import type { ApiMethod, ApiResult } from '../../shared/api';

/** Most calls read the local store: two minutes is generous even for a 21,000-task portal. */
export const DEFAULT_CALL_DEADLINE_MS = 120_000;
/** Calls that talk to the portal in turn (setup, a sync cycle, the first read of a new connection). */
export const PORTAL_CALL_DEADLINE_MS = 600_000;

const portalCalls: ReadonlySet<ApiMethod> = new Set<ApiMethod>([
  'connectWebhook',
  'connectDemo',
  'proposeSetup',
  'createServiceDeskFields',
  'completeSetup',
  'retryRestore',
  'syncNow',
  'getReports',
]);

/** `null`: no deadline — the OAuth sign-in waits for the user in the browser and has its own cancel. */
export function deadlineOf(method: ApiMethod): number | null {
  if (method === 'connectOAuth') return null;
  return portalCalls.has(method) ? PORTAL_CALL_DEADLINE_MS : DEFAULT_CALL_DEADLINE_MS;
}

export interface DeadlineTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** The call's own answer, or `late()` once `ms` have passed without one. */
export function withDeadline<T>(call: Promise<ApiResult<T>>, ms: number | null, late: () => ApiResult<T>, timers: DeadlineTimers): Promise<ApiResult<T>> {
  if (ms === null) return call;
  return new Promise((resolve) => {
    const timer = timers.setTimeout(() => resolve(late()), ms);
    void call.then(
      (result) => {
        timers.clearTimeout(timer);
        resolve(result);
      },
      (error: unknown) => {
        timers.clearTimeout(timer);
        resolve({ ok: false, error: { code: 'internal', message: error instanceof Error ? error.message : String(error) } });
      },
    );
  });
}
