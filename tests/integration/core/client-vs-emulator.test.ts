/**
 * The core client, written from ../shared/bitrix24 only, meets the emulator as a new user would:
 * OAuth, lists, batches, a card move, history, offline events, and the documented errors.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BitrixGateway } from '../../../src/core/bitrix/gateway';
import { BitrixError } from '../../../src/core/bitrix/errors';
import { resultRef } from '../../../src/core/bitrix/batch';
import { createNodeHttp } from '../../../src/node/http';
import type { EmulatorHandle } from '../../../src/bitrix-emulator/index';
import type { Intent } from '../../../src/core/sync/intents';
import { signInWithOAuth, startPortal, webhookClient } from './support';

let emulator: EmulatorHandle;
beforeAll(async () => {
  emulator = await startPortal();
});
afterAll(async () => {
  await emulator.close();
});

function intent(payload: Intent['payload'], seq: number, createdAt = Date.now()): Intent {
  return { seq, payload, baseChangedAt: null, baseValues: null, createdAt, attempts: 0, nextAttemptAt: 0, lastError: null, lastErrorCode: null, lastFailure: null, state: 'queued', resultTaskId: null };
}

describe('OAuth sign-in', () => {
  it('gets a token pair through the login form and the token server the redirect names', async () => {
    const admin = emulator.users.find((u) => u.admin)!;
    const { tokens, redirect, gateway } = await signInWithOAuth(emulator, admin.login, admin.password);
    expect(redirect.serverDomain).toBe(new URL(emulator.oauthServerUrl).host);
    expect(tokens.accessToken).not.toBe('');
    expect(await gateway.identity()).toEqual({ userId: admin.id, isAdmin: true });
  });

  it('refreshes an expired access token once and carries on; the rotated pair is saved', async () => {
    const admin = emulator.users.find((u) => u.admin)!;
    const { client, storage } = await signInWithOAuth(emulator, admin.login, admin.password);
    emulator.expireAccessTokens();
    const answers = await Promise.all([client.call('server.time'), client.call('server.time'), client.call('user.current')]);
    expect(answers).toHaveLength(3);
    expect(storage.saved).toHaveLength(2); // sign-in, then exactly one refresh for three racing callers
  });

  it('is signed out when the refresh token was revoked', async () => {
    const admin = emulator.users.find((u) => u.admin)!;
    const { client } = await signInWithOAuth(emulator, admin.login, admin.password);
    emulator.revokeRefreshTokens();
    emulator.expireAccessTokens();
    await expect(client.call('server.time')).rejects.toMatchObject({ kind: 'signed-out', code: 'invalid_grant' });
  });
});

describe('reading the portal through a webhook', () => {
  it('reads stages, user fields and every task of the Service Desk groups at the request lower bound', async () => {
    const client = webhookClient(emulator);
    const gateway = new BitrixGateway(client, { canUseOfflineEvents: false });
    await gateway.serverTime();
    expect(gateway.portalOffsetMinutes()).toBe(180);
    const fields = await gateway.readUserFields();
    expect(fields.map((f) => f.labels.ru)).toEqual(expect.arrayContaining(['Тип', 'Тип стоппера', 'Оценка']));
    const groupIds = emulator.groups.map((g) => g.id);
    const stages = await gateway.readStages(groupIds[0]!);
    expect(stages.map((s) => s.title)).toEqual(['Новые заявки', 'Сбор информации', 'Запустить в работу', 'В работе', 'Завершена']);

    const before = client.requestCount;
    const tasks = await gateway.readTasks({ groupIds });
    const used = client.requestCount - before;
    expect(tasks.length).toBeGreaterThan(100);
    expect(new Set(tasks.map((t) => t.id)).size).toBe(tasks.length);
    expect(tasks.every((t) => groupIds.includes(t.groupId))).toBe(true);
    expect(tasks.some((t) => t.stageId === '0')).toBe(true);
    expect(used).toBeLessThanOrEqual(Math.ceil(tasks.length / 2500) + 1);
    const typeField = fields.find((f) => f.labels.ru === 'Тип')!;
    expect(tasks.some((t) => typeof t.userFields[typeField.name] === 'string')).toBe(true);
  });

  it('reads users, departments, companies and a task history in the site format', async () => {
    const gateway = new BitrixGateway(webhookClient(emulator), { canUseOfflineEvents: false });
    await gateway.serverTime();
    expect((await gateway.readUsers()).length).toBeGreaterThan(20);
    expect((await gateway.readDepartments()).map((d) => d.name)).toContain('Отдел разработки');
    expect((await gateway.readCompanies()).length).toBeGreaterThanOrEqual(8);
    const [task] = await gateway.readTasks({ groupIds: [emulator.groups[0]!.id] });
    const history = await gateway.readHistory(task!.id);
    expect(history.length).toBeGreaterThan(0);
    expect(history.every((h) => h.at > Date.UTC(2020, 0, 1) && h.at <= Date.now() + 86_400_000)).toBe(true);
  });

  it('reads every time record of a task past one page (NAV_PARAMS paging; the method ignores `start`)', async () => {
    const client = webhookClient(emulator);
    const gateway = new BitrixGateway(client, { canUseOfflineEvents: false });
    const [task] = await gateway.readTasks({ groupIds: [emulator.groups[0]!.id] });
    const added: string[] = [];
    for (let i = 0; i < 60; i++) {
      added.push(String((await client.call('task.elapseditem.add', { TASKID: task!.id, ARFIELDS: { SECONDS: 60, COMMENT_TEXT: `page test ${i}` } }, { idempotent: false })).result));
    }
    const portal = await client.call('task.elapseditem.getlist', { TASKID: task!.id, ORDER: { ID: 'asc' } });
    const records = await gateway.readElapsed(task!.id);
    expect(records).toHaveLength(portal.total!);
    expect(new Set(records.map((r) => r.id)).size).toBe(records.length);
    expect(records.map((r) => r.id)).toEqual(expect.arrayContaining(added));
  });

  it('batches with a $result reference', async () => {
    const client = webhookClient(emulator);
    const outcome = await client.batch({
      first: { method: 'tasks.task.list', params: { filter: { GROUP_ID: emulator.groups[0]!.id }, select: ['ID'], order: { ID: 'asc' } } },
      one: { method: 'tasks.task.get', params: { taskId: resultRef('first', 'tasks', 0, 'id'), select: ['ID', 'TITLE'] } },
    });
    const firstId = (outcome.results.first as { tasks: { id: string }[] }).tasks[0]!.id;
    expect((outcome.results.one as { task: { id: string } }).task.id).toBe(firstId);
  });
});

describe('writing', () => {
  it('moves a card with task.stages.movetask and the history shows it', async () => {
    const gateway = new BitrixGateway(webhookClient(emulator), { canUseOfflineEvents: false });
    await gateway.serverTime();
    await gateway.readUserFields();
    const groupId = emulator.groups[0]!.id;
    const stages = await gateway.readStages(groupId);
    const task = (await gateway.readTasks({ groupIds: [groupId] })).find((t) => t.stageId === stages[1]!.id)!;
    const outcomes = await gateway.send([intent({ name: 'moveCard', taskId: task.id, stageId: stages[2]!.id }, 1)]);
    expect(outcomes.get(1)).toMatchObject({ kind: 'done' });
    const [moved] = await gateway.readTasksByIds([task.id]);
    expect(moved!.stageId).toBe(stages[2]!.id);
    expect(moved!.changedAt).toBeGreaterThan(task.changedAt);
    const history = await gateway.readHistory(task.id);
    expect(history.some((h) => h.field === 'STAGE_ID' && h.to === stages[2]!.id)).toBe(true);
  });

  it('sends many absolute writes in one batch', async () => {
    const client = webhookClient(emulator);
    const gateway = new BitrixGateway(client, { canUseOfflineEvents: false });
    await gateway.readUserFields();
    const tasks = (await gateway.readTasks({ groupIds: [emulator.groups[0]!.id] })).slice(0, 30);
    const before = client.requestCount;
    const outcomes = await gateway.send(tasks.map((t, i) => intent({ name: 'updateFields', taskId: t.id, fields: { PRIORITY: '2' } }, 100 + i)));
    expect(client.requestCount - before).toBe(1);
    expect([...outcomes.values()].every((o) => o.kind === 'done')).toBe(true);
    expect((await gateway.readTasksByIds(tasks.map((t) => t.id))).every((t) => t.priority === 2)).toBe(true);
  });

  it('finds a created task by its client ID after the answer was lost', async () => {
    const gateway = new BitrixGateway(webhookClient(emulator), { canUseOfflineEvents: false });
    await gateway.readUserFields();
    emulator.setFaults({ fail: { kind: 'drop-after', count: 1, methods: ['tasks.task.add'] } });
    const started = Date.now();
    const outcomes = await gateway.send([intent({ name: 'createTask', clientId: 'c-lost-1', groupId: emulator.groups[0]!.id, title: 'Потерянный ответ', responsibleId: '1' }, 200, started)]);
    expect(outcomes.get(200)).toMatchObject({ kind: 'ambiguous' });
    const found = await gateway.findCreatedTask('c-lost-1', emulator.groups[0]!.id, started);
    expect(found).toMatchObject({ title: 'Потерянный ответ' });
    expect(await gateway.findCreatedTask('c-never-sent', emulator.groups[0]!.id, started)).toBeNull();
  });

  it('a comment whose answer was lost is found on the portal instead of being sent twice', async () => {
    const gateway = new BitrixGateway(webhookClient(emulator), { canUseOfflineEvents: false });
    await gateway.readUserFields();
    const [task] = await gateway.readTasks({ groupIds: [emulator.groups[0]!.id] });
    emulator.setFaults({ fail: { kind: 'drop-after', count: 1, methods: ['task.commentitem.add'] } });
    const comment = intent({ name: 'addComment', taskId: task!.id, text: 'Проверили, работает' }, 300, Date.now());
    const sent = (await gateway.send([comment])).get(300);
    expect(sent, JSON.stringify(sent)).toMatchObject({ kind: 'ambiguous' });
    expect(await gateway.isAppendOnPortal(comment, '1')).toBe(true);
  });
});

describe('errors as the portal gives them', () => {
  it('a refused move carries the portal code', async () => {
    const extranet = emulator.users.find((u) => u.type === 'extranet')!;
    const { gateway } = await signInWithOAuth(emulator, extranet.login, extranet.password);
    await gateway.readUserFields().catch(() => undefined);
    const webhookGateway = new BitrixGateway(webhookClient(emulator), { canUseOfflineEvents: false });
    await webhookGateway.readUserFields();
    const [any] = await webhookGateway.readTasks({ groupIds: [emulator.groups[1]!.id] });
    const outcome = (await gateway.send([intent({ name: 'moveCard', taskId: any!.id, stageId: any!.stageId === '0' ? '1' : '0' }, 400)])).get(400);
    expect(outcome?.kind).toBe('refused');
  });

  it('an unreachable portal reads as unreachable, and so does an HTML proxy page once retries run out', async () => {
    const client = webhookClient(emulator, createNodeHttp(), { maxTransientAttempts: 2 });
    emulator.setUnreachable(true);
    try {
      await expect(client.call('server.time')).rejects.toMatchObject({ kind: 'unreachable' });
    } finally {
      emulator.setUnreachable(false);
    }
    emulator.setFaults({ fail: { kind: 'html502', count: 2 } });
    const error = await client.call('server.time').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BitrixError);
    expect(error).toMatchObject({ kind: 'unreachable', code: 'NOT_JSON', status: 502 });
  });

  it('a read survives one HTML 502 and one 500 by retrying', async () => {
    const client = webhookClient(emulator);
    emulator.setFaults({ fail: { kind: 'html502', count: 1 } });
    expect(typeof (await client.call('server.time')).result).toBe('string');
    emulator.setFaults({ fail: { kind: 'http500', count: 1 } });
    expect(typeof (await client.call('server.time')).result).toBe('string');
  });

  it('offline events reach an admin on OAuth, but not its own changes', async () => {
    const admin = emulator.users.find((u) => u.admin)!;
    const { client, gateway } = await signInWithOAuth(emulator, admin.login, admin.password);
    await client.call('event.bind', { event: 'ONTASKUPDATE', event_type: 'offline' });
    await gateway.pollOfflineEvents();
    const webhookGateway = new BitrixGateway(webhookClient(emulator), { canUseOfflineEvents: false });
    await webhookGateway.readUserFields();
    const [task] = await webhookGateway.readTasks({ groupIds: [emulator.groups[0]!.id] });
    await webhookGateway.send([intent({ name: 'updateFields', taskId: task!.id, fields: { TITLE: 'Изменено через вебхук' } }, 500)]);
    expect((await gateway.pollOfflineEvents())!.changedTaskIds).toContain(task!.id);
    expect(await new BitrixGateway(webhookClient(emulator), { canUseOfflineEvents: false }).pollOfflineEvents()).toBeNull();
  });
});

describe('an intranet certificate', () => {
  it('is trusted only when the user trusts it explicitly', async () => {
    const tlsPortal = await startPortal({ tls: true, tasks: 10 });
    try {
      const untrusted = webhookClient(tlsPortal, createNodeHttp(), { maxTransientAttempts: 1 });
      await expect(untrusted.call('server.time')).rejects.toMatchObject({ kind: 'unreachable', code: 'TLS' });
      const trusted = webhookClient(tlsPortal, createNodeHttp({ trustedCertPem: tlsPortal.certPem! }));
      expect(typeof (await trusted.call('server.time')).result).toBe('string');
    } finally {
      await tlsPortal.close();
    }
  });
});

describe('comments in both portal modes', () => {
  it.each(['legacy', 'chat'] as const)('%s: a comment sent is read back', async (mode) => {
    const portal = await startPortal({ tasks: 20 });
    try {
      portal.setCommentMode(mode);
      const gateway = new BitrixGateway(webhookClient(portal), { canUseOfflineEvents: false });
      await gateway.readUserFields();
      const [task] = await gateway.readTasks({ groupIds: [portal.groups[0]!.id] });
      const sent = await gateway.send([intent({ name: 'addComment', taskId: task!.id, text: `Комментарий в режиме ${mode}` }, 1)]);
      expect(sent.get(1), JSON.stringify(sent.get(1))).toMatchObject({ kind: 'done' });
      const comments = await gateway.readComments(task!.id);
      expect(comments.at(-1)).toMatchObject({ text: `Комментарий в режиме ${mode}`, authorId: '1', mode });
    } finally {
      await portal.close();
    }
  });
});

describe('a portal updated to the chat task card while Pult runs', () => {
  it('the extras read and the next comment follow the new mode: nothing posted or stored the old way', async () => {
    const portal = await startPortal({ tasks: 20 });
    try {
      portal.setCommentMode('legacy');
      const gateway = new BitrixGateway(webhookClient(portal), { canUseOfflineEvents: false });
      await gateway.readUserFields();
      const tasks = await gateway.readTasks({ groupIds: [portal.groups[0]!.id] });
      const [task] = tasks;
      // Learned as legacy.
      await gateway.readTaskExtras(tasks.map((t) => ({ taskId: t.id, comments: true })));
      portal.setCommentMode('chat');
      const sent = await gateway.send([intent({ name: 'addComment', taskId: task!.id, text: 'После обновления портала' }, 1)]);
      expect(sent.get(1)).toMatchObject({ kind: 'done' });
      const extras = await gateway.readTaskExtras(tasks.map((t) => ({ taskId: t.id, comments: true })));
      expect(extras.get(task!.id)?.comments?.at(-1)).toMatchObject({ text: 'После обновления портала', mode: 'chat' });
    } finally {
      await portal.close();
    }
  });
});

describe('REST 3.0 idempotency', () => {
  it('a chat comment whose answer was lost is resent under the same key and lands once', async () => {
    const portal = await startPortal({ tasks: 20 });
    try {
      portal.setCommentMode('chat');
      const gateway = new BitrixGateway(webhookClient(portal), { canUseOfflineEvents: false });
      await gateway.readUserFields();
      const [task] = await gateway.readTasks({ groupIds: [portal.groups[0]!.id] });
      portal.setFaults({ fail: { kind: 'drop-after', count: 1, methods: ['tasks.task.chat.message.send'] } });
      const sent = await gateway.send([intent({ name: 'addComment', taskId: task!.id, text: 'Ровно один раз' }, 7)]);
      expect(sent.get(7)).toMatchObject({ kind: 'done' });
      const comments = await gateway.readComments(task!.id);
      expect(comments.filter((c) => c.text === 'Ровно один раз')).toHaveLength(1);
    } finally {
      await portal.close();
    }
  });
});
