/** The host as the renderer uses it: connections, setup, board, edits, sign-out, secrets' home. */
import { afterEach, describe, expect, it } from 'vitest';
import { waitFor } from '../../support/wait-for';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';
import https from 'node:https';
import { startEmulator, type EmulatorHandle } from '../../../src/bitrix-emulator/index';
import { PultHost } from '../../../src/node/host/pult-host';
import { openSettingsStore } from '../../../src/node/settings/settings-store';
import { MemorySecretStore } from '../../../src/node/secrets/memory';
import { systemClock, systemRandom } from '../../../src/node/clock';
import { acceptProposedSetup } from '../../../src/node/host/auto-setup';
import { ApiFailure } from '../../../src/node/api-failure';
import { SecretStoreError } from '../../../src/node/secrets/errors';
import { dispatchApiCall } from '../../../src/node/api-dispatch';
import type { BoardSnapshot, PultEvent } from '../../../src/shared/api';
import { applyBoardDelta } from '../../../src/core/domain/board-delta';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
  });
}

async function portal(options: Parameters<typeof startEmulator>[0] = {}): Promise<EmulatorHandle> {
  const emulator = await startEmulator({ port: 0, seed: 3, tasks: 150, profile: 'box', ...options });
  cleanups.push(() => emulator.close());
  return emulator;
}

function makeHost(openExternal: (url: string) => Promise<void> = async () => undefined, extra: { loopbackPort?: number; startDemo?: () => Promise<EmulatorHandle> } = {}) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'pult-host-'));
  const secrets = new MemorySecretStore();
  const events: PultEvent[] = [];
  const host = new PultHost({
    version: 'test',
    shell: 'browser',
    dataDir,
    settings: openSettingsStore({ cwd: dataDir }),
    secrets,
    clock: systemClock,
    random: systemRandom,
    startDemo: extra.startDemo ?? (() => portal()),
    openExternal,
    ...(extra.loopbackPort !== undefined ? { loopbackPort: extra.loopbackPort } : {}),
  });
  host.onEvent((e) => events.push(e));
  cleanups.push(() => host.close());
  return { host, dataDir, secrets, events };
}


/** A host connected by webhook, its board synced, then the portal gone and one edit queued. */
async function connectedWithQueuedEdit(title = 'Ждёт отправки') {
  const emulator = await portal();
  const first = makeHost();
  await acceptProposedSetup(first.host, await first.host.connectWebhook({ portalUrl: emulator.portalUrl, webhookUrl: emulator.webhookUrl }));
  const groupId = emulator.groups[0]!.id;
  const board = await waitFor(async () => ((await first.host.getBoard(groupId)).cards.length ? first.host.getBoard(groupId) : null));
  emulator.setUnreachable(true);
  const edit = { name: 'updateFields' as const, taskId: board.cards[0]!.id, fields: { TITLE: title } };
  await first.host.enqueue(edit);
  return { emulator, first, groupId, edit };
}

