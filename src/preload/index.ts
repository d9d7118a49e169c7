/**
 * Exposes exactly PultBridge: one function per API method, no generic send/invoke (sandboxed,
 * context-isolated; built as CommonJS because a sandboxed preload cannot be ESM).
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { ApiMethod, ApiResult, PultBridge } from '../shared/api';
import { createEventRelay } from './event-relay';

const events = createEventRelay();
ipcRenderer.on('pult:event', (_event: IpcRendererEvent, payload: string) => events.receive(payload));

/** Main relays the host's JSON text as it is (it never parses a board); it is parsed here. */
async function invoke<T>(method: ApiMethod, ...args: unknown[]): Promise<ApiResult<T>> {
  return JSON.parse((await ipcRenderer.invoke(`pult:${method}`, ...args)) as string) as ApiResult<T>;
}

const bridge: PultBridge = {
  getAppInfo: () => invoke('getAppInfo'),
  connectWebhook: (request) => invoke('connectWebhook', request),
  connectOAuth: (request) => invoke('connectOAuth', request),
  connectDemo: () => invoke('connectDemo'),
  proposeSetup: (groupIds) => invoke('proposeSetup', groupIds),
  createServiceDeskFields: (fields) => invoke('createServiceDeskFields', fields),
  completeSetup: (setup) => invoke('completeSetup', setup),
  signOut: () => invoke('signOut'),
  retryRestore: () => invoke('retryRestore'),
  keepSecretsInMemory: () => invoke('keepSecretsInMemory'),
  listGroups: () => invoke('listGroups'),
  getBoard: (groupId) => invoke('getBoard', groupId),
  getBoardPage: (request) => invoke('getBoardPage', request),
  getDirectory: () => invoke('getDirectory'),
  getTaskDetails: (taskId) => invoke('getTaskDetails', taskId),
  suggestAssignee: (target) => invoke('suggestAssignee', target),
  getTaskFiles: (taskId) => invoke('getTaskFiles', taskId),
  readTaskFile: (taskId, attachmentId) => invoke('readTaskFile', taskId, attachmentId),
  stageFile: (name, base64, appendTo) => (appendTo === undefined ? invoke('stageFile', name, base64) : invoke('stageFile', name, base64, appendTo)),
  enqueue: (payload) => invoke('enqueue', payload),
  listQueued: () => invoke('listQueued'),
  retryEdit: (seq) => invoke('retryEdit', seq),
  discardEdit: (seq) => invoke('discardEdit', seq),
  resolveConflict: (seq, choice) => invoke('resolveConflict', seq, choice),
  getSyncStatus: () => invoke('getSyncStatus'),
  syncNow: () => invoke('syncNow'),
  cancelSignIn: () => invoke('cancelSignIn'),
  setVisible: (visible) => invoke('setVisible', visible),
  getReports: (request) => invoke('getReports', request),
  getSettings: () => invoke('getSettings'),
  saveSettings: (settings) => invoke('saveSettings', settings),
  importSettings: (json) => invoke('importSettings', json),
  exportSettings: () => invoke('exportSettings'),
  snoozeTask: (taskId, choice) => invoke('snoozeTask', taskId, choice),
  openInPortal: (taskId) => invoke('openInPortal', taskId),
  onEvent: (listener) => events.subscribe(listener),
};

contextBridge.exposeInMainWorld('pult', bridge);
