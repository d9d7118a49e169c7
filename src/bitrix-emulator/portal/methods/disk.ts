import { RestError, type CallContext, type DownloadAnswer } from '../../contract';
import type { User } from '../model';
import { asArray, asRecord, callerOf, iso, outcome, register, toInt, type MethodTable, type Services } from '../services';
import { contentTypeOf } from '../disk/content';
import { actionFailed } from './legacy';
import { canReadAttachment, canReadObject, diskOf, rootChildren, storeUpload, uniqueRootName, userStorageId, type Attachment, type DiskObject } from '../disk/store';
import { paginate } from '../services';

// Facts and sources: src/bitrix-emulator/README.md, "Files (disk)".

// disk rest service (attachedobject.php, baseobject.php): `Could not find entity with id '<id>'.`
const notFound = (id: unknown): RestError => new RestError('ERROR_NOT_FOUND', `Could not find entity with id '${String(id)}'.`, 400);
// rest AccessException: code ACCESS_DENIED, message "Access denied!" plus an optional suffix, 403.
const accessDenied = (suffix = ''): RestError => new RestError('ACCESS_DENIED', `Access denied!${suffix}`, 403);

/**
 * CRestUtil::getSpecialUrl (disk Externalizer for a File): OAuth → `/rest/download.json?auth=<token>&token=…`;
 * webhook → `/rest/<aplogin>/<ap>/download/?token=…` (the webhook endpoint, no `.json`).
 */
function downloadUrl(s: Services, ctx: CallContext, obj: DiskObject): string {
  const origin = ctx.links?.origin ?? '';
  const auth = ctx.links?.accessToken;
  const hook = ctx.links?.webhook;
  const token = encodeURIComponent(diskOf(s.state).tokenFor(obj.id));
  if (auth === undefined && hook) return `${origin}/rest/${encodeURIComponent(hook.login)}/${encodeURIComponent(hook.password)}/download/?token=${token}`;
  return `${origin}/rest/download.json?${auth !== undefined ? `auth=${encodeURIComponent(auth)}&` : ''}token=${token}`;
}

/**
 * disk Externalizer for an AttachedObject: always the uf.php link (getUrlUfController('download',
 * ['attachedId', 'auth' => getAuth()])) — `auth[auth]=<token>` for OAuth, `auth[aplogin]`/`auth[ap]` for a webhook.
 */
function attachedUrl(ctx: CallContext, a: Attachment): string {
  const hook = ctx.links?.webhook;
  const token = ctx.links?.accessToken;
  const credentials = token !== undefined
    ? `auth%5Bauth%5D=${encodeURIComponent(token)}&`
    : hook ? `auth%5Baplogin%5D=${encodeURIComponent(hook.login)}&auth%5Bap%5D=${encodeURIComponent(hook.password)}&` : '';
  return `${ctx.links?.origin ?? ''}/bitrix/tools/disk/uf.php?attachedId=${a.id}&${credentials}action=download&ncc=1`;
}

export function fileRow(s: Services, ctx: CallContext, obj: DiskObject): Record<string, unknown> {
  return {
    ID: obj.id, NAME: obj.name, CODE: null, STORAGE_ID: String(obj.storageId), TYPE: 'file', PARENT_ID: String(obj.folderId ?? obj.storageId * 10),
    DELETED_TYPE: 0, GLOBAL_CONTENT_VERSION: obj.version ?? 1, FILE_ID: obj.id + 7000, SIZE: String(obj.size),
    CREATE_TIME: iso(s, obj.createTime), UPDATE_TIME: iso(s, obj.createTime), DELETE_TIME: null,
    CREATED_BY: String(obj.createdBy), UPDATED_BY: String(obj.createdBy), DELETED_BY: null,
    DOWNLOAD_URL: downloadUrl(s, ctx, obj), DETAIL_URL: `${ctx.links?.origin ?? ''}/company/personal/user/${obj.createdBy}/disk/file/${encodeURIComponent(obj.name)}`,
  };
}

const IMAGE = /\.(png|jpe?g|gif|webp|bmp)$/i;

