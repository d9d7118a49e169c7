import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEmulator, type TestEmulator } from './harness';

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(() => emu.close());

describe('incoming webhooks', () => {
  it('server-facts §3: the start line webhook belongs to admin user 1 with a 16-character secret', () => {
    expect(emu.webhookUrl).toMatch(new RegExp(`^${emu.portalUrl}/rest/1/[a-z0-9]{16}/$`));
  });

  it('server-facts §3: /rest/<userId>/<secret>/<method> is checked locally and works over plain http (REST_APAUTH_ALLOW_HTTP)', async () => {
    const r = await emu.rest('user.current', {}, { webhook: true });
    expect(r.status).toBe(200);
    expect(r.body.result).toEqual({ ID: '1', ADMIN: true });
    const json = await emu.rest('tasks.task.list.json', { start: 50 }, { webhook: true });
    expect(json.body.next).toBe(100);
  });

  it('server-facts §3: aplogin may be the user login instead of the ID', async () => {
    const secret = emu.webhookUrl.split('/').at(-2) ?? '';
    const r = await emu.rest('user.current', {}, { webhook: `${emu.portalUrl}/rest/admin/${secret}/` });
    expect(r.status).toBe(200);
  });

  it('server-facts §3: a bad secret or another user → 401 INVALID_CREDENTIALS', async () => {
    const bad = await emu.rest('user.current', {}, { webhook: `${emu.portalUrl}/rest/1/wrongsecret00000/` });
    expect(bad.status).toBe(401);
    expect(bad.body.error).toBe('INVALID_CREDENTIALS');
    const secret = emu.webhookUrl.split('/').at(-2) ?? '';
    expect((await emu.rest('user.current', {}, { webhook: `${emu.portalUrl}/rest/2/${secret}/` })).body.error).toBe('INVALID_CREDENTIALS');
  });

  it('server-facts §6: event.* through a webhook → 403 WRONG_AUTH_TYPE', async () => {
    for (const method of ['event.bind', 'event.get', 'event.offline.get', 'event.offline.list']) {
      const r = await emu.rest(method, { event: 'ONTASKUPDATE', event_type: 'offline' }, { webhook: true });
      expect(r.status).toBe(403);
      expect(r.body.error).toBe('WRONG_AUTH_TYPE');
    }
  });

  it('docs rest-v3.md: webhooks reach v3 methods under /rest/api/<user>/<secret>/<method>', async () => {
    const r = await emu.rest('tasks.task.chat.message.send', {}, { webhook: true, api: 'v3' });
    expect(r.status).toBe(200);
  });
});

describe('REST 3.0 conventions (docs rest-v3.md)', () => {
  it('answers v3 errors as {error: {code, message}}', async () => {
    const emu = await startTestEmulator({ realPortal: true, tasks: 5 });
    try {
      const r = await emu.rest('tasks.task.chat.message.send', { fields: { taskId: 1, text: 'x' } }, { webhook: true, api: 'v3' });
      expect(r.status).toBe(404);
      expect(r.body.error).toMatchObject({ code: 'ERROR_METHOD_NOT_FOUND', message: expect.any(String) });
    } finally {
      await emu.close();
    }
  });

  it('replays a repeated call with the same Idempotency-Key instead of running it twice', async () => {
    const emu = await startTestEmulator({ realPortal: true, tasks: 5 });
    try {
      emu.setCommentMode('chat');
      const send = (key: string, text: string) =>
        emu.rest('tasks.task.chat.message.send', { fields: { taskId: 1, text } }, { webhook: true, api: 'v3', headers: { 'Idempotency-Key': key } });
      const first = await send('k-1', 'Один раз');
      const again = await send('k-1', 'Один раз');
      expect(first.status).toBe(200);
      expect(again.status).toBe(200);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      expect(first.headers.get('idempotent-replayed')).toBeNull();
      expect(again.body).toEqual(first.body);
      expect((await send('k-1', 'Другой текст')).status).toBe(422);
      expect((await send('bad key with spaces', 'x')).status).toBe(400);
      const task = await emu.rest('tasks.task.get', { taskId: 1, select: ['ID', 'CHAT_ID'] }, { webhook: true });
      const chatId = (task.body.result as { task: { chatId: number } }).task.chatId;
      const messages = await emu.rest('im.dialog.messages.get', { DIALOG_ID: `chat${chatId}` }, { webhook: true });
      const texts = (messages.body.result as { messages: { text: string }[] }).messages.map((m) => m.text);
      expect(texts.filter((t) => t === 'Один раз')).toHaveLength(1);
    } finally {
      await emu.close();
    }
  });
});
