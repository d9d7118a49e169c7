/**
 * The headless command against the emulator: the script's wiring and exit codes in a child
 * process, the rest in-process through runHeadless (same code, no start-up cost).
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type EmulatorHandle } from '../../../src/bitrix-emulator/index';
import { runHeadless, type CommandIo } from '../../../src/node/headless/command';
import { openSqliteStore } from '../../../src/node/store';
import { createNodeHttp } from '../../../src/node/http';
import type { Http } from '../../../src/core/ports';
import { portalTasks, runSync, summaryOf, tempDir } from './support';

let emulator: EmulatorHandle;
let dir: string;
let groups: string;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, seed: 31, tasks: 600, profile: 'box' });
  groups = emulator.groups.map((g) => g.id).join(',');
});
afterAll(() => emulator.close());
beforeEach(() => {
  dir = tempDir();
  emulator.setUnreachable(false);
});

function io(stop: Promise<void> = new Promise(() => undefined)): CommandIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (l) => stdout.push(l), err: (l) => stderr.push(l), stopSignal: stop, now: () => Date.now() };
}

function baseArgs(db = path.join(dir, 'pult.db')): string[] {
  return ['--portal', emulator.portalUrl, '--webhook', emulator.webhookUrl, '--groups', groups, '--db', db];
}

function writeJson(name: string, value: unknown): string {
  const file = path.join(dir, name);
  writeFileSync(file, JSON.stringify(value));
  return file;
}

/** Retries without waiting, so an unreachable portal fails the cycle at once. */
const noWait = { clock: { now: () => Date.now(), sleep: async () => undefined } };

