/**
 * A queued comment with files on a chat-card portal (tasks 25.700+): tasks.task.chat.message.send
 * carries text only, so the files go into the task chat's Disk folder (im.disk.folder.get, then
 * disk.folder.uploadfile, base64 fileContent) and one im.disk.file.commit posts them with the
 * comment's text as a single chat message (emulator README, "Files in a task chat").
 *
 * Exactly once, as for legacy comments: the outbox marks the intent `sending` before anything goes
 * out, and an ambiguous commit (answer lost) is checked in the chat before any resend
 * (isAppendOnPortal: the user's message with the same text). An upload whose answer is lost is
 * found again in the chat folder by its recorded name before any second upload (disk-upload.ts),
 * so the posted file keeps its name and no uncommitted copy is left behind.
 */
import { BitrixError } from './errors';
import { outcomeOfError } from './gateway-send';
import type { BitrixClient } from './client';
import { missingFile, type OutboxFiles } from './comment-uploads';
import { DiskUploader, folderTarget } from './disk-upload';
import type { Intent } from '../sync/intents';
import type { SendOutcome } from '../sync/portal-port';

export class ChatUploads {
  /** chat ID -> its Disk folder ID. */
  private readonly folders = new Map<string, string>();
  private readonly disk: DiskUploader | null;

  constructor(
    private readonly client: BitrixClient,
    private readonly files: OutboxFiles | undefined,
    userId: () => Promise<string>,
  ) {
    this.disk = files ? new DiskUploader(client, files, userId) : null;
  }

  /** Uploads the comment's files into the chat's folder, then posts them with its text. */
  async send(intent: Intent, chatId: string): Promise<SendOutcome> {
    const p = intent.payload;
    if (p.name !== 'addComment' || !p.files?.length) throw new Error('ChatUploads.send takes a comment with files');
    if (!this.files || !this.disk) return { kind: 'refused', code: 'FILES_UNAVAILABLE', message: 'This connection cannot send files' };
    let ids: string[];
    try {
      const uploaded = await this.disk.uploadAll(folderTarget(await this.folder(chatId)), p.files);
      if (!uploaded.ok) return missingFile(uploaded.missing);
      ids = uploaded.fileIds;
    } catch (error) {
      // An upload's lost answer is just retried (the copy is found by name).
      return outcomeOfError(error, true);
    }
    try {
      const answer = await this.client.call('im.disk.file.commit', { CHAT_ID: chatId, UPLOAD_ID: ids.map(Number), MESSAGE: p.text }, { idempotent: false });
      // `false`: the portal took none of the files, and posted nothing.
      const posted = answer.result as { MESSAGE_ID?: unknown } | false | null;
      if (!posted || typeof posted !== 'object') return { kind: 'refused', code: 'FILES_NOT_POSTED', message: 'The portal did not post the files to the task chat' };
      this.disk.forget(p.files);
      return { kind: 'done', task: null };
    } catch (error) {
      // Only the commit posts anything: its lost answer is ambiguous.
      return outcomeOfError(error, false);
    }
  }

  private async folder(chatId: string): Promise<string> {
    const known = this.folders.get(chatId);
    if (known) return known;
    const answer = await this.client.call('im.disk.folder.get', { CHAT_ID: chatId });
    const id = (answer.result as { ID?: unknown } | null)?.ID;
    if (id === undefined || id === null || String(id) === '' || String(id) === '0') throw new BitrixError('malformed', 'MALFORMED_ANSWER', 'im.disk.folder.get answered without ID');
    this.folders.set(chatId, String(id));
    return String(id);
  }
}