describe('PultHost', () => {
  it('demo: connect, accept the proposed setup, see the board, move a card onto the portal', async () => {
    const demo = await portal();
    const { host, events } = makeHost(async () => undefined, { startDemo: async () => demo });
    const connected = await host.connectDemo();
    expect(connected.connection).toMatchObject({ kind: 'demo', userId: '1', isAdmin: true });
    const proposal = await host.proposeSetup(demo.groups.map((g) => g.id));
    expect(Object.values(proposal.stageRoles)).toEqual(expect.arrayContaining(['new', 'classification', 'queue', 'work', 'done']));
    expect(proposal.missingFields).toEqual([]);
    await acceptProposedSetup(host, connected);
    expect(await host.getAppInfo()).toMatchObject({ configured: true, canSignInInApp: false, notifications: false });

    const groupId = demo.groups[0]!.id;
    const board = await waitFor(async () => {
      const snapshot = await host.getBoard(groupId);
      return snapshot.cards.length > 0 ? snapshot : null;
    });
    expect(board.stages).toHaveLength(5);
    const card = board.cards.find((c) => c.stageId === board.stages[1]!.id)!;
    const queued = await host.enqueue({ name: 'moveCard', taskId: card.id, stageId: board.stages[2]!.id });
    expect(queued.state).toBe('queued');
    await host.syncNow();
    await waitFor(async () => (await host.getSyncStatus()).queued === 0);
    const onPortal = await (await fetch(`${demo.webhookUrl}tasks.task.get.json`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ taskId: card.id, select: ['STAGE_ID'] }) })).json();
    expect(onPortal.result.task.stageId).toBe(board.stages[2]!.id);
    // The move reached the window as a delta carrying the card in its new stage.
    const deltas = events.flatMap((e) => (e.type === 'board-delta' ? [e.delta] : []));
    expect(deltas.some((d) => d.groups.some((g) => g.groupId === groupId && g.cards.some((c) => c.id === card.id && c.stageId === board.stages[2]!.id)))).toBe(true);
    expect(events.some((e) => e.type === 'status')).toBe(true);

    // Reports from the local store: time records and history arrive with the sync.
    const now = new Date(demo.clock.now() + 3 * 3_600_000);
    const today = now.toISOString().slice(0, 10);
    const from = new Date(now.getTime() - 27 * 86_400_000).toISOString().slice(0, 10);
    const reports = await waitFor(async () => {
      const r = await host.getReports({ fromDay: from, toDay: today, month: today.slice(0, 7) });
      return r.employees.some((e) => e.factHours > 0) ? r : null;
    });
    expect(reports.cumulative).toHaveLength(28);
    expect(reports.perStage.reduce((sum, s) => sum + s.count, 0)).toBeGreaterThan(0);
    expect(reports.aging.length).toBeGreaterThan(0);
    expect(reports.aging[0]!.wiaSeconds).toBeGreaterThanOrEqual(reports.aging.at(-1)!.wiaSeconds);
    expect(reports.cycleTime.count).toBeGreaterThan(0);
  });

  it('webhook: the secret goes to the secret store, never to the settings file or the database', async () => {
    const emulator = await portal();
    const { host, dataDir, secrets } = makeHost();
    const connected = await host.connectWebhook({ portalUrl: emulator.portalUrl, webhookUrl: emulator.webhookUrl });
    await acceptProposedSetup(host, connected);
    await waitFor(async () => (await host.getSyncStatus()).lastSyncAt !== null);
    const secret = new URL(emulator.webhookUrl).pathname.split('/')[3]!;
    expect(secret.length).toBeGreaterThan(8);
    expect(JSON.stringify(secrets.snapshot())).toContain(secret);
    for (const file of readdirSync(dataDir)) {
      expect(readFileSync(path.join(dataDir, file)).includes(secret), `${file} holds the webhook secret`).toBe(false);
    }
    await host.signOut();
    expect(Object.keys(secrets.snapshot())).toEqual([]);
    expect(await host.getAppInfo()).toMatchObject({ connection: null });
  });

  it('webhook: a wrong address is explained, not crashed on', async () => {
    const emulator = await portal();
    const { host } = makeHost();
    await expect(host.connectWebhook({ portalUrl: 'http://127.0.0.1:1', webhookUrl: emulator.webhookUrl })).rejects.toThrow(/другому порталу/);
    await expect(host.connectWebhook({ portalUrl: emulator.portalUrl, webhookUrl: `${emulator.portalUrl}/rest/1/wrong-secret/` })).rejects.toMatchObject({ kind: 'signed-out' });
  });

  it('an intranet certificate is shown for the user to trust, and only the confirmed one is trusted', async () => {
    const emulator = await portal({ tls: true });
    const { host } = makeHost();
    const error = await host.connectWebhook({ portalUrl: emulator.portalUrl, webhookUrl: emulator.webhookUrl }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiFailure);
    expect((error as ApiFailure).certificate?.fingerprint).toBe(emulator.certFingerprint);
    const wrong = 'AA:'.repeat(31) + 'AA';
    await expect(host.connectWebhook({ portalUrl: emulator.portalUrl, webhookUrl: emulator.webhookUrl, trustFingerprint: wrong })).rejects.toThrow(/другой сертификат/);
    const connected = await host.connectWebhook({ portalUrl: emulator.portalUrl, webhookUrl: emulator.webhookUrl, trustFingerprint: emulator.certFingerprint! });
    expect(connected.groups.length).toBeGreaterThan(0);
    expect((await host.getSettings()).connection.trustedCertificateFingerprint).toBe(emulator.certFingerprint);
  });

  it('OAuth: the system browser signs in, the redirect comes back to the loopback listener', async () => {
    const loopbackPort = await freePort();
    const emulator = await portal({ redirectUri: `http://127.0.0.1:${loopbackPort}/oauth/callback` });
    const admin = emulator.users.find((u) => u.admin)!;
    // Plays the system browser: the authorize page, its login form, then the redirect.
    const browser = async (url: string) => {
      const page = await fetch(url);
      expect(await page.text()).toMatch(/<form/);
      const login = await fetch(url, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ AUTH_FORM: 'Y', TYPE: 'AUTH', USER_LOGIN: admin.login, USER_PASSWORD: admin.password }).toString(),
      });
      const location = login.headers.get('location')!;
      expect(location.startsWith(`http://127.0.0.1:${loopbackPort}/oauth/callback?`)).toBe(true);
      void fetch(location);
    };
    const { host, secrets, dataDir } = makeHost(browser, { loopbackPort });
    const connected = await host.connectOAuth({ portalUrl: emulator.portalUrl, clientId: emulator.clientId, clientSecret: emulator.clientSecret });
    expect(connected.connection).toMatchObject({ kind: 'oauth', userId: admin.id, isAdmin: true });
    const stored = JSON.stringify(secrets.snapshot());
    expect(stored).toContain(emulator.clientSecret);
    expect(stored).toContain('accessToken');
    expect(readFileSync(path.join(dataDir, 'settings.json'), 'utf8')).not.toContain(emulator.clientSecret);
    expect((await host.listGroups()).length).toBeGreaterThan(0);
  });

  it('OAuth cannot dead-end: an unreachable address is said at once, an abandoned attempt gives its port back, a cancel stops the wait', async () => {
    const loopbackPort = await freePort();
    const emulator = await portal({ redirectUri: `http://127.0.0.1:${loopbackPort}/oauth/callback` });
    const admin = emulator.users.find((u) => u.admin)!;
    const opened: string[] = [];
    let signIn = false;
    const browser = async (url: string) => {
      opened.push(url);
      if (!signIn) return; // the user walks away from this one
      const login = await fetch(url, {
        method: 'POST', redirect: 'manual', headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ AUTH_FORM: 'Y', TYPE: 'AUTH', USER_LOGIN: admin.login, USER_PASSWORD: admin.password }).toString(),
      });
      void fetch(login.headers.get('location')!);
    };
    const { host } = makeHost(browser, { loopbackPort });
    expect((await host.getAppInfo()).oauthRedirectUri).toBe(`http://127.0.0.1:${loopbackPort}/oauth/callback`);
    const app = { clientId: emulator.clientId, clientSecret: emulator.clientSecret };

    const deadPort = await freePort();
    const began = Date.now();
    await expect(host.connectOAuth({ portalUrl: `http://127.0.0.1:${deadPort}`, ...app })).rejects.toMatchObject({ code: 'unreachable' });
    expect(Date.now() - began).toBeLessThan(5_000);
    expect(opened).toEqual([]);

    const abandoned = host.connectOAuth({ portalUrl: emulator.portalUrl, ...app });
    abandoned.catch(() => undefined); // it fails as soon as the next attempt starts
    await waitFor(async () => opened.length === 1 || null);
    signIn = true;
    const connected = await host.connectOAuth({ portalUrl: emulator.portalUrl, ...app });
    expect(connected.connection).toMatchObject({ kind: 'oauth', isAdmin: true });
    await expect(abandoned).rejects.toThrow(/cancelled/i);

    signIn = false;
    const waiting = host.connectOAuth({ portalUrl: emulator.portalUrl, ...app });
    waiting.catch(() => undefined);
    await waitFor(async () => opened.length === 3 || null);
    await host.cancelSignIn();
    await expect(waiting).rejects.toThrow(/cancelled/i);
  });

  it('OAuth to a portal with a self-signed certificate asks for trust first, then signs in', async () => {
    const loopbackPort = await freePort();
    const emulator = await portal({ tls: true, redirectUri: `http://127.0.0.1:${loopbackPort}/oauth/callback` });
    const admin = emulator.users.find((u) => u.admin)!;
    const opened: string[] = [];
    const browser = async (url: string) => {
      opened.push(url);
      // The "system browser" here knows the test certificate (its user accepted it there too).
      const body = new URLSearchParams({ AUTH_FORM: 'Y', TYPE: 'AUTH', USER_LOGIN: admin.login, USER_PASSWORD: admin.password }).toString();
      const location = await new Promise<string>((resolve, reject) => {
        const req = https.request(url, { method: 'POST', ca: emulator.certPem, headers: { 'Content-Type': 'application/x-www-form-urlencoded' } }, (res) => {
          res.resume();
          resolve(String(res.headers.location));
        });
        req.on('error', reject);
        req.end(body);
      });
      void fetch(location);
    };
    const { host } = makeHost(browser, { loopbackPort });
    const app = { portalUrl: emulator.portalUrl, clientId: emulator.clientId, clientSecret: emulator.clientSecret };
    // Its expiry as ISO 8601, for the window to word in the UI language.
    await expect(host.connectOAuth(app)).rejects.toMatchObject({ code: 'untrusted-certificate', certificate: { fingerprint: emulator.certFingerprint, validTo: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.000Z$/) } });
    expect(opened).toEqual([]);
    const connected = await host.connectOAuth({ ...app, trustFingerprint: emulator.certFingerprint! });
    expect(connected.connection).toMatchObject({ kind: 'oauth', isAdmin: true });
  });

  it('OAuth without a usable keychain is refused before the browser opens, in words that name the fix', async () => {
    const emulator = await portal();
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'pult-host-'));
    const noKeychain = {
      get: async () => Promise.reject(new SecretStoreError('unavailable', 'No Secret Service')),
      set: async () => Promise.reject(new SecretStoreError('unavailable', 'No Secret Service')),
      delete: async () => Promise.reject(new SecretStoreError('unavailable', 'No Secret Service')),
    };
    const opened: string[] = [];
    const host = new PultHost({
      version: 'test', shell: 'browser', dataDir, settings: openSettingsStore({ cwd: dataDir }), secrets: noKeychain,
      clock: systemClock, random: systemRandom, startDemo: () => portal(), openExternal: async (url) => void opened.push(url), loopbackPort: await freePort(),
    });
    cleanups.push(() => host.close());
    const answer = await dispatchApiCall(host, 'connectOAuth', [{ portalUrl: emulator.portalUrl, clientId: emulator.clientId, clientSecret: emulator.clientSecret }], undefined, host.failureText);
    expect(answer).toMatchObject({ ok: false, error: { code: 'storage', message: expect.stringContaining('gnome-keyring') } });
    expect(opened).toEqual([]);
  });

  it('OAuth with a wrong client secret: the browser page says the sign-in failed', async () => {
    const loopbackPort = await freePort();
    const emulator = await portal({ redirectUri: `http://127.0.0.1:${loopbackPort}/oauth/callback` });
    const admin = emulator.users.find((u) => u.admin)!;
    let page: Promise<string> | null = null;
    const browser = async (url: string) => {
      const login = await fetch(url, {
        method: 'POST', redirect: 'manual', headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ AUTH_FORM: 'Y', TYPE: 'AUTH', USER_LOGIN: admin.login, USER_PASSWORD: admin.password }).toString(),
      });
      page = fetch(login.headers.get('location')!).then((r) => r.text());
    };
    const { host } = makeHost(browser, { loopbackPort });
    await expect(host.connectOAuth({ portalUrl: emulator.portalUrl, clientId: emulator.clientId, clientSecret: 'wrong-secret' })).rejects.toThrow();
    const html = await page!;
    expect(html).toContain('Войти не удалось');
    expect(html).not.toContain('Вход выполнен');
  });

  it('a saved connection is restored at the next start with its queued edits', async () => {
    const { emulator, first, edit } = await connectedWithQueuedEdit('Восстановлено');
    await first.host.close();
    emulator.setUnreachable(false);

    const second = new PultHost({
      version: 'test', shell: 'browser', dataDir: first.dataDir, settings: openSettingsStore({ cwd: first.dataDir }), secrets: first.secrets,
      clock: systemClock, random: systemRandom, startDemo: () => portal(), openExternal: async () => undefined,
    });
    cleanups.push(() => second.close());
    await second.restore();
    expect((await second.listQueued()).map((q) => q.payload)).toEqual([edit]);
    await second.syncNow();
    await waitFor(async () => (await second.getSyncStatus()).queued === 0);
  });
});

