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
  return {
    attachmentId, objectId: str(r.OBJECT_ID), origin: 'attached', name, size: sizeOf(r.SIZE), type: fileTypeOf(name),
    authorId: str(r.CREATED_BY), createdAt: Number.isNaN(created) ? null : created, commentId,
  };
}

function sizeOf(value: unknown): number {
  const size = Number(str(value));
  return Number.isFinite(size) && size >= 0 ? size : 0;
}

/** The key a window names a chat file by (a Disk file ID, apart from attached-object IDs). */
export function chatFileKey(diskFileId: string): string {
  return `chat${diskFileId}`;
}

/**
 * The files of an im.dialog.messages.get answer, each with the message it came in (params
 * FILE_ID). A file no message of the answer names, or of a system message (author 0), is left out.
 */
export function mapChatFiles(result: unknown): TaskFile[] {
  const r = record(result);
  const byFile = new Map<string, { messageId: string; authorId: string }>();
  for (const message of Array.isArray(r.messages) ? r.messages : []) {
    const m = record(message);
    const authorId = str(m.author_id);
    const ids = record(m.params).FILE_ID;
    if (authorId === '' || authorId === '0' || !Array.isArray(ids)) continue;
    for (const id of ids.map(str)) if (/^\d+$/.test(id)) byFile.set(id, { messageId: str(m.id), authorId });
  }
  const files: TaskFile[] = [];
  const seen = new Set<string>();
  for (const entry of Array.isArray(r.files) ? r.files : Object.values(record(r.files))) {
    const f = record(entry);
    const id = str(f.id);
    const name = str(f.name);
    const message = byFile.get(id);
    if (!message || name === '' || seen.has(id)) continue;
    seen.add(id);
    const created = Date.parse(str(f.date));
    files.push({
      attachmentId: chatFileKey(id), objectId: id, origin: 'chat', name, size: sizeOf(f.size), type: fileTypeOf(name),
      authorId: str(f.authorId) || message.authorId, createdAt: Number.isNaN(created) ? null : created, commentId: message.messageId,
    });
  }
  return files.sort((a, b) => Number(a.commentId) - Number(b.commentId) || Number(a.objectId) - Number(b.objectId));
}

/** disk.file.get of a chat file, as the same TaskFile it was listed as (null when it lacks a name). */
export function mapDiskFile(row: unknown, listed: TaskFile): TaskFile | null {
  const r = record(row);
  const name = str(r.NAME);
  if (name === '' || str(r.ID) !== listed.objectId) return null;
  return { ...listed, name, size: sizeOf(r.SIZE), type: fileTypeOf(name) };
}
