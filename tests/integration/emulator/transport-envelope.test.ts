import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEmulator, type TestEmulator, type TokenSet } from './harness';

let emu: TestEmulator;
let tokens: TokenSet;

beforeAll(async () => {
  emu = await startTestEmulator({ tasks: 120 });
  tokens = await emu.oauthLogin();
});
afterAll(() => emu.close());

describe('REST envelope and routing', () => {
  it('server-facts §1: result plus time{start, finish, duration, processing, date_start, date_finish}, no operating keys on box', async () => {
    const r = await emu.rest('user.current', {}, { token: tokens.access_token });
    expect(r.status).toBe(200);
    expect(r.body.result).toEqual({ ID: '1', ADMIN: true });
    const time = r.body.time as Record<string, unknown>;
    expect(Object.keys(time).sort()).toEqual(['date_finish', 'date_start', 'duration', 'finish', 'processing', 'start']);
    expect(typeof time.start).toBe('number');
    expect(time.date_start).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+03:00$/);
    expect(Math.abs((time.start as number) * 1000 - emu.clock.now())).toBeLessThan(5000);
  });

  it('server-facts §1: every response sends Access-Control-Allow-Origin: *', async () => {
    const ok = await emu.rest('user.current', {}, { token: tokens.access_token });
    const bad = await emu.rest('no.such.method', {}, { token: tokens.access_token });
    expect(ok.headers.get('access-control-allow-origin')).toBe('*');
    expect(bad.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('server-facts §1: next is sent only while offset+rows < total; total is a top-level integer', async () => {
    const first = await emu.rest('tasks.task.list', {}, { token: tokens.access_token });
    expect(first.body.total).toBe(120);
    expect(first.body.next).toBe(50);
    expect(Object.keys(first.body)).toEqual(['result', 'next', 'total', 'time']);
    const last = await emu.rest('tasks.task.list', { start: 100 }, { token: tokens.access_token });
    expect((last.body.result as { tasks: unknown[] }).tasks).toHaveLength(20);
    expect(last.body.total).toBe(120);
    expect('next' in last.body).toBe(false);
  });

  it('server-facts §1: a null total from the handler still becomes an integer total', async () => {
    const r = await emu.rest('crm.item.list', {}, { token: tokens.access_token });
    expect(r.body.total).toBe(0);
  });

  it('server-facts §1: start is intval-ed and removed; auth, access_token, auth_connector never reach the handler', async () => {
    const r = await emu.rest('echo.params', { start: '50abc', auth_connector: 'pult', filter: { '>ID': 5 } }, { token: tokens.access_token, via: 'form' });
    const result = r.body.result as { params: Record<string, unknown>; start: number | null };
    expect(result.start).toBe(50);
    expect(result.params).toEqual({ filter: { '>ID': '5' } });
    const none = await emu.rest('echo.params', {}, { token: tokens.access_token });
    expect((none.body.result as { start: unknown }).start).toBeNull();
  });

  it('server-facts §1: form bodies use PHP-style nested keys (filter[>ID]=5&select[]=ID)', async () => {
    const res = await fetch(`${emu.portalUrl}/rest/echo.params`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: `auth=${tokens.access_token}&filter%5B%3EID%5D=5&select%5B%5D=ID&select%5B%5D=TITLE&order[ID]=desc`,
    });
    const body = (await res.json()) as { result: { params: unknown } };
    expect(body.result.params).toEqual({ filter: { '>ID': '5' }, select: ['ID', 'TITLE'], order: { ID: 'desc' } });
  });

  it('server-facts §1: GET and POST are merged; a JSON body is used when there is no form POST', async () => {
    const res = await fetch(`${emu.portalUrl}/rest/echo.params.json?auth=${tokens.access_token}&a=1`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ b: { c: [1, 2] } }),
    });
    const body = (await res.json()) as { result: { params: unknown } };
    expect(body.result.params).toEqual({ a: '1', b: { c: [1, 2] } });
    const get = await emu.rest('echo.params', { x: 'y' }, { token: tokens.access_token, via: 'query' });
    expect((get.body.result as { params: unknown }).params).toEqual({ x: 'y' });
  });

  it('server-facts §1: the lower-cased method name is used and a .json suffix is accepted', async () => {
    const r = await emu.rest('USER.Current.json', {}, { token: tokens.access_token });
    expect(r.status).toBe(200);
    expect((r.body.result as { ID: string }).ID).toBe('1');
  });

  it('server-facts §1: unknown method → 404 ERROR_METHOD_NOT_FOUND "Method not found!"', async () => {
    const r = await emu.rest('no.such.method', {}, { token: tokens.access_token });
    expect(r.status).toBe(404);
    expect(r.body).toEqual({ error: 'ERROR_METHOD_NOT_FOUND', error_description: 'Method not found!' });
  });

  it('docs-facts §2: a v3-only method answers only under /rest/api/; without /api/ it is 404', async () => {
    const v2 = await emu.rest('tasks.task.chat.message.send', {}, { token: tokens.access_token });
    expect(v2.status).toBe(404);
    expect(v2.body.error).toBe('ERROR_METHOD_NOT_FOUND');
    const v3 = await emu.rest('tasks.task.chat.message.send', { fields: { taskId: 1, text: 'x' } }, { token: tokens.access_token, api: 'v3' });
    expect(v3.status).toBe(200);
    expect(v3.body.result).toEqual({ id: 1 });
    const v2under3 = await emu.rest('user.current', {}, { token: tokens.access_token, api: 'v3' });
    expect(v2under3.status).toBe(404);
  });

  it('server-facts §1: a handler RestError keeps its status (403 ACCESS_DENIED)', async () => {
    const r = await emu.rest('denied.method', {}, { token: tokens.access_token });
    expect(r.status).toBe(403);
    expect(r.body).toEqual({ error: 'ACCESS_DENIED', error_description: 'Access denied!' });
  });

  it('server-facts §1: a crashing handler is a 500 ERROR_CORE (a PHP Error is not caught by the REST server)', async () => {
    const r = await emu.rest('broken.method', {}, { token: tokens.access_token });
    expect(r.status).toBe(500);
    expect(r.body.error).toBe('ERROR_CORE');
  });
});

