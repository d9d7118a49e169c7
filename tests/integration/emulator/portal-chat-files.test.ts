/** Files in a task chat (new task card) as a box portal answers them, over real HTTP (emulator README, "Files (disk)"). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEmulator, type TestEmulator } from './harness';

type Row = Record<string, unknown>;

let emu: TestEmulator;
let adminToken: string;

beforeAll(async () => {
  emu = await startTestEmulator({ realPortal: true, tasks: 60, seed: 5 });
  emu.portal.setCommentMode('chat');
  const admin = emu.portal.users().find((u) => u.id === '1');
  adminToken = (await emu.oauthLogin(admin?.login, admin?.password)).access_token;
});
afterAll(async () => {
  await emu.close();
});

async function chatOf(taskId: unknown, token = adminToken): Promise<number> {
  const answer = await emu.rest('tasks.task.get', { taskId, select: ['ID', 'CHAT_ID'] }, { token });
  return Number((answer.body.result as { task: Row }).task.chatId);
}

async function messages(chatId: number, token = adminToken): Promise<{ messages: Row[]; files: Row[] }> {
  return (await emu.rest('im.dialog.messages.get', { DIALOG_ID: `chat${chatId}`, LIMIT: 50 }, { token })).body.result as { messages: Row[]; files: Row[] };
}

async function taskIds(token = adminToken): Promise<string[]> {
  return ((await emu.rest('tasks.task.list', { select: ['ID'], order: { ID: 'asc' } }, { token })).body.result as { tasks: Row[] }).tasks.map((t) => String(t.id));
}

async function clientToken(): Promise<string> {
  const client = emu.portal.users().find((u) => u.type === 'extranet' && u.active);
  if (!client) throw new Error('no extranet user in the demo');
  return (await emu.oauthLogin(client.login, client.password, 'st-client')).access_token;
}

describe('files in a task chat', () => {
  it('im.dialog.messages.get gives a file message params FILE_ID and the file in `files`; the same seed, the same files', async () => {
    let found: { chatId: number; message: Row; file: Row } | null = null;
    for (const id of await taskIds()) {
      const chatId = await chatOf(id);
      const answer = await messages(chatId);
      const message = answer.messages.find((m) => m.params !== null && Array.isArray((m.params as Row).FILE_ID));
      if (message) {
        const fileId = ((message.params as Row).FILE_ID as number[])[0];
        found = { chatId, message, file: answer.files.find((f) => f.id === fileId)! };
        break;
      }
    }
    expect(found).not.toBeNull();
    const { chatId, message, file } = found!;
    expect(file).toMatchObject({ chatId, authorId: Number(message.author_id), status: 'done', progress: 100 });
    expect(String(file.name)).toMatch(/^(error-\d+\.png|act-\d+\.pdf)$/);
    expect(Number(file.size)).toBeGreaterThan(100);
    // The UI link needs a browser session, not a REST token: it carries no auth.
    expect(String(file.urlDownload)).toMatch(/^\/bitrix\/services\/main\/ajax\.php\?action=disk\.api\.file\.download/);
    expect(String(file.urlDownload)).not.toContain(adminToken);
    expect((await messages(chatId)).files).toEqual((await messages(chatId)).files);

    // disk.file.get of the same ID gives the REST link with the caller's token; it downloads.
    const meta = (await emu.rest('disk.file.get', { id: file.id }, { token: adminToken })).body.result as Row;
    expect(meta).toMatchObject({ ID: file.id, NAME: file.name, SIZE: String(file.size), GLOBAL_CONTENT_VERSION: 2 });
    const url = new URL(String(meta.DOWNLOAD_URL));
    expect(url.pathname).toBe('/rest/download.json');
    expect(url.searchParams.get('auth')).toBe(adminToken);
    const download = await fetch(url);
    expect(download.status).toBe(200);
    expect((await download.arrayBuffer()).byteLength).toBe(Number(file.size));
    url.searchParams.delete('auth');
    expect((await fetch(url)).status).toBe(401);
  });

  it('im.disk.folder.get, disk.folder.uploadfile into it, then im.disk.file.commit posts one message with text and files', async () => {
    const [taskId] = await taskIds();
    const chatId = await chatOf(taskId);
    const folder = await emu.rest('im.disk.folder.get', { CHAT_ID: chatId }, { token: adminToken });
    const folderId = (folder.body.result as Row).ID;
    expect(typeof folderId).toBe('number');
    const content = Buffer.from('Журнал ошибок\n'.repeat(20));
    const upload = await emu.rest('disk.folder.uploadfile', { id: folderId, data: { NAME: 'журнал.txt' }, fileContent: ['журнал.txt', content.toString('base64')], generateUniqueName: true }, { token: adminToken });
    const uploaded = upload.body.result as Row;
    expect(uploaded).toMatchObject({ NAME: 'журнал.txt', PARENT_ID: String(folderId), SIZE: String(content.length), GLOBAL_CONTENT_VERSION: 1 });
    // Uploaded, not posted: the chat does not show it yet.
    expect((await messages(chatId)).files.some((f) => f.id === uploaded.ID)).toBe(false);

    const commit = await emu.rest('im.disk.file.commit', { CHAT_ID: chatId, UPLOAD_ID: [uploaded.ID], MESSAGE: 'Прикладываю журнал' }, { token: adminToken });
    const result = commit.body.result as { FILES: Record<string, Row>; DISK_ID: number[]; MESSAGE_ID: number };
    expect(result.DISK_ID).toEqual([uploaded.ID]);
    expect(result.FILES[`upload${String(uploaded.ID)}`]).toMatchObject({ id: uploaded.ID, name: 'журнал.txt', status: 'done' });
    const after = await messages(chatId);
    const posted = after.messages.filter((m) => m.text === 'Прикладываю журнал');
    expect(posted).toHaveLength(1);
    expect(posted[0]).toMatchObject({ id: result.MESSAGE_ID, author_id: 1, params: { FILE_ID: [uploaded.ID] } });
    expect(after.files.find((f) => f.id === uploaded.ID)).toMatchObject({ name: 'журнал.txt', size: content.length });

    // A second file of the same name gets a unique one.
    const again = await emu.rest('disk.folder.uploadfile', { id: folderId, data: { NAME: 'журнал.txt' }, fileContent: ['журнал.txt', 'AA=='], generateUniqueName: true }, { token: adminToken });
    expect((again.body.result as Row).NAME).toBe('журнал (1).txt');
    // Without generateUniqueName a taken name is refused, compared case-insensitively.
    const taken = await emu.rest('disk.folder.uploadfile', { id: folderId, data: { NAME: 'ЖУРНАЛ.txt' }, fileContent: ['ЖУРНАЛ.txt', 'AA=='] }, { token: adminToken });
    expect(taken.status).toBe(400);
    expect(taken.body.error).toBe('DISK_OBJ_22000');
    // The folder lists its files, filtered by exact name as getchildren's `=NAME` does.
    const listed = await emu.rest('disk.folder.getchildren', { id: folderId, filter: { '=NAME': 'журнал.txt' } }, { token: adminToken });
    expect((listed.body.result as Row[]).map((f) => f.NAME)).toEqual(['журнал.txt']);
    const all = await emu.rest('disk.folder.getchildren', { id: folderId }, { token: adminToken });
    expect((all.body.result as Row[]).map((f) => f.NAME)).toEqual(expect.arrayContaining(['журнал.txt', 'журнал (1).txt']));
  });

  it('refuses the chat folder, the upload and the commit to a user who cannot see the task, and a commit without files', async () => {
    const token = await clientToken();
    const visible = new Set(await taskIds(token));
    const hidden = (await taskIds()).find((id) => !visible.has(id));
    const chatId = await chatOf(hidden);
    const folder = await emu.rest('im.disk.folder.get', { DIALOG_ID: `chat${chatId}` }, { token });
    expect(folder.status).toBe(403);
    expect(folder.body.error).toBe('ACCESS_ERROR');
    const folderId = ((await emu.rest('im.disk.folder.get', { CHAT_ID: chatId }, { token: adminToken })).body.result as Row).ID;
    const upload = await emu.rest('disk.folder.uploadfile', { id: folderId, data: { NAME: 'x.txt' }, fileContent: ['x.txt', 'AA=='] }, { token });
    expect(upload.status).toBe(403);
    expect(upload.body.error).toBe('ACCESS_DENIED');
    const children = await emu.rest('disk.folder.getchildren', { id: folderId }, { token });
    expect(children.status).toBe(403);
    const commit = await emu.rest('im.disk.file.commit', { CHAT_ID: chatId, UPLOAD_ID: [1] }, { token });
    expect(commit.body.error).toBe('ACCESS_ERROR');
    expect((await emu.rest('im.disk.file.commit', { CHAT_ID: chatId }, { token: adminToken })).body.error).toBe('FILES_ERROR');
    expect((await emu.rest('im.disk.folder.get', {}, { token: adminToken })).body.error).toBe('CHAT_ID_EMPTY');

    // A chat file of a hidden task: no metadata, no bytes for the client.
    const files = (await messages(chatId)).files;
    const adminUpload = (await emu.rest('disk.folder.uploadfile', { id: folderId, data: { NAME: 'y.txt' }, fileContent: ['y.txt', 'AAAA'] }, { token: adminToken })).body.result as Row;
    const id = files[0]?.id ?? adminUpload.ID;
    expect((await emu.rest('disk.file.get', { id }, { token })).status).toBe(403);
    const link = new URL(String(((await emu.rest('disk.file.get', { id }, { token: adminToken })).body.result as Row).DOWNLOAD_URL));
    link.searchParams.set('auth', token);
    expect((await fetch(link)).status).toBe(403);
  });
});