/**
 * One entry of the `files` of im.dialog.messages.get and of im.disk.file.commit's FILES
 * (CIMDisk::GetFileParams). The three links are the portal's UI links (disk.api.file.download
 * through /bitrix/services/main/ajax.php): they need a browser session, and are empty until the
 * file is committed (GLOBAL_CONTENT_VERSION > 1). `image` is false for non-images; the emulator
 * does not measure its demo images (0×0).
 */
export function chatFileParams(s: Services, obj: DiskObject, chatId: number): Record<string, unknown> {
  const author = s.state.users.get(obj.createdBy);
  const done = (obj.version ?? 1) > 1;
  const isImage = IMAGE.test(obj.name);
  const link = (action: string) => (done ? `/bitrix/services/main/ajax.php?action=disk.api.file.${action}&SITE_ID=s1&humanRE=1&fileId=${obj.id}&fileName=${encodeURIComponent(obj.name)}` : '');
  return {
    id: obj.id, chatId, date: iso(s, obj.createTime), type: isImage ? 'image' : 'file', name: obj.name,
    extension: (/\.([^.]+)$/.exec(obj.name)?.[1] ?? '').toLowerCase(), size: obj.size, image: isImage ? { width: 0, height: 0 } : false,
    status: done ? 'done' : 'upload', progress: done ? 100 : -1, authorId: obj.createdBy, authorName: author ? `${author.name} ${author.lastName}`.trim() : '',
    urlPreview: isImage ? link('showImage') : '', urlShow: isImage ? link('showImage') : link('download'), urlDownload: link('download'), viewerAttrs: null,
  };
}

function attachedRow(s: Services, ctx: CallContext, a: Attachment, obj: DiskObject): Record<string, unknown> {
  return {
    ID: String(a.id), OBJECT_ID: String(obj.id),
    // disk UserFieldManager connectors: tasks/tasks_task (tasks module's handler), forum/forum_message.
    MODULE_ID: a.entity.kind === 'task' ? 'tasks' : 'forum',
    ENTITY_TYPE: a.entity.kind === 'task' ? 'tasks_task' : 'forum_message',
    ENTITY_ID: String(a.entity.kind === 'task' ? a.entity.taskId : a.entity.commentId),
    CREATE_TIME: iso(s, a.createTime), CREATED_BY: String(a.createdBy),
    DOWNLOAD_URL: attachedUrl(ctx, a), NAME: obj.name, SIZE: String(obj.size),
  };
}

/** One ATTACHED_OBJECTS entry of task.commentitem.get/getlist (keyed by attachment ID). */
export function commentAttachedObjects(s: Services, commentId: number): Record<string, unknown> {
  const disk = diskOf(s.state);
  const out: Record<string, unknown> = {};
  for (const id of disk.byComment.get(commentId) ?? []) {
    const a = disk.attachments.get(id);
    const obj = a && disk.objects.get(a.objectId);
    if (!a || !obj) continue;
    // These links are the portal's UI links: they need a browser session, not a REST token.
    out[String(a.id)] = {
      ATTACHMENT_ID: a.id, NAME: obj.name, SIZE: String(obj.size), FILE_ID: String(obj.id),
      DOWNLOAD_URL: `/bitrix/tools/disk/uf.php?attachedId=${a.id}&action=download&ncc=1`,
      VIEW_URL: `/bitrix/tools/disk/uf.php?attachedId=${a.id}&action=show&ncc=1`,
    };
  }
  return out;
}

/**
 * `UF_FORUM_MESSAGE_DOC: ["n<objectId>"]` of task.commentitem.add (docs comment-item/index.md), checked
 * before the comment exists: disk FileUserType::checkFields fails a value whose file is missing or
 * unreadable by the caller (Disk rights), and a value without the `n` prefix that is not this entity's;
 * the forum add then fails as a whole → ERROR_CORE 400 (README "Attaching to a comment").
 */
