/**
 * The sync engine's PortalGateway over the REST client: reads in domain terms, intents sent as
 * batches, and the look-ups that make resends safe.
 */
import { BitrixError } from './errors';
import { readWholeList } from './list-reader';
import { TASK_SELECT, mapTaskRow, taskRowsOf } from './task-mapper';
import { companyRowsOf, mapCompanies, mapDepartments, mapStages, mapUserFields, mapUsers } from './directory-mappers';
import { mapChatComments, mapElapsed, mapHistory, mapLegacyComments } from './task-extras-mappers';
import { isoOffsetMinutes } from './site-date';
import { listGroups } from './groups';
import { mapMemberships, readMemberships } from './membership';
import { clientMarker, commandFor, type CommentMode, type IntentCommand } from './intent-commands';
import { outcomeOfError, sendIntents } from './gateway-send';
import { CommentUploads, type OutboxFiles } from './comment-uploads';
import { ChatUploads } from './chat-uploads';
import type { BitrixClient } from './client';
import { BATCH_LIMIT, resultRef, type BatchCommand, type BatchOutcome } from './batch';
import type { Task, TaskComment } from '../domain/model';
import type { DirectoryRefresh, ExtrasRequest, Identity, OfflineEventBatch, PortalGateway, SendOutcome, TaskExtras, TaskQuery, TaskStamp } from '../sync/portal-port';
import type { Intent } from '../sync/intents';

function formatIso(ms: number, offsetMinutes: number): string {
  const local = new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, 19);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** task.elapseditem.getlist's NAV_PARAMS page (the method's own cap) and a bound on one task's pages. */
const ELAPSED_PAGE = 50;
const ELAPSED_MAX_PAGES = 400;

export interface GatewayOptions {
  /** Whether this connection may read offline events (OAuth; the user must be a portal admin). */
  canUseOfflineEvents: boolean;
  /** Staged files of queued comments (absent: comments with files are refused). */
  outboxFiles?: OutboxFiles;
}

/** The task events whose offline queue tells the engine which tasks to read again. */
export const OFFLINE_TASK_EVENTS = ['ONTASKADD', 'ONTASKUPDATE', 'ONTASKDELETE', 'ONTASKCOMMENTADD'] as const;

export class BitrixGateway implements PortalGateway {
  private offsetMinutes = 0;
  private userFieldNames: string[] = [];
  private mode: CommentMode | null = null;
  private me: Identity | null = null;
  private readonly uploads: CommentUploads;
  private readonly chatUploads: ChatUploads;

  constructor(
    private readonly client: BitrixClient,
    private readonly options: GatewayOptions,
  ) {
    const userId = async () => (this.me ?? (await this.identity())).userId;
    this.uploads = new CommentUploads(client, options.outboxFiles, userId);
    this.chatUploads = new ChatUploads(client, options.outboxFiles, userId);
  }

  get requestCount(): number {
    return this.client.requestCount;
  }

  portalClockOffset(): number | null {
    return this.client.portalClockOffset();
  }

  portalOffsetMinutes(): number {
    return this.offsetMinutes;
  }

  async serverTime(): Promise<number> {
    const answer = await this.client.call('server.time');
    if (typeof answer.result !== 'string' || Number.isNaN(Date.parse(answer.result))) {
      throw new BitrixError('malformed', 'MALFORMED_ANSWER', 'server.time did not answer a date');
    }
    this.offsetMinutes = isoOffsetMinutes(answer.result) ?? 0;
    return Date.parse(answer.result);
  }

  async identity(): Promise<Identity> {
    const answer = await this.client.call('profile');
    const row = answer.result as { ID?: unknown; ADMIN?: unknown } | null;
    if (!row || row.ID === undefined) throw new BitrixError('malformed', 'MALFORMED_ANSWER', 'profile answered without ID');
    this.me = { userId: String(row.ID), isAdmin: row.ADMIN === true || row.ADMIN === 'Y' };
    return this.me;
  }

