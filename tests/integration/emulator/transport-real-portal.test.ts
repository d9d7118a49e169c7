import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEmulator, type TestEmulator, type TokenSet } from './harness';

let emu: TestEmulator;
let admin: TokenSet;

beforeAll(async () => {
  emu = await startTestEmulator({ realPortal: true, tasks: 300, seed: 1 });
  const user = emu.users.find((u) => u.id === '1');
  admin = await emu.oauthLogin(user?.login, user?.password);
});
afterAll(() => emu.close());

describe('transport over the real portal', () => {
  it('server-facts §1: tasks.task.list pages 50 with top-level total/next over the real portal', async () => {
    const r = await emu.rest('tasks.task.list', { select: ['ID', 'TITLE'] }, { token: admin.access_token });
    expect(r.status).toBe(200);
    expect(r.body.total).toBe(300);
    expect(r.body.next).toBe(50);
  });

  it('server-facts §6: a real portal task change made through a webhook lands in the app’s offline queue', async () => {
    expect((await emu.rest('event.bind', { event: 'ONTASKUPDATE', event_type: 'offline' }, { token: admin.access_token })).body.result).toBe(true);
    const list = await emu.rest('tasks.task.list', { select: ['ID'] }, { webhook: true });
    const id = (list.body.result as { tasks: Array<{ id: string }> }).tasks[0]?.id;
    const upd = await emu.rest('tasks.task.update', { taskId: id, fields: { TITLE: 'Изменено через вебхук' } }, { webhook: true });
    expect(upd.status).toBe(200);
    const got = (await emu.rest('event.offline.get', {}, { token: admin.access_token })).body.result as {
      events: Array<{ EVENT_NAME: string; EVENT_DATA: { FIELDS_AFTER: { ID: string } } }>;
    };
    expect(got.events.some((e) => e.EVENT_NAME === 'ONTASKUPDATE' && String(e.EVENT_DATA.FIELDS_AFTER.ID) === String(id))).toBe(true);
  });

  it('server-facts §6: the same change made by the app itself is not recorded in its own queue', async () => {
    await emu.rest('event.offline.get', { limit: 1000 }, { token: admin.access_token });
    const list = await emu.rest('tasks.task.list', { select: ['ID'] }, { token: admin.access_token });
    const id = (list.body.result as { tasks: Array<{ id: string }> }).tasks[1]?.id;
    const upd = await emu.rest('tasks.task.update', { taskId: id, fields: { TITLE: 'Изменено приложением' } }, { token: admin.access_token });
    expect(upd.status).toBe(200);
    const got = (await emu.rest('event.offline.get', {}, { token: admin.access_token })).body.result as {
      events: Array<{ EVENT_DATA: { FIELDS_AFTER: { ID: string } } }>;
    };
    expect(got.events.filter((e) => String(e.EVENT_DATA.FIELDS_AFTER?.ID) === String(id))).toHaveLength(0);
  });
});
