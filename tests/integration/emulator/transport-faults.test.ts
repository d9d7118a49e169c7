import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEmulator, type TestEmulator, type TokenSet } from './harness';

let emu: TestEmulator;
let tokens: TokenSet;
beforeAll(async () => {
  emu = await startTestEmulator({ tasks: 20 });
  tokens = await emu.oauthLogin();
});
afterAll(() => emu.close());

const title = async (id: number) =>
  ((await emu.rest('tasks.task.get', { taskId: id }, { webhook: true })).body.result as { task: { title: string } }).task.title;

describe('faults', () => {
  it('control /_emulator/faults http500: the next N calls get 500 with a JSON error body, then it heals', async () => {
    await emu.control('faults', { fail: { kind: 'http500', count: 2 } });
    const a = await emu.rest('server.time', {}, { webhook: true });
    expect(a.status).toBe(500);
    expect(a.body.error).toBe('INTERNAL_SERVER_ERROR');
    expect((await emu.rest('server.time', {}, { webhook: true })).status).toBe(500);
    expect((await emu.rest('server.time', {}, { webhook: true })).status).toBe(200);
  });

  it('control /_emulator/faults html502: a proxy HTML page with status 502, only for the listed methods', async () => {
    await emu.control('faults', { fail: { kind: 'html502', count: 1, methods: ['tasks.task.list'] } });
    expect((await emu.rest('server.time', {}, { webhook: true })).status).toBe(200);
    const r = await emu.rest('tasks.task.list', {}, { webhook: true });
    expect(r.status).toBe(502);
    expect(r.headers.get('content-type')).toContain('text/html');
    expect(String(r.body.__raw)).toContain('502 Bad Gateway');
  });

  it('control /_emulator/faults http503: nginx\'s own HTML page (a box REST module has no 503), with Retry-After when asked', async () => {
    await emu.control('faults', { fail: { kind: 'http503', count: 2, retryAfterSeconds: 7 } });
    const r = await emu.rest('tasks.task.list', {}, { webhook: true });
    expect(r.status).toBe(503);
    expect(r.headers.get('content-type')).toContain('text/html');
    expect(r.headers.get('retry-after')).toBe('7');
    expect(String(r.body.__raw)).toContain('503 Service Temporarily Unavailable');
    await emu.control('faults', { fail: { kind: 'http503', count: 1 } });
    expect((await emu.rest('server.time', {}, { webhook: true })).headers.get('retry-after')).toBeNull();
    expect((await emu.rest('server.time', {}, { webhook: true })).status).toBe(200);
  });

  it('control /_emulator/faults http429: the box LoadLimiter\'s JSON OPERATION_TIME_LIMIT, with Retry-After, and nothing applied', async () => {
    await emu.control('faults', { fail: { kind: 'http429', count: 1, retryAfterSeconds: 2 } });
    const r = await emu.rest('tasks.task.update', { taskId: 4, fields: { TITLE: 'limited' } }, { webhook: true });
    expect(r.status).toBe(429);
    expect(r.headers.get('retry-after')).toBe('2');
    expect(r.body).toEqual({ error: 'OPERATION_TIME_LIMIT', error_description: 'Method is blocked due to operation time limit.' });
    expect(await title(4)).toBe('Заявка №4');
    await expect(emu.control('faults', { fail: { kind: 'http429', count: 1, retryAfterSeconds: -1 } })).resolves.toMatchObject({ status: 400 });
  });

  it('control /_emulator/faults drop-before: the socket dies and nothing is applied', async () => {
    await emu.control('faults', { fail: { kind: 'drop-before', count: 1 } });
    await expect(emu.rest('tasks.task.update', { taskId: 2, fields: { TITLE: 'drop-before' } }, { webhook: true })).rejects.toThrow();
    expect(await title(2)).toBe('Заявка №2');
  });

  it('control /_emulator/faults drop-after: the change is applied but the answer is lost', async () => {
    await emu.control('faults', { fail: { kind: 'drop-after', count: 1 } });
    await expect(emu.rest('tasks.task.update', { taskId: 3, fields: { TITLE: 'drop-after' } }, { webhook: true })).rejects.toThrow();
    expect(await title(3)).toBe('drop-after');
  });

  it('control /_emulator/faults hang: no answer until the client gives up; close() still ends such sockets', async () => {
    const local = await startTestEmulator();
    try {
      await local.control('faults', { fail: { kind: 'hang', count: 2 } });
      await expect(local.rest('server.time', {}, { webhook: true, signal: AbortSignal.timeout(300) })).rejects.toThrow();
      const pending = local.rest('server.time', {}, { webhook: true });
      const settled = pending.then(() => 'answered', () => 'failed');
      await new Promise((r) => setTimeout(r, 100));
      const t0 = Date.now();
      await local.close();
      expect(Date.now() - t0).toBeLessThan(2000);
      expect(await settled).toBe('failed');
    } finally {
      await local.close();
    }
  });

  it('control /_emulator/faults latencyMs delays REST answers', async () => {
    await emu.control('faults', { latencyMs: 250 });
    const t0 = Date.now();
    expect((await emu.rest('server.time', {}, { webhook: true })).status).toBe(200);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(240);
    await emu.control('faults', { latencyMs: 0 });
  });

  it('control /_emulator/faults unreachable: REST and OAuth connections die, control routes keep working', async () => {
    await emu.control('faults', { unreachable: true });
    try {
      await expect(emu.rest('server.time', {}, { webhook: true })).rejects.toThrow();
      await expect(fetch(`${emu.oauthServerUrl}/oauth/token/?grant_type=refresh_token`)).rejects.toThrow();
      const state = await emu.control('state');
      expect(state.status).toBe(200);
      expect((state.body.faults as { unreachable: boolean }).unreachable).toBe(true);
    } finally {
      emu.setUnreachable(false);
    }
    expect((await emu.rest('server.time', {}, { webhook: true })).status).toBe(200);
  });

  it('control /_emulator/faults rejects an unknown kind with 400', async () => {
    const r = await emu.control('faults', { fail: { kind: 'explode', count: 1 } });
    expect(r.status).toBe(400);
  });

  it('control routes are never REST: /_emulator/ answers without auth and is not counted as a REST call', async () => {
    await emu.control('faults', { fail: { kind: 'http500', count: 1 } });
    expect((await emu.control('state')).status).toBe(200);
    expect((await emu.rest('server.time', {}, { webhook: true })).status).toBe(500);
  });

  it('a raw TCP client that connects and sends nothing does not block close()', async () => {
    const local = await startTestEmulator();
    const socket = connect(Number(new URL(local.portalUrl).port), '127.0.0.1');
    await new Promise((r) => socket.once('connect', r));
    const t0 = Date.now();
    await local.close();
    expect(Date.now() - t0).toBeLessThan(2000);
    socket.destroy();
  });
});

