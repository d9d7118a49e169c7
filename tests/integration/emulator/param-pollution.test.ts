/**
 * The emulator's PHP-style parameters never walk into a prototype: the demo portal runs inside
 * Pult's own host, so a polluted Object.prototype there would be Pult's. Also: the `/_emulator/*`
 * control routes refuse what a page of another origin could send.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEmulator, type TestEmulator } from './harness';

let emu: TestEmulator;
let baseline: { firstTaskId: string; groupId: string };

beforeAll(async () => {
  emu = await startTestEmulator({ realPortal: true, tasks: 60 });
  baseline = { firstTaskId: await firstTaskId(), groupId: await firstGroupId() };
});
afterAll(async () => {
  // Figures for the README: attacks sent, each against tasks.task.list and sonet_group.get.
  console.log(`[param-pollution] ${QUERY_ATTACKS.length} query + ${BODY_ATTACKS.length} body + 1 batch attacks; prototype polluted: ${Object.hasOwn(Object.prototype, 'polluted') ? 'yes' : 'no'}`);
  await emu.close();
});

async function get(method: string, query: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${emu.webhookUrl}${method}?${query}`);
  return { status: res.status, body: (await res.json().catch(() => ({}))) as Record<string, unknown> };
}

async function post(method: string, body: string, type: string): Promise<number> {
  const res = await fetch(`${emu.webhookUrl}${method}`, { method: 'POST', headers: { 'Content-Type': type }, body });
  await res.text();
  return res.status;
}

async function firstTaskId(): Promise<string> {
  const answer = await get('tasks.task.list', 'order[ID]=asc&select[]=ID');
  return String((answer.body.result as { tasks: { id: string }[] }).tasks[0]!.id);
}

async function firstGroupId(): Promise<string> {
  const answer = await get('sonet_group.get', 'order[ID]=asc');
  return String((answer.body.result as { ID: string }[])[0]!.ID);
}

/** Nothing new on Object.prototype, a fresh object inherits nothing, and lists still behave. */
async function expectUnpolluted(label: string): Promise<void> {
  const fresh = {} as Record<string, unknown>;
  for (const key of ['polluted', 'start', 'ID', 'filter', 'x', 'y', '0']) {
    expect(Object.hasOwn(Object.prototype, key), `${label}: Object.prototype.${key}`).toBe(false);
    expect(fresh[key], `${label}: ({}).${key}`).toBeUndefined();
  }
  expect(Object.getPrototypeOf(Object.prototype), label).toBeNull();
  expect(await firstTaskId(), `${label}: a list still starts at the first task`).toBe(baseline.firstTaskId);
  const filtered = await get('sonet_group.get', `filter[ID]=${baseline.groupId}`);
  expect((filtered.body.result as { ID: string }[]).map((g) => g.ID), `${label}: a group filter still matches`).toEqual([baseline.groupId]);
}

const QUERY_ATTACKS = [
  'x[__proto__][polluted]=1',
  '__proto__[polluted]=1',
  'y[__proto__][start]=7',
  'x[constructor][prototype][polluted]=1',
  'constructor[prototype][polluted]=1',
  'x[prototype][polluted]=1',
  'filter[__proto__][ID]=1',
  'filter[constructor][prototype][ID]=1',
  '%5F%5Fproto%5F%5F[polluted]=1',
  'x%5B__proto__%5D%5Bpolluted%5D=1',
  'x[__proto__][]=1',
  'x[][__proto__][polluted]=1',
  'x[__proto__][__proto__][polluted]=1',
  '__proto__=1',
  'constructor=1&prototype=1',
  'x[toString]=1&x[valueOf]=2&x[hasOwnProperty]=3',
  'order[__proto__][ID]=desc',
  'select[__proto__][0]=TITLE',
];

describe('prototype keys in PHP-style parameters', () => {
  for (const attack of QUERY_ATTACKS) {
    it(`query ${attack}`, async () => {
      for (const method of ['tasks.task.list', 'sonet_group.get']) {
        const answer = await get(method, `${attack}&select[]=ID`);
        expect(answer.status, `${method} ${attack}`).toBeLessThan(500);
      }
      await expectUnpolluted(attack);
    });
  }

});