describe('PultHost restarted while the portal is unreachable', () => {
  it('keeps the portal’s time zone, the group names, the user and when it last synced', async () => {
    const { emulator, first, groupId } = await connectedWithQueuedEdit('Офлайн');
    const online = await first.host.getBoard(groupId);
    expect(online.portalUtcOffsetMinutes).toBe(180);
    const groupNames = (await first.host.listGroups()).map((g) => g.name);
    const syncedAt = (await first.host.getSyncStatus()).lastSyncAt;
    expect(syncedAt).not.toBeNull();
    await first.host.close();

    const second = new PultHost({
      version: 'test', shell: 'browser', dataDir: first.dataDir, settings: openSettingsStore({ cwd: first.dataDir }), secrets: first.secrets,
      clock: systemClock, random: systemRandom, startDemo: () => portal(), openExternal: async () => undefined,
    });
    cleanups.push(() => second.close());
    await second.restore();
    await second.syncNow();
    expect((await second.getSyncStatus()).connectivity).toBe('portal-unreachable');
    const offline = await second.getBoard(groupId);
    expect(offline.portalUtcOffsetMinutes).toBe(180);
    expect(offline.cards.map((c) => c.id)).toEqual(online.cards.map((c) => c.id));
    expect((await second.listGroups()).map((g) => g.name)).toEqual(groupNames);
    // Saved when the tasks were pulled (a little before the status said so), at most a minute behind.
    const restartedSyncAt = (await second.getSyncStatus()).lastSyncAt!;
    expect(restartedSyncAt).toBeLessThanOrEqual(syncedAt!);
    expect(restartedSyncAt).toBeGreaterThan(syncedAt! - 60_000);
    expect((await second.getAppInfo()).connection).toMatchObject({ userId: emulator.users.find((u) => u.admin)!.id, isAdmin: true });
  });
});