export function commentFiles(s: Services, user: User, values: unknown): DiskObject[] {
  const disk = diskOf(s.state);
  return asArray(values).map((v) => {
    const m = /^n(\d+)$/.exec(String(v));
    const obj = m ? disk.objects.get(Number(m[1])) : undefined;
    if (!obj || !canReadObject(s, user, obj)) throw actionFailed();
    return obj;
  });
}

/** Each checked file becomes a new attached object of the comment. */
export function attachToComment(s: Services, user: User, taskId: number, commentId: number, files: DiskObject[]): void {
  const disk = diskOf(s.state);
  for (const obj of files) {
    disk.attach({ id: disk.next.attachment++, objectId: obj.id, entity: { kind: 'comment', taskId, commentId }, createdBy: user.id, createTime: s.state.now() });
  }
}

function decodeContent(value: unknown): { name: string; bytes: Buffer } | null {
  const parts = asArray(value);
  const name = String(parts[0] ?? '');
  const data = parts[1];
  if (typeof data !== 'string') return null;
  return { name, bytes: Buffer.from(data, 'base64') };
}

export function registerDiskMethods(s: Services, table: MethodTable): void {
  register(table, 'disk.attachedObject.get', 'disk', (ctx) => {
    const user = callerOf(s, ctx);
    const id = toInt(ctx.params.id);
    const disk = diskOf(s.state);
    const a = disk.attachments.get(id);
    const obj = a && disk.objects.get(a.objectId);
    if (!a || !obj) throw notFound(ctx.params.id);
    if (!canReadAttachment(s, user, a)) throw accessDenied();
    return outcome(attachedRow(s, ctx, a, obj));
  });

  register(table, 'disk.file.get', 'disk', (ctx) => {
    const user = callerOf(s, ctx);
    const obj = diskOf(s.state).objects.get(toInt(ctx.params.id));
    if (!obj) throw notFound(ctx.params.id);
    if (!canReadObject(s, user, obj)) throw accessDenied();
    return outcome(fileRow(s, ctx, obj));
  });

  register(table, 'disk.storage.getlist', 'disk', (ctx) => {
    const user = callerOf(s, ctx);
    const filter = asRecord(ctx.params.filter);
    // Only the caller's own storage is emulated (group and common storages are not).
    const row = {
      ID: String(userStorageId(user.id)), NAME: `${user.name} ${user.lastName}`.trim(), CODE: null, MODULE_ID: 'disk',
      ENTITY_TYPE: 'user', ENTITY_ID: String(user.id), ROOT_OBJECT_ID: String(userStorageId(user.id) * 10),
    };
    const type = filter.ENTITY_TYPE;
    const entity = filter.ENTITY_ID;
    const match = (type === undefined || String(type) === 'user') && (entity === undefined || toInt(entity) === user.id);
    return outcome(match ? [row] : [], { total: match ? 1 : 0 });
  });

  register(table, 'disk.storage.uploadfile', 'disk', (ctx) => {
    const user = callerOf(s, ctx);
    const storageId = toInt(ctx.params.id);
    if (ctx.params.id === undefined) throw new RestError('ERROR_ARGUMENT', 'Invalid value of parameter {Parameter #0}', 400);
    if (storageId <= 1000 || !s.state.users.has(storageId - 1000)) throw notFound(ctx.params.id);
    if (storageId !== userStorageId(user.id) && !user.admin) throw accessDenied();
    const name = correctFileName(String(asRecord(ctx.params.data).NAME ?? ''));
    if (name === '') throw new RestError('DISK_BASE_SERVICE_22001', 'Error: required parameter NAME (DISK_BASE_SERVICE_22001)', 400);
    const content = decodeContent(ctx.params.fileContent);
    // The two-step form (no fileContent: answer {field, uploadUrl}) is not emulated.
    if (!content) throw new RestError('ERROR_COULD_NOT_SAVE_FILE', 'Could not save file', 400);
    const unique = uniqueRootName(s, storageId, name, isTrue(ctx.params.generateUniqueName));
    if (unique === null) throw nonUniqueName();
    return outcome(fileRow(s, ctx, storeUpload(s, user, unique, content.bytes, storageId)));
  });

  // The root folder's files and folders (only files are emulated), filtered as Internalizer::cleanFilter allows.
  register(table, 'disk.storage.getchildren', 'disk', (ctx) => {
    const user = callerOf(s, ctx);
    const storageId = toInt(ctx.params.id);
    if (storageId <= 1000 || !s.state.users.has(storageId - 1000)) throw notFound(ctx.params.id);
    if (storageId !== userStorageId(user.id) && !user.admin) throw accessDenied();
    const keep = childFilter(asRecord(ctx.params.filter));
    const paged = paginate(rootChildren(s, storageId).filter(keep), ctx.start);
    return outcome(paged.page.map((obj) => fileRow(s, ctx, obj)), paged);
  });
}

