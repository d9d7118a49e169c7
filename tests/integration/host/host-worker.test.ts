/**
 * The host in its own worker thread, as Electron main and browser mode run it: calls and events
 * cross as JSON text, the thread that serves windows stays free, and a dead worker comes back
 * with its connection.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { waitFor } from '../../support/wait-for';
import { mkdtempSync } from 'node:fs';
import { X509Certificate } from 'node:crypto';
import https from 'node:https';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import { startEmulator, type EmulatorHandle } from '../../../src/bitrix-emulator/index';
import { startHostWorker, HostCallError, type HostWorkerClient } from '../../../src/node/host-worker/client';
import type { HostWorkerConfig, SignInWindowOutcome } from '../../../src/node/host-worker/protocol';
import type { ApiResult, BoardSnapshot, PultEvent } from '../../../src/shared/api';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function portal(): Promise<EmulatorHandle> {
  const emulator = await startEmulator({ port: 0, seed: 5, tasks: 120, profile: 'box' });
  cleanups.push(() => emulator.close());
  return emulator;
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
  });
}

/** The portal's login form posted as a browser would, trusting only `ca`; resolves to the redirect. */
function logIn(url: string, user: { login: string; password: string }, ca: readonly string[]): Promise<string> {
  const body = new URLSearchParams({ AUTH_FORM: 'Y', TYPE: 'AUTH', USER_LOGIN: user.login, USER_PASSWORD: user.password }).toString();
  return new Promise((resolve, reject) => {
    const req = https.request(url, { method: 'POST', ca: [...ca], headers: { 'Content-Type': 'application/x-www-form-urlencoded' } }, (res) => {
      res.resume();
      resolve(String(res.headers.location));
    });
    req.on('error', reject);
    req.end(body);
  });
}

function config(extra: Partial<HostWorkerConfig> = {}): HostWorkerConfig {
  return { version: 'test', shell: 'browser', dataDir: mkdtempSync(path.join(os.tmpdir(), 'pult-worker-')), secrets: 'memory', signInInApp: false, ...extra };
}

function start(options: Partial<Parameters<typeof startHostWorker>[0]> = {}) {
  const opened: string[] = [];
  const logs: string[] = [];
  const worker = startHostWorker({
    config: config(),
    openExternal: async (url) => void opened.push(url),
    log: (level, message) => void logs.push(`${level} ${message}`),
    ...options,
  });
  cleanups.push(() => worker.close());
  const events: { type: string; json: string }[] = [];
  worker.wire.subscribe((json) => events.push({ type: (JSON.parse(json) as PultEvent).type, json }));
  return { worker, opened, logs, events };
}


async function syncedBoard(worker: HostWorkerClient, groupId: string): Promise<BoardSnapshot> {
  return waitFor(async () => {
    const board = await worker.api.getBoard(groupId);
    return board.cards.length > 0 ? board : null;
  }, 15_000);
}

