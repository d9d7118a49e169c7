import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEmulator, type TestEmulator } from './harness';

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator({ tasks: 20 });
});
afterAll(() => emu.close());

describe('request counts', () => {
  it('GET /_emulator/state counts REST calls by method; a batch is one call under batch, its commands listed apart', async () => {
    await emu.rest('tasks.task.list', {}, { webhook: true });
    await emu.rest('tasks.task.list.json', {}, { webhook: true });
    await emu.rest('batch', { cmd: { a: 'server.time', b: 'Server.Time?x=1', c: 'user.current' } }, { webhook: true });
    const { body } = await emu.control('state');
    expect(body.requests).toEqual({ total: 3, byMethod: { 'tasks.task.list': 2, batch: 1 }, batchedByMethod: { 'server.time': 2, 'user.current': 1 } });
  });
});
