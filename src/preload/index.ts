/**
 * Exposes exactly PultBridge: one function per API method, no generic send/invoke (sandboxed,
 * context-isolated; built as CommonJS because a sandboxed preload cannot be ESM).
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { ApiMethod, ApiResult, PultBridge } from '../shared/api';

function invoke<T>(method: ApiMethod, ...args: unknown[]): Promise<ApiResult<T>> {
  return ipcRenderer.invoke(`pult:${method}`, ...args) as Promise<ApiResult<T>>;
}

const bridge: PultBridge = {
  getAppInfo: () => invoke('getAppInfo'),
  listGroups: () => invoke('listGroups'),
};

contextBridge.exposeInMainWorld('pult', bridge);