  readGroups() {
    return listGroups(this.client);
  }

  async readStages(groupId: string) {
    return mapStages((await this.client.call('task.stages.get', { entityId: groupId })).result, groupId);
  }

  readMemberships() {
    return readMemberships(this.client);
  }

  async readDirectoryRefresh(groupIds: readonly string[]): Promise<DirectoryRefresh> {
    const refresh: DirectoryRefresh = { memberships: null, stages: new Map() };
    // One command for membership, one per group: a single batch for any real number of groups.
    for (let i = 0; i === 0 || i < groupIds.length; i += BATCH_LIMIT - 1) {
      const chunk = groupIds.slice(i, i + BATCH_LIMIT - 1);
      const commands: Record<string, BatchCommand> = {};
      if (i === 0) commands.m = { method: 'sonet_group.user.groups', params: {} };
      for (const groupId of chunk) commands[`s${groupId}`] = { method: 'task.stages.get', params: { entityId: groupId } };
      const outcome = await this.client.batch(commands);
      if (i === 0 && !outcome.errors.m) refresh.memberships = mapMemberships(outcome.results.m);
      for (const groupId of chunk) if (!outcome.errors[`s${groupId}`]) refresh.stages.set(groupId, mapStages(outcome.results[`s${groupId}`], groupId));
    }
    return refresh;
  }

  async readUsers() {
    const rows = await readWholeList(this.client, 'user.get', { sort: 'ID', order: 'ASC', FILTER: { ACTIVE: true } }, { rows: (r) => (Array.isArray(r) ? r : []) });
    return mapUsers(rows);
  }

  async readDepartments() {
    const rows = await readWholeList(this.client, 'department.get', { sort: 'ID', order: 'ASC' }, { rows: (r) => (Array.isArray(r) ? r : []) });
    return mapDepartments(rows);
  }

  async readCompanies() {
    const rows = await readWholeList(this.client, 'crm.item.list', { entityTypeId: 4, select: ['id', 'title'], order: { id: 'ASC' } }, { rows: companyRowsOf });
    return mapCompanies({ items: rows });
  }

  /**
   * Creates a task user field (portal admins only). Tasks take only string, double, datetime and
   * boolean fields through REST (docs-facts §3), so list-like fields are created as strings.
   * Positional: PARAMS. Returns the new field's name.
   */
  async createUserField(field: { name: string; type: 'string' | 'double'; labels: { ru: string; en: string } }): Promise<string> {
    const name = field.name.toUpperCase().replace(/^UF_/, '');
    await this.client.call(
      'task.item.userfield.add',
      { PARAMS: { USER_TYPE_ID: field.type, FIELD_NAME: name, XML_ID: name, EDIT_FORM_LABEL: field.labels, LIST_COLUMN_LABEL: field.labels, LABEL: field.labels.ru, MULTIPLE: 'N', MANDATORY: 'N' } },
      { idempotent: false },
    );
    return `UF_${name}`;
  }

  async readUserFields() {
    const fields = mapUserFields((await this.client.call('task.item.userfield.getlist', { ORDER: { SORT: 'ASC' } })).result);
    this.userFieldNames = fields.map((f) => f.name).filter((name) => name !== 'UF_CRM_TASK');
    return fields;
  }

  private select(): string[] {
    return [...TASK_SELECT, 'XML_ID', ...this.userFieldNames];
  }

  private mapRows(rows: unknown[]): Task[] {
    return rows.map((row) => mapTaskRow(row, this.userFieldNames));
  }

  async readTasks(query: TaskQuery): Promise<Task[]> {
    const filter: Record<string, unknown> = { GROUP_ID: [...query.groupIds] };
    if (query.changedAfter !== undefined) filter['>CHANGED_DATE'] = formatIso(query.changedAfter, this.offsetMinutes);
    const rows = await readWholeList(this.client, 'tasks.task.list', { filter, select: this.select(), order: { ID: 'asc' } }, { rows: taskRowsOf, onProgress: query.onProgress });
    return this.mapRows(rows);
  }

