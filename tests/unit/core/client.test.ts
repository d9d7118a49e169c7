import { describe, expect, it } from 'vitest';
import { createBitrixClient, type BitrixClientOptions, type TokenSource } from '../../../src/core/bitrix/client';
import { listGroups } from '../../../src/core/bitrix/groups';
import { HttpTransportError, type Http, type HttpRequest } from '../../../src/core/ports';
import { BitrixError } from '../../../src/core/bitrix/errors';
import { seededRandom, VirtualClock } from '../../support/fake-clock';

type Answer = { status: number; body: unknown } | Error;

function scriptedHttp(script: (request: HttpRequest, index: number) => Answer): Http & { requests: HttpRequest[] } {
  const requests: HttpRequest[] = [];
  return {
    requests,
    async request(request) {
      requests.push(request);
      const answer = script(request, requests.length - 1);
      if (answer instanceof Error) throw answer;
      return { status: answer.status, headers: {}, body: typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body) };
    },
  };
}

const webhook = { kind: 'webhook', webhookUrl: 'https://portal.test/rest/1/secret' } as const;
const ok = (result: unknown, extra: object = {}) => ({ status: 200, body: { result, ...extra } });

function client(http: Http, overrides: Partial<BitrixClientOptions> = {}) {
  const clock = new VirtualClock();
  return { clock, client: createBitrixClient({ http, clock, random: seededRandom(), endpoint: webhook, ...overrides }) };
}

describe('createBitrixClient', () => {
  it('sends webhook calls to <webhook>/<method>.json with a JSON body and no auth', async () => {
    const http = scriptedHttp(() => ok(true));
    await client(http).client.call('server.time', { a: 1 });
    expect(http.requests[0]).toMatchObject({ method: 'POST', url: 'https://portal.test/rest/1/secret/server.time.json' });
    expect(JSON.parse(http.requests[0]!.body!)).toEqual({ a: 1 });
  });

  it('puts the OAuth access token in the JSON body as auth', async () => {
    const http = scriptedHttp(() => ok(true));
    const tokens: TokenSource = { current: async () => 'tok', refresh: async () => 'tok2' };
    await client(http, { endpoint: { kind: 'oauth', portalUrl: 'https://portal.test', tokens } }).client.call('user.current');
    expect(http.requests[0]!.url).toBe('https://portal.test/rest/user.current.json');
    expect(JSON.parse(http.requests[0]!.body!)).toEqual({ auth: 'tok' });
  });

  it('refreshes once on expired_token and replays the call with the new token', async () => {
    const http = scriptedHttp((request) =>
      JSON.parse(request.body!).auth === 'old' ? { status: 401, body: { error: 'expired_token', error_description: 'The access token provided has expired.' } } : ok('done'),
    );
    const refreshed: string[] = [];
    const tokens: TokenSource = { current: async () => 'old', refresh: async (stale) => (refreshed.push(stale), 'new') };
    const answer = await client(http, { endpoint: { kind: 'oauth', portalUrl: 'https://p', tokens } }).client.call('user.current');
    expect(answer.result).toBe('done');
    expect(refreshed).toEqual(['old']);
    expect(http.requests).toHaveLength(2);
  });

  it('does not loop when the refreshed token is refused too', async () => {
    const http = scriptedHttp(() => ({ status: 401, body: { error: 'expired_token' } }));
    const tokens: TokenSource = { current: async () => 'a', refresh: async () => 'b' };
    await expect(client(http, { endpoint: { kind: 'oauth', portalUrl: 'https://p', tokens } }).client.call('x')).rejects.toMatchObject({ kind: 'token-expired' });
    expect(http.requests).toHaveLength(2);
  });

  it('retries a refused connection with growing jittered waits, then reports the portal unreachable', async () => {
    const http = scriptedHttp(() => new HttpTransportError('ECONNREFUSED', 'network', false));
    const { client: c, clock } = client(http, { maxTransientAttempts: 4 });
    await expect(c.call('x')).rejects.toMatchObject({ kind: 'unreachable', code: 'NETWORK' });
    expect(http.requests).toHaveLength(4);
    expect(clock.sleeps).toHaveLength(3);
    expect(clock.sleeps.every((ms) => ms >= 250)).toBe(true);
  });

  it('retries an HTML 502 for a read and succeeds', async () => {
    const http = scriptedHttp((_r, i) => (i === 0 ? { status: 502, body: '<html>Bad Gateway</html>' } : ok([1])));
    expect((await client(http).client.call('tasks.task.list')).result).toEqual([1]);
  });

  it('never resends a non-idempotent write whose answer was lost', async () => {
    const http = scriptedHttp(() => new HttpTransportError('socket hang up', 'network', true));
    const error = await client(http).client.call('task.commentitem.add', {}, { idempotent: false }).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'unreachable', ambiguous: true });
    expect(http.requests).toHaveLength(1);
  });

  it('resends a non-idempotent write that never reached the portal', async () => {
    const http = scriptedHttp((_r, i) => (i === 0 ? new HttpTransportError('ECONNREFUSED', 'network', false) : ok(17)));
    expect((await client(http).client.call('task.commentitem.add', {}, { idempotent: false })).result).toBe(17);
  });

  it('waits out 503 QUERY_LIMIT_EXCEEDED and paces what follows', async () => {
    const http = scriptedHttp((_r, i) => (i === 0 ? { status: 503, body: { error: 'QUERY_LIMIT_EXCEEDED', error_description: 'Too many requests' } } : ok(i)));
    const { client: c, clock } = client(http);
    await c.call('a');
    expect(c.pacer.state().limited).toBe(true);
    expect(clock.sleeps.length).toBeGreaterThan(0);
    const before = clock.now();
    await c.call('b');
    await c.call('c');
    // Paced at about 2 requests per second after the bucket filled.
    expect(clock.now() - before).toBeGreaterThanOrEqual(900);
  });

  it('after 429 OPERATION_TIME_LIMIT (a body without `time`, as the box sends) waits for the reset an earlier answer of that method gave', async () => {
    const clock = new VirtualClock();
    const resetAt = Math.floor(clock.now() / 1000) + 20;
    const blocked = { status: 429, body: { error: 'OPERATION_TIME_LIMIT', error_description: 'Method is blocked due to operation time limit.' } };
    const http = scriptedHttp((_r, i) => (i === 0 ? ok([], { time: { start: 1, finish: 2, duration: 1, processing: 1, date_start: '', date_finish: '', operating: 400, operating_reset_at: resetAt } }) : i === 1 ? blocked : ok(true)));
    const c = createBitrixClient({ http, clock, random: seededRandom(), endpoint: webhook });
    await c.call('tasks.task.list');
    await c.call('tasks.task.list');
    expect(clock.now()).toBeGreaterThanOrEqual(resetAt * 1000);
    expect(clock.now()).toBeLessThan(resetAt * 1000 + 60_000);
    expect(http.requests).toHaveLength(3);
  });

  it('after 429 OPERATION_TIME_LIMIT with no reset known waits a minute, then tries again', async () => {
    const clock = new VirtualClock();
    const start = clock.now();
    const http = scriptedHttp((_r, i) => (i === 0 ? { status: 429, body: { error: 'OPERATION_TIME_LIMIT', error_description: 'Method is blocked due to operation time limit.' } } : ok(true)));
    const c = createBitrixClient({ http, clock, random: seededRandom(), endpoint: webhook });
    expect((await c.call('tasks.task.list')).result).toBe(true);
    expect(clock.now() - start).toBe(60_000);
  });

  it('waits for operating_reset_at after 429 OPERATION_TIME_LIMIT', async () => {
    const clock = new VirtualClock();
    const resetAt = Math.floor(clock.now() / 1000) + 20;
    const http = scriptedHttp((_r, i) =>
      i === 0 ? { status: 429, body: { error: 'OPERATION_TIME_LIMIT', error_description: 'Method is blocked due to operation time limit.', time: { start: 1, finish: 2, operating_reset_at: resetAt } } } : ok(true),
    );
    const c = createBitrixClient({ http, clock, random: seededRandom(), endpoint: webhook });
    await c.call('tasks.task.list');
    expect(clock.now()).toBeGreaterThanOrEqual(resetAt * 1000);
  });

  it('shows a refusal at once, without retrying', async () => {
    const http = scriptedHttp(() => ({ status: 400, body: { error: 'ACCESS_DENIED_MOVE', error_description: 'Access denied' } }));
    await expect(client(http).client.call('task.stages.movetask')).rejects.toMatchObject({ kind: 'refused', code: 'ACCESS_DENIED_MOVE' });
    expect(http.requests).toHaveLength(1);
  });

  it('counts every HTTP request', async () => {
    const http = scriptedHttp((_r, i) => (i < 2 ? { status: 500, body: { error: 'ERROR_CORE' } } : ok(1)));
    const { client: c } = client(http);
    await c.call('x');
    expect(c.requestCount).toBe(3);
  });
});

