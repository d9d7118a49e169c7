import { describe, expect, it, vi } from 'vitest';
import { pageRelay, registerApiHandlers, type IpcEventLike } from '../../../src/main/ipc';
import { createTrustedUrlCheck, cspHeaders, hardenWebContents, isExternalLinkAllowed, secureWebPreferences } from '../../../src/main/security';
import type { PultApi } from '../../../src/shared/api';
import { fakeApi } from '../../support/fake-api';
import { API_METHOD_NAMES } from '../../../src/node/api-dispatch';
import { inProcessWire } from '../../../src/node/wire';

/** A stand-in for Electron's ipcMain: the real one cannot run here. */
function fakeIpcMain() {
  const handlers = new Map<string, (event: IpcEventLike, ...args: unknown[]) => Promise<unknown>>();
  return {
    handlers,
    handle: (channel: string, listener: (event: IpcEventLike, ...args: unknown[]) => Promise<unknown>) => void handlers.set(channel, listener),
    removeHandler: (channel: string) => void handlers.delete(channel),
  };
}

const api: PultApi = fakeApi({
  getAppInfo: async () => ({ version: '1', shell: 'electron', connection: null, configured: false, canSignInInApp: false, notifications: false, keychainWait: null, secrets: { kind: 'keychain', keychainProblem: null, canUseMemory: false }, oauthRedirectUri: 'http://127.0.0.1:45678/oauth/callback' }),
  listGroups: async () => [{ id: '1', name: 'SD', closed: true, membersCount: 3 }],
});
const service = inProcessWire({ ...api, onEvent: () => () => undefined });
const rendererUrl = 'file:///opt/pult/out/renderer/index.html';