  async readTasksByIds(ids: readonly string[]): Promise<Task[]> {
    if (ids.length === 0) return [];
    const rows = await readWholeList(this.client, 'tasks.task.list', { filter: { ID: [...ids] }, select: this.select(), order: { ID: 'asc' } }, { rows: taskRowsOf });
    return this.mapRows(rows);
  }

  async readTaskIds(groupIds: readonly string[]): Promise<Map<string, TaskStamp>> {
    const rows = await readWholeList(
      this.client,
      'tasks.task.list',
      { filter: { GROUP_ID: [...groupIds] }, select: ['ID', 'GROUP_ID', 'CHANGED_DATE'], order: { ID: 'asc' } },
      { rows: taskRowsOf },
    );
    const stamps = new Map<string, TaskStamp>();
    for (const row of rows as { id?: unknown; groupId?: unknown; changedDate?: unknown }[]) {
      const changedAt = typeof row.changedDate === 'string' ? Date.parse(row.changedDate) : NaN;
      if (row.id === undefined || Number.isNaN(changedAt)) throw new BitrixError('malformed', 'MALFORMED_ANSWER', 'tasks.task.list answered a row without ID or CHANGED_DATE');
      stamps.set(String(row.id), { groupId: String(row.groupId ?? ''), changedAt });
    }
    return stamps;
  }

  async readHistory(taskId: string) {
    return mapHistory((await this.client.call('tasks.task.history.list', { taskId })).result, taskId, this.offsetMinutes);
  }

  async readTaskExtras(requests: readonly ExtrasRequest[]): Promise<Map<string, TaskExtras>> {
    const extras = new Map<string, TaskExtras>();
    // The comment mode is the portal's, learned once from a task (one request, then remembered).
    const withComments = requests.find((r) => r.comments);
    const mode = withComments ? await this.commentMode(withComments.taskId) : this.mode ?? 'legacy';
    const probes = mode === 'legacy' && withComments;
    // History and time records: 2 commands a task; comments add 1 (legacy) or 2 (chat: its ID, then its messages).
    const perTask = withComments ? (mode === 'chat' ? 4 : 3) : 2;
    const perBatch = Math.floor((BATCH_LIMIT - (mode === 'legacy' && withComments ? 1 : 0)) / perTask);
    for (let i = 0; i < requests.length; i += perBatch) {
      const chunk = requests.slice(i, i + perBatch);
      const commands: Record<string, BatchCommand> = {};
      for (const { taskId, comments } of chunk) {
        commands[`h${taskId}`] = { method: 'tasks.task.history.list', params: { taskId } };
        // Positional: TASKID, ORDER.
        commands[`e${taskId}`] = { method: 'task.elapseditem.getlist', params: { TASKID: taskId, ORDER: { ID: 'asc' } } };
        if (comments && mode === 'legacy') commands[`c${taskId}`] = { method: 'task.commentitem.getlist', params: { TASKID: taskId, ORDER: { POST_DATE: 'asc' } } };
        if (comments && mode === 'chat') {
          commands[`t${taskId}`] = { method: 'tasks.task.get', params: { taskId, select: ['ID', 'CHAT_ID'] } };
          commands[`c${taskId}`] = { method: 'im.dialog.messages.get', params: { DIALOG_ID: `chat${resultRef(`t${taskId}`, 'task', 'chatId')}`, LIMIT: 50 } };
        }
      }
      // A box can move to the chat task card with an update while Pult runs for days: each
      // legacy batch asks one task for its chat (one command), and a chat found reads again in
      // chat mode rather than store an empty legacy list.
      const probe = probes ? chunk.find((r) => r.comments) : undefined;
      if (probe) commands.mode = { method: 'tasks.task.get', params: { taskId: probe.taskId, select: ['ID', 'CHAT_ID'] } };
      const outcome = await this.client.batch(commands);
      // A probe the portal refused (task hidden since) says nothing about the mode; a probe answered is checked.
      if (probe && !outcome.errors.mode && chatIdIn(outcome.results.mode)) {
        this.mode = 'chat';
        return this.readTaskExtras(requests);
      }
      for (const { taskId, comments } of chunk) {
        // A task deleted or hidden since the list was read has nothing to show.
        if (outcome.errors[`h${taskId}`] || outcome.errors[`e${taskId}`]) continue;
        const history = mapHistory(outcome.results[`h${taskId}`], taskId, this.offsetMinutes);
        // More than one page of time records is rare; read the rest on its own.
        const elapsed = (outcome.totals[`e${taskId}`] ?? 0) > 50 ? await this.readElapsed(taskId) : mapElapsed(outcome.results[`e${taskId}`]);
        extras.set(taskId, { history, elapsed, comments: comments ? this.batchedComments(outcome, taskId, mode) : null });
      }
    }
    return extras;
  }

