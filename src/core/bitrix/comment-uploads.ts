/**
 * Files of a queued comment go up just before the comment: each into the root of the user's own
 * Disk storage (disk.storage.uploadfile, base64 fileContent), then the comment names them in
 * UF_FORUM_MESSAGE_DOC as `n<fileId>` (emulator README, "Files (disk)").
 *
 * An upload whose answer is lost must not leave a second copy when it is sent again. Names are
 * unique in a Disk folder and the REST upload takes nothing but NAME (no code or marker), so a file
 * goes up under a name chosen free beforehand and recorded durably with the staged file
 * (`generateUniqueName` off: a name taken meanwhile is refused, DISK_OBJ_22000, and another one is
 * chosen). Before sending again, the folder is asked for that exact name: a file of the same size
 * by this user is the earlier upload, and is attached instead. The name is the user's own,
 * or the portal's own "name (n).ext" when they already have a file of that name.
 */
import { BitrixError } from './errors';
import type { BitrixClient } from './client';
import { readWholeList } from './list-reader';
import type { Intent } from '../sync/intents';
import type { SendOutcome } from '../sync/portal-port';

/** Reads a staged file (base64) from the data folder; null when it is gone. */
export interface OutboxFiles {
  read(fileRef: string): Promise<string | null>;
  /** The Disk name this file's upload was last sent under; null when none was sent. */
  uploadName(fileRef: string): Promise<string | null>;
  /** Records that name durably, before the upload goes out. */
  noteUploadName(fileRef: string, name: string): Promise<void>;
}

/** A name taken in the folder (BaseObject::ERROR_NON_UNIQUE_NAME). */
const NON_UNIQUE_NAME = 'DISK_OBJ_22000';
/** Names tried when each one found free is taken before the upload lands. */
const NAME_ATTEMPTS = 3;

/**
 * The name as Disk keeps it (Ui\Text::correctFilename): trimmed, control characters, <>:"|?*\/
 * and emoji each become "_"; the lookup must ask for exactly what the portal stored.
 */