describe('batch', () => {
  it('writes commands as method?php-query and reads per-command results and errors', async () => {
    const http = scriptedHttp(() =>
      ok({ result: { a: { tasks: [] } }, result_error: { b: { error: 'ACCESS_DENIED', error_description: 'no' } }, result_total: { a: 0 }, result_next: [], result_time: {} }),
    );
    const outcome = await client(http).client.batch({
      a: { method: 'tasks.task.list', params: { filter: { GROUP_ID: 3, '>ID': 10 }, select: ['ID', 'TITLE'] } },
      b: { method: 'task.stages.get', params: { entityId: 5 } },
    });
    const body = JSON.parse(http.requests[0]!.body!);
    expect(body.cmd.a).toBe('tasks.task.list?filter%5BGROUP_ID%5D=3&filter%5B%3EID%5D=10&select%5B0%5D=ID&select%5B1%5D=TITLE');
    expect(outcome.errors).toEqual({ b: { code: 'ACCESS_DENIED', description: 'no' } });
    expect(outcome.totals).toEqual({ a: 0 });
    expect(outcome.nexts).toEqual({});
  });

  it('refuses more than 50 commands before sending', async () => {
    const http = scriptedHttp(() => ok({}));
    const commands = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`c${i}`, { method: 'x' }]));
    await expect(client(http).client.batch(commands)).rejects.toThrow(/at most 50/);
    expect(http.requests).toHaveLength(0);
  });
});

describe('listGroups', () => {
  it('follows next across pages and maps UPPERCASE rows', async () => {
    const http = scriptedHttp((request) =>
      JSON.parse(request.body!).start === 0
        ? ok([{ ID: '1', NAME: 'A', CLOSED: 'Y', NUMBER_OF_MEMBERS: '12' }], { total: 2, next: 1 })
        : ok([{ ID: '7', NAME: 'B', CLOSED: 'N' }], { total: 2 }),
    );
    expect(await listGroups(client(http).client)).toEqual([
      { id: '1', name: 'A', closed: true, membersCount: 12 },
      { id: '7', name: 'B', closed: false, membersCount: null },
    ]);
  });

  it('refuses rows of the wrong shape with a clear error', async () => {
    const http = scriptedHttp(() => ok([{ id: 1 }]));
    const error = await listGroups(client(http).client).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BitrixError);
    expect(error).toMatchObject({ kind: 'malformed' });
  });
});