describe('PultHost settings', () => {
  it('binding another group in the settings starts syncing it', async () => {
    const emulator = await portal();
    const { host } = makeHost();
    const connected = await host.connectWebhook({ portalUrl: emulator.portalUrl, webhookUrl: emulator.webhookUrl });
    const [first, second] = emulator.groups;
    const proposal = await host.proposeSetup([first!.id]);
    await host.completeSetup({ groupIds: [first!.id], stageRoles: proposal.stageRoles, fields: proposal.fields });
    expect(connected.groups.length).toBeGreaterThan(1);
    const settings = await host.getSettings();
    const both = await host.proposeSetup([first!.id, second!.id]);
    const saved = await host.saveSettings({ ...settings, groupIds: [first!.id, second!.id], stageRoles: both.stageRoles });
    expect(saved.ok).toBe(true);
    await waitFor(async () => (await host.getBoard(second!.id)).cards.length > 0);
  });

  it('an invalid settings document is refused and the previous settings stay', async () => {
    const { host } = makeHost();
    const before = await host.getSettings();
    const result = await host.saveSettings({ ...before, plans: { ...before.plans, defaultEmployeeHoursPerDay: -1 } });
    expect(result.ok).toBe(false);
    expect(await host.getSettings()).toEqual(before);
  });
});

