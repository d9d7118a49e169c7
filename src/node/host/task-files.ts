/**
 * Attachments of an open card: the list read from the portal when the drawer asks (never on a
 * poll), kept in the portal's local store (metadata only) so a card opened again offline, after
 * a restart too, still lists them, and
 * each file's bytes fetched through the portal with the user's own credentials. The download
 * link (it carries the token) stays in this process.
 */
import { fileDownloadUrl, readTaskFiles } from '../../core/bitrix/task-files';
import { isTransientFailure } from '../../core/failure';
import { BitrixError } from '../../core/bitrix/errors';
import { MAX_FILE_BYTES, type TaskFile } from '../../core/domain/files';
import type { FileContent, StagedFile, TaskFilesView } from '../../shared/api';
import { OutboxFileStore } from '../files/outbox-files';
import { ApiFailure } from '../api-failure';
import { downloadBytes } from '../files/portal-download';
import type { ConnectionService } from './connection-service';
import type { PortalSession } from './portal-session';
import type { HostContext } from './host-context';

/** How many tasks' file lists the store keeps (the least recently read go first). */
const KEPT_TASKS = 200;
/** A staged file younger than this may still be waiting for its comment to be queued. */
const STAGED_MIN_AGE_MS = 60 * 60_000;

export class TaskFilesService {
  constructor(
    private readonly ctx: HostContext,
    private readonly connection: ConnectionService,
  ) {}

  async getTaskFiles(taskId: string): Promise<TaskFilesView> {
    const session = this.connection.requireSession();
    if (!/^\d+$/.test(taskId)) return { taskId, files: [], offline: false };
    try {
      const legacy = (await session.gateway.commentMode(taskId)) === 'legacy';
      const { files } = await readTaskFiles(session.client, taskId, legacy);
      const readAt = this.ctx.options.clock.now();
      this.keep(session, taskId, files, readAt);
      return { taskId, files, offline: false, readAt };
    } catch (error) {
      const kept = error instanceof BitrixError && isTransientFailure(error.kind) ? this.kept(session, taskId) : null;
      if (kept) return { taskId, files: kept.files, offline: true, readAt: kept.readAt };
      throw error;
    }
  }

  async readTaskFile(taskId: string, attachmentId: string): Promise<FileContent> {
    const session = this.connection.requireSession();
    if (!/^\d+$/.test(taskId)) throw new ApiFailure('invalid-input', this.ctx.text('fileNotOnPortalYet'));
    // Only a file this task lists: a window cannot make the host fetch arbitrary attachments.
    // The stored list counts (the last one read from the portal, offline or after a restart).
    const files = this.kept(session, taskId)?.files ?? (await this.getTaskFiles(taskId)).files;
    const listed = files.find((f) => f.attachmentId === attachmentId);
    if (!listed) throw new ApiFailure('invalid-input', this.ctx.text('fileNotOfTask'));
    // The listed file says which method fetches it (an attached object, or a chat's Disk file).
    const { url, file } = await fileDownloadUrl(session.client, listed);
    const limit = { limit: String(MAX_FILE_BYTES / 1024 / 1024) };
    if (file.size > MAX_FILE_BYTES) throw new ApiFailure('invalid-input', this.ctx.text('fileTooLarge', limit));
    if (new URL(url).origin !== new URL(session.portalUrl).origin) throw new ApiFailure('portal', this.ctx.text('fileLinkForeign'));
    const answer = await downloadBytes(url, { trustedPems: this.connection.trustedCertificates(), maxBytes: MAX_FILE_BYTES });
    if (!answer.ok) {
      if (answer.reason === 'too-large') throw new ApiFailure('invalid-input', this.ctx.text('fileTooLarge', limit));
      if (answer.reason === 'unreachable') throw new BitrixError('unreachable', 'NETWORK', answer.message);
      if (answer.code.startsWith('ACCESS_DENIED')) throw new ApiFailure('denied', this.ctx.text('fileDenied'), answer.code);
      if (answer.code === 'ERROR_NOT_FOUND') throw new ApiFailure('portal', this.ctx.text('fileGone'), answer.code);
      throw new ApiFailure('portal', this.ctx.text('fileRefused', { code: answer.code }), answer.code);
    }
    return { name: file.name, type: file.type, size: answer.bytes.length, base64: answer.bytes.toString('base64') };
  }

  /** A file for a queued comment, saved durably in the data folder (at most MAX_FILE_BYTES). */
  async stageFile(name: string, base64: string, appendTo?: string): Promise<StagedFile> {
    const store = new OutboxFileStore(this.ctx.options.dataDir);
    const bytes = Buffer.from(base64, 'base64');
    const limit = { limit: String(MAX_FILE_BYTES / 1024 / 1024) };
    const before = appendTo === undefined ? 0 : store.size(appendTo);
    if (before === null) throw new ApiFailure('invalid-input', this.ctx.text('fileNotOfTask'));
    if (before + bytes.length > MAX_FILE_BYTES) throw new ApiFailure('invalid-input', this.ctx.text('fileTooLarge', limit));
    const { fileRef, size } = store.append(bytes, appendTo);
    if (appendTo === undefined) this.sweep(store);
    return { fileRef, name: name.replace(/[\\/:*?"<>|\r\n]+/g, '_'), size };
  }

  /** Staged files of comments already sent (or discarded) go once an hour has passed. */
  private sweep(store: OutboxFileStore): void {
    const session = this.connection.current;
    if (!session) return;
    const referenced = new Set<string>();
    for (const intent of session.store.listIntents()) {
      if (intent.payload.name === 'addComment') for (const file of intent.payload.files ?? []) referenced.add(file.fileRef);
    }
    store.sweep(referenced, this.ctx.options.clock.now(), STAGED_MIN_AGE_MS);
  }

  /** A list that could not be saved is still shown: only an offline reopening loses it. */
  private keep(session: PortalSession, taskId: string, files: readonly TaskFile[], readAt: number): void {
    try {
      session.store.replaceTaskFiles(taskId, files, readAt, KEPT_TASKS);
    } catch (error) {
      this.ctx.options.logger?.warn('could not save a card\'s file list', { error: error instanceof Error ? error.message : String(error) });
    }
  }

  private kept(session: PortalSession, taskId: string): { files: TaskFile[]; readAt: number } | null {
    try {
      return session.store.taskFiles(taskId);
    } catch {
      return null;
    }
  }
}
