import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEmulator, type TestEmulator, type TokenSet } from './harness';

let emu: TestEmulator;
let agent: TokenSet;
let client: TokenSet;

beforeAll(async () => {
  emu = await startTestEmulator({ realPortal: true, tasks: 200, seed: 3 });
  const sokolov = emu.users.find((u) => u.login === 'd.sokolov');
  const extranet = emu.users.find((u) => u.type === 'extranet');
  agent = await emu.oauthLogin(sokolov?.login, sokolov?.password);
  client = await emu.oauthLogin(extranet?.login, extranet?.password);
});
afterAll(() => emu.close());

type Tasks = { tasks: Array<Record<string, unknown>> };

describe('portal over HTTP', () => {
  it('server-facts §4: tasks.task.get of a missing task is HTTP 200 with result []', async () => {
    const r = await emu.rest('tasks.task.get', { taskId: 987654 }, { webhook: true });
    expect(r.status).toBe(200);
    expect(r.body.result).toEqual([]);
  });

  it('server-facts §1: start=-1 drops total and next from the envelope', async () => {
    const r = await emu.rest('tasks.task.list', { select: ['ID'], start: -1 }, { webhook: true });
    expect(r.status).toBe(200);
    expect((r.body.result as Tasks).tasks).toHaveLength(50);
    expect(r.body).not.toHaveProperty('total');
    expect(r.body).not.toHaveProperty('next');
  });

  it('server-facts §5: task.stages.get of a closed group by a non-member is ACCESS_DENIED with HTTP 400', async () => {
    const r = await emu.rest('task.stages.get', { entityId: 2 }, { token: agent.access_token });
    expect(r.status).toBe(400);
    expect(r.body.error).toBe('ACCESS_DENIED');
  });

  it('brief rights: an extranet user lists only tasks tagged with their company', async () => {
    const r = await emu.rest('tasks.task.list', { select: ['ID', 'UF_CRM_TASK', 'CREATED_BY'] }, { token: client.access_token });
    expect(r.status).toBe(200);
    const tags = new Set((r.body.result as Tasks).tasks.flatMap((t) => (t.ufCrmTask as string[] | null) ?? []));
    expect(tags.size).toBe(1);
  });

  it('server-facts §4: legacy task.* errors are ERROR_CORE with HTTP 400', async () => {
    const r = await emu.rest('task.commentitem.getlist', { TASKID: 'abc' }, { webhook: true });
    expect(r.status).toBe(400);
    expect(r.body.error).toBe('ERROR_CORE');
  });

  it('docs-facts §2-3: the chat send method is only under /rest/api/ and only on the chat card', async () => {
    const legacy = await emu.rest('tasks.task.chat.message.send', { fields: { taskId: 1, text: 'x' } }, { webhook: true, api: 'v3' });
    expect(legacy.status).toBe(404);
    expect((await emu.control('comments', { mode: 'chat' })).status).toBe(200);
    const plain = await emu.rest('tasks.task.chat.message.send', { fields: { taskId: 1, text: 'x' } }, { webhook: true });
    expect(plain.status).toBe(404);
    const v3 = await emu.rest('tasks.task.chat.message.send', { fields: { taskId: 1, text: 'Привет из чата' } }, { webhook: true, api: 'v3' });
    expect(v3.status).toBe(200);
    const task = await emu.rest('tasks.task.get', { taskId: 1, select: ['ID', 'CHAT_ID'] }, { webhook: true });
    const chatId = ((task.body.result as { task: Record<string, unknown> }).task.chatId) as number;
    const messages = await emu.rest('im.dialog.messages.get', { DIALOG_ID: `chat${chatId}` }, { webhook: true });
    expect(((messages.body.result as { messages: Array<{ text: string }> }).messages[0])?.text).toBe('Привет из чата');
    await emu.control('comments', { mode: 'legacy' });
  });
});
