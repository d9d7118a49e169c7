import { describe, expect, it } from 'vitest';
import { commentAttachmentIds, mapAttachedObject, webdavFileIds } from '../../../src/core/bitrix/file-mappers';
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
      attachmentId: '318', objectId: '13215', name: 'Test.docx', size: 3867,
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
});
