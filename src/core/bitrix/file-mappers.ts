/** Portal shapes of attached files -> TaskFile (see the emulator README, "Files (disk)"). */
import { fileTypeOf, type TaskFile } from '../domain/files';

function str(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

function record(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** `ufTaskWebdavFiles`: attached-object IDs, null or false when empty. */
export function webdavFileIds(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.map(str).filter((id) => /^\d+$/.test(id));
}

/** `ATTACHED_OBJECTS` of a comment row: an object keyed by attachment ID ([] when empty, as PHP encodes it). */
export function commentAttachmentIds(value: unknown): string[] {
  const ids: string[] = [];
  for (const [key, entry] of Object.entries(record(value))) {
    const id = str(record(entry).ATTACHMENT_ID) || key;
    if (/^\d+$/.test(id)) ids.push(id);
  }
  return ids;
}

/** One disk.attachedObject.get answer; null when it lacks an ID or a name. */
export function mapAttachedObject(row: unknown, commentId: string | null): TaskFile | null {
  const r = record(row);
  const attachmentId = str(r.ID);
  const name = str(r.NAME);
  if (attachmentId === '' || name === '') return null;
  const created = Date.parse(str(r.CREATE_TIME));
  const size = Number(str(r.SIZE));
  return {
    attachmentId, objectId: str(r.OBJECT_ID), name, size: Number.isFinite(size) && size >= 0 ? size : 0, type: fileTypeOf(name),
    authorId: str(r.CREATED_BY), createdAt: Number.isNaN(created) ? null : created, commentId,
  };
}
