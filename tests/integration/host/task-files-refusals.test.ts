/**
 * uf.php (the attached-object link) answers a refusal as HTTP 200 JSON (emulator README, "Files
 * (disk)"): the client must never hand that body to a window as the file's bytes. Against the
 * emulator over HTTP, directly and through the host.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startTestEmulator, type TestEmulator } from '../emulator/harness';
import { downloadBytes } from '../../../src/node/files/portal-download';
import { startRewritingProxy, type RewritingProxy } from '../../support/rewriting-proxy';
import { PultHost } from '../../../src/node/host/pult-host';
import { openSettingsStore } from '../../../src/node/settings/settings-store';
import { MemorySecretStore } from '../../../src/node/secrets/memory';
import { systemClock, systemRandom } from '../../../src/node/clock';
import { acceptProposedSetup } from '../../../src/node/host/auto-setup';

type Row = Record<string, unknown>;
const options = { trustedPems: [], maxBytes: 10 * 1024 * 1024 };

let emu: TestEmulator;
let adminToken: string;
let clientToken: string;

beforeAll(async () => {
  emu = await startTestEmulator({ realPortal: true, tasks: 60, seed: 5 });
  const admin = emu.portal.users().find((u) => u.id === '1');
  adminToken = (await emu.oauthLogin(admin?.login, admin?.password)).access_token;
  const client = emu.portal.users().find((u) => u.type === 'extranet' && u.active);
  clientToken = (await emu.oauthLogin(client?.login, client?.password, 'st-client')).access_token;
});
afterAll(async () => {
  await emu.close();
});

async function tasksWithFiles(token: string): Promise<Row[]> {
  const answer = await emu.rest('tasks.task.list', { select: ['ID', 'UF_TASK_WEBDAV_FILES'], order: { ID: 'asc' } }, { token });
  return (answer.body.result as { tasks: Row[] }).tasks.filter((t) => Array.isArray(t.ufTaskWebdavFiles));
}

/** The client's own uf.php link for an attachment of a task the admin sees and the client does not. */
async function hiddenAttachmentLink(): Promise<URL> {
  const visible = new Set((await tasksWithFiles(clientToken)).map((t) => t.id));
  const hidden = (await tasksWithFiles(adminToken)).find((t) => !visible.has(t.id));
  const id = (hidden?.ufTaskWebdavFiles as string[])[0];
  const link = new URL(String(((await emu.rest('disk.attachedObject.get', { id }, { token: adminToken })).body.result as Row).DOWNLOAD_URL));
  link.searchParams.set('auth[auth]', clientToken);
  return link;
}

describe('downloadBytes against uf.php', () => {
  it('a user without rights to the attachment: refused ACCESS_DENIED, no bytes', async () => {
    const answer = await downloadBytes(String(await hiddenAttachmentLink()), options);
    expect(answer).toEqual({ ok: false, reason: 'refused', status: 200, code: 'ACCESS_DENIED' });
  });

  it('credentials uf.php does not accept: refused ACCESS_DENIED ({"status":"denied"})', async () => {
    const link = await hiddenAttachmentLink();
    link.searchParams.delete('auth[auth]');
    expect(await downloadBytes(String(link), options)).toEqual({ ok: false, reason: 'refused', status: 200, code: 'ACCESS_DENIED' });
  });

  it('an unknown attachment: refused ERROR_NOT_FOUND', async () => {
    const link = await hiddenAttachmentLink();
    link.searchParams.set('auth[auth]', adminToken);
    link.searchParams.set('attachedId', '999999999');
    expect(await downloadBytes(String(link), options)).toEqual({ ok: false, reason: 'refused', status: 200, code: 'ERROR_NOT_FOUND' });
  });

  it('a real .json file shaped like a refusal comes as an attachment and is kept as bytes', async () => {
    const content = Buffer.from('{"status":"error","errors":[{"message":"Could not find attached object","code":0}]}');
    const up = await emu.rest('disk.storage.uploadfile', { id: 1001, data: { NAME: 'refusal.json' }, fileContent: ['refusal.json', content.toString('base64')] }, { token: adminToken });
    const [task] = await tasksWithFiles(adminToken);
    const commentId = (await emu.rest('task.commentitem.add', { TASKID: task?.id, FIELDS: { POST_MESSAGE: 'json', UF_FORUM_MESSAGE_DOC: [`n${String((up.body.result as Row).ID)}`] } }, { token: adminToken })).body.result;
    const comments = (await emu.rest('task.commentitem.getlist', { TASKID: task?.id }, { token: adminToken })).body.result as Row[];
    const attachmentId = Object.keys(comments.find((c) => c.ID === String(commentId))?.ATTACHED_OBJECTS as Row)[0];
    const meta = (await emu.rest('disk.attachedObject.get', { id: attachmentId }, { token: adminToken })).body.result as Row;
    const answer = await downloadBytes(String(meta.DOWNLOAD_URL), options);
    expect(answer.ok).toBe(true);
    if (answer.ok) expect(answer.bytes.equals(content)).toBe(true);
  });
});