describe('npm run sync', () => {
  it('syncs the demo groups as a child process: exit 0, every task stored, the JSON line last', async () => {
    const run = await runSync([...baseArgs(), '--once', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const summary = summaryOf(run);
    const total = (await portalTasks(emulator, { GROUP_ID: groups.split(',') })).length;
    expect(summary).toMatchObject({ tasks: total, queued: 0, failed: 0, conflicts: 0 });
    expect(Object.keys(summary).sort()).toEqual(['conflicts', 'failed', 'queued', 'requests', 'seconds', 'tasks']);
    // The first sync reads the list at its lower bound plus the directories.
    expect(summary.requests).toBeLessThanOrEqual(Math.ceil(total / 2500) + 1 + 12);

    const quiet = summaryOf(await runSync([...baseArgs(), '--once', '--json']));
    // server.time and profile, then the first tick of a new process reconciles IDs (one list read
    // at its lower bound) and finds nothing to fetch, and reads membership and stages again (one batch).
    expect(quiet).toMatchObject({ tasks: total, requests: 2 + Math.ceil(total / 2500) + 1 + 1 });
  });

  it('a REST retry waiting its backoff does not end the child before the cycle is done (it once exited 13, the edit unsent)', async () => {
    const db = path.join(dir, 'pult.db');
    expect((await runSync([...baseArgs(db), '--once'])).code).toBe(0);
    const file = writeJson('retry.json', [{ name: 'updateFields', taskId: '7', fields: { TITLE: 'После повтора' } }]);
    // The answer is lost once: the client waits its backoff (an unref'ed timer) and sends again.
    emulator.setFaults({ fail: { kind: 'drop-after', count: 1, methods: ['tasks.task.update'] } });
    const run = await runSync([...baseArgs(db), '--enqueue', file, '--once', '--json']);
    emulator.setFaults({ fail: null });
    expect(run.code, run.stderr).toBe(0);
    expect(summaryOf(run)).toMatchObject({ queued: 0, failed: 0 });
    expect((await portalTasks(emulator, { ID: '7' }))[0]!.title).toBe('После повтора');
  });

  it('queues an enqueue file once, however often it is run, and a createTask clientId once across files', async () => {
    emulator.setUnreachable(true);
    const file = writeJson('edits.json', [
      { name: 'createTask', groupId: emulator.groups[0]!.id, title: 'Скриптовая заявка', clientId: 'cli-1' },
      { name: 'addComment', taskId: '12', text: 'Один раз' },
      { name: 'updateFields', taskId: '12', fields: { PRIORITY: '2' } },
    ]);
    const again = writeJson('again.json', [{ name: 'createTask', groupId: emulator.groups[0]!.id, title: 'Та же заявка', clientId: 'cli-1' }]);
    for (const enqueue of [file, file, again]) {
      const out = io();
      expect(await runHeadless([...baseArgs(), '--enqueue', enqueue, '--once'], out, noWait)).toBe(3);
      expect(out.stderr.join('\n')).toMatch(/the cycle did not finish/);
    }
    const store = openSqliteStore(path.join(dir, 'pult.db'));
    try {
      expect(store.listIntents().map((i) => i.payload.name)).toEqual(['createTask', 'addComment', 'updateFields']);
      // Filled in from the webhook's user: the portal refuses a task without a responsible person.
      expect(store.listIntents()[0]!.payload).toMatchObject({ clientId: 'cli-1', responsibleId: '1' });
    } finally {
      store.close();
    }

    emulator.setUnreachable(false);
    const out = io();
    expect(await runHeadless([...baseArgs(), '--enqueue', file, '--once', '--json'], out)).toBe(0);
    expect(JSON.parse(out.stdout.at(-1)!)).toMatchObject({ queued: 0, failed: 0, conflicts: 0 });
    const created = (await portalTasks(emulator, { GROUP_ID: groups.split(',') })).filter((t) => t.xmlId === 'pult:cli-1');
    expect(created).toHaveLength(1);
  });

  it('refuses bad arguments with exit 2 and a message that names the problem', async () => {
    const cases: [string[], RegExp][] = [
      [baseArgs().filter((a) => a !== '--db' && !a.endsWith('pult.db')), /--db is required/],
      [[...baseArgs(), '--bogus'], /Unknown option '--bogus'/],
      [['--portal', 'http://other.example', '--webhook', emulator.webhookUrl, '--groups', '1', '--db', 'x.db'], /is not on the --portal/],
      [['--portal', emulator.portalUrl, '--groups', '1', '--db', 'x.db'], /--webhook <url> or --token-file/],
      [['--portal', emulator.portalUrl, '--webhook', emulator.webhookUrl, '--groups', '1,abc', '--db', 'x.db'], /numeric group IDs \(got "abc"\)/],
    ];
    for (const [argv, message] of cases) {
      const out = io();
      expect(await runHeadless(argv, out), argv.join(' ')).toBe(2);
      expect(out.stderr.join('\n')).toMatch(message);
    }
  });

  it('a bad enqueue entry: exit 2 naming the entry, and nothing is enqueued', async () => {
    const db = path.join(dir, 'pult.db');
    const file = writeJson('bad.json', [
      { name: 'moveCard', taskId: '12', stageId: '2' },
      { name: 'addComment', taskId: '12', text: 'ok' },
      { name: 'moveCard', taskId: '12' },
    ]);
    const out = io();
    expect(await runHeadless([...baseArgs(db), '--enqueue', file, '--once'], out)).toBe(2);
    expect(out.stderr.join('\n')).toMatch(/entry 2 \(moveCard\): stageId.*nothing was enqueued/);
    expect(existsSync(db)).toBe(false);
  });

  it('signs in with a token file and writes the rotated pair back, atomically, before using it', async () => {
    const tokenFile = writeJson('tokens.json', await oauthTokenFile());
    const original = JSON.parse(readFileSync(tokenFile, 'utf8')) as Record<string, string>;
    emulator.expireAccessTokens();
    const argv = ['--portal', emulator.portalUrl, '--token-file', tokenFile, '--groups', groups, '--db', path.join(dir, 'pult.db'), '--once', '--json'];
    // Watches every REST request: a new access token may only travel once the file holds it.
    const inner = createNodeHttp();
    const sentTokens: { token: string; inFile: boolean }[] = [];
    const http: Http = {
      request(request) {
        const auth = request.body?.startsWith('{') ? (JSON.parse(request.body) as { auth?: string }).auth : undefined;
        if (auth !== undefined) sentTokens.push({ token: auth, inFile: (JSON.parse(readFileSync(tokenFile, 'utf8')) as { access_token: string }).access_token === auth });
        return inner.request(request);
      },
    };
    const out = io();
    expect(await runHeadless(argv, out, { http })).toBe(0);
    const fresh = sentTokens.filter((s) => s.token !== original.access_token);
    expect(fresh.length).toBeGreaterThan(0);
    expect(fresh.every((s) => s.inFile)).toBe(true);
    const rotated = JSON.parse(readFileSync(tokenFile, 'utf8')) as Record<string, string>;
    expect(rotated.refresh_token).not.toBe(original.refresh_token);
    expect(rotated.access_token).not.toBe(original.access_token);
    expect(rotated).toMatchObject({ client_id: emulator.clientId, client_secret: emulator.clientSecret, server_domain: original.server_domain });
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    // Written 0644 by the test: the command warns, and the rewritten file is the owner's only.
    expect(out.stderr.join('\n')).toMatch(/holds secrets and is readable by others/);
    expect(statSync(tokenFile).mode & 0o777).toBe(0o600);
    // The spent refresh token is dead; the file's new pair is the live one.
    expect((await refresh(original.refresh_token!)).status).toBe(400);
    const next = await refresh(rotated.refresh_token!);
    expect(next.status).toBe(200);
  });

  it('a token file without its app credentials: exit 2, secrets not echoed', async () => {
    const tokenFile = writeJson('tokens.json', { access_token: 'sekret-a', refresh_token: 'sekret-r', server_domain: 'oauth.example' });
    const out = io();
    expect(await runHeadless(['--portal', emulator.portalUrl, '--token-file', tokenFile, '--groups', groups, '--db', path.join(dir, 'pult.db'), '--once'], out)).toBe(2);
    expect(out.stderr.join('\n')).toMatch(/client_id.*client_secret|client_secret.*client_id/s);
    expect(out.stderr.join('\n')).not.toMatch(/sekret/);
  });

  it('runs until stopped without --once, printing status changes', async () => {
    let stop!: () => void;
    const out = io(new Promise<void>((resolve) => (stop = resolve)));
    const original = out.out;
    out.out = (line) => {
      original(line);
      if (/^status: online, queued 0, failed 0, conflicts 0$/.test(line)) stop();
    };
    expect(await runHeadless([...baseArgs(), '--json'], out)).toBe(0);
    expect(out.stdout.some((l) => /first sync \d+\/\d+/.test(l))).toBe(true);
    expect(JSON.parse(out.stdout.at(-1)!)).toMatchObject({ queued: 0 });
  });

  it('--board with --json: one board line before the summary, computed from the store with the portal clock', async () => {
    const groupId = emulator.groups[0]!.id;
    const out = io();
    expect(await runHeadless([...baseArgs(), '--once', '--json', '--board', groupId], out)).toBe(0);
    const boardLine = out.stdout.at(-2)!;
    const summary = JSON.parse(out.stdout.at(-1)!) as Record<string, number>;
    expect(summary).toMatchObject({ queued: 0 });
    type Card = { id: string; title: string; kind: string; luSeconds: number; wiaSeconds: number | null; forgotten: boolean; sla: string };
    const { board } = JSON.parse(boardLine) as { board: { groupId: string; now: string; columns: { stageId: string; title: string; role: string; cards: Card[] }[] } };
    expect(board.groupId).toBe(groupId);
    expect(board.now).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+03:00$/);
    expect(board.columns.map((c) => c.title)).toEqual(['Новые заявки', 'Сбор информации', 'Запустить в работу', 'В работе', 'Завершена']);
    expect(board.columns.map((c) => c.role)).toEqual(['new', 'classification', 'queue', 'work', 'done']);
    const cards = board.columns.flatMap((c) => c.cards);
    expect(cards.length).toBeGreaterThan(0);
    expect(cards.length).toBeLessThan(Number(summary.tasks));
    expect(new Set(cards.map((c) => c.kind))).toEqual(new Set(['incident', 'change', 'service']));
    expect(cards.every((c) => Number.isInteger(c.luSeconds) && c.luSeconds >= 0)).toBe(true);
    expect(board.columns[0]!.cards.every((c) => c.wiaSeconds === null)).toBe(true);
    expect(board.columns[3]!.cards.some((c) => c.wiaSeconds !== null && c.wiaSeconds > 0)).toBe(true);
    expect(cards.every((c) => ['ok', 'risk', 'breached', 'none'].includes(c.sla))).toBe(true);

    // Ten days later on the portal's clock, open work is forgotten.
    emulator.advanceClock(10 * 86_400);
    const later = io();
    expect(await runHeadless([...baseArgs(), '--once', '--json', '--board', groupId], later)).toBe(0);
    const laterBoard = JSON.parse(later.stdout.at(-2)!) as { board: { columns: { role: string; cards: Card[] }[] } };
    const open = laterBoard.board.columns.filter((c) => c.role !== 'done').flatMap((c) => c.cards);
    expect(open.length).toBeGreaterThan(0);
    expect(open.every((c) => c.forgotten)).toBe(true);
  });

  it('--board with an invalid --settings file says what is wrong and changes nothing', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'pult-board-'));
    const file = path.join(dir, 'team.json');
    writeFileSync(file, JSON.stringify({ version: 2, plans: { defaultEmployeeHoursPerDay: -3 } }));
    const out = io();
    expect(await runHeadless([...baseArgs(), '--once', '--board', emulator.groups[0]!.id, '--settings', file], out)).toBe(2);
    expect(out.stderr.join('\n')).toMatch(/--settings .*invalid: .*defaultEmployeeHoursPerDay/);
  });
});

