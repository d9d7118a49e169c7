import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEmulator, type TestEmulator, type TokenSet } from './harness';

let emu: TestEmulator;
let admin: TokenSet;
let user: TokenSet;

type Offline = { process_id: string | null; events: Array<Record<string, unknown>> };

beforeAll(async () => {
  emu = await startTestEmulator({ tasks: 20 });
  admin = await emu.oauthLogin('admin', 'admin-pass');
  user = await emu.oauthLogin('ivanov', 'ivanov-pass');
});
afterAll(() => emu.close());

const call = (method: string, params: Record<string, unknown> = {}, token = admin.access_token) => emu.rest(method, params, { token });
const offlineGet = async (params: Record<string, unknown> = {}) => (await call('event.offline.get', params)).body.result as Offline;
const drain = () => call('event.offline.get', { limit: 1000 });

describe('event binding', () => {
  it('server-facts §6: offline bind needs a portal admin (403 ACCESS_DENIED otherwise)', async () => {
    const r = await call('event.bind', { event: 'ontaskupdate', event_type: 'offline' }, user.access_token);
    expect(r.status).toBe(403);
    expect(r.body.error).toBe('ACCESS_DENIED');
  });

  it('server-facts §6: event.bind offline stores the name upper-cased; event.get lists it with connector_id', async () => {
    expect((await call('event.bind', { event: 'onTaskUpdate', event_type: 'offline' })).body.result).toBe(true);
    await call('event.bind', { event: 'ONTASKUPDATE', event_type: 'offline', auth_connector: 'pult' });
    const r = await call('event.get');
    expect(r.body.result).toEqual([
      { event: 'ONTASKUPDATE', connector_id: '', offline: 1 },
      { event: 'ONTASKUPDATE', connector_id: 'pult', offline: 1 },
    ]);
  });

  it('rest/api/event.php: binding the same handler twice fails with ERROR_CORE; an unknown event → ERROR_EVENT_NOT_FOUND', async () => {
    const again = await call('event.bind', { event: 'ONTASKUPDATE', event_type: 'offline' });
    expect(again.status).toBe(400);
    expect(again.body.error).toBe('ERROR_CORE');
    const unknown = await call('event.bind', { event: 'ONSOMETHING', event_type: 'offline' });
    expect(unknown.body.error).toBe('ERROR_EVENT_NOT_FOUND');
  });

  it('rest/api/event.php: online bind needs HANDLER (ERROR_ARGUMENT); unbind answers {count}', async () => {
    const noHandler = await call('event.bind', { event: 'ONTASKADD' });
    expect(noHandler.status).toBe(400);
    expect(noHandler.body).toMatchObject({ error: 'ERROR_ARGUMENT', argument: 'HANDLER' });
    await call('event.bind', { event: 'ONTASKADD', handler: 'https://example.com/h' });
    const un = await call('event.unbind', { event: 'ONTASKADD', handler: 'https://example.com/h' });
    expect(un.body.result).toEqual({ count: 1 });
  });
});

