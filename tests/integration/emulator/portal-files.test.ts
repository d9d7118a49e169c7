/** Task and comment files as a box portal answers them, over real HTTP (emulator README, "Files (disk)"). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEmulator, type TestEmulator } from './harness';

type Row = Record<string, unknown>;
const PNG = [0x89, 0x50, 0x4e, 0x47];

let emu: TestEmulator;
let adminToken: string;

beforeAll(async () => {
  emu = await startTestEmulator({ realPortal: true, tasks: 60, seed: 5 });
  const admin = emu.portal.users().find((u) => u.id === '1');
  adminToken = (await emu.oauthLogin(admin?.login, admin?.password)).access_token;
});
afterAll(async () => {
  await emu.close();
});

async function tasksWithFiles(token: string): Promise<Row[]> {
  const answer = await emu.rest('tasks.task.list', { select: ['ID', 'GROUP_ID', 'UF_TASK_WEBDAV_FILES'], order: { ID: 'asc' } }, { token });
  const tasks = (answer.body.result as { tasks: Row[] }).tasks;
  return tasks.filter((t) => Array.isArray(t.ufTaskWebdavFiles));
}

async function commentsOf(taskId: unknown, token: string): Promise<Row[]> {
  return (await emu.rest('task.commentitem.getlist', { TASKID: taskId, ORDER: { ID: 'asc' } }, { token })).body.result as Row[];
}

/** Logs in as an extranet client (who sees only their company's tasks). */
async function clientToken(): Promise<string> {
  const client = emu.portal.users().find((u) => u.type === 'extranet' && u.active);
  if (!client) throw new Error('no extranet user in the demo');
  return (await emu.oauthLogin(client.login, client.password, 'st-client')).access_token;
}

