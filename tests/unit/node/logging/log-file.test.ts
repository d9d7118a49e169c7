/** The log files on a real disk: per-day names, parts by size, days kept, secrets, a bad folder. */
import { afterEach, describe, expect, it } from 'vitest';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { logFileName, openLogFile, type LogEntry } from '../../../../src/node/logging/log-file';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pult-log-'));
  dirs.push(dir);
  return dir;
}

/** A clock the test moves; local dates, so the names do not depend on the machine's zone. */
function clock(start: Date) {
  let now = start;
  return { now: () => now, set: (next: Date) => (now = next) };
}

function entries(file: string): LogEntry[] {
  return readFileSync(file, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as LogEntry);
}

describe('openLogFile', () => {
  it('writes one JSON line per entry into the day’s file, and a new file after midnight', async () => {
    const dir = path.join(tempDir(), 'logs');
    const time = clock(new Date(2026, 4, 3, 23, 59, 58, 120));
    const log = openLogFile({ dir, now: time.now });
    log.write('info', 'main', 'started', { version: '0.9.0' });
    log.write('debug', 'host', 'not written at the default level');
    await log.flush();
    time.set(new Date(2026, 4, 4, 0, 0, 1));
    log.write('warn', 'host', 'sync cycle failed', { error: new Error('ECONNREFUSED') });
    await log.flush();

    expect(readdirSync(dir).sort()).toEqual(['pult-2026-05-03.log', 'pult-2026-05-04.log']);
    const [first] = entries(path.join(dir, 'pult-2026-05-03.log'));
    expect(first).toMatchObject({ level: 'info', source: 'main', message: 'started', data: { version: '0.9.0' } });
    expect(first!.time).toMatch(/^2026-05-03T23:59:58\.120[+-]\d\d:\d\d$/);
    expect(entries(path.join(dir, 'pult-2026-05-04.log'))).toMatchObject([{ level: 'warn', message: 'sync cycle failed', data: { error: { message: 'ECONNREFUSED' } } }]);
  });

  it('starts the next part when a file reaches its size, and stops for the day at the cap', async () => {
    const dir = tempDir();
    const log = openLogFile({ dir, now: () => new Date(2026, 0, 9, 12), maxFileBytes: 400, maxFilesPerDay: 3 });
    for (let i = 0; i < 40; i++) {
      log.write('info', 'host', `entry ${i} ${'x'.repeat(60)}`);
      await log.flush();
    }
    const names = readdirSync(dir).sort();
    expect(names).toEqual(['pult-2026-01-09.1.log', 'pult-2026-01-09.2.log', 'pult-2026-01-09.log']);
    for (const name of ['pult-2026-01-09.log', 'pult-2026-01-09.1.log']) expect(readFileSync(path.join(dir, name)).length).toBeLessThanOrEqual(400);
    const last = entries(path.join(dir, 'pult-2026-01-09.2.log'));
    expect(last.at(-1)!.message).toMatch(/reached its limit/);
    // Nothing after the cap: the entries are in order and end before the 40th.
    const written = names.flatMap((name) => entries(path.join(dir, name))).filter((e) => e.source === 'host');
    expect(written.length).toBeLessThan(40);
  });

  it.runIf(process.platform !== 'win32')('keeps the folder 0700 and its files 0600, also those an older version left readable', async () => {
    const dir = path.join(tempDir(), 'logs');
    const time = clock(new Date(2026, 4, 3, 10, 0, 0));
    mkdirSync(dir, { mode: 0o755 });
    chmodSync(dir, 0o755);
    const old = path.join(dir, logFileName('2026-05-03'));
    writeFileSync(old, '', { mode: 0o644 });
    chmodSync(old, 0o644);
    const log = openLogFile({ dir, now: time.now, maxFileBytes: 200 });
    log.write('info', 'main', 'the portal https://portal.example.ru, user Иванов');
    log.write('info', 'main', 'a second line that starts the next part of the day');
    await log.flush();
    log.writeSync('error', 'main', 'last words');
    const mode = (file: string) => statSync(file).mode & 0o777;
    expect(mode(dir)).toBe(0o700);
    const names = readdirSync(dir);
    expect(names.length).toBeGreaterThan(1);
    for (const name of names) expect([name, mode(path.join(dir, name))]).toEqual([name, 0o600]);
  });

  it('continues today’s last part after a restart', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, logFileName('2026-01-09', 0)), 'x'.repeat(500));
    writeFileSync(path.join(dir, logFileName('2026-01-09', 1)), '{"old":true}\n');
    const log = openLogFile({ dir, now: () => new Date(2026, 0, 9, 12), maxFileBytes: 400 });
    log.write('info', 'main', 'started again');
    await log.flush();
    expect(readFileSync(path.join(dir, 'pult-2026-01-09.1.log'), 'utf8')).toMatch(/^\{"old":true\}\n.*started again/);
  });

  it('keeps the last 14 days: older files go at start and at the change of day', async () => {
    const dir = tempDir();
    const old = ['pult-2026-04-19.log', 'pult-2026-04-19.1.log', 'pult-2026-04-20.log'];
    const kept = ['pult-2026-04-21.log', 'pult-2026-05-03.log', 'notes.txt'];
    for (const name of [...old, ...kept]) writeFileSync(path.join(dir, name), 'x\n');
    const time = clock(new Date(2026, 4, 4, 9));
    const log = openLogFile({ dir, now: time.now });
    log.write('info', 'main', 'started');
    await log.flush();
    expect(readdirSync(dir).sort()).toEqual([...kept, 'pult-2026-05-04.log'].sort());

    time.set(new Date(2026, 4, 5, 0, 0, 5));
    log.write('info', 'main', 'a new day');
    await log.flush();
    expect(readdirSync(dir).sort()).toEqual(['notes.txt', 'pult-2026-05-03.log', 'pult-2026-05-04.log', 'pult-2026-05-05.log']);
  });

  it('redacts before writing: messages, data, Errors and their stacks', async () => {
    const dir = tempDir();
    const secret = 'k7q2x9w4mz1p8v3d';
    const token = 'b3f0c96400711d2c0054a6e70000000100000744b3c2f1e9a0d3e5e5f1b7c0a9d2e4f6';
    const log = openLogFile({ dir });
    log.write('error', 'host', `call to https://sd.example.ru/rest/1/${secret}/tasks.task.list.json failed`, {
      error: new Error(`POST https://sd.example.ru/rest/user.current.json?auth=${token}`),
      session: { accessToken: token, nested: [{ webhookUrl: `https://sd.example.ru/rest/1/${secret}/` }] },
    });
    log.writeSync('error', 'main', 'uncaught exception', { error: new Error(`Authorization: Bearer ${token}`) });
    await log.flush();
    const text = readdirSync(dir).map((name) => readFileSync(path.join(dir, name), 'utf8')).join('');
    expect(text).toContain('tasks.task.list.json');
    expect(text).toContain('uncaught exception');
    expect(text).not.toContain(secret);
    expect(text).not.toContain(token);
  });

  it('a folder that cannot be written falls back to stderr, said once, and never throws', async () => {
    const base = tempDir();
    writeFileSync(path.join(base, 'a-file'), '');
    const fallback: string[] = [];
    const log = openLogFile({ dir: path.join(base, 'a-file', 'logs'), fallback: (text) => void fallback.push(text) });
    log.write('info', 'main', 'first');
    log.write('warn', 'main', 'second');
    await log.flush();
    log.write('error', 'main', 'third');
    log.writeSync('error', 'main', 'fourth');
    await log.flush();
    expect(log.degraded).toBe(true);
    const notices = fallback.filter((text) => text.startsWith('pult: cannot write the log'));
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/ENOTDIR/);
    const lines = fallback.join('').split('\n').filter((line) => line.startsWith('{')).map((line) => (JSON.parse(line) as LogEntry).message);
    expect(lines).toEqual(['first', 'second', 'third', 'fourth']);
  });
});

