/**
 * Files of a queued comment go up just before the comment: each into the root of the user's own
 * Disk storage (disk.storage.uploadfile, base64 fileContent), then the comment names them in
 * UF_FORUM_MESSAGE_DOC as `n<fileId>` (emulator README, "Files (disk)").
 *
 * An upload whose answer is lost leaves no second copy when it is sent again (disk-upload.ts).
 */
import { BitrixError } from './errors';
import { outcomeOfError } from './gateway-send';
import type { BitrixClient } from './client';
import { DiskUploader, storageTarget } from './disk-upload';
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

export type PreparedUpload = { ok: true; fileIds: string[] } | { ok: false; outcome: SendOutcome };

export const missingFile = (name: string): SendOutcome => ({ kind: 'refused', code: 'FILE_MISSING', message: `The file ${name} is no longer in the data folder` });

export class CommentUploads {
  private storageId: string | null = null;
  private readonly disk: DiskUploader | null;

  constructor(
    private readonly client: BitrixClient,
    private readonly files: OutboxFiles | undefined,
    private readonly userId: () => Promise<string>,
  ) {
    this.disk = files ? new DiskUploader(client, files, userId) : null;
  }

  async prepare(intent: Intent): Promise<PreparedUpload> {
    const p = intent.payload;
    if (p.name !== 'addComment' || !p.files?.length) return { ok: true, fileIds: [] };
    if (!this.files || !this.disk) return { ok: false, outcome: { kind: 'refused', code: 'FILES_UNAVAILABLE', message: 'This connection cannot send files' } };
    try {
      const uploaded = await this.disk.uploadAll(storageTarget(await this.storage()), p.files);
      if (!uploaded.ok) return { ok: false, outcome: missingFile(uploaded.missing) };
      return uploaded;
    } catch (error) {
      // Uploads only: nothing is posted yet, so any failure is a plain retry (or the portal's refusal).
      return { ok: false, outcome: outcomeOfError(error, true) };
    }
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

export { diskFileName } from './disk-upload';