  /** The comments read in a batch; a task chat that could not be read is read on its own. */
  private batchedComments(outcome: BatchOutcome, taskId: string, mode: CommentMode): TaskComment[] | null {
    if (outcome.errors[`c${taskId}`]) return null;
    const result = outcome.results[`c${taskId}`];
    return mode === 'chat' ? mapChatComments(result, taskId) : mapLegacyComments(result, taskId);
  }

  async readElapsed(taskId: string) {
    // Positional: TASKID, ORDER, FILTER, SELECT, PARAMS. The REST `start` is ignored by this method:
    // it pages by PARAMS.NAV_PARAMS only (at most 50 a page), and with a TASKID and no NAV_PARAMS a box
    // answers every row (emulator README, "Time records"). Paged by NAV_PARAMS, so both hold.
    const rows: unknown[] = [];
    const seen = new Set<string>();
    for (let page = 1; page <= ELAPSED_MAX_PAGES; page++) {
      const params = { TASKID: taskId, ORDER: { ID: 'asc' }, FILTER: {}, SELECT: ['*'], PARAMS: { NAV_PARAMS: { nPageSize: ELAPSED_PAGE, iNumPage: page } } };
      const answer = await this.client.call('task.elapseditem.getlist', params);
      const got = Array.isArray(answer.result) ? (answer.result as unknown[]) : [];
      // A page that brings nothing new (a portal that ignored iNumPage) ends the read too.
      const fresh = got.filter((r) => {
        const id = String((r as { ID?: unknown } | null)?.ID ?? '');
        if (seen.has(id)) return false;
        seen.add(id);
        return true;
      });
      rows.push(...fresh);
      if (answer.next === undefined || got.length < ELAPSED_PAGE || fresh.length === 0) break;
    }
    return mapElapsed(rows);
  }

  /** The task's chat ID on portals with the chat task card (tasks 25.700+); null on legacy portals. */
  private async chatIdOf(taskId: string): Promise<string | null> {
    return chatIdIn((await this.client.call('tasks.task.get', { taskId, select: ['ID', 'CHAT_ID'] })).result);
  }

  /**
   * Legacy comments, or the task chat on portals with the new task card (docs-facts §3): the
   * card's presence shows as a chat ID on the task. Remembered once seen for the portal.
   */
  async commentMode(taskId: string): Promise<CommentMode> {
    if (this.mode) return this.mode;
    this.mode = (await this.chatIdOf(taskId)) ? 'chat' : 'legacy';
    return this.mode;
  }

  async readComments(taskId: string) {
    // Looked at for every task read: a box can move to the chat task card with an update at any
    // time, and the answer also names the chat to read.
    const chatId = await this.chatIdOf(taskId);
    this.mode = chatId ? 'chat' : 'legacy';
    if (!chatId) {
      // Positional: TASKID, ORDER, FILTER.
      return mapLegacyComments((await this.client.call('task.commentitem.getlist', { TASKID: taskId, ORDER: { POST_DATE: 'asc' } })).result, taskId);
    }
    return mapChatComments((await this.client.call('im.dialog.messages.get', { DIALOG_ID: `chat${chatId}`, LIMIT: 50 })).result, taskId);
  }

