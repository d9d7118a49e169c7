import { describe, expect, it } from 'vitest';
import { commentAttachmentIds, mapAttachedObject, mapChatFiles, mapDiskFile, webdavFileIds } from '../../../src/core/bitrix/file-mappers';
import { fileTypeOf, isPreviewable } from '../../../src/core/domain/files';

describe('attachment mappers', () => {
  it('ufTaskWebdavFiles: attached-object IDs; null, false or junk give none', () => {
    expect(webdavFileIds(['318', 319])).toEqual(['318', '319']);
    expect(webdavFileIds(null)).toEqual([]);
    expect(webdavFileIds(false)).toEqual([]);
    expect(webdavFileIds(['n12', { id: 1 }, '7'])).toEqual(['7']);
  });

  it('ATTACHED_OBJECTS: keyed by attachment ID, PHP [] when empty', () => {
    expect(commentAttachmentIds({ 501: { ATTACHMENT_ID: 501, NAME: 'a.png' }, 502: { NAME: 'b.pdf' } })).toEqual(['501', '502']);
    expect(commentAttachmentIds([])).toEqual([]);
    expect(commentAttachmentIds({ x: 'junk' })).toEqual([]);
  });

  it('disk.attachedObject.get row -> TaskFile with size, author, date and a type from the name', () => {
    const file = mapAttachedObject({ ID: '318', OBJECT_ID: '13215', CREATE_TIME: '2018-10-31T10:57:35+02:00', CREATED_BY: '1', NAME: 'Test.docx', SIZE: '3867', DOWNLOAD_URL: 'https://p/x?auth=secret' }, '77');
    expect(file).toEqual({
      attachmentId: '318', objectId: '13215', origin: 'attached', name: 'Test.docx', size: 3867,
      type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', authorId: '1',
      createdAt: Date.parse('2018-10-31T08:57:35Z'), commentId: '77',
    });
    expect(JSON.stringify(file)).not.toContain('secret');
    expect(mapAttachedObject({ ID: '1', NAME: 'x', SIZE: '-5', CREATE_TIME: 'never' }, null)).toMatchObject({ size: 0, createdAt: null });
    expect(mapAttachedObject({ NAME: 'no id' }, null)).toBeNull();
    expect(mapAttachedObject('junk', null)).toBeNull();
  });

  it('only raster images are previewable; SVG never is', () => {
    expect(isPreviewable(fileTypeOf('shot.PNG'))).toBe(true);
    expect(isPreviewable(fileTypeOf('photo.jpeg'))).toBe(true);
    expect(isPreviewable(fileTypeOf('logo.svg'))).toBe(false);
    expect(fileTypeOf('noext')).toBe('application/octet-stream');
  });

  // The shape of docs im-dialog-messages-get / CIMDisk::GetFileParams (emulator README, "Files in a task chat").
  const chatAnswer = {
    messages: [
      { id: 28561624, chat_id: 29, author_id: 1, date: '2018-01-29T16:58:47+02:00', text: 'Прикладываю', params: { FILE_ID: [540, 541] } },
      { id: 28561623, chat_id: 29, author_id: 28, date: '2018-01-29T16:43:38+02:00', text: '', params: { FILE_ID: ['539'] } },
      { id: 28561622, chat_id: 29, author_id: 0, date: '2018-01-29T16:43:12+02:00', text: 'system', params: { FILE_ID: [538] } },
      { id: 28561621, chat_id: 29, author_id: 1, date: '2018-01-29T16:43:00+02:00', text: 'plain', params: null },
    ],
    files: [
      { id: 540, chatId: 29, date: '2018-01-29T16:43:39+02:00', type: 'image', name: 'shot.jpeg', size: 55013, authorId: 1, urlDownload: 'http://p/bitrix/components/bitrix/im.messenger/download.file.php?fileId=540' },
      { id: 541, chatId: 29, date: 'never', type: 'file', name: 'log.txt', size: '12', authorId: 1 },
      { id: 539, chatId: 29, date: '2018-01-29T16:43:38+02:00', type: 'file', name: 'act.pdf', size: 7, authorId: 28 },
      { id: 538, chatId: 29, date: '2018-01-29T16:43:00+02:00', type: 'file', name: 'sys.txt', size: 1, authorId: 0 },
      { id: 537, chatId: 29, date: '2018-01-29T16:40:00+02:00', type: 'file', name: 'orphan.txt', size: 1, authorId: 1 },
      { id: 536, chatId: 29, type: 'file', name: '', size: 1 },
    ],
    chat_id: 29,
  };

  it('im.dialog.messages.get files -> TaskFiles keyed chat<Disk ID>, each with the message it came in, no UI link', () => {
    const files = mapChatFiles(chatAnswer);
    expect(files).toEqual([
      { attachmentId: 'chat539', objectId: '539', origin: 'chat', name: 'act.pdf', size: 7, type: 'application/pdf', authorId: '28', createdAt: Date.parse('2018-01-29T14:43:38Z'), commentId: '28561623' },
      { attachmentId: 'chat540', objectId: '540', origin: 'chat', name: 'shot.jpeg', size: 55013, type: 'image/jpeg', authorId: '1', createdAt: Date.parse('2018-01-29T14:43:39Z'), commentId: '28561624' },
      { attachmentId: 'chat541', objectId: '541', origin: 'chat', name: 'log.txt', size: 12, type: 'text/plain', authorId: '1', createdAt: null, commentId: '28561624' },
    ]);
    expect(JSON.stringify(files)).not.toContain('download');
    // A chat without files, or an answer of another shape, lists none.
    expect(mapChatFiles({ messages: [], users: [], files: [], chat_id: 1 })).toEqual([]);
    expect(mapChatFiles(null)).toEqual([]);
    expect(mapChatFiles({ messages: 'x', files: {} })).toEqual([]);
  });

  it('disk.file.get row of a listed chat file: name, size and type from the portal; another ID is not that file', () => {
    const listed = mapChatFiles(chatAnswer)[0]!;
    expect(mapDiskFile({ ID: 539, NAME: 'act (1).pdf', SIZE: '9', DOWNLOAD_URL: 'https://p/rest/download.json?auth=t' }, listed)).toEqual({ ...listed, name: 'act (1).pdf', size: 9 });
    expect(mapDiskFile({ ID: 540, NAME: 'act.pdf', SIZE: '9' }, listed)).toBeNull();
    expect(mapDiskFile({ ID: 539 }, listed)).toBeNull();
  });
});
