/** The desktop app's log: in `<userData>/logs`, main's uncaught errors in it, warnings mirrored from source only. */
import { EventEmitter } from 'node:events';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDesktopLog, type DesktopLogApp } from '../../../src/main/desktop-log';

function fakeApp(isPackaged: boolean): DesktopLogApp & { userData: string } {
  const userData = mkdtempSync(path.join(os.tmpdir(), 'pult-desktop-log-'));
  return { userData, isPackaged, getVersion: () => '1.2.3', getPath: (name) => (name === 'userData' ? userData : path.join(userData, name === 'crashDumps' ? 'Crashpad' : name)) };
}

function fakeProcess(env: NodeJS.ProcessEnv = {}) {
  return Object.assign(new EventEmitter(), { env, platform: 'linux' as const });
}

describe('openDesktopLog', () => {
  it('writes to <userData>/logs, says where crash dumps go, logs unhandled rejections of main', async () => {
    const app = fakeApp(true);
    const proc = fakeProcess();
    const mirrored: string[] = [];
    const log = openDesktopLog(app, proc, (text) => void mirrored.push(text));
    proc.emit('unhandledRejection', new Error('refresh failed: refresh_token=a36fe86400711d2c0054a6e7'));
    log.write('debug', 'host', 'not at the default level');
    await log.flush();
    const dir = path.join(app.userData, 'logs');
    const [name] = readdirSync(dir);
    const lines = readFileSync(path.join(dir, name!), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { message: string; data?: Record<string, unknown> });
    expect(lines.map((line) => line.message)).toEqual(['Pult started', 'unhandled promise rejection']);
    expect(lines[0]!.data).toMatchObject({ version: '1.2.3', packaged: true, crashDumps: path.join(app.userData, 'Crashpad') });
    expect(JSON.stringify(lines)).not.toContain('a36fe86400711d2c0054a6e7');
    // Packaged: nothing in a terminal nobody sees.
    expect(mirrored).toEqual([]);
  });

  it('from source, warnings and errors also go to the terminal; PULT_LOG_LEVEL=debug writes debug lines', async () => {
    const app = fakeApp(false);
    const mirrored: string[] = [];
    const log = openDesktopLog(app, fakeProcess({ PULT_LOG_LEVEL: 'debug' }), (text) => void mirrored.push(text));
    log.write('debug', 'host', 'portal rate limit; pacing');
    log.write('warn', 'host', 'sync cycle failed');
    await log.flush();
    expect(mirrored).toEqual([expect.stringContaining('sync cycle failed')]);
    const dir = path.join(app.userData, 'logs');
    expect(readFileSync(path.join(dir, readdirSync(dir)[0]!), 'utf8')).toContain('portal rate limit');
  });
});