describe('PultHost Service Desk fields', () => {
  it('a portal admin creates the missing fields once; a second try reuses them', async () => {
    const emulator = await portal();
    const { host } = makeHost();
    const connected = await host.connectWebhook({ portalUrl: emulator.portalUrl, webhookUrl: emulator.webhookUrl });
    await host.proposeSetup([connected.groups[0]!.id]);
    const proposal = await host.createServiceDeskFields(['blocker', 'estimate']);
    expect(proposal.userFields.map((f) => f.name)).toEqual(expect.arrayContaining(['UF_PULT_SD_BLOCKER', 'UF_PULT_SD_ESTIMATE']));
    expect(proposal.userFields.find((f) => f.name === 'UF_PULT_SD_ESTIMATE')).toMatchObject({ type: 'double', labels: { ru: 'Оценка' } });
    expect((await host.getSettings()).fields).toMatchObject({ blocker: 'UF_PULT_SD_BLOCKER', estimate: 'UF_PULT_SD_ESTIMATE' });
    const again = await host.createServiceDeskFields(['blocker']);
    expect(again.userFields.filter((f) => f.name === 'UF_PULT_SD_BLOCKER')).toHaveLength(1);
  });
});

describe('PultHost offline start', () => {
  it('a known webhook connection opens from the local store while the portal is unreachable', async () => {
    const emulator = await portal();
    const first = makeHost();
    await acceptProposedSetup(first.host, await first.host.connectWebhook({ portalUrl: emulator.portalUrl, webhookUrl: emulator.webhookUrl }));
    const groupId = emulator.groups[0]!.id;
    const cards = (await waitFor(async () => ((await first.host.getBoard(groupId)).cards.length ? first.host.getBoard(groupId) : null))).cards.length;
    await first.host.close();

    emulator.setUnreachable(true);
    const second = new PultHost({
      version: 'test', shell: 'browser', dataDir: first.dataDir, settings: openSettingsStore({ cwd: first.dataDir }), secrets: new MemorySecretStore(),
      clock: systemClock, random: systemRandom, startDemo: () => portal(), openExternal: async () => undefined,
    });
    cleanups.push(() => second.close());
    expect(await second.resumeWebhook(emulator.portalUrl, emulator.webhookUrl)).toBe(true);
    expect((await second.getBoard(groupId)).cards).toHaveLength(cards);
    expect(await second.resumeWebhook('https://other.example', emulator.webhookUrl)).toBe(false);
    emulator.setUnreachable(false);
  });
});