describe('clock, comments and state controls', () => {
  it('control /_emulator/clock moves the emulator clock (tokens age with it)', async () => {
    const before = (await emu.control('state')).body.now as string;
    const r = await emu.control('clock', { advanceSeconds: 3601 });
    expect(r.status).toBe(200);
    expect(Date.parse(r.body.now as string) - Date.parse(before)).toBeGreaterThanOrEqual(3600_000);
    expect((await emu.rest('user.current', {}, { token: tokens.access_token })).body.error).toBe('expired_token');
    expect((await emu.control('clock', { advanceSeconds: 'x' })).status).toBe(400);
  });

  it('control /_emulator/comments switches portal.setCommentMode', async () => {
    expect((await emu.control('comments', { mode: 'chat' })).body.commentMode).toBe('chat');
    expect(emu.portal.commentMode()).toBe('chat');
    expect((await emu.control('comments', { mode: 'bogus' })).status).toBe(400);
    emu.setCommentMode('legacy');
  });

  it('control GET /_emulator/state answers {now, counts, profile}', async () => {
    const s = await emu.control('state');
    expect(s.body).toMatchObject({ profile: 'box', counts: { tasks: 20, users: 3 } });
    expect(s.body.now).toMatch(/^\d{4}-\d\d-\d\dT/);
  });
});
