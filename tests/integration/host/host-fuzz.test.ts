/**
 * A fuzz of every method of the renderer↔host API over browser mode's real WebSocket: random and
 * hostile payloads (wrong types, huge strings, deep nesting, prototype keys, method values that
 * are not names), seeded (PULT_FUZZ_SEED overrides). Every message is answered with an envelope
 * or, when it has no usable ID, the socket is closed; the host keeps serving, and no prototype
 * of the host's realm changes. Then the host's worker client takes input it cannot carry.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { startEmulator, type EmulatorHandle } from '../../../src/bitrix-emulator/index';
import { API_METHOD_NAMES } from '../../../src/node/api-dispatch';
import { acceptProposedSetup } from '../../../src/node/host/auto-setup';
import type { PultHost } from '../../../src/node/host/pult-host';
import { startHostWorker } from '../../../src/node/host-worker/client';
import { startWebHost, type WebHost } from '../../../src/node/web-host';
import { inProcessWire } from '../../../src/node/wire';
import type { ApiResult } from '../../../src/shared/api';
import { seededRandom } from '../../support/fake-clock';
import { browserHost } from './browser-host';

const SEED = Number(process.env.PULT_FUZZ_SEED ?? 20261202) >>> 0;
const MESSAGES = 10_000;
const IN_FLIGHT = 64;
const DEMO_REFUSED = 'no demo portal in the fuzz';

const PROTOTYPE_NAMES = () => ({
  object: Object.getOwnPropertyNames(Object.prototype).sort().join(','),
  array: Object.getOwnPropertyNames(Array.prototype).sort().join(','),
  fn: Object.getOwnPropertyNames(Function.prototype).sort().join(','),
  string: Object.getOwnPropertyNames(String.prototype).sort().join(','),
});

let emulator: EmulatorHandle;
let host: PultHost;
let web: WebHost;
const internalErrors: unknown[] = [];
let known: { groupId: string; taskId: string };

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, seed: 7, tasks: 60, profile: 'box' });
  ({ host } = browserHost('pult-fuzz-', { version: 'fuzz', demoRefusal: DEMO_REFUSED }));
  await acceptProposedSetup(host, await host.connectWebhook({ portalUrl: emulator.portalUrl, webhookUrl: emulator.webhookUrl }));
  const groupId = emulator.groups[0]!.id;
  const board = await host.getBoard(groupId);
  known = { groupId, taskId: board.cards[0]?.id ?? '1' };
  const rendererDir = mkdtempSync(path.join(os.tmpdir(), 'pult-fuzz-renderer-'));
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Pult</title>');
  web = await startWebHost({ wire: inProcessWire(host, (error) => internalErrors.push(error)), rendererDir });
}, 60_000);

afterAll(async () => {
  await web?.close();
  await host?.close();
  await emulator?.close();
});

/** Hostile JSON, as text: prototype keys must reach the host as the page would send them. */
function generator(seed: number) {
  const random = seededRandom(seed);
  const int = (n: number) => Math.floor(random.next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  const KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', 'version', 'groupId', 'taskId', 'offset', 'name', 'fields', 'portalUrl', 'webhookUrl', 'clientId', 'x', '', '0', 'polluted'];
  const STRINGS = () => [
    '',
    'x',
    '1',
    known.groupId,
    known.taskId,
    'local:abc',
    '99999999999999999999',
    '-1',
    '../../etc/passwd',
    '%E0%A4%A',
    '<script>alert(1)</script>',
    '\u0000\u202e💥\ud800',
    'https://portal.example.ru',
    'javascript:alert(1)',
    'file:///etc/passwd',
    '2026-13-45',
    '1h',
    'mine',
    'a'.repeat(int(5_000)),
  ];
  const NUMBERS = ['0', '-0', '1', '-1', '1.5', '1e308', '-1e308', '9007199254740993', '2', '10000001'];

  function value(depth: number): string {
    const roll = int(depth > 3 ? 6 : 10);
    switch (roll) {
      case 0:
        return 'null';
      case 1:
        return pick(['true', 'false']);
      case 2:
        return pick(NUMBERS);
      case 3:
      case 4:
        return JSON.stringify(pick(STRINGS()));
      case 5:
        // One in 60 values: a huge string (up to 200 KB).
        return int(10) === 0 ? JSON.stringify('z'.repeat(int(200_000))) : JSON.stringify(pick(STRINGS()));
      case 6:
      case 7:
        return `[${Array.from({ length: int(4) }, () => value(depth + 1)).join(',')}]`;
      case 8:
        return `{${Array.from({ length: int(5) }, () => `${JSON.stringify(pick(KEYS))}:${value(depth + 1)}`).join(',')}}`;
      default:
        // Deep nesting, arrays or objects, up to 20,000 levels.
        return int(2) === 0 ? nestedArray(int(20_000)) : nestedObject(int(5_000));
    }
  }

  function nestedArray(levels: number): string {
    return `${'['.repeat(levels)}${']'.repeat(levels)}`;
  }

  function nestedObject(levels: number): string {
    return `${'{"__proto__":'.repeat(levels)}{"polluted":1}${'}'.repeat(levels)}`;
  }

  /** Args close to a valid call, with prototype keys slipped in: these get past the first check. */
  function nearValid(method: string): string {
    const poison = `"__proto__":{"polluted":1,"version":1},"constructor":{"prototype":{"polluted":1}}`;
    switch (method) {
      case 'getBoard':
      case 'getTaskDetails':
      case 'openInPortal':
        return `[${JSON.stringify(method === 'getBoard' ? known.groupId : known.taskId)}]`;
      case 'getBoardPage':
        return `[{"groupId":${JSON.stringify(known.groupId)},"offset":${pick(['0', '-1', '1e9', '"0"'])},${poison}}]`;
      case 'saveSettings':
        return `[{"version":2,${poison},"groupIds":[${JSON.stringify(known.groupId)}]}]`;
      case 'suggestAssignee':
        return `[{"taskId":${JSON.stringify(known.taskId)},${poison}}]`;
      case 'getReports':
        return `[{"fromDay":"2026-01-01","toDay":"2026-01-31","month":"2026-01",${poison}}]`;
      case 'enqueue':
        return `[{"name":"updateFields","taskId":${JSON.stringify(known.taskId)},"fields":{${poison},"TITLE":"fuzz"}}]`;
      case 'importSettings':
        return `[${JSON.stringify(`{"version":2,${poison}}`)}]`;
      default:
        return `[{${poison}}]`;
    }
  }

  const HOSTILE_METHODS = ['{"toString":"getAppInfo"}', '["getAppInfo"]', 'null', '1', '"__proto__"', '"constructor"', '"toString"', '"valueOf"', '"hasOwnProperty"', '"getAppInfo\\u0000"', '"GETAPPINFO"', '""', `"${'m'.repeat(10_000)}"`];
  let next = 0;
  return {
    /** One call: the method sent (a name, or the hostile value's text) and the frame's text. */
    call(id: number): { method: string; apiMethod: boolean; text: string } {
      const hostile = int(100) < 12;
      const method = hostile ? pick(HOSTILE_METHODS) : JSON.stringify(API_METHOD_NAMES[next++ % API_METHOD_NAMES.length]!);
      const name = hostile ? method : (JSON.parse(method) as string);
      const roll = int(100);
      const args = roll < 15 ? nearValid(name) : roll < 75 ? `[${Array.from({ length: int(4) }, () => value(0)).join(',')}]` : value(0);
      const omit = int(100) < 3;
      const text = `{"id":${id}${omit ? '' : `,"method":${method}`},"args":${args}}`;
      return { method: hostile ? `hostile:${method.slice(0, 24)}` : name, apiMethod: !hostile && !omit, text };
    },
    /** A frame with no usable ID: the socket is closed. */
    envelope(): string {
      return pick(['null', '[]', '42', '"x"', 'true', '{}', '{"id":"1","method":"getAppInfo","args":[]}', '{"id":1.5}', '{"id":null}', '{"__proto__":{"id":1}}', '{"id":', 'not json', `{"id":9007199254740993,"args":${value(0)}}`]);
    },
    chance: (percent: number) => int(100) < percent,
  };
}

function openApi(): Promise<WebSocket> {
  const url = new URL(web.url);
  const ws = new WebSocket(`ws://${url.host}/api?token=${url.searchParams.get('token')}`, { headers: { origin: `http://${url.host}` } });
  return new Promise((resolve, reject) => ws.once('open', () => resolve(ws)).once('error', reject));
}

describe('fuzzing every API method over the WebSocket', () => {
  it(`${MESSAGES} seeded messages: each answered or dropped, the host serving after, no prototype changed`, async () => {
    const before = PROTOTYPE_NAMES();
    const fuzz = generator(SEED);
    const perMethod = new Map<string, { sent: number; ok: number; errors: number }>();
    let answered = 0;
    let dropped = 0;
    let invalidInput = 0;
    let sent = 0;

    let ws = await openApi();
    const pending = new Map<number, { method: string; apiMethod: boolean; resolve(): void }>();
    const listen = (socket: WebSocket) => {
      socket.on('message', (data) => {
        const frame = JSON.parse(String(data)) as { id?: number; result?: ApiResult<unknown>; event?: unknown };
        if (frame.id === undefined) return;
        const call = pending.get(frame.id);
        if (!call) return;
        pending.delete(frame.id);
        const stats = perMethod.get(call.method)!;
        expect(typeof frame.result?.ok, `answer to ${call.method}`).toBe('boolean');
        if (frame.result!.ok) stats.ok++;
        else {
          stats.errors++;
          if (frame.result!.error.code === 'invalid-input') invalidInput++;
        }
        // A value that is not a method name is refused as such, never run.
        if (!call.apiMethod) expect(frame.result, call.method).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
        answered++;
        call.resolve();
      });
    };
    listen(ws);

    let id = 0;
    while (sent < MESSAGES) {
      const batch: Promise<void>[] = [];
      for (let i = 0; i < IN_FLIGHT && sent < MESSAGES; i++, sent++) {
        if (fuzz.chance(4)) {
          // No usable ID: this socket is closed (1003), on a socket of its own.
          const other = await openApi();
          const code = await new Promise<number>((resolve) => {
            other.once('close', (c) => resolve(c));
            other.send(fuzz.envelope());
          });
          expect(code).toBe(1003);
          dropped++;
          continue;
        }
        const call = fuzz.call(++id);
        if (!perMethod.has(call.method)) perMethod.set(call.method, { sent: 0, ok: 0, errors: 0 });
        perMethod.get(call.method)!.sent++;
        batch.push(new Promise<void>((resolve) => pending.set(id, { ...call, resolve })));
        ws.send(call.text);
      }
      // A call left without an answer fails here, not at the suite's timeout.
      let timer: NodeJS.Timeout | undefined;
      const unanswered = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer to ${pending.size} calls, e.g. ${[...pending.values()].slice(0, 3).map((c) => c.method).join(', ')}`)), 15_000);
      });
      await Promise.race([Promise.all(batch), unanswered]).finally(() => clearTimeout(timer));
      if (ws.readyState !== ws.OPEN) {
        ws = await openApi();
        listen(ws);
      }
    }
    ws.close();

    const methods = API_METHOD_NAMES.filter((method) => (perMethod.get(method)?.sent ?? 0) > 0);
    const ok = [...perMethod.values()].reduce((sum, s) => sum + s.ok, 0);
    console.log(
      `[host-fuzz] seed ${SEED} (PULT_FUZZ_SEED): ${sent} messages, ${methods.length}/${API_METHOD_NAMES.length} API methods + ${perMethod.size - methods.length} hostile method values; ` +
        `${answered} answered (${ok} ok, ${answered - ok} errors, ${invalidInput} invalid-input), ${dropped} dropped with 1003, ${internalErrors.length} internal errors (all connectDemo refused by the test); crashes: 0`,
    );
    expect(methods).toEqual(API_METHOD_NAMES);
    // The only internal failure allowed is this test's own demo starter refusing connectDemo.
    expect(internalErrors.filter((error) => !(error instanceof Error && error.message === DEMO_REFUSED)).map(String)).toEqual([]);
    expect(answered + dropped).toBe(sent);
    expect(pending.size).toBe(0);

    // No prototype of the host's realm changed, and a fresh object inherits nothing new.
    expect(PROTOTYPE_NAMES()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(Object.prototype)).toBeNull();

    // Still serving: the page, an API call, and the board of the portal it is connected to.
    expect((await fetch(new URL(web.url).origin)).status).toBe(200);
    const after = await openApi();
    const info = await new Promise<ApiResult<unknown>>((resolve) => {
      after.once('message', (data) => resolve((JSON.parse(String(data)) as { result: ApiResult<unknown> }).result));
      after.send('{"id":1,"method":"getAppInfo","args":[]}');
    });
    expect(info.ok).toBe(true);
    after.close();
  }, 90_000);
});

describe("the host worker's client", () => {
  it('answers input it cannot carry to the worker with an error, and the worker is never restarted', async () => {
    const logs: string[] = [];
    const worker = startHostWorker({
      config: { version: 'fuzz', shell: 'browser', dataDir: mkdtempSync(path.join(os.tmpdir(), 'pult-fuzz-worker-')), secrets: 'memory', signInInApp: false },
      openExternal: async () => undefined,
      log: (level, message) => logs.push(`${level} ${message}`),
    });
    try {
      const threadId = worker.threadId;
      const deep: unknown[] = [];
      let cursor = deep;
      for (let i = 0; i < 200_000; i++) cursor = (cursor[0] = []) as unknown[];
      const uncarriable: [unknown, unknown][] = [
        ['getAppInfo', [() => 1]],
        ['getBoard', [Symbol('x')]],
        [{ toString: () => 'getAppInfo' }, []],
        [Symbol('getAppInfo'), []],
        ['saveSettings', [{ version: 2, get groupIds() { throw new Error('a getter that throws'); } }]],
        ['getBoard', deep],
      ];
      for (const [method, args] of uncarriable) {
        const result = JSON.parse(await worker.wire.call(method, args)) as ApiResult<unknown>;
        expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
      }
      // The same generator's payloads, parsed as a relay would pass them on.
      const fuzz = generator(SEED + 1);
      let answered = 0;
      for (let id = 1; id <= 500; id++) {
        const { text } = fuzz.call(id);
        const message = JSON.parse(text) as { method?: unknown; args?: unknown };
        const result = JSON.parse(await worker.wire.call(message.method, message.args)) as ApiResult<unknown>;
        expect(typeof result.ok).toBe('boolean');
        answered++;
      }
      console.log(`[host-fuzz] worker client: ${uncarriable.length} uncarriable inputs and ${answered} fuzz calls answered; restarts: ${worker.threadId === threadId ? 0 : 'some'}`);
      expect(worker.threadId).toBe(threadId);
      expect(logs.filter((line) => line.includes('stopped'))).toEqual([]);
      expect(JSON.parse(await worker.wire.call('getAppInfo', []))).toMatchObject({ ok: true });
    } finally {
      await worker.close();
    }
  }, 60_000);
});
