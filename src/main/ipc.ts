import type { PultApi } from '../shared/api';
import { API_METHOD_NAMES, dispatchApiCall } from '../node/api-dispatch';

/** The slice of Electron's ipcMain this module uses (so tests can pass a fake). */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcEventLike, ...args: unknown[]) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}
export interface IpcEventLike {
  senderFrame: { url: string } | null;
}

/**
 * One validated handler per API method. Calls from any frame other than our own renderer
 * (e.g. a navigated-away or injected frame) are refused before the arguments are looked at.
 */
export function registerApiHandlers(ipcMain: IpcMainLike, service: PultApi, isTrustedUrl: (url: string) => boolean): () => void {
  for (const method of API_METHOD_NAMES) {
    ipcMain.handle(`pult:${method}`, async (event, ...args) => {
      const url = event.senderFrame?.url ?? '';
      if (!isTrustedUrl(url)) {
        return { ok: false, error: { code: 'denied', message: 'Call from an untrusted frame' } };
      }
      return dispatchApiCall(service, method, args);
    });
  }
  return () => {
    for (const method of API_METHOD_NAMES) ipcMain.removeHandler(`pult:${method}`);
  };
}
