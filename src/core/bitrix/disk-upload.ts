/**
 * A staged file uploaded into a Disk folder (a user storage's root, or a task chat's folder) so
 * that an upload whose answer is lost leaves no second copy when it is sent again. Names are unique
 * in a Disk folder and the REST upload takes nothing but NAME (no code or marker), so a file goes up
 * under a name chosen free beforehand and recorded durably with the staged file
 * (`generateUniqueName` off: a name taken meanwhile is refused, DISK_OBJ_22000, and another one is
 * chosen). Before sending again, the folder is asked for that exact name: a file of the same size
 * by this user is the earlier upload, and is used instead. The name is the user's own, or the
 * portal's own "name (n).ext" when the folder already has a file of that name.
 */
import { BitrixError } from './errors';
import type { BitrixClient } from './client';
import { readWholeList } from './list-reader';
import type { OutboxFiles } from './comment-uploads';

/** Where a file goes: the folder's ID and the methods that list it and upload into it. */
export interface DiskTarget {
  id: string;
  list: 'disk.storage.getchildren' | 'disk.folder.getchildren';
  upload: 'disk.storage.uploadfile' | 'disk.folder.uploadfile';
}

export const storageTarget = (id: string): DiskTarget => ({ id, list: 'disk.storage.getchildren', upload: 'disk.storage.uploadfile' });
export const folderTarget = (id: string): DiskTarget => ({ id, list: 'disk.folder.getchildren', upload: 'disk.folder.uploadfile' });

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

export type UploadedFiles = { ok: true; fileIds: string[] } | { ok: false; missing: string };

export class DiskUploader {
  /** fileRef -> Disk file ID, for a resend in this process (after a restart the name lookup finds it). */
  private readonly uploaded = new Map<string, string>();

  constructor(
    private readonly client: BitrixClient,
    private readonly files: OutboxFiles,
    private readonly userId: () => Promise<string>,
  ) {}

  /** Each staged file's Disk file ID in the folder, uploading those not there yet; `missing` names a staged file that is gone. */
  async uploadAll(target: DiskTarget, staged: ReadonlyArray<{ fileRef: string; name: string }>): Promise<UploadedFiles> {
    const ids: string[] = [];
    for (const file of staged) {
      const known = this.uploaded.get(file.fileRef);
      if (known) {
        ids.push(known);
        continue;
      }
      const base64 = await this.files.read(file.fileRef);
      if (base64 === null) return { ok: false, missing: file.name };
      const id = await this.upload(target, file.fileRef, file.name, base64);
      this.uploaded.set(file.fileRef, id);
      ids.push(id);
    }
    return { ok: true, fileIds: ids };
  }

  /** Once the files are posted, a later comment with the same staged file uploads it anew. */
  forget(staged: ReadonlyArray<{ fileRef: string }>): void {
    for (const file of staged) this.uploaded.delete(file.fileRef);
  }

  /** The Disk file ID of this staged file: the copy an earlier attempt left, or a new upload. */
  async upload(target: DiskTarget, fileRef: string, wanted: string, base64: string): Promise<string> {
    const files = this.files;
    let name = await files.uploadName(fileRef);
    if (name !== null) {
      const earlier = await this.ownCopy(target, name, base64Size(base64));
      if (earlier) return earlier;
    }
    for (let attempt = 0; attempt < NAME_ATTEMPTS; attempt++) {
      if (name === null) {
        name = await this.freeName(target, diskFileName(wanted));
        await files.noteUploadName(fileRef, name);
      }
      try {
        const answer = await this.client.call(
          target.upload,
          { id: target.id, data: { NAME: name }, fileContent: [name, base64], generateUniqueName: false },
          { idempotent: false },
        );
        const id = (answer.result as { ID?: unknown } | null)?.ID;
        if (id === undefined || id === null || String(id) === '') throw new BitrixError('malformed', 'MALFORMED_ANSWER', `${target.upload} answered without ID`);
        return String(id);
      } catch (error) {
        // Taken between the look and the upload (by someone else: ours would have been found).
        if (!(error instanceof BitrixError && error.code === NON_UNIQUE_NAME)) throw error;
        name = null;
      }
    }
    throw new BitrixError('refused', NON_UNIQUE_NAME, `No free name for ${wanted} in the Disk folder`);
  }

  /** A file of this name and size by this user in the folder: the earlier upload. */
  private async ownCopy(target: DiskTarget, name: string, size: number): Promise<string | null> {
    const me = await this.userId();
    const answer = await this.client.call(target.list, { id: target.id, filter: { '=NAME': name, TYPE: 'file' } });
    const row = childRows(answer.result).find(
      (r) => String(r.NAME).toLowerCase() === name.toLowerCase() && Number(r.SIZE) === size && String(r.CREATED_BY) === me && r.ID !== undefined && r.ID !== null,
    );
    return row ? String(row.ID) : null;
  }

  /**
   * The name itself when the folder has none like it (compared case-insensitively, as the portal's
   * collation does), else the portal's own next "name (n).ext" (BaseObject::generateUniqueName).
   */
  private async freeName(target: DiskTarget, name: string): Promise<string> {
    const same = await this.client.call(target.list, { id: target.id, filter: { '=NAME': name } });
    if (childRows(same.result).every((r) => String(r.NAME).toLowerCase() !== name.toLowerCase())) return name;
    const dot = name.lastIndexOf('.');
    const [main, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
    const prefix = `${main} (`.toLowerCase();
    const suffix = `)${ext}`.toLowerCase();
    const numbered = await readWholeList(this.client, target.list, { id: target.id, filter: { '%NAME': `${main} (` } }, { rows: childRows });
    let highest = 0;
    for (const row of numbered as ChildRow[]) {
      const taken = String(row.NAME).toLowerCase();
      if (!taken.startsWith(prefix) || !taken.endsWith(suffix)) continue;
      const n = taken.slice(prefix.length, taken.length - suffix.length);
      if (/^[1-9]\d*$/.test(n)) highest = Math.max(highest, Number(n));
    }
    return `${main} (${highest + 1})${ext}`;
  }
}
