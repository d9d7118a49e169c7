/**
 * The console's first calls, sent by the page's small entry script while the browser still loads
 * and compiles the rest of the app: the app info and settings, then (when a portal is set up) the
 * directory, the sync status, the queue and the first page of the first group's board. The store
 * takes each answer once, for the very same call; later calls, and calls after
 * PREFETCH_KEPT_MS, go to the host as usual.
 */
import type { ApiMethod, PultApi } from '../shared/api';

/** Long enough for a slow machine to compile the app; short enough that nothing stale is served later. */
export const PREFETCH_KEPT_MS = 10_000;

type Call = { method: ApiMethod; args: readonly unknown[] };
const callKey = ({ method, args }: Call): string => `${method}:${JSON.stringify(args)}`;

const answers = new Map<string, Promise<unknown>>();

function ask(api: PultApi, call: Call): Promise<unknown> {
  const method = api[call.method] as (...args: readonly unknown[]) => Promise<unknown>;
  const answer = method(...call.args);
  // Whoever takes it handles a failure (by asking again); an answer nobody takes is dropped.
  answer.catch(() => undefined);
  answers.set(callKey(call), answer);
  return answer;
}

/** Sends the boot calls now; their answers wait for the store. */
export function startBootPrefetch(api: PultApi, keptMs = PREFETCH_KEPT_MS): void {
  const info = ask(api, { method: 'getAppInfo', args: [] }) as ReturnType<PultApi['getAppInfo']>;
  const settings = ask(api, { method: 'getSettings', args: [] }) as ReturnType<PultApi['getSettings']>;
  void Promise.all([info, settings]).then(
    ([app, current]) => {
      // The same conditions as the store's boot: nothing else is read before a portal is set up.
      if (app.keychainWait || !app.connection || !app.configured) return;
      // Several groups open on the combined board, which shows every group's board.
      for (const groupId of current.groupIds) ask(api, { method: 'getBoardPage', args: [{ groupId, offset: 0 }] });
      for (const method of ['getDirectory', 'getSyncStatus', 'listQueued'] as const) ask(api, { method, args: [] });
    },
    () => undefined,
  );
  setTimeout(() => answers.clear(), keptMs);
}

/**
 * `api` with the prefetched answers served once each to the same call (method and arguments); a
 * prefetched call that failed is asked again.
 */
export function withBootPrefetch(api: PultApi): PultApi {
  return new Proxy(api, {
    get(target, name) {
      const method = name as ApiMethod;
      const direct = target[method] as (...args: unknown[]) => Promise<unknown>;
      return (...args: unknown[]) => {
        // Once the boot answers are taken (or dropped), calls go straight through.
        if (answers.size === 0) return direct(...args);
        const key = callKey({ method, args });
        const answer = answers.get(key);
        if (!answer) return direct(...args);
        answers.delete(key);
        return answer.catch(() => direct(...args));
      };
    },
  });
}
