import type { ApiResult } from '../shared/api';
import { API_METHOD_NAMES } from '../node/api-dispatch';
import { OK_NO_VALUE, type WireService } from '../node/wire';

/** The slice of Electron's ipcMain this module uses (so tests can pass a fake). */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcEventLike, ...args: unknown[]) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}
export interface IpcEventLike {
  senderFrame: { url: string } | null;
}

const UNTRUSTED: ApiResult<never> = { ok: false, error: { code: 'denied', message: 'Call from an untrusted frame' } };
const FAILED: ApiResult<never> = { ok: false, error: { code: 'internal', message: 'Pult could not pass the call on to its host' } };

export type IpcLog = (level: 'warn' | 'error', message: string, data: Record<string, unknown>) => void;

/**
 * One handler per API method; the host's worker validates the arguments. Calls from any frame
 * other than our own renderer (e.g. a navigated-away or injected frame) are refused before the
 * arguments are looked at. Answers are the result's JSON text, which the preload parses, so
 * this thread never clones a board object. An error inside a handler (Electron's ipcMain has no
 * error hook of its own) is logged and answered as an internal error.
 */
export function registerApiHandlers(ipcMain: IpcMainLike, wire: WireService, isTrustedUrl: (url: string) => boolean, log: IpcLog = () => undefined): () => void {
  for (const method of API_METHOD_NAMES) {
    ipcMain.handle(`pult:${method}`, async (event, ...args) => {
      const url = event.senderFrame?.url ?? '';
      if (!isTrustedUrl(url)) {
        log('warn', 'refused an API call from an untrusted frame', { method, url });
        return JSON.stringify(UNTRUSTED);
      }
      try {
        return await wire.call(method, args);
      } catch (error) {
        log('error', 'an API call failed in its IPC handler', { method, error });
        return JSON.stringify(FAILED);
      }
    });
  }
  return () => {
    for (const method of API_METHOD_NAMES) ipcMain.removeHandler(`pult:${method}`);
  };
}

/**
 * What main relays from its pages. Visibility is main's to judge (it sees every window): a page's
 * own `setVisible` is answered here and never reaches the host, or a hidden console would slow
 * the sync while the wallboard is on screen.
 */
export function pageRelay(wire: WireService): WireService {
  return { ...wire, call: (method, args) => (method === 'setVisible' ? Promise.resolve(OK_NO_VALUE) : wire.call(method, args)) };
}