describe('PultHost reminders', () => {
  it('snoozes a task through the desktop reminders, and says plainly when there are none', async () => {
    const { host } = makeHost();
    await expect(host.snoozeTask('12', '1h')).rejects.toThrow(/настольном приложении/);
    expect((await host.getAppInfo()).notifications).toBe(false);
    const calls: string[] = [];
    host.setAlertControl({ snooze: (taskId, choice) => (calls.push(`${taskId}:${choice}`), 1_800_000_000_000) });
    expect(await host.snoozeTask('12', 'tomorrow')).toEqual({ until: 1_800_000_000_000 });
    expect(calls).toEqual(['12:tomorrow']);
    expect((await host.getAppInfo()).notifications).toBe(true);
  });
});

describe('PultHost board', () => {
  it('leaves tasks finished over 30 days ago off the board, but not out of the reports', async () => {
    const emulator = await portal({ tasks: 400 });
    const { host } = makeHost();
    await acceptProposedSetup(host, await host.connectWebhook({ portalUrl: emulator.portalUrl, webhookUrl: emulator.webhookUrl }));
    const groupId = emulator.groups[0]!.id;
    const board = await waitFor(async () => ((await host.getBoard(groupId)).cards.length ? host.getBoard(groupId) : null));
    const monthAgo = emulator.clock.now() - 30 * 86_400_000;
    expect(board.cards.some((c) => c.status === 5 && c.closedAt !== null && c.closedAt >= monthAgo)).toBe(true);
    expect(board.cards.every((c) => c.status !== 5 || c.closedAt === null || c.closedAt >= monthAgo - 60_000)).toBe(true);
    const total = await (await fetch(`${emulator.webhookUrl}tasks.task.list.json`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ filter: { GROUP_ID: groupId }, select: ['ID'] }) })).json();
    expect(board.cards.length).toBeLessThan(total.total);
  });
});

