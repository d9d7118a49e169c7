import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { generatedRecords } from '../generate-tasks';
import type { Task, User } from '../model';
import { canSeeTask } from '../rights';
import type { Services } from '../services';
import type { PortalState } from '../state';
import { demoLog, demoPdf, demoPng } from './content';

/** A file on Disk (b_disk_object of TYPE file). */
export interface DiskObject {
  id: number;
  name: string;
  storageId: number;
  createdBy: number;
  createTime: number;
  bytes: () => Uint8Array;
  readonly size: number;
  /** A file in a task chat's folder (im storage): the task whose chat it is in. */
  chatTaskId?: number;
  /** The parent folder when it is not the storage's root (a chat folder). */
  folderId?: number;
  /** GLOBAL_CONTENT_VERSION: 1 for a fresh upload, 2 once im.disk.file.commit has posted it. */
  version?: number;
  /** In the root folder of its storage (uploaded by REST); the demo's attached files are not. */
  inRoot?: boolean;
}

export type AttachedEntity = { kind: 'task'; taskId: number } | { kind: 'comment'; taskId: number; commentId: number };

/** A file attached through a disk_file user field (b_disk_attached_object). */
export interface Attachment {
  id: number;
  objectId: number;
  entity: AttachedEntity;
  createdBy: number;
  createTime: number;
}

/** IDs are derived from task and comment IDs so the demo set is the same whatever is read first. */
const TASK_ATTACHMENT_BASE = 100_000;
const COMMENT_ATTACHMENT_BASE = 5_000_000;
const OBJECT_OFFSET = 1_000_000;
const UPLOADED_BASE = 9_000_000;
const CHAT_FILE_BASE = 8_000_000;
const CHAT_FOLDER_BASE = 7_000_000;
/** The im module's own Disk storage, which holds every chat's folder (CIMDisk::GetStorage). */
export const IM_STORAGE_ID = 17;

/** A chat's folder `chat<id>` in the im storage (CIMDisk::GetFolderModel); its ID derives from the chat's. */
export function chatFolderId(chatId: number): number {
  return CHAT_FOLDER_BASE + chatId;
}

export function chatOfFolder(folderId: number): number | null {
  return folderId > CHAT_FOLDER_BASE && folderId < CHAT_FILE_BASE ? folderId - CHAT_FOLDER_BASE : null;
}

export class DiskState {
  readonly objects = new Map<number, DiskObject>();
  readonly attachments = new Map<number, Attachment>();
  readonly byComment = new Map<number, number[]>();
  /** Chat message ID -> Disk file IDs (the message's params FILE_ID). */
  readonly byMessage = new Map<number, number[]>();
  private readonly chatsSeeded = new Set<number>();
  private readonly secret = randomBytes(16);
  private readonly commentsSeeded = new Set<number>();
  next = { object: UPLOADED_BASE, attachment: UPLOADED_BASE + 500_000 };

  sign(objectId: number): string {
    return createHmac('sha256', this.secret).update(String(objectId)).digest('base64url').slice(0, 32);
  }

  /** `disk|<id>|<signature>`, as opaque to clients as the portal's own token. */
  tokenFor(objectId: number): string {
    return `disk|${objectId}|${this.sign(objectId)}`;
  }

  /** The object ID a file token was signed for, or null when it does not verify (rest.php "Link check failed"). */
  objectIdOfToken(token: string): number | null {
    const m = /^disk\|(\d+)\|([\w-]+)$/.exec(token);
    if (!m) return null;
    const id = Number(m[1]);
    const expected = Buffer.from(this.sign(id));
    const given = Buffer.from(m[2] ?? '');
    return expected.length === given.length && timingSafeEqual(expected, given) ? id : null;
  }

  attach(a: Attachment): void {
    this.attachments.set(a.id, a);
    if (a.entity.kind === 'comment') this.byComment.set(a.entity.commentId, [...(this.byComment.get(a.entity.commentId) ?? []), a.id]);
  }

  markChatSeeded(taskId: number): boolean {
    if (this.chatsSeeded.has(taskId)) return false;
    this.chatsSeeded.add(taskId);
    return true;
  }

  markCommentsSeeded(taskId: number): boolean {
    if (this.commentsSeeded.has(taskId)) return false;
    this.commentsSeeded.add(taskId);
    return true;
  }
}

const disks = new WeakMap<PortalState, DiskState>();

export function diskOf(state: PortalState): DiskState {
  let d = disks.get(state);
  if (!d) {
    d = new DiskState();
    disks.set(state, d);
  }
  return d;
}

/** Each user has a personal storage (disk.storage.getlist ENTITY_TYPE=user); its ID is derived from the user's. */
export function userStorageId(userId: number): number {
  return 1000 + userId;
}