describe('transport-level methods', () => {
  it('rest_provider: server.time is date("c") of the emulator clock', async () => {
    // A webhook, because three days later the access token has expired.
    const before = await emu.rest('server.time', {}, { webhook: true });
    expect(before.body.result).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+03:00$/);
    emu.advanceClock(86400 * 3);
    try {
      const after = await emu.rest('server.time', {}, { webhook: true });
      const diff = Date.parse(after.body.result as string) - Date.parse(before.body.result as string);
      expect(diff).toBeGreaterThanOrEqual(86400 * 3 * 1000 - 2000);
      expect(diff).toBeLessThan(86400 * 3 * 1000 + 5000);
    } finally {
      emu.advanceClock(-86400 * 3);
    }
  });

  it('rest_provider: scope lists the token scopes; methods lists names in them plus global ones', async () => {
    const scope = await emu.rest('scope', {}, { token: tokens.access_token });
    expect(scope.body.result).toEqual(expect.arrayContaining(['task', 'user', 'crm']));
    const methods = await emu.rest('methods', {}, { token: tokens.access_token });
    expect(methods.body.result).toEqual(expect.arrayContaining(['batch', 'server.time', 'event.offline.get', 'tasks.task.list', 'user.current']));
    const onlyTask = await emu.rest('methods', { scope: 'task' }, { token: tokens.access_token });
    expect(onlyTask.body.result).toContain('tasks.task.list');
    expect(onlyTask.body.result).not.toContain('user.current');
  });

  it('rest_provider: method.get {name} answers {isExisting, isAvailable}', async () => {
    const yes = await emu.rest('method.get', { name: 'tasks.task.list' }, { token: tokens.access_token });
    expect(yes.body.result).toEqual({ isExisting: true, isAvailable: true });
    const no = await emu.rest('method.get', { name: 'tasks.nothing' }, { token: tokens.access_token });
    expect(no.body.result).toEqual({ isExisting: false, isAvailable: false });
  });

  it('rest_provider: feature.get needs CODE (400 CODE_EMPTY); a box without bitrix24 answers <lang>_selfhosted', async () => {
    const empty = await emu.rest('feature.get', {}, { token: tokens.access_token });
    expect(empty.status).toBe(400);
    expect(empty.body.error).toBe('CODE_EMPTY');
    const r = await emu.rest('feature.get', { CODE: 'rest_offline_extended' }, { token: tokens.access_token });
    expect(r.body.result).toEqual({ value: 'ru_selfhosted' });
  });
});