describe('logProcessErrors', () => {
  it('writes an uncaught exception at once and an unhandled rejection through the queue, both redacted', async () => {
    const { EventEmitter } = await import('node:events');
    const { logProcessErrors } = await import('../../../../src/node/logging/index');
    const dir = tempDir();
    const proc = new EventEmitter();
    const log = openLogFile({ dir, now: () => new Date(2026, 2, 1, 10) });
    const stop = logProcessErrors(proc as never, log, 'main');
    proc.emit('uncaughtExceptionMonitor', new Error('boom at https://sd.example.ru/rest/1/k7q2x9w4mz1p8v3d/'), 'uncaughtException');
    // Written synchronously: it is on disk before any await.
    expect(readFileSync(path.join(dir, 'pult-2026-03-01.log'), 'utf8')).toMatch(/uncaught exception.*boom at/);
    proc.emit('unhandledRejection', new Error('client_secret=Zx81kLmQ0pR7sT2uVw4y refused'));
    await log.flush();
    stop();
    expect(proc.listenerCount('unhandledRejection')).toBe(0);
    const text = readFileSync(path.join(dir, 'pult-2026-03-01.log'), 'utf8');
    expect(text).toMatch(/unhandled promise rejection/);
    expect(text).not.toMatch(/k7q2x9w4mz1p8v3d|Zx81kLmQ0pR7sT2uVw4y/);
  });
});