function mix(seed: number, id: number): number {
  return (Math.imul(id ^ seed, 2654435761) >>> 0) % 1000;
}

function fileObject(id: number, name: string, createdBy: number, createTime: number, bytes: () => Uint8Array): DiskObject {
  let cached: Uint8Array | undefined;
  const get = (): Uint8Array => (cached ??= bytes());
  // The bytes (and so the size) are made on first use: a 50,000-task portal starts without them.
  return {
    id, name, storageId: userStorageId(createdBy), createdBy, createTime, bytes: get,
    get size() {
      return get().length;
    },
  };
}

/**
 * Demo files on about a quarter of the generated tasks (a screenshot, sometimes a log), written
 * into UF_TASK_WEBDAV_FILES as attached-object IDs, the way a disk_file field keeps them.
 */
export function seedDemoTaskFiles(s: Services): void {
  const disk = diskOf(s.state);
  for (const task of s.state.tasks.values()) {
    if (task.genIndex < 0 || mix(s.state.seed, task.id) % 4 !== 0) continue;
    const ids: string[] = [];
    const files: Array<[string, () => Uint8Array]> = [[`screenshot-${task.id}.png`, () => demoPng(s.state.seed * 31 + task.id)]];
    if (mix(s.state.seed + 7, task.id) % 2 === 0) files.push([`log-${task.id}.txt`, () => demoLog(task.id, task.title)]);
    files.forEach(([name, bytes], k) => {
      const attachmentId = TASK_ATTACHMENT_BASE + task.id * 10 + k;
      const objectId = OBJECT_OFFSET + attachmentId;
      disk.objects.set(objectId, fileObject(objectId, name, task.createdBy, task.createdDate, bytes));
      disk.attach({ id: attachmentId, objectId, entity: { kind: 'task', taskId: task.id }, createdBy: task.createdBy, createTime: task.createdDate });
      ids.push(String(attachmentId));
    });
    task.uf.UF_TASK_WEBDAV_FILES = ids;
  }
}

/** The generated comment of about a third of the tasks that carries a demo file, and that file. */
function demoCommentFile(s: Services, task: Task): { commentId: number; authorId: number; postDate: number; name: string; bytes: () => Uint8Array } | null {
  if (task.genIndex < 0 || mix(s.state.seed + 3, task.id) % 3 !== 0) return null;
  const comments = generatedRecords(s.gen, task).comments;
  const screenshot = comments.find((c) => /скриншот/i.test(c.message));
  const target = screenshot ?? comments[0];
  if (!target) return null;
  const name = screenshot ? `error-${target.id}.png` : `act-${target.id}.pdf`;
  const bytes = screenshot ? () => demoPng(s.state.seed * 17 + target.id) : () => demoPdf(`Act for task ${task.id}`);
  return { commentId: target.id, authorId: target.authorId, postDate: target.postDate, name, bytes };
}

/** Demo files on generated comments of about a third of the tasks, made on first read. */
export function seedDemoCommentFiles(s: Services, task: Task): void {
  const disk = diskOf(s.state);
  if (!disk.markCommentsSeeded(task.id)) return;
  const demo = demoCommentFile(s, task);
  if (!demo) return;
  const attachmentId = COMMENT_ATTACHMENT_BASE + demo.commentId;
  const objectId = OBJECT_OFFSET + attachmentId;
  disk.objects.set(objectId, fileObject(objectId, demo.name, demo.authorId, demo.postDate, demo.bytes));
  disk.attach({ id: attachmentId, objectId, entity: { kind: 'comment', taskId: task.id, commentId: demo.commentId }, createdBy: demo.authorId, createTime: demo.postDate });
}

/**
 * The same demo file on a chat-card portal: the generated comment shows as a (migrated) chat
 * message, and its file as a file of that message in the chat's folder (params FILE_ID).
 */
export function seedDemoChatFiles(s: Services, task: Task): void {
  const disk = diskOf(s.state);
  if (!disk.markChatSeeded(task.id)) return;
  const demo = demoCommentFile(s, task);
  if (!demo) return;
  const objectId = CHAT_FILE_BASE + demo.commentId;
  const obj = chatFile(fileObject(objectId, demo.name, demo.authorId, demo.postDate, demo.bytes), task);
  obj.version = 2;
  disk.objects.set(objectId, obj);
  disk.byMessage.set(demo.commentId, [objectId]);
}

/** Moves a new object into the task chat's folder (assigned in place: the size getter stays lazy). */
function chatFile(obj: DiskObject, task: Task): DiskObject {
  obj.storageId = IM_STORAGE_ID;
  obj.chatTaskId = task.id;
  obj.folderId = chatFolderId(task.chatId);
  return obj;
}

