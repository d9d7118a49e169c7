/**
 * Files of a queued comment go up just before the comment: each into the user's own Disk storage
 * (disk.storage.uploadfile, base64 fileContent), then the comment names them in
 * UF_FORUM_MESSAGE_DOC as `n<fileId>` (emulator README, "Files (disk)"). An upload whose answer
 * is lost is simply done again: at worst an unattached copy stays in the user's own storage, never
 * a second comment (the comment itself keeps the append rules of the outbox).
 */
import { BitrixError } from './errors';
import type { BitrixClient } from './client';
import type { Intent } from '../sync/intents';
import type { SendOutcome } from '../sync/portal-port';

/** Reads a staged file (base64) from the data folder; null when it is gone. */
export interface OutboxFiles {
  read(fileRef: string): Promise<string | null>;
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
        const answer = await this.client.call(
          'disk.storage.uploadfile',
          { id: storageId, data: { NAME: file.name }, fileContent: [file.name, base64], generateUniqueName: true },
          { idempotent: false },
        );
        const id = (answer.result as { ID?: unknown } | null)?.ID;
        if (id === undefined || id === null || String(id) === '') throw new BitrixError('malformed', 'MALFORMED_ANSWER', 'disk.storage.uploadfile answered without ID');
        this.uploaded.set(file.fileRef, String(id));
        ids.push(String(id));
      }
      return { ok: true, fileIds: ids };
    } catch (error) {
      return { ok: false, outcome: failed(error) };
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