describe('the host in its worker thread', () => {
  it('runs off this thread; answers and events cross as JSON text; the board syncs there', async () => {
    const emulator = await portal();
    const { worker, events } = start();
    expect(worker.threadId).not.toBe(threadId);
    await worker.control({ op: 'connect-webhook-with-setup', portalUrl: emulator.portalUrl, webhookUrl: emulator.webhookUrl });
    const info = await worker.api.getAppInfo();
    expect(info).toMatchObject({ shell: 'browser', configured: true, connection: { portalUrl: emulator.portalUrl, kind: 'webhook' } });
    const groupId = emulator.groups[0]!.id;
    const board = await syncedBoard(worker, groupId);
    // The wire answers with the same board as text, for the relay to pass on unparsed.
    const text = await worker.wire.call('getBoard', [groupId]);
    expect(typeof text).toBe('string');
    const relayed = JSON.parse(text) as ApiResult<BoardSnapshot>;
    expect(relayed.ok && relayed.value.cards.map((c) => c.id).sort()).toEqual(board.cards.map((c) => c.id).sort());
    await waitFor(async () => events.some((e) => e.type === 'board-delta'));
    expect(events.every((e) => typeof e.json === 'string')).toBe(true);
  });

  it('validates every call in the worker, and a failed call on the parsed API throws its API error', async () => {
    const { worker } = start();
    expect(JSON.parse(await worker.wire.call('getBoard', ['not a group']))).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(JSON.parse(await worker.wire.call('eval', []))).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const failure = await worker.api.getBoard('1').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(HostCallError);
    expect((failure as HostCallError).error.code).toBe('not-connected');
  });

  it('parses on this thread only the event types a listener asked for', async () => {
    const emulator = await portal();
    const { worker } = start();
    const parsed: PultEvent[] = [];
    worker.onEvent(['settings-changed'], (event) => parsed.push(event));
    await worker.control({ op: 'connect-webhook-with-setup', portalUrl: emulator.portalUrl, webhookUrl: emulator.webhookUrl });
    await syncedBoard(worker, emulator.groups[0]!.id);
    expect(parsed.length).toBeGreaterThan(0);
    expect(new Set(parsed.map((e) => e.type))).toEqual(new Set(['settings-changed']));
  });

  it('asks this thread to open pages in the browser (a portal link)', async () => {
    const emulator = await portal();
    const { worker, opened } = start();
    await worker.control({ op: 'connect-webhook-with-setup', portalUrl: emulator.portalUrl, webhookUrl: emulator.webhookUrl });
    const board = await syncedBoard(worker, emulator.groups[0]!.id);
    const portalTask = board.cards.find((c) => /^\d+$/.test(c.id))!;
    await worker.api.openInPortal(portalTask.id);
    expect(opened).toEqual([expect.stringContaining(`/tasks/task/view/${portalTask.id}/`)]);
  });

  it('the in-app sign-in window is given the certificate the user trusted, and signs in with it', async () => {
    const loopbackPort = await freePort();
    const emulator = await startEmulator({ port: 0, seed: 5, tasks: 20, profile: 'box', tls: true, redirectUri: `http://127.0.0.1:${loopbackPort}/oauth/callback` });
    cleanups.push(() => emulator.close());
    const admin = emulator.users.find((u) => u.admin)!;
    const given: string[][] = [];
    const { worker } = start({
      config: config({ signInInApp: true, loopbackPort }),
      // The window's side: it can reach the portal only with the PEMs the host sent along.
      openSignInWindow: async (url, _redirectUri, trustedPems): Promise<SignInWindowOutcome> => {
        given.push([...trustedPems]);
        await fetch(await logIn(url, admin, trustedPems));
        return { ended: 'closed' };
      },
    });
    const app = { portalUrl: emulator.portalUrl, clientId: emulator.clientId, clientSecret: emulator.clientSecret, inApp: true };
    const connected = await worker.api.connectOAuth({ ...app, trustFingerprint: emulator.certFingerprint! });
    expect(connected.connection).toMatchObject({ kind: 'oauth', isAdmin: true });
    expect(given.map((pems) => pems.map((pem) => new X509Certificate(pem).fingerprint256))).toEqual([[emulator.certFingerprint]]);
  });

  it('a sign-in window that refused the portal’s certificate fails the connect in words, not as a silent cancel', async () => {
    const emulator = await startEmulator({ port: 0, seed: 5, tasks: 20, profile: 'box', tls: true });
    cleanups.push(() => emulator.close());
    const { worker } = start({
      config: config({ signInInApp: true, loopbackPort: 0 }),
      openSignInWindow: async () => ({ ended: 'certificate-error', error: 'net::ERR_CERT_COMMON_NAME_INVALID' }),
    });
    const app = { portalUrl: emulator.portalUrl, clientId: emulator.clientId, clientSecret: emulator.clientSecret, inApp: true, trustFingerprint: emulator.certFingerprint! };
    const failure = await worker.api.connectOAuth(app).then(
      () => null,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(HostCallError);
    expect((failure as HostCallError).error).toMatchObject({ code: 'signed-out', message: expect.stringContaining('net::ERR_CERT_COMMON_NAME_INVALID') });
    expect((failure as HostCallError).error.message).not.toMatch(/cancelled/i);
  });

  it('runs the reminders beside the host and reports their state to this thread', async () => {
    const emulator = await portal();
    const { worker } = start({ config: config({ alerts: { systemLocale: 'en-US' } }) });
    const states: string[] = [];
    worker.alerts.onState((state) => states.push(String(state.connectivity)));
    await worker.control({ op: 'connect-webhook-with-setup', portalUrl: emulator.portalUrl, webhookUrl: emulator.webhookUrl });
    await waitFor(async () => worker.alerts.getState().connectivity === 'online');
    // The language setting is «system», so the OS locale given to the worker decides.
    expect(worker.alerts.getState().language).toBe('en');
    worker.alerts.pause('1h');
    await waitFor(async () => worker.alerts.getState().pausedUntil !== null);
    worker.alerts.resume();
    await waitFor(async () => worker.alerts.getState().pausedUntil === null);
    expect(states).toContain('online');
  });

  it('starts a worker that died again, reopens its webhook connection and tells the pages', async () => {
    const emulator = await portal();
    process.env.PULT_TEST_EXIT_AFTER_MS = '1500';
    const { worker, logs, events } = start({ entry: path.resolve('tests/support/host-worker-exits-once.ts') });
    await worker.control({ op: 'connect-webhook-with-setup', portalUrl: emulator.portalUrl, webhookUrl: emulator.webhookUrl });
    const first = worker.threadId;
    await waitFor(async () => events.some((e) => e.type === 'app-changed') && worker.threadId !== first, 15_000);
    expect(logs).toContain('warn the host worker stopped; starting it again');
    expect(await worker.api.getAppInfo()).toMatchObject({ configured: true, connection: { portalUrl: emulator.portalUrl } });
    expect((await syncedBoard(worker, emulator.groups[0]!.id)).cards.length).toBeGreaterThan(0);
  });
});