/** Bytes uploaded into a task chat's folder (disk.folder.uploadfile): not in the chat until committed. */
export function storeChatUpload(s: Services, user: User, task: Task, name: string, bytes: Uint8Array): DiskObject {
  const disk = diskOf(s.state);
  const id = disk.next.object++;
  const copy = Uint8Array.from(bytes);
  const obj = chatFile(fileObject(id, name, user.id, s.state.now(), () => copy), task);
  obj.version = 1;
  disk.objects.set(id, obj);
  return obj;
}

/** Uploaded bytes become a file in the root folder of the uploader's storage. */
export function storeUpload(s: Services, user: User, name: string, bytes: Uint8Array, storageId = userStorageId(user.id)): DiskObject {
  const disk = diskOf(s.state);
  const id = disk.next.object++;
  const copy = Uint8Array.from(bytes);
  const obj = fileObject(id, name, user.id, s.state.now(), () => copy);
  obj.storageId = storageId;
  obj.inRoot = true;
  disk.objects.set(id, obj);
  return obj;
}

/** The objects in the root folder of a storage, in ID order. */
export function rootChildren(s: Services, storageId: number): DiskObject[] {
  return [...diskOf(s.state).objects.values()].filter((o) => o.inRoot && o.storageId === storageId).sort((a, b) => a.id - b.id);
}

/**
 * Names in a folder are unique, compared as MySQL's case-insensitive collation does (Folder::addFile
 * → isUniqueName `=NAME` under PARENT_ID). With generateUniqueName the portal appends " (n)" before
 * the last extension, n one above the highest taken (BaseObject::generateUniqueName); without it a
 * taken name is refused. Null: the name is taken.
 */
export function uniqueRootName(s: Services, storageId: number, wanted: string, generate: boolean): string | null {
  return uniqueNameAmong(rootChildren(s, storageId), wanted, generate);
}

/** The files of a task chat's folder, in ID order. */
export function folderChildren(s: Services, folderId: number): DiskObject[] {
  return [...diskOf(s.state).objects.values()].filter((o) => o.folderId === folderId).sort((a, b) => a.id - b.id);
}

/** The same rule for any folder's children (see uniqueRootName). */
export function uniqueNameAmong(children: readonly DiskObject[], wanted: string, generate: boolean): string | null {
  const taken = new Set(children.map((o) => o.name.toLowerCase()));
  if (!taken.has(wanted.toLowerCase())) return wanted;
  if (!generate) return null;
  const dot = wanted.lastIndexOf('.');
  const [main, ext] = dot > 0 ? [wanted.slice(0, dot), wanted.slice(dot)] : [wanted, ''];
  const prefix = `${main} (`.toLowerCase();
  let highest = 0;
  for (const name of taken) {
    if (!name.startsWith(prefix) || !name.endsWith(`)${ext}`.toLowerCase())) continue;
    const n = name.slice(prefix.length, name.length - ext.length - 1);
    if (/^[1-9]\d*$/.test(n)) highest = Math.max(highest, Number(n));
  }
  return `${main} (${highest + 1})${ext}`;
}

/**
 * Disk rights on the file itself (disk.file.get, /rest/download.json, `n<id>` of a comment): portal
 * admins (FakeSecurityContext), the owner of the personal storage holding it (here its creator), and
 * for a chat file the chat's members (the chat folder's rights). Attachments are not consulted
 * (DiskSecurityContext asks b_disk_simple_right only); sharing by Disk rights is not emulated.
 */
export function canReadObject(s: Services, user: User, obj: DiskObject): boolean {
  if (user.admin || obj.createdBy === user.id) return true;
  return obj.chatTaskId !== undefined && isChatMember(s, user, obj.chatTaskId);
}

/** An attached object (disk.attachedObject.get, uf.php) follows its entity: the task connector's canRead = may read the task. */
export function canReadAttachment(s: Services, user: User, a: Attachment): boolean {
  const task = s.state.tasks.get(a.entity.taskId);
  return !!task && canSeeTask(s.state, user, task);
}

/**
 * A task chat's members, who get full rights on its folder (CIMDisk::GetFolderModel gives `U<id>`
 * of each chat relation). Taken here as whoever may read the task, as im.dialog.messages.get does
 * in this emulator (UNVERIFIED: who exactly the new card adds to a task's chat).
 */
export function isChatMember(s: Services, user: User, taskId: number): boolean {
  const task = s.state.tasks.get(taskId);
  return !!task && s.state.commentMode === 'chat' && canSeeTask(s.state, user, task);
}