describe('files of a task and of its comments', () => {
  it('ufTaskWebdavFiles holds attached-object IDs; disk.attachedObject.get names the file and gives the uf.php link with auth[auth]', async () => {
    const withFiles = await tasksWithFiles(adminToken);
    expect(withFiles.length).toBeGreaterThan(3);
    const ids = withFiles[0]?.ufTaskWebdavFiles as string[];
    expect(ids.every((id) => /^\d+$/.test(id))).toBe(true);
    const answer = await emu.rest('disk.attachedObject.get', { id: ids[0] }, { token: adminToken });
    const file = answer.body.result as Row;
    expect(file).toMatchObject({ ID: ids[0], MODULE_ID: 'tasks', ENTITY_ID: String(withFiles[0]?.id) });
    expect(String(file.NAME)).toMatch(/\.png$/);
    expect(String(file.CREATE_TIME)).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+03:00$/);
    const url = new URL(String(file.DOWNLOAD_URL));
    expect(url.origin).toBe(emu.portalUrl);
    expect(url.pathname).toBe('/bitrix/tools/disk/uf.php');
    expect(url.searchParams.get('auth[auth]')).toBe(adminToken);
    expect(url.searchParams.get('action')).toBe('download');

    const download = await fetch(url);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('image/png');
    const bytes = new Uint8Array(await download.arrayBuffer());
    expect([...bytes.slice(0, 4)]).toEqual(PNG);
    expect(bytes.length).toBe(Number(file.SIZE));
  });

  it('the same seed gives the same files, whatever is read first', async () => {
    const again = await startTestEmulator({ realPortal: true, tasks: 60, seed: 5 });
    try {
      const admin = again.portal.users().find((u) => u.id === '1');
      const token = (await again.oauthLogin(admin?.login, admin?.password)).access_token;
      const list = await again.rest('tasks.task.list', { select: ['ID', 'UF_TASK_WEBDAV_FILES'], order: { ID: 'asc' } }, { token });
      const ours = await tasksWithFiles(adminToken);
      const theirs = (list.body.result as { tasks: Row[] }).tasks.filter((t) => Array.isArray(t.ufTaskWebdavFiles));
      expect(theirs.map((t) => t.ufTaskWebdavFiles)).toEqual(ours.map((t) => t.ufTaskWebdavFiles));
    } finally {
      await again.close();
    }
  });

  it('ATTACHED_OBJECTS of a comment is keyed by attachment ID; its bare link answers uf.php\'s 200 JSON denial', async () => {
    const all = (await emu.rest('tasks.task.list', { select: ['ID'], order: { ID: 'asc' } }, { token: adminToken })).body.result as { tasks: Row[] };
    let found: Row | undefined;
    for (const t of all.tasks) {
      found = (await commentsOf(t.id, adminToken)).find((c) => Object.keys(c.ATTACHED_OBJECTS as Row).length > 0);
      if (found) break;
    }
    expect(found).toBeDefined();
    const [key, entry] = Object.entries(found?.ATTACHED_OBJECTS as Record<string, Row>)[0] ?? [];
    expect(entry).toMatchObject({ ATTACHMENT_ID: Number(key) });
    expect(String(entry?.DOWNLOAD_URL)).toMatch(/^\/bitrix\/tools\/disk\/uf\.php\?attachedId=\d+&action=download/);
    const bare = await fetch(`${emu.portalUrl}${String(entry?.DOWNLOAD_URL)}`);
    expect(bare.status).toBe(200);
    expect(bare.headers.get('content-type')).toMatch(/^application\/json/);
    expect(bare.headers.get('content-disposition')).toBeNull();
    expect(await bare.json()).toEqual({ status: 'denied', message: '' });
    const meta = (await emu.rest('disk.attachedObject.get', { id: key }, { token: adminToken })).body.result as Row;
    expect(meta).toMatchObject({ MODULE_ID: 'forum', ENTITY_ID: String(found?.ID), NAME: entry?.NAME, SIZE: entry?.SIZE });
  });

  it('a download.json link without auth is refused as a REST call is (401 NO_AUTH_FOUND); a stale token too; a bad file token 403', async () => {
    const [task] = await tasksWithFiles(adminToken);
    const meta = (await emu.rest('disk.attachedObject.get', { id: (task?.ufTaskWebdavFiles as string[])[0] }, { token: adminToken })).body.result as Row;
    const file = (await emu.rest('disk.file.get', { id: meta.OBJECT_ID }, { token: adminToken })).body.result as Row;
    const url = new URL(String(file.DOWNLOAD_URL));
    expect(url.pathname).toBe('/rest/download.json');
    expect(url.searchParams.get('auth')).toBe(adminToken);
    expect((await fetch(url)).status).toBe(200);
    url.searchParams.delete('auth');
    const refused = await fetch(url);
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ error: 'NO_AUTH_FOUND' });
    url.searchParams.set('auth', 'not-a-token');
    expect((await fetch(url)).status).toBe(401);
    url.searchParams.set('auth', adminToken);
    url.searchParams.set('token', `${String(url.searchParams.get('token'))}x`);
    const tampered = await fetch(url);
    expect(tampered.status).toBe(403);
    expect(await tampered.json()).toEqual({ error: 'ACCESS_DENIED', error_description: 'Access denied! Link check failed' });
  });

  it('a user who cannot see the task can neither read the file metadata nor download it', async () => {
    const token = await clientToken();
    const visible = new Set(((await emu.rest('tasks.task.list', { select: ['ID'] }, { token })).body.result as { tasks: Row[] }).tasks.map((t) => t.id));
    const hidden = (await tasksWithFiles(adminToken)).find((t) => !visible.has(t.id));
    const id = (hidden?.ufTaskWebdavFiles as string[])[0];
    const meta = await emu.rest('disk.attachedObject.get', { id }, { token });
    expect(meta.status).toBe(403);
    expect(meta.body.error).toBe('ACCESS_DENIED');
    // The admin's uf.php link with the client's token in place of the admin's: uf.php's 200 JSON error.
    const link = new URL(String(((await emu.rest('disk.attachedObject.get', { id }, { token: adminToken })).body.result as Row).DOWNLOAD_URL));
    link.searchParams.set('auth[auth]', token);
    const refused = await fetch(link);
    expect(refused.status).toBe(200);
    expect(await refused.json()).toEqual({ status: 'error', errors: [{ message: 'Bad permission. Could not read this file', code: 0 }] });
    // An unknown attachment, with good credentials: the same shape.
    link.searchParams.set('auth[auth]', adminToken);
    link.searchParams.set('attachedId', '999999999');
    expect(await (await fetch(link)).json()).toEqual({ status: 'error', errors: [{ message: 'Could not find attached object', code: 0 }] });
    // disk.file.get / download.json follow Disk rights: 403 ACCESS_DENIED.
    const objectId = ((await emu.rest('disk.attachedObject.get', { id }, { token: adminToken })).body.result as Row).OBJECT_ID;
    const fileGet = await emu.rest('disk.file.get', { id: objectId }, { token });
    expect(fileGet.status).toBe(403);
    expect(fileGet.body).toMatchObject({ error: 'ACCESS_DENIED', error_description: 'Access denied!' });
  });

  it('rights: the attached object follows the task, the Disk file follows Disk rights (storage owner, admins)', async () => {
    const token = await clientToken();
    const clientId = emu.portal.users().find((u) => u.type === 'extranet' && u.active)?.id;
    const visible = await tasksWithFiles(token);
    let checked = 0;
    for (const task of visible) {
      const meta = await emu.rest('disk.attachedObject.get', { id: (task.ufTaskWebdavFiles as string[])[0] }, { token });
      expect(meta.status).toBe(200);
      const row = meta.body.result as Row;
      if (row.CREATED_BY === clientId) continue;
      // A task member downloads through the attachment (uf.php) ...
      const bytes = await fetch(String(row.DOWNLOAD_URL));
      expect(bytes.headers.get('content-disposition')).toMatch(/^attachment/);
      // ... but the file in its uploader's storage is not theirs by Disk rights.
      const file = await emu.rest('disk.file.get', { id: row.OBJECT_ID }, { token });
      expect(file.status).toBe(403);
      expect(file.body.error).toBe('ACCESS_DENIED');
      // The admin reads every file.
      expect((await emu.rest('disk.file.get', { id: row.OBJECT_ID }, { token: adminToken })).status).toBe(200);
      checked++;
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('a webhook call gets the uf.php link with auth[aplogin]/auth[ap]; it downloads, and without them it does not', async () => {
    const [task] = await tasksWithFiles(adminToken);
    const id = (task?.ufTaskWebdavFiles as string[])[0];
    const file = (await emu.rest('disk.attachedObject.get', { id }, { webhook: true })).body.result as Row;
    const url = new URL(String(file.DOWNLOAD_URL));
    expect(url.pathname).toBe('/bitrix/tools/disk/uf.php');
    expect(url.searchParams.get('auth[aplogin]')).toBe('1');
    const ok = await fetch(url);
    expect(ok.status).toBe(200);
    expect((await ok.arrayBuffer()).byteLength).toBe(Number(file.SIZE));
    // Credentials that do not check leave the caller anonymous: uf.php's 200 JSON denial, not the REST 401.
    url.searchParams.set('auth[ap]', 'wrong');
    const denied = await fetch(url);
    expect(denied.status).toBe(200);
    expect(await denied.json()).toEqual({ status: 'denied', message: '' });
  });

  it('a webhook disk.file.get link is /rest/<aplogin>/<ap>/download/?token=… and downloads', async () => {
    const [task] = await tasksWithFiles(adminToken);
    const meta = (await emu.rest('disk.attachedObject.get', { id: (task?.ufTaskWebdavFiles as string[])[0] }, { webhook: true })).body.result as Row;
    const file = (await emu.rest('disk.file.get', { id: meta.OBJECT_ID }, { webhook: true })).body.result as Row;
    const url = new URL(String(file.DOWNLOAD_URL));
    const hookPath = new URL(emu.webhookUrl).pathname;
    expect(url.pathname).toBe(`${hookPath.endsWith('/') ? hookPath : `${hookPath}/`}download/`);
    expect([...url.searchParams.keys()]).toEqual(['token']);
    const ok = await fetch(url);
    expect(ok.status).toBe(200);
    expect((await ok.arrayBuffer()).byteLength).toBe(Number(file.SIZE));
    const wrong = new URL(url);
    wrong.pathname = wrong.pathname.replace(/\/[^/]+\/download\/$/, '/wrongpassword/download/');
    expect((await fetch(wrong)).status).toBe(401);
  });
});

describe('uploading and attaching to a comment', () => {
  it('disk.storage.uploadfile (base64 fileContent) into the user storage, then UF_FORUM_MESSAGE_DOC n<id> attaches it', async () => {
    const storages = (await emu.rest('disk.storage.getlist', { filter: { ENTITY_TYPE: 'user', ENTITY_ID: 1 } }, { token: adminToken })).body.result as Row[];
    expect(storages).toHaveLength(1);
    const content = Buffer.from('hello from the client\n');
    const up = await emu.rest('disk.storage.uploadfile', { id: storages[0]?.ID, data: { NAME: 'note.txt' }, fileContent: ['note.txt', content.toString('base64')] }, { token: adminToken });
    const uploaded = up.body.result as Row;
    expect(uploaded).toMatchObject({ NAME: 'note.txt', SIZE: String(content.length), CREATED_BY: '1', TYPE: 'file' });
    const [task] = await tasksWithFiles(adminToken);
    const commentId = (await emu.rest('task.commentitem.add', { TASKID: task?.id, FIELDS: { POST_MESSAGE: 'Файл во вложении', UF_FORUM_MESSAGE_DOC: [`n${String(uploaded.ID)}`] } }, { token: adminToken })).body.result;
    const comment = (await commentsOf(task?.id, adminToken)).find((c) => c.ID === String(commentId));
    const [attachmentId, entry] = Object.entries(comment?.ATTACHED_OBJECTS as Record<string, Row>)[0] ?? [];
    expect(entry).toMatchObject({ NAME: 'note.txt', FILE_ID: String(uploaded.ID) });
    const meta = (await emu.rest('disk.attachedObject.get', { id: attachmentId }, { token: adminToken })).body.result as Row;
    const body = await (await fetch(String(meta.DOWNLOAD_URL))).text();
    expect(body).toBe('hello from the client\n');
  });

  it('a missing, unreadable or unprefixed UF_FORUM_MESSAGE_DOC value fails the whole add (ERROR_CORE 400), no comment is made', async () => {
    const [task] = await tasksWithFiles(adminToken);
    const before = (await commentsOf(task?.id, adminToken)).length;
    const token = await clientToken();
    const clientVisible = (await tasksWithFiles(token))[0];
    // A file in the admin's storage is not the client's by Disk rights.
    const up = await emu.rest('disk.storage.uploadfile', { id: 1001, data: { NAME: 'mine.txt' }, fileContent: ['mine.txt', 'eA=='] }, { token: adminToken });
    const cases: Array<[unknown, string, string]> = [
      [task?.id, adminToken, 'n999999999'],
      [task?.id, adminToken, String((up.body.result as Row).ID)],
      [clientVisible?.id, token, `n${String((up.body.result as Row).ID)}`],
    ];
    for (const [taskId, who, value] of cases) {
      const count = (await commentsOf(taskId, adminToken)).length;
      const answer = await emu.rest('task.commentitem.add', { TASKID: taskId, FIELDS: { POST_MESSAGE: 'с файлом', UF_FORUM_MESSAGE_DOC: [value] } }, { token: who });
      expect(answer.status).toBe(400);
      expect(answer.body.error).toBe('ERROR_CORE');
      expect((await commentsOf(taskId, adminToken)).length).toBe(count);
    }
    expect((await commentsOf(task?.id, adminToken)).length).toBe(before);
  });

  it('refuses another user storage, a missing NAME and a missing storage with the portal codes', async () => {
    const token = await clientToken();
    const other = await emu.rest('disk.storage.uploadfile', { id: 1001, data: { NAME: 'x.txt' }, fileContent: ['x.txt', 'eA=='] }, { token });
    expect(other.body.error).toBe('ACCESS_DENIED');
    const noName = await emu.rest('disk.storage.uploadfile', { id: 1001, data: {}, fileContent: ['x.txt', 'eA=='] }, { token: adminToken });
    expect(noName.body.error).toBe('DISK_BASE_SERVICE_22001');
    const missing = await emu.rest('disk.storage.uploadfile', { id: 999999, data: { NAME: 'x.txt' }, fileContent: ['x.txt', 'eA=='] }, { token: adminToken });
    expect(missing.body.error).toBe('ERROR_NOT_FOUND');
  });
  it('names are unique in the root folder: refused without generateUniqueName, "(n)" with it; getchildren finds them by NAME', async () => {
    const upload = (name: string, generateUniqueName?: boolean) =>
      emu.rest('disk.storage.uploadfile', { id: 1001, data: { NAME: name }, fileContent: [name, 'eA=='], ...(generateUniqueName === undefined ? {} : { generateUniqueName }) }, { token: adminToken });
    expect((await upload('  Счёт.pdf ')).body.result).toMatchObject({ NAME: 'Счёт.pdf' });
    // Taken whatever the case (MySQL's collation), and refused with the portal's code when not renamed.
    const clash = await upload('счёт.pdf');
    expect([clash.status, clash.body.error]).toEqual([400, 'DISK_OBJ_22000']);
    expect((await upload('счёт.pdf', true)).body.result).toMatchObject({ NAME: 'счёт (1).pdf' });
    expect((await upload('Счёт.pdf', true)).body.result).toMatchObject({ NAME: 'Счёт (2).pdf' });
    expect((await upload('a/b?.pdf')).body.result).toMatchObject({ NAME: 'a_b_.pdf' });

    const children = async (filter: Row) => ((await emu.rest('disk.storage.getchildren', { id: 1001, filter }, { token: adminToken })).body.result as Row[]).map((r) => r.NAME);
    expect(await children({ '=NAME': 'СЧЁТ.PDF' })).toEqual(['Счёт.pdf']);
    expect(await children({ '%NAME': 'счёт (' })).toEqual(['счёт (1).pdf', 'Счёт (2).pdf']);
    // A key the portal does not filter by (CREATED_BY) is dropped, not applied.
    expect(await children({ '=NAME': 'a_b_.pdf', CREATED_BY: 999 })).toEqual(['a_b_.pdf']);
    const other = await emu.rest('disk.storage.getchildren', { id: 1001 }, { token: await clientToken() });
    expect(other.body.error).toBe('ACCESS_DENIED');
  });
});