async function oauthTokenFile(): Promise<Record<string, unknown>> {
  const admin = emulator.users.find((u) => u.login === 'admin')!;
  const login = await fetch(`${emulator.portalUrl}/oauth/authorize/?client_id=${encodeURIComponent(emulator.clientId)}&state=st`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: `AUTH_FORM=Y&TYPE=AUTH&USER_LOGIN=admin&USER_PASSWORD=${encodeURIComponent(admin.password)}`,
  });
  const redirect = new URL(login.headers.get('location') ?? '');
  const serverDomain = redirect.searchParams.get('server_domain') ?? '';
  const params = new URLSearchParams({ grant_type: 'authorization_code', client_id: emulator.clientId, client_secret: emulator.clientSecret, code: redirect.searchParams.get('code') ?? '' });
  const answer = (await (await fetch(`${emulator.oauthServerUrl}/oauth/token/?${params}`)).json()) as Record<string, unknown>;
  expect(answer.refresh_token).toBeTypeOf('string');
  return { ...answer, client_id: emulator.clientId, client_secret: emulator.clientSecret, server_domain: serverDomain };
}

function refresh(refreshToken: string): Promise<Response> {
  const params = new URLSearchParams({ grant_type: 'refresh_token', client_id: emulator.clientId, client_secret: emulator.clientSecret, refresh_token: refreshToken });
  return fetch(`${emulator.oauthServerUrl}/oauth/token/?${params}`);
}