describe('PultHost settings scopes and the keychain', () => {
  it("a team file import keeps this machine's connection, groups and queued edits", async () => {
    const { emulator, first, groupId, edit } = await connectedWithQueuedEdit();
    const before = await first.host.getSettings();
    const result = await first.host.importSettings(JSON.stringify({ version: 2, groupIds: ['7'], connection: { kind: 'demo', address: '' }, sla: { riskRatio: 0.6 } }));
    expect(result.ok).toBe(true);
    const after = await first.host.getSettings();
    expect(after.connection).toEqual(before.connection);
    expect(after.connection).toMatchObject({ kind: 'webhook', address: emulator.portalUrl });
    expect(after.groupIds).toEqual(before.groupIds);
    expect(after.groupIds).toContain(groupId);
    expect(after.sla.riskRatio).toBe(0.6);
    expect((await first.host.listQueued()).map((q) => q.payload)).toEqual([edit]);
    // The next start opens the same portal with the same queue.
    expect(JSON.parse(readFileSync(path.join(first.dataDir, 'settings.json'), 'utf8')).connection.address).toBe(emulator.portalUrl);
  });

  it('a keychain that cannot be read at start keeps the connection and the queue, says so, and recovers', async () => {
    const { emulator, first, edit } = await connectedWithQueuedEdit();
    await first.host.close();
    emulator.setUnreachable(false);
    const { SecretStoreError } = await import('../../../src/node/secrets/errors');
    let locked = true;
    const secrets = {
      get: async (key: string) => {
        if (locked) throw new SecretStoreError('locked', 'The keychain is locked');
        return first.secrets.get(key);
      },
      set: (key: string, value: string) => first.secrets.set(key, value),
      delete: (key: string) => first.secrets.delete(key),
    };
    const events: PultEvent[] = [];
    const second = new PultHost({
      version: 'test', shell: 'browser', dataDir: first.dataDir, settings: openSettingsStore({ cwd: first.dataDir }), secrets,
      clock: systemClock, random: systemRandom, startDemo: () => portal(), openExternal: async () => undefined,
    });
    second.onEvent((e) => events.push(e));
    cleanups.push(() => second.close());
    expect(await second.restore()).toBe('waiting');
    const info = await second.getAppInfo();
    expect(info.keychainWait).toEqual({ portalUrl: emulator.portalUrl, code: 'locked', queuedEdits: 1 });
    expect(events).toContainEqual({ type: 'app-changed' });
    // Nothing replaced the saved connection.
    expect((await second.getSettings()).connection).toMatchObject({ kind: 'webhook', address: emulator.portalUrl });
    expect(await second.retryRestore()).toMatchObject({ keychainWait: { code: 'locked' } });

    locked = false;
    const recovered = await second.retryRestore();
    expect(recovered.keychainWait).toBeNull();
    expect(recovered.connection).toMatchObject({ kind: 'webhook', portalUrl: emulator.portalUrl });
    expect((await second.listQueued()).map((q) => q.payload)).toEqual([edit]);
    await second.syncNow();
    await waitFor(async () => (await second.getSyncStatus()).queued === 0);
  });

  it('removing a group in the settings stops its sync in the running host', async () => {
    const emulator = await portal();
    const { host, events } = makeHost();
    await host.connectWebhook({ portalUrl: emulator.portalUrl, webhookUrl: emulator.webhookUrl });
    const [first, second] = emulator.groups;
    const both = await host.proposeSetup([first!.id, second!.id]);
    await host.completeSetup({ groupIds: [first!.id, second!.id], stageRoles: both.stageRoles, fields: both.fields });
    await waitFor(async () => (await host.getBoard(second!.id)).cards.length > 0);
    const removedTask = (await host.getBoard(second!.id)).cards.find((c) => /^\d+$/.test(c.id))!;
    const saved = await host.saveSettings({ ...(await host.getSettings()), groupIds: [first!.id] });
    expect(saved.ok).toBe(true);
    // The new session's first cycle has run once the removed group's tasks have left the store.
    await waitFor(async () => (await host.getBoard(second!.id)).cards.length === 0 && (await host.getBoard(first!.id)).cards.length > 0);
    events.length = 0;
    // A change in the removed group no longer reaches the windows; one in the kept group does.
    const update = (taskId: string, title: string) =>
      fetch(`${emulator.webhookUrl}tasks.task.update.json`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ taskId, fields: { TITLE: title } }) });
    // Its tasks left the local store with it.
    expect((await host.getBoard(second!.id)).cards).toEqual([]);
    const keptTask = (await host.getBoard(first!.id)).cards.find((c) => /^\d+$/.test(c.id))!;
    await update(removedTask.id, 'Не наша группа');
    await update(keptTask.id, 'Наша группа');
    await host.syncNow();
    const deltas = events.flatMap((e) => (e.type === 'board-delta' ? [e.delta] : []));
    expect(deltas.flatMap((d) => d.taskIds)).toContain(keptTask.id);
    expect(deltas.flatMap((d) => d.taskIds)).not.toContain(removedTask.id);
    expect(deltas.flatMap((d) => d.groups.map((g) => g.groupId))).not.toContain(second!.id);
  });

  it('after a first sync the deltas alone keep a board read once exactly equal to a fresh read', async () => {
    const emulator = await portal();
    const { host, events } = makeHost();
    await acceptProposedSetup(host, await host.connectWebhook({ portalUrl: emulator.portalUrl, webhookUrl: emulator.webhookUrl }));
    const groupId = emulator.groups[0]!.id;
    await waitFor(async () => (await host.getSyncStatus()).lastSyncAt !== null);
    // The window reads its board after the reset, then keeps it by the deltas alone.
    const lastReset = events.map((e) => e.type === 'board-delta' && e.delta.reset).lastIndexOf(true);
    let board: BoardSnapshot | null = await host.getBoard(groupId);
    const after = events.slice(lastReset + 1);
    for (let i = 0; i < 3; i++) await host.syncNow();
    const deltas = [...after, ...events.slice(lastReset + 1 + after.length)].flatMap((e) => (e.type === 'board-delta' ? [e.delta] : []));
    for (const delta of deltas) board = board && applyBoardDelta(board, delta);
    const fresh = await host.getBoard(groupId);
    expect(board).not.toBeNull();
    expect(board!.cards.map((c) => c.id).sort()).toEqual(fresh.cards.map((c) => c.id).sort());
    expect(Object.fromEntries(Object.entries(board!.history).filter(([, entries]) => entries.length))).toEqual(Object.fromEntries(Object.entries(fresh.history).filter(([, entries]) => entries.length)));
  });
});