describe('registerApiHandlers', () => {
  it('registers one channel per API method and no generic channel', () => {
    const ipc = fakeIpcMain();
    registerApiHandlers(ipc, service, createTrustedUrlCheck(rendererUrl));
    expect([...ipc.handlers.keys()].sort()).toEqual(API_METHOD_NAMES.map((m) => `pult:${m}`).sort());
    expect(ipc.handlers.size).toBeGreaterThan(20);
  });

  it('answers our renderer and refuses other frames', async () => {
    const ipc = fakeIpcMain();
    registerApiHandlers(ipc, service, createTrustedUrlCheck(rendererUrl));
    const handler = ipc.handlers.get('pult:listGroups')!;
    const answer = async (...args: Parameters<typeof handler>) => JSON.parse((await handler(...args)) as string) as unknown;
    expect(await answer({ senderFrame: { url: rendererUrl } })).toMatchObject({ ok: true, value: [{ id: '1', name: 'SD' }] });
    expect(await answer({ senderFrame: { url: 'https://evil.example/' } })).toMatchObject({ ok: false, error: { code: 'denied' } });
    expect(await answer({ senderFrame: null })).toMatchObject({ ok: false, error: { code: 'denied' } });
  });

  it('validates arguments from the renderer', async () => {
    const ipc = fakeIpcMain();
    registerApiHandlers(ipc, service, createTrustedUrlCheck(rendererUrl));
    const handler = ipc.handlers.get('pult:getAppInfo')!;
    expect(JSON.parse((await handler({ senderFrame: { url: rendererUrl } }, { evil: true })) as string)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('a page’s own visibility report stops at main (it judges visibility from every window); other calls pass', async () => {
    const reached: unknown[] = [];
    const recording = { ...service, call: (method: unknown, args: unknown) => (reached.push(method), service.call(method, args)) };
    const ipc = fakeIpcMain();
    registerApiHandlers(ipc, pageRelay(recording), createTrustedUrlCheck(rendererUrl));
    const fromPage = async (method: string, ...args: unknown[]) => JSON.parse((await ipc.handlers.get(`pult:${method}`)!({ senderFrame: { url: rendererUrl } }, ...args)) as string) as unknown;
    // A console hidden behind the wallboard says so; the host must not hear it.
    expect(await fromPage('setVisible', false)).toEqual({ ok: true, value: null });
    expect(await fromPage('listGroups')).toMatchObject({ ok: true, value: [{ id: '1' }] });
    expect(reached).toEqual(['listGroups']);
  });

  it('logs a call that fails inside its handler and answers an internal error; logs refused frames', async () => {
    const ipc = fakeIpcMain();
    const log = vi.fn();
    const broken = { ...service, call: async () => Promise.reject(new Error('worker gone')) };
    registerApiHandlers(ipc, broken, createTrustedUrlCheck(rendererUrl), log);
    const handler = ipc.handlers.get('pult:listGroups')!;
    expect(JSON.parse((await handler({ senderFrame: { url: rendererUrl } })) as string)).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(log).toHaveBeenCalledWith('error', 'an API call failed in its IPC handler', { method: 'listGroups', error: expect.objectContaining({ message: 'worker gone' }) });
    await handler({ senderFrame: { url: 'https://evil.example/' } });
    expect(log).toHaveBeenLastCalledWith('warn', expect.stringMatching(/untrusted frame/), { method: 'listGroups', url: 'https://evil.example/' });
  });

  it('unregisters every handler', () => {
    const ipc = fakeIpcMain();
    const dispose = registerApiHandlers(ipc, service, createTrustedUrlCheck(rendererUrl));
    dispose();
    expect(ipc.handlers.size).toBe(0);
  });
});

describe('window security', () => {
  it('isolates and sandboxes every window', () => {
    expect(secureWebPreferences('/p.cjs')).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
  });

  it('spell-checks only where asked (the console), keeping the rest as strict', () => {
    expect(secureWebPreferences('/p.cjs').spellcheck).toBe(false);
    expect(secureWebPreferences('/p.cjs', { spellcheck: true })).toMatchObject({ spellcheck: true, contextIsolation: true, sandbox: true, nodeIntegration: false });
  });

  it('trusts only our renderer file or dev origin', () => {
    const file = createTrustedUrlCheck(rendererUrl);
    expect(file(rendererUrl)).toBe(true);
    expect(file('file:///etc/passwd')).toBe(false);
    const dev = createTrustedUrlCheck('http://localhost:5173/');
    expect(dev('http://localhost:5173/index.html')).toBe(true);
    expect(dev('http://localhost:5174/')).toBe(false);
  });

  it('denies new windows and navigation; web links go to the system browser', () => {
    const listeners = new Map<string, (event: { preventDefault(): void }, url?: string) => void>();
    let openHandler: ((d: { url: string }) => { action: string }) | undefined;
    const contents = {
      setWindowOpenHandler: (h: typeof openHandler) => void (openHandler = h),
      on: (name: string, l: (event: { preventDefault(): void }, url?: string) => void) => void listeners.set(name, l),
    };
    const openExternal = vi.fn();
    hardenWebContents(contents as never, createTrustedUrlCheck(rendererUrl), openExternal);

    expect(openHandler!({ url: 'https://portal.example/task/1' })).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledWith('https://portal.example/task/1');
    expect(openHandler!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledTimes(1);

    const prevent = vi.fn();
    listeners.get('will-navigate')!({ preventDefault: prevent }, 'https://evil.example/');
    expect(prevent).toHaveBeenCalledTimes(1);
    listeners.get('will-navigate')!({ preventDefault: prevent }, rendererUrl);
    expect(prevent).toHaveBeenCalledTimes(1);
    const preventWebview = vi.fn();
    listeners.get('will-attach-webview')!({ preventDefault: preventWebview });
    expect(preventWebview).toHaveBeenCalled();
  });

  it('allows only web and mail links outside', () => {
    expect(isExternalLinkAllowed('https://a.b')).toBe(true);
    expect(isExternalLinkAllowed('javascript:alert(1)')).toBe(false);
    expect(isExternalLinkAllowed('file:///x')).toBe(false);
    expect(isExternalLinkAllowed('not a url')).toBe(false);
  });

  it('sets the strict CSP on every response', () => {
    const headers = cspHeaders({ 'X-Other': 'a', 'Content-Security-Policy': "default-src *" });
    expect(headers['X-Other']).toEqual(['a']);
    expect(headers['Content-Security-Policy']![0]).toContain("default-src 'self'");
  });
});