  async ensureOfflineEvents(): Promise<boolean> {
    if (!this.options.canUseOfflineEvents) return false;
    const answer = await this.client.call('event.get');
    const rows = Array.isArray(answer.result) ? (answer.result as { event?: unknown; offline?: unknown }[]) : [];
    const bound = new Set(rows.filter((row) => Number(row.offline) === 1).map((row) => String(row.event ?? '').toUpperCase()));
    for (const event of OFFLINE_TASK_EVENTS) {
      if (bound.has(event)) continue;
      try {
        await this.client.call('event.bind', { event, event_type: 'offline' });
      } catch (error) {
        // Bound meanwhile (another Pult of the same app): what we wanted.
        if (!(error instanceof BitrixError && error.code === 'ERROR_CORE' && /already bind/i.test(error.message))) throw error;
      }
    }
    return true;
  }

  async pollOfflineEvents(): Promise<OfflineEventBatch | null> {
    if (!this.options.canUseOfflineEvents) return null;
    const answer = await this.client.call('event.offline.get', { clear: 1, limit: 50 });
    type OfflineEvent = { EVENT_NAME?: string; EVENT_DATA?: { FIELDS_AFTER?: { ID?: unknown; TASK_ID?: unknown } | string; FIELDS_BEFORE?: { ID?: unknown } | string } };
    const result = answer.result;
    // PHP answers an empty object as `[]`; `null`, a string or `events` of another type is no answer.
    const listed = Array.isArray(result) && result.length === 0 ? [] : typeof result === 'object' && result !== null && !Array.isArray(result) ? (result as { events?: unknown }).events : null;
    if (listed !== undefined && !Array.isArray(listed)) throw new BitrixError('malformed', 'MALFORMED_ANSWER', 'event.offline.get answered without result.events');
    const events = ((listed ?? []) as unknown[]).filter((event): event is OfflineEvent => typeof event === 'object' && event !== null);
    const changed = new Set<string>();
    const deleted = new Set<string>();
    for (const event of events) {
      const name = (event.EVENT_NAME ?? '').toUpperCase();
      const after = typeof event.EVENT_DATA?.FIELDS_AFTER === 'object' ? event.EVENT_DATA.FIELDS_AFTER : undefined;
      const before = typeof event.EVENT_DATA?.FIELDS_BEFORE === 'object' ? event.EVENT_DATA.FIELDS_BEFORE : undefined;
      if (name === 'ONTASKDELETE' && before?.ID !== undefined) deleted.add(String(before.ID));
      else if (name.startsWith('ONTASKCOMMENT') && after?.TASK_ID !== undefined) changed.add(String(after.TASK_ID));
      else if (after?.ID !== undefined) changed.add(String(after.ID));
    }
    return { changedTaskIds: [...changed], deletedTaskIds: [...deleted] };
  }

  async send(intents: readonly Intent[]): Promise<Map<number, SendOutcome>> {
    const firstComment = intents.find((i) => i.payload.name === 'addComment');
    // Asked afresh before a comment goes out (one request; comments are few): a comment posted the
    // legacy way on a portal that moved to the chat task card would never show in its chat.
    const firstChat = firstComment && 'taskId' in firstComment.payload ? await this.chatIdOf(firstComment.payload.taskId) : null;
    if (firstComment) this.mode = firstChat ? 'chat' : 'legacy';
    const mode = this.mode ?? 'legacy';
    // Files first: a comment goes out only once its files are on the portal.
    const outcomes = new Map<number, SendOutcome>();
    const fileIds = new Map<number, string[]>();
    for (const intent of intents) {
      if (intent.payload.name !== 'addComment' || !intent.payload.files?.length) continue;
      if (mode === 'chat') {
        // Into the task chat's folder, then one commit posts files and text (no chat.message.send).
        outcomes.set(intent.seq, await this.sendToChat(intent, intent === firstComment ? firstChat : null));
        continue;
      }
      const prepared = await this.uploads.prepare(intent);
      if (prepared.ok) fileIds.set(intent.seq, prepared.fileIds);
      else outcomes.set(intent.seq, prepared.outcome);
    }
    const ready = intents.filter((intent) => !outcomes.has(intent.seq));
    const sent = await sendIntents(this.client, ready, (intent) => withFiles(commandFor(intent, mode), fileIds.get(intent.seq)), this.userFieldNames);
    for (const [seq, outcome] of sent) outcomes.set(seq, outcome);
    return outcomes;
  }