describe('offline queue', () => {
  it('server-facts §6: a portal change is queued as {ID, TIMESTAMP_X, EVENT_NAME, EVENT_DATA, EVENT_ADDITIONAL{user_id}, MESSAGE_ID}; clear=1 gives process_id null', async () => {
    await drain();
    emu.fake?.fireUiEvent('ONTASKUPDATE', '5');
    const got = await offlineGet();
    expect(got.process_id).toBeNull();
    expect(got.events).toHaveLength(1);
    const e = got.events[0] ?? {};
    expect(Object.keys(e)).toEqual(['ID', 'TIMESTAMP_X', 'EVENT_NAME', 'EVENT_DATA', 'EVENT_ADDITIONAL', 'MESSAGE_ID']);
    expect(e.EVENT_NAME).toBe('ONTASKUPDATE');
    expect(e.EVENT_DATA).toEqual({ FIELDS_BEFORE: { ID: '5' }, FIELDS_AFTER: { ID: '5' } });
    expect(e.EVENT_ADDITIONAL).toEqual({ user_id: '2' });
    expect(e.TIMESTAMP_X).toMatch(/\+03:00$/);
    expect(e.MESSAGE_ID).toMatch(/^[0-9a-f]{32}$/);
    expect((await offlineGet()).events).toHaveLength(0);
  });

  it('server-facts §6: identical pending events merge by MESSAGE_ID with a refreshed timestamp', async () => {
    await drain();
    emu.fake?.fireUiEvent('ONTASKUPDATE', '7');
    const first = (await call('event.offline.list')).body.result as Array<Record<string, unknown>>;
    emu.advanceClock(120);
    emu.fake?.fireUiEvent('ONTASKUPDATE', '7');
    emu.fake?.fireUiEvent('ONTASKUPDATE', '8');
    const got = await offlineGet();
    expect(got.events.map((e) => (e.EVENT_DATA as { FIELDS_AFTER: { ID: string } }).FIELDS_AFTER.ID)).toEqual(['7', '8']);
    expect(got.events[0]?.ID).toBe(first[0]?.ID);
    expect(Date.parse(got.events[0]?.TIMESTAMP_X as string) - Date.parse(first[0]?.TIMESTAMP_X as string)).toBeGreaterThanOrEqual(119_000);
  });

  it('server-facts §6: changes made by the same app with the same auth_connector are not recorded; other queues still get them', async () => {
    await drain();
    await emu.rest('event.offline.get', { auth_connector: 'pult', limit: 1000 }, { token: admin.access_token });
    // Made by this app without a connector: the '' queue skips it, the 'pult' queue records it.
    await call('tasks.task.update', { taskId: 3, fields: { TITLE: 'x' } });
    expect((await offlineGet()).events).toHaveLength(0);
    const pult = (await emu.rest('event.offline.get', { auth_connector: 'pult' }, { token: admin.access_token })).body.result as Offline;
    expect(pult.events).toHaveLength(1);
    // Made with connector 'pult': only the '' queue records it.
    await emu.rest('tasks.task.update', { taskId: 3, fields: { TITLE: 'y' }, auth_connector: 'pult' }, { token: admin.access_token });
    expect((await offlineGet()).events).toHaveLength(1);
    expect(((await emu.rest('event.offline.get', { auth_connector: 'pult' }, { token: admin.access_token })).body.result as Offline).events).toHaveLength(0);
    // Made through a webhook (no app): recorded everywhere.
    await emu.rest('tasks.task.update', { taskId: 4, fields: { TITLE: 'z' } }, { webhook: true });
    expect((await offlineGet()).events).toHaveLength(1);
  });

  it('server-facts §6: clear=0 reserves rows under a process_id; a second get skips them; event.offline.clear removes them', async () => {
    await drain();
    emu.fake?.fireUiEvent('ONTASKUPDATE', '1');
    emu.fake?.fireUiEvent('ONTASKUPDATE', '2');
    emu.fake?.fireUiEvent('ONTASKUPDATE', '3');
    const reserved = await offlineGet({ clear: 0, limit: 2 });
    expect(reserved.process_id).toMatch(/^[0-9a-f]{32}$/);
    expect(reserved.events).toHaveLength(2);
    const other = await offlineGet({ clear: 0 });
    expect(other.events).toHaveLength(1);
    const listed = (await call('event.offline.list')).body.result as Array<Record<string, unknown>>;
    expect(listed.filter((e) => e.PROCESS_ID === reserved.process_id)).toHaveLength(2);
    const again = await offlineGet({ clear: 0, process_id: reserved.process_id });
    expect(again.events.map((e) => e.ID)).toEqual(reserved.events.map((e) => e.ID));
    expect((await call('event.offline.clear', { process_id: reserved.process_id })).body.result).toBe(true);
    const after = (await call('event.offline.list')).body.result as Array<Record<string, unknown>>;
    expect(after.map((e) => e.PROCESS_ID)).toEqual([other.process_id]);
    const noPid = await call('event.offline.clear', {});
    expect(noPid.body).toMatchObject({ error: 'ERROR_ARGUMENT', argument: 'PROCESS_ID' });
  });

  it('server-facts §6: event.offline.error returns rows to the pool flagged ERROR; error=1 fetches them', async () => {
    await drain();
    await call('event.offline.clear', { process_id: 'x' });
    for (const r of ((await call('event.offline.list')).body.result as Array<{ PROCESS_ID: string }>)) {
      await call('event.offline.clear', { process_id: r.PROCESS_ID });
    }
    emu.fake?.fireUiEvent('ONTASKUPDATE', '9');
    const got = await offlineGet({ clear: 0 });
    const mid = got.events[0]?.MESSAGE_ID as string;
    expect((await call('event.offline.error', { process_id: got.process_id, message_id: [mid] })).body.result).toBe(true);
    expect((await offlineGet()).events).toHaveLength(0);
    const errors = await offlineGet({ error: 1 });
    expect(errors.events.map((e) => e.MESSAGE_ID)).toEqual([mid]);
  });

  it('server-facts §6: limit must be positive; event.offline.list is paged with total', async () => {
    expect((await call('event.offline.get', { limit: 0 })).body).toMatchObject({ error: 'ERROR_ARGUMENT', argument: 'LIMIT' });
    for (let i = 100; i < 160; i++) emu.fake?.fireUiEvent('ONTASKUPDATE', String(i));
    const page = await call('event.offline.list');
    expect(page.body.total).toBe(60);
    expect(page.body.next).toBe(50);
    expect(page.body.result as unknown[]).toHaveLength(50);
    expect(Object.keys((page.body.result as Array<object>)[0] ?? {})).toContain('ERROR');
    await drain();
  });

  it('server-facts §6: event.offline.* are admin-only (403 ACCESS_DENIED)', async () => {
    const r = await call('event.offline.get', {}, user.access_token);
    expect(r.status).toBe(403);
    expect(r.body.error).toBe('ACCESS_DENIED');
  });
});