describe('the host refuses in words, never hands a refusal body over as a file', () => {
  let host: PultHost;
  let proxy: RewritingProxy;
  /** What the "portal version" behind the proxy does to a uf.php request (a stand-in for one whose uf.php refuses). */
  let rewriteUf: (url: URL) => void = () => undefined;

  beforeAll(async () => {
    proxy = await startRewritingProxy(emu.portalUrl);
    proxy.rewrite = (url, body) => {
      if (url.pathname === '/bitrix/tools/disk/uf.php') rewriteUf(url);
      return body;
    };
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'pult-refusals-'));
    host = new PultHost({ version: 'test', shell: 'browser', dataDir, settings: openSettingsStore({ cwd: dataDir }), secrets: new MemorySecretStore(), clock: systemClock, random: systemRandom, startDemo: async () => emu, openExternal: async () => undefined });
    const webhookUrl = emu.webhookUrl.replace(emu.portalUrl, proxy.origin);
    await acceptProposedSetup(host, await host.connectWebhook({ portalUrl: proxy.origin, webhookUrl }));
  });
  afterAll(async () => {
    await host.close();
    await proxy.close();
  });

  /** A file of a task the admin (the host's webhook user) sees and the extranet client does not. */
  async function firstFile(): Promise<{ taskId: string; attachmentId: string }> {
    const visible = new Set((await tasksWithFiles(clientToken)).map((t) => t.id));
    const task = (await tasksWithFiles(adminToken)).find((t) => !visible.has(t.id));
    const taskId = String(task?.id);
    const file = (await host.getTaskFiles(taskId)).files[0]!;
    return { taskId, attachmentId: file.attachmentId };
  }

  it('reads the file through the proxy as it is (the pass-through is faithful)', async () => {
    rewriteUf = () => undefined;
    const { taskId, attachmentId } = await firstFile();
    const content = await host.readTaskFile(taskId, attachmentId);
    expect([...Buffer.from(content.base64, 'base64').subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  });

  it('uf.php answering as to a user without rights: a "denied" failure in words', async () => {
    rewriteUf = (url) => {
      url.searchParams.delete('auth[aplogin]');
      url.searchParams.delete('auth[ap]');
      url.searchParams.set('auth[auth]', clientToken);
    };
    const { taskId, attachmentId } = await firstFile();
    const failure = await host.readTaskFile(taskId, attachmentId).then(() => null, (e: unknown) => e);
    expect(failure).toMatchObject({ code: 'denied', portalCode: 'ACCESS_DENIED' });
    expect(String((failure as Error).message)).toMatch(/no rights|нет прав/);
  });

  it('uf.php not finding the attachment: a "not found" failure in words', async () => {
    rewriteUf = (url) => url.searchParams.set('attachedId', '999999999');
    const { taskId, attachmentId } = await firstFile();
    const failure = await host.readTaskFile(taskId, attachmentId).then(() => null, (e: unknown) => e);
    expect(failure).toMatchObject({ code: 'portal', portalCode: 'ERROR_NOT_FOUND' });
    expect(String((failure as Error).message)).toMatch(/did not find|не нашёл/);
  });
});