  private async sendToChat(intent: Intent, knownChatId: string | null): Promise<SendOutcome> {
    const p = intent.payload as { taskId: string };
    let chatId = knownChatId;
    try {
      chatId ??= await this.chatIdOf(p.taskId);
    } catch (error) {
      // Nothing was posted yet: a failed look-up is an ordinary retry (or the portal's refusal).
      return outcomeOfError(error, true);
    }
    if (!chatId) return { kind: 'retry', failure: 'malformed', code: 'NO_TASK_CHAT', message: 'The task has no chat yet', retryAt: null };
    return this.chatUploads.send(intent, chatId);
  }

  async findCreatedTask(clientId: string, groupId: string, createdAfter: number): Promise<Task | null> {
    const me = this.me ?? (await this.identity());
    const rows = await readWholeList(
      this.client,
      'tasks.task.list',
      { filter: { GROUP_ID: groupId, CREATED_BY: me.userId, '>CREATED_DATE': formatIso(createdAfter - 600_000, this.offsetMinutes) }, select: this.select(), order: { ID: 'desc' } },
      { rows: taskRowsOf },
    );
    const marker = clientMarker(clientId);
    const match = (rows as { xmlId?: unknown }[]).find((row) => row.xmlId === marker);
    return match ? mapTaskRow(match, this.userFieldNames) : null;
  }

  async isAppendOnPortal(intent: Intent, userId: string): Promise<boolean> {
    const p = intent.payload;
    if (p.name === 'addComment') {
      const comments = await this.readComments(p.taskId);
      return comments.some((c) => c.authorId === userId && c.text.trim() === p.text.trim() && c.postedAt >= intent.createdAt - 60_000);
    }
    if (p.name === 'logTime') {
      const records = await this.readElapsed(p.taskId);
      return records.some((r) => r.userId === userId && r.seconds === p.seconds && r.comment === p.comment && r.createdAt >= intent.createdAt - 60_000);
    }
    return false;
  }
}

/** Adds `UF_FORUM_MESSAGE_DOC: ["n<id>", …]` to a legacy comment command (docs comment-item/index.md). */
function withFiles(command: IntentCommand, ids: string[] | undefined): IntentCommand {
  if (!ids?.length) return command;
  const params = command.command.params ?? {};
  const fields = { ...(params.FIELDS as Record<string, unknown>), UF_FORUM_MESSAGE_DOC: ids.map((id) => `n${id}`) };
  return { ...command, command: { ...command.command, params: { ...params, FIELDS: fields } } };
}

/**
 * The chat ID in a `tasks.task.get` answer (select CHAT_ID), or null: none, or a legacy portal.
 * An answer without `result.task` is malformed, not "legacy": reading it as legacy would post a
 * comment the old way on a chat-card portal.
 */
export function chatIdIn(answer: unknown): string | null {
  const task = typeof answer === 'object' && answer !== null && !Array.isArray(answer) ? (answer as { task?: unknown }).task : undefined;
  if (typeof task !== 'object' || task === null || Array.isArray(task)) throw new BitrixError('malformed', 'MALFORMED_ANSWER', 'tasks.task.get answered without result.task');
  const chatId = (task as { chatId?: unknown }).chatId;
  return chatId === undefined || chatId === null || chatId === '' || chatId === '0' || chatId === 0 ? null : String(chatId);
}