/** BaseObject::ERROR_NON_UNIQUE_NAME through RestManager::createExceptionFromErrors ("<message> (<code>)."). */
export const nonUniqueName = (): RestError => new RestError('DISK_OBJ_22000', 'Object with same name already exists (DISK_OBJ_22000).', 400);

function isTrue(value: unknown): boolean {
  return value === true || value === 1 || value === '1' || value === 'true' || value === 'Y';
}

/** Ui\Text::correctFilename: trimmed, control characters and <>:"|?*\/ become "_". */
export function correctFileName(name: string): string {
  // eslint-disable-next-line no-control-regex
  return name.trim().replace(/[\x01-\x1f<>:"|?*\\/]/g, '_');
}

/**
 * A getchildren filter (keys may carry an operator: "=", "%" substring, "!" not, "" as "="):
 * NAME compared case-insensitively (MySQL collation), TYPE 'file'/'folder', ID. Any other key
 * is dropped, as the portal's cleanFilter drops what it does not know (CREATED_BY included).
 */
export function childFilter(filter: Record<string, unknown>): (obj: DiskObject) => boolean {
  const tests: Array<(obj: DiskObject) => boolean> = [];
  for (const [key, value] of Object.entries(filter)) {
    const m = /^([^a-zA-Z]*)(.*)$/.exec(key);
    const op = m?.[1] ?? '';
    const field = (m?.[2] ?? '').toUpperCase();
    if (!['', '=', '%', '!', '!='].includes(op)) continue;
    const values = (Array.isArray(value) ? value : [value]).map((v) => String(v).toLowerCase());
    let get: ((obj: DiskObject) => string) | null = null;
    if (field === 'NAME') get = (obj) => obj.name.toLowerCase();
    else if (field === 'TYPE') get = () => 'file';
    else if (field === 'ID') get = (obj) => String(obj.id);
    if (!get) continue;
    const read = get;
    const hit = (obj: DiskObject): boolean => values.some((v) => (op === '%' ? read(obj).includes(v) : read(obj) === v));
    tests.push(op.startsWith('!') ? (obj) => !hit(obj) : hit);
  }
  return (obj) => tests.every((t) => t(obj));
}

/** `/rest/download.json?token=…` or `uf.php?attachedId=…`: the bytes for a user who may read the file. */
export function downloadFile(s: Services, ref: { token: string } | { attachedId: string }, userId: string): DownloadAnswer {
  const user = s.state.users.get(Number(userId));
  const disk = diskOf(s.state);
  let obj: DiskObject | undefined;
  let allowed = false;
  if ('token' in ref) {
    // rest.php processTokenCheckCall: a token that does not verify → AccessException("Link check failed").
    const id = disk.objectIdOfToken(ref.token);
    if (id === null) return { ok: false, error: accessDenied(' Link check failed') };
    obj = disk.objects.get(id);
    allowed = !!obj && !!user && canReadObject(s, user, obj);
  } else {
    const a = disk.attachments.get(toInt(ref.attachedId));
    obj = a && disk.objects.get(a.objectId);
    allowed = !!a && !!user && canReadAttachment(s, user, a);
  }
  if (!obj) return { ok: false, error: notFound('token' in ref ? ref.token : ref.attachedId) };
  if (!allowed) return { ok: false, error: accessDenied() };
  return { ok: true, name: obj.name, contentType: contentTypeOf(obj.name), bytes: obj.bytes() };
}