export function diskFileName(name: string): string {
  // eslint-disable-next-line no-control-regex
  return name.trim().replace(/\p{Extended_Pictographic}(?:\u200d\p{Extended_Pictographic}|\ufe0f)*/gu, '_').replace(/[\x01-\x1f<>:"|?*\\/]/g, '_');
}

/** Bytes in a base64 string. */
function base64Size(base64: string): number {
  const pad = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  return (base64.length / 4) * 3 - pad;
}

type ChildRow = { ID?: unknown; NAME?: unknown; TYPE?: unknown; SIZE?: unknown; CREATED_BY?: unknown };

function childRows(result: unknown): ChildRow[] {
  return Array.isArray(result) ? (result as ChildRow[]).filter((r) => typeof r === 'object' && r !== null) : [];
}

export type PreparedUpload = { ok: true; fileIds: string[] } | { ok: false; outcome: SendOutcome };

function failed(error: unknown): SendOutcome {
  if (!(error instanceof BitrixError)) throw error;
  if (error.kind === 'refused') return { kind: 'refused', code: error.code, message: error.message };
  if (error.kind === 'signed-out' || error.kind === 'token-expired') return { kind: 'signed-out', code: error.code, message: error.message };
  return { kind: 'retry', failure: error.kind, code: error.code, message: error.message, retryAt: error.retryAt };
}

export class CommentUploads {
  private storageId: string | null = null;
  /** fileRef -> Disk file ID, for a resend in this process (after a restart the file goes up again). */
  private readonly uploaded = new Map<string, string>();

  constructor(
    private readonly client: BitrixClient,
    private readonly files: OutboxFiles | undefined,
    private readonly userId: () => Promise<string>,
  ) {}

  async prepare(intent: Intent): Promise<PreparedUpload> {
    const p = intent.payload;
    if (p.name !== 'addComment' || !p.files?.length) return { ok: true, fileIds: [] };
    if (!this.files) return { ok: false, outcome: { kind: 'refused', code: 'FILES_UNAVAILABLE', message: 'This connection cannot send files' } };
    try {
      const storageId = await this.storage();
      const ids: string[] = [];
      for (const file of p.files) {
        const known = this.uploaded.get(file.fileRef);
        if (known) {
          ids.push(known);
          continue;
        }
        const base64 = await this.files.read(file.fileRef);
        if (base64 === null) return { ok: false, outcome: { kind: 'refused', code: 'FILE_MISSING', message: `The file ${file.name} is no longer in the data folder` } };
        const id = await this.upload(storageId, file.fileRef, file.name, base64);
        this.uploaded.set(file.fileRef, id);
        ids.push(id);
      }
      return { ok: true, fileIds: ids };
    } catch (error) {
      return { ok: false, outcome: failed(error) };
    }
  }

  /** The Disk file ID of this staged file: the copy an earlier attempt left, or a new upload. */
  private async upload(storageId: string, fileRef: string, wanted: string, base64: string): Promise<string> {
    const files = this.files!;
    let name = await files.uploadName(fileRef);
    if (name !== null) {
      const earlier = await this.ownCopy(storageId, name, base64Size(base64));
      if (earlier) return earlier;
    }
    for (let attempt = 0; attempt < NAME_ATTEMPTS; attempt++) {
      if (name === null) {
        name = await this.freeName(storageId, diskFileName(wanted));
        await files.noteUploadName(fileRef, name);
      }
      try {
        const answer = await this.client.call(
          'disk.storage.uploadfile',
          { id: storageId, data: { NAME: name }, fileContent: [name, base64], generateUniqueName: false },
          { idempotent: false },
        );
        const id = (answer.result as { ID?: unknown } | null)?.ID;
        if (id === undefined || id === null || String(id) === '') throw new BitrixError('malformed', 'MALFORMED_ANSWER', 'disk.storage.uploadfile answered without ID');
        return String(id);
      } catch (error) {
        // Taken between the look and the upload (by someone else: ours would have been found).
        if (!(error instanceof BitrixError && error.code === NON_UNIQUE_NAME)) throw error;
        name = null;
      }
    }
    throw new BitrixError('refused', NON_UNIQUE_NAME, `No free name for ${wanted} in the Disk storage`);
  }

  /** A file of this name and size by this user in the storage's root: the earlier upload. */
  private async ownCopy(storageId: string, name: string, size: number): Promise<string | null> {
    const me = await this.userId();
    const answer = await this.client.call('disk.storage.getchildren', { id: storageId, filter: { '=NAME': name, TYPE: 'file' } });
    const row = childRows(answer.result).find(
      (r) => String(r.NAME).toLowerCase() === name.toLowerCase() && Number(r.SIZE) === size && String(r.CREATED_BY) === me && r.ID !== undefined && r.ID !== null,
    );
    return row ? String(row.ID) : null;
  }

  /**
   * The name itself when the folder has none like it (compared case-insensitively, as the portal's
   * collation does), else the portal's own next "name (n).ext" (BaseObject::generateUniqueName).
   */
  private async freeName(storageId: string, name: string): Promise<string> {
    const same = await this.client.call('disk.storage.getchildren', { id: storageId, filter: { '=NAME': name } });
    if (childRows(same.result).every((r) => String(r.NAME).toLowerCase() !== name.toLowerCase())) return name;
    const dot = name.lastIndexOf('.');
    const [main, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
    const prefix = `${main} (`.toLowerCase();
    const suffix = `)${ext}`.toLowerCase();
    const numbered = await readWholeList(this.client, 'disk.storage.getchildren', { id: storageId, filter: { '%NAME': `${main} (` } }, { rows: childRows });
    let highest = 0;
    for (const row of numbered as ChildRow[]) {
      const taken = String(row.NAME).toLowerCase();
      if (!taken.startsWith(prefix) || !taken.endsWith(suffix)) continue;
      const n = taken.slice(prefix.length, taken.length - suffix.length);
      if (/^[1-9]\d*$/.test(n)) highest = Math.max(highest, Number(n));
    }
    return `${main} (${highest + 1})${ext}`;
  }

  private async storage(): Promise<string> {
    if (this.storageId) return this.storageId;
    const me = await this.userId();
    const answer = await this.client.call('disk.storage.getlist', { filter: { ENTITY_TYPE: 'user', ENTITY_ID: me } });
    const row = Array.isArray(answer.result) ? (answer.result[0] as { ID?: unknown } | undefined) : undefined;
    if (!row?.ID) throw new BitrixError('refused', 'NO_USER_STORAGE', 'The portal has no Disk storage for this user');
    this.storageId = String(row.ID);
    return this.storageId;
  }
}
