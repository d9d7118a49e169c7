/**
 * Pult's update controller driving electron-updater's real AppImageUpdater against a generic feed
 * served on 127.0.0.1: electron-updater's own code fetches and parses latest-linux.yml, compares
 * versions, downloads and checks the sha512. Two pieces differ from the packaged app, as in
 * electron-builder's own updater tests: the app adapter (Electron's `app` does not exist under
 * Node) and the transport under electron-updater's own HTTP executor (Node's http.request where
 * the app uses Electron's `net.request`).
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, request as httpRequest, type ClientRequest, type IncomingMessage, type RequestOptions, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppImageUpdater } from 'electron-updater';
import type { AppAdapter } from 'electron-updater/out/AppAdapter';
import { ElectronHttpExecutor } from 'electron-updater/out/electronHttpExecutor';
import { createUpdateController, type Log, type UpdateController, type UpdateState } from '../../../src/main/updates/update-controller';

const dir = mkdtempSync(path.join(os.tmpdir(), 'pult-update-feed-'));
const newBuild = randomBytes(64 * 1024);
const sha512 = (bytes: Buffer) => createHash('sha512').update(bytes).digest('base64');

/** The release folder on the "internal share": path → body. */
let share: Record<string, string | Buffer> = {};
const requested: string[] = [];
let server: Server;
let feedUrl = '';

function latestLinuxYml(version: string, checksum: string): string {
  return [
    `version: ${version}`,
    'files:',
    `  - url: Pult-${version}.AppImage`,
    `    sha512: ${checksum}`,
    `    size: ${newBuild.length}`,
    `path: Pult-${version}.AppImage`,
    `sha512: ${checksum}`,
    "releaseDate: '2026-05-01T00:00:00.000Z'",
    '',
  ].join('\n');
}

/** electron-updater's executor (its download and checksum code) over Node's http instead of Electron's net. */
class NodeTransportExecutor extends ElectronHttpExecutor {
  override createRequest(options: RequestOptions, callback: (response: IncomingMessage) => void): Electron.ClientRequest {
    return httpRequest(options, callback) as ClientRequest as unknown as Electron.ClientRequest;
  }
  protected override addRedirectHandlers(): void {
    // Electron's `redirect` event does not exist on Node's request; the share here never redirects.
  }
}

class TestAppAdapter implements AppAdapter {
  readonly name = 'Pult';
  readonly isPackaged = true;
  readonly appUpdateConfigPath: string;
  readonly userDataPath = mkdtempSync(path.join(dir, 'user-'));
  readonly baseCachePath = mkdtempSync(path.join(dir, 'cache-'));
  constructor(readonly version: string) {
    // What electron-builder writes into resources/ from the `publish` entry (the URL is the placeholder).
    this.appUpdateConfigPath = path.join(this.userDataPath, 'app-update.yml');
    writeFileSync(this.appUpdateConfigPath, 'provider: generic\nurl: https://updates.invalid/pult/\nupdaterCacheDirName: pult-updater\n');
  }
  whenReady = () => Promise.resolve();
  relaunch = () => undefined;
  quit = () => undefined;
  onQuit = () => undefined;
}

function realUpdater(version = '0.1.0') {
  const adapter = new TestAppAdapter(version);
  const updater = new AppImageUpdater(null, adapter);
  // Set before setFeedURL, which hands the executor to the generic provider.
  Object.assign(updater, { httpExecutor: new NodeTransportExecutor() });
  // Linux would try a differential download against the running AppImage first; the old file is not a real AppImage.
  updater.disableDifferentialDownload = true;
  return { updater, adapter };
}