const BODY_ATTACKS: [string, string][] = [
    ['application/x-www-form-urlencoded', 'x[__proto__][polluted]=1&y[__proto__][start]=7'],
    ['application/x-www-form-urlencoded', 'x[constructor][prototype][polluted]=1'],
    ['application/json', '{"__proto__":{"polluted":1,"start":7}}'],
    ['application/json', '{"filter":{"__proto__":{"ID":"1"}},"x":{"__proto__":{"polluted":1}}}'],
    ['application/json', '{"constructor":{"prototype":{"polluted":1}}}'],
    ['application/json', '[{"__proto__":{"polluted":1}}]'],
  ];

describe('prototype keys in request bodies', () => {
  for (const [type, body] of BODY_ATTACKS) {
    it(`${type} body ${body}`, async () => {
      expect(await post('tasks.task.list', body, type)).toBeLessThan(500);
      expect(await post('sonet_group.get', body, type)).toBeLessThan(500);
      await expectUnpolluted(body);
    });
  }

  it('a batch carries the same attack inside its commands', async () => {
    const cmd = encodeURIComponent('tasks.task.list?x[__proto__][polluted]=1&y[__proto__][start]=7');
    const answer = await get('batch', `cmd[a]=${cmd}&cmd[__proto__]=${cmd}&cmd[constructor]=${cmd}`);
    expect(answer.status).toBe(200);
    expect(Object.keys(answer.body.result as Record<string, unknown>)).toContain('result');
    await expectUnpolluted('batch');
  });

  it('a prototype key is dropped and the rest of the request stands', async () => {
    const answer = await get('sonet_group.get', `filter[__proto__][ID]=0&filter[ID]=${baseline.groupId}`);
    expect((answer.body.result as { ID: string }[]).map((g) => g.ID)).toEqual([baseline.groupId]);
    const paged = await get('tasks.task.list', 'order[ID]=asc&select[]=ID&start[__proto__]=7&start=0');
    expect(String((paged.body.result as { tasks: { id: string }[] }).tasks[0]!.id)).toBe(baseline.firstTaskId);
  });
});

describe('malformed escapes on the portal', () => {
  it.each(['/rest/%E0%A4%A', '/rest/1/%zz/server.time', '/rest/%/%/%', `/rest/server.time?x=%E0%A4%A&${'%'.repeat(3)}=1`])('%s is a REST error answer, not an internal one', async (target) => {
    const res = await fetch(`${emu.portalUrl}${target}`);
    await res.text();
    expect(res.status).toBeLessThan(500);
  });
});

describe('control routes refuse what a foreign page could send', () => {
  const controlUrl = (route: string) => `${emu.portalUrl}/_emulator/${route}`;

  it('a text/plain POST (no preflight in a browser) is 415 and changes nothing', async () => {
    const before = Date.parse(String((await emu.control('state')).body.now));
    const res = await fetch(controlUrl('clock'), { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: '{"advanceSeconds":86400}' });
    expect(res.status).toBe(415);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    const after = Date.parse(String((await emu.control('state')).body.now));
    expect(after - before).toBeLessThan(60_000);
  });

  it('a form POST and a POST with no type are 415', async () => {
    expect((await fetch(controlUrl('faults'), { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'unreachable=true' })).status).toBe(415);
    expect((await fetch(controlUrl('faults'), { method: 'POST', body: new Uint8Array([123, 125]) })).status).toBe(415);
  });

  it('a foreign Origin is 403 even with JSON, for GET too; no wildcard CORS on any control answer', async () => {
    const foreign = await fetch(controlUrl('faults'), { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: 'https://evil.example' }, body: '{"unreachable":true}' });
    expect(foreign.status).toBe(403);
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
    const read = await fetch(controlUrl('state'), { headers: { Origin: 'http://127.0.0.1:1' } });
    expect(read.status).toBe(403);
    const preflight = await fetch(controlUrl('clock'), { method: 'OPTIONS', headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'POST' } });
    expect(preflight.status).toBe(403);
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    // Still reachable: REST works, so the fault was never set.
    expect((await get('server.time', '')).status).toBe(200);
  });

  it('Node with JSON (as the tests call it) still drives the emulator; the portal own origin is accepted', async () => {
    const state = await fetch(controlUrl('state'));
    expect(state.status).toBe(200);
    expect(state.headers.get('access-control-allow-origin')).toBeNull();
    const same = await fetch(controlUrl('comments'), { method: 'POST', headers: { 'Content-Type': 'application/json; charset=utf-8', Origin: emu.portalUrl }, body: '{"mode":"legacy"}' });
    expect(same.status).toBe(200);
    expect((await emu.control('clock', { advanceSeconds: 1 })).status).toBe(200);
  });
});
