/**
 * A file attached to a task (UF_TASK_WEBDAV_FILES) or to one of its comments (ATTACHED_OBJECTS),
 * or posted in a message of the task's chat (new task card: im.dialog.messages.get `files`).
 */
export interface TaskFile {
  /**
   * The key a window names the file by: the attached-object ID (disk.attachedObject.get), or for a
   * chat file `chat<Disk file ID>` (chat files have no attached object).
   */
  attachmentId: string;
  /** The Disk file ID (`[DISK FILE ID=n…]`, UF_FORUM_MESSAGE_DOC `n…`, a chat message's FILE_ID). */
  objectId: string;
  /**
   * How the host fetches it: `attached` through disk.attachedObject.get(attachmentId), `chat` through
   * disk.file.get(objectId). Absent in lists kept before chat files existed: `attached`.
   */
  origin?: 'attached' | 'chat';
  name: string;
  size: number;
  /** MIME type guessed from the name (the portal reports none). */
  type: string;
  authorId: string;
  /** Epoch ms; null when the portal did not say. */
  createdAt: number | null;
  /** The comment (or chat message) the file came with; null for the task's own files. */
  commentId: string | null;
}

export interface TaskFiles {
  taskId: string;
  files: TaskFile[];
}

const TYPES: Record<string, string> = {
  png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif', webp: 'image/webp', bmp: 'image/bmp', svg: 'image/svg+xml',
  pdf: 'application/pdf', txt: 'text/plain', log: 'text/plain', csv: 'text/csv', zip: 'application/zip',
  doc: 'application/msword', docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export function fileTypeOf(name: string): string {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';
  return TYPES[ext] ?? 'application/octet-stream';
}

/** Raster images a page may show inline; SVG is never previewed (it can carry script). */
export const PREVIEWABLE_TYPES: readonly string[] = ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/bmp'];

export function isPreviewable(type: string): boolean {
  return PREVIEWABLE_TYPES.includes(type);
}

/** Files larger than this are neither downloaded through the host nor uploaded (a clear message instead). */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