/** Runs one check through the controller and resolves with the state it settles in. */
async function checkOnce(version = '0.1.0') {
  const { updater, adapter } = realUpdater(version);
  const logged: Parameters<Log>[] = [];
  let controller: UpdateController | null = null;
  const settled = new Promise<UpdateState>((resolve) => {
    controller = createUpdateController({
      availability: { on: true, url: feedUrl },
      updater: () => updater,
      log: (...entry) => void logged.push(entry),
      timers: { setTimeout: (callback, ms) => setTimeout(callback, ms), clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout) },
      now: () => Date.now(),
      prepareToQuit: () => undefined,
      firstCheckDelayMs: 0,
      intervalMs: 60 * 60 * 1000,
    });
    controller.onChange((state) => {
      if (['up-to-date', 'ready', 'failed'].includes(state.kind)) resolve(state);
    });
    controller.start();
  });
  const state = await settled;
  controller!.dispose();
  return { state, logged, adapter };
}

describe.skipIf(process.platform !== 'linux')('updates from a generic feed (electron-updater over real HTTP)', () => {
  const appImageBefore = process.env.APPIMAGE;

  beforeAll(async () => {
    // AppImageUpdater is active only inside an AppImage (the runtime sets APPIMAGE).
    process.env.APPIMAGE = path.join(dir, 'Pult-0.1.0.AppImage');
    writeFileSync(process.env.APPIMAGE, randomBytes(1024));
    server = createServer((request, response) => {
      const name = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname).replace(/^\/pult\//, '');
      requested.push(name);
      const body = share[name];
      if (body === undefined) response.writeHead(404).end('not found');
      else response.writeHead(200, { 'content-length': Buffer.byteLength(body) }).end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    feedUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/pult/`;
  });

  afterAll(async () => {
    if (appImageBefore === undefined) delete process.env.APPIMAGE;
    else process.env.APPIMAGE = appImageBefore;
    await new Promise((resolve) => server.close(resolve));
  });

  it('a newer version in latest-linux.yml is downloaded, checked and offered', async () => {
    share = { 'latest-linux.yml': latestLinuxYml('0.2.0', sha512(newBuild)), 'Pult-0.2.0.AppImage': newBuild };
    requested.length = 0;
    const { state, adapter } = await checkOnce();
    expect(state).toEqual({ kind: 'ready', version: '0.2.0' });
    expect(requested).toEqual(['latest-linux.yml', 'Pult-0.2.0.AppImage']);
    // Staged in the updater's cache folder (named in app-update.yml), byte for byte.
    const pending = path.join(adapter.baseCachePath, 'pult-updater', 'pending');
    const staged = readdirSync(pending).find((file) => file.endsWith('.AppImage'))!;
    expect(readFileSync(path.join(pending, staged)).equals(newBuild)).toBe(true);
  });

  it('the same version is up to date and downloads nothing', async () => {
    share = { 'latest-linux.yml': latestLinuxYml('0.1.0', sha512(newBuild)), 'Pult-0.1.0.AppImage': newBuild };
    requested.length = 0;
    const { state } = await checkOnce('0.1.0');
    expect(state.kind).toBe('up-to-date');
    expect(requested).toEqual(['latest-linux.yml']);
  });

  it('a checksum that does not match the file fails the update, logged, not offered', async () => {
    share = { 'latest-linux.yml': latestLinuxYml('0.2.0', sha512(Buffer.from('another build'))), 'Pult-0.2.0.AppImage': newBuild };
    const { state, logged } = await checkOnce();
    expect(state).toMatchObject({ kind: 'failed', error: expect.stringMatching(/sha512 checksum mismatch/) });
    expect(logged.filter(([level, message]) => level === 'warn' && message.startsWith('update check failed'))).toHaveLength(1);
  });

  it('no latest-linux.yml on the share (404) is a failed check with the reason', async () => {
    share = {};
    const { state, logged } = await checkOnce();
    expect(state).toMatchObject({ kind: 'failed', error: expect.stringMatching(/latest-linux\.yml/) });
    expect(logged.find(([, message]) => message.startsWith('update check failed'))?.[2]).toMatchObject({ code: 'ERR_UPDATER_CHANNEL_FILE_NOT_FOUND' });
  });
});
