/**
 * Pulling portal state into the store: the first sync of the bound groups, delta polls by
 * `>CHANGED_DATE` with an overlap window, and a cheap reconciliation of IDs that notices deleted
 * tasks and tasks moved out of the groups. Never holds a transaction across a request: every
 * read finishes first, then one synchronous transaction writes it.
 */
import type { Clock } from '../ports';
import { ExtrasBacklog } from './extras-backlog';
import { TaskStatus, type Task } from '../domain/model';
import type { ChangeCollector } from './changes';
import type { PortalGateway } from './portal-port';
import type { SyncStore } from './store';

/** Re-read this much before the cursor: portal clocks and commit order are not exact. */
export const DELTA_OVERLAP_MS = 60_000;

export const CURSOR_CHANGED = 'delta:changedAt';
export const CURSOR_FIRST_SYNC = 'firstSync:groups';

export interface PullContext {
  store: SyncStore;
  portal: PortalGateway;
  groupIds: readonly string[];
  /** Where every write is noted, so listeners hear exactly what changed. */
  changes: ChangeCollector;
}

function groupKey(groupIds: readonly string[]): string {
  return [...groupIds].sort().join(',');
}

export function hasFirstSync(ctx: PullContext): boolean {
  return ctx.store.getCursor(CURSOR_FIRST_SYNC) === groupKey(ctx.groupIds);
}

/** Everything a board needs, read in full. */
export async function firstSync(ctx: PullContext, onProgress: (read: number, total: number) => void): Promise<number> {
  const { portal, store, groupIds } = ctx;
  const startedAt = await portal.serverTime();
  const userFields = await portal.readUserFields();
  const [groups, users, departments, companies] = [await portal.readGroups(), await portal.readUsers(), await portal.readDepartments(), await portal.readCompanies()];
  const memberships = await portal.readMemberships();
  const stages = new Map<string, Awaited<ReturnType<PortalGateway['readStages']>>>();
  for (const groupId of groupIds) stages.set(groupId, await portal.readStages(groupId));
  const tasks = await portal.readTasks({ groupIds, onProgress });

  const seen = new Set(tasks.map((t) => t.id));
  store.transaction(() => {
    store.replaceUserFields(userFields);
    store.replaceGroups(groups);
    store.replaceUsers(users);
    store.replaceDepartments(departments);
    store.replaceCompanies(companies);
    store.replaceMemberships(memberships);
    for (const [groupId, list] of stages) store.replaceStages(groupId, list);
    // Tasks of groups no longer bound, or gone from the bound ones, leave the store.
    const knownGroups = new Set([...store.groups().map((g) => g.id), ...groupIds]);
    const stale = [...knownGroups].flatMap((g) => store.taskIdsByGroup(g)).filter((id) => !seen.has(id));
    store.deleteTasks(stale);
    store.upsertTasks(tasks);
    // The cursor is the portal time the read started at (deltas read from it less the overlap):
    // nothing changed during the read is missed.
    store.setCursor(CURSOR_CHANGED, String(startedAt));
    store.setCursor(CURSOR_FIRST_SYNC, groupKey(groupIds));
  });
  ctx.changes.reset();
  return tasks.length;
}

/** Writes tasks that are new or changed since the store's copy; returns how many changed. */
export function storeChangedTasks(store: SyncStore, tasks: readonly Task[]): Task[] {
  const changed = tasks.filter((task) => {
    const stored = store.getTask(task.id);
    return !stored || stored.changedAt !== task.changedAt || stored.stageId !== task.stageId || stored.groupId !== task.groupId;
  });
  if (changed.length) store.upsertTasks(changed);
  return changed;
}

/** Removes the tasks the store has of these; returns the ones that were there. */
function removeStoredTasks(store: SyncStore, ids: readonly string[]): string[] {
  const present = ids.filter((id) => store.getTask(id) !== null);
  if (present.length) store.deleteTasks(present);
  return present;
}

/**
 * One delta poll: a single request when nothing changed. `startedAt` is the portal's time as the
 * poll began: the cursor moves up to it, so the overlap window re-reads only what changed in the
 * minute before this poll. (Kept at the newest change instead, a burst of more than a page of
 * changes, e.g. a bulk move, was read again by every quiet poll until someone changed a task.)
 */
export async function deltaPoll(ctx: PullContext, startedAt: number | null = null): Promise<Task[]> {
  const cursor = Number(ctx.store.getCursor(CURSOR_CHANGED) ?? '0');
  const tasks = await ctx.portal.readTasks({ groupIds: ctx.groupIds, changedAfter: cursor - DELTA_OVERLAP_MS });
  const changed = ctx.store.transaction(() => {
    const written = storeChangedTasks(ctx.store, tasks);
    const newest = tasks.reduce((max, t) => Math.max(max, t.changedAt), Math.max(cursor, startedAt ?? cursor));
    ctx.store.setCursor(CURSOR_CHANGED, String(newest));
    return written;
  });
  ctx.changes.tasks(changed);
  return changed;
}

/**
 * Reads the ID and change time of every task in the bound groups and settles every difference:
 * tasks missing locally or changed are fetched; local tasks the portal no longer lists are fetched
 * by ID and removed when they are gone or have moved to a group that is not bound. It catches
 * everything a delta poll catches, so it replaces the poll on the ticks it runs.
 */
export async function reconcile(ctx: PullContext): Promise<{ changed: number; removed: number }> {
  const remote = await ctx.portal.readTaskIds(ctx.groupIds);
  const localIds = ctx.groupIds.flatMap((g) => ctx.store.taskIdsByGroup(g));
  const local = new Set(localIds);
  const stale = [...remote.entries()].filter(([id, stamp]) => !local.has(id) || ctx.store.getTask(id)?.changedAt !== stamp.changedAt).map(([id]) => id);
  const goneRemotely = localIds.filter((id) => !remote.has(id));
  const fetched = await ctx.portal.readTasksByIds([...stale, ...goneRemotely]);
  const bound = new Set(ctx.groupIds);
  const stillHere = fetched.filter((t) => bound.has(t.groupId));
  const fetchedIds = new Set(stillHere.map((t) => t.id));
  const removed = goneRemotely.filter((id) => !fetchedIds.has(id));
  const newest = [...remote.values()].reduce((max, s) => Math.max(max, s.changedAt), Number(ctx.store.getCursor(CURSOR_CHANGED) ?? '0'));
  const { written, gone } = ctx.store.transaction(() => {
    const result = { written: storeChangedTasks(ctx.store, stillHere), gone: removeStoredTasks(ctx.store, removed) };
    ctx.store.setCursor(CURSOR_CHANGED, String(newest));
    return result;
  });
  ctx.changes.tasks(written);
  ctx.changes.removed(gone);
  return { changed: written.length, removed: gone.length };
}

/** Order-free comparison of two directory lists (the portal's order is not the store's). */
function sameRows<T>(a: readonly T[] | null, b: readonly T[], key: (row: T) => string): boolean {
  if (!a || a.length !== b.length) return false;
  const canonical = (rows: readonly T[]) => JSON.stringify([...rows].sort((x, y) => key(x).localeCompare(key(y))));
  return canonical(a) === canonical(b);
}

/**
 * The parts of the directory that change while Pult runs for days: the user joins or leaves a
 * group, a lead adds or renames a stage. Read again at each reconcile (one batch request, every
 * few minutes), written and announced only when they differ; a part the portal refused stays as stored.
 */
export async function refreshDirectory(ctx: PullContext): Promise<{ stagesChanged: string[]; membershipChanged: boolean }> {
  const { memberships, stages } = await ctx.portal.readDirectoryRefresh(ctx.groupIds);
  return ctx.store.transaction(() => {
    const membershipChanged = memberships !== null && !sameRows(ctx.store.memberships(), memberships, (m) => m.groupId);
    if (membershipChanged && memberships) {
      ctx.store.replaceMemberships(memberships);
      ctx.changes.directory();
    }
    const stagesChanged: string[] = [];
    for (const [groupId, list] of stages) {
      if (sameRows(ctx.store.stagesByGroup(groupId), list, (stage) => stage.id)) continue;
      ctx.store.replaceStages(groupId, list);
      ctx.changes.stages(groupId);
      stagesChanged.push(groupId);
    }
    return { stagesChanged, membershipChanged };
  });
}

/** Offline events (admin on OAuth): fetch what changed, drop what was deleted. */
export async function applyOfflineEvents(ctx: PullContext): Promise<{ changed: number; deleted: number } | null> {
  const batch = await ctx.portal.pollOfflineEvents();
  if (!batch) return null;
  const fetched = await ctx.portal.readTasksByIds(batch.changedTaskIds);
  const bound = new Set(ctx.groupIds);
  const { written, gone } = ctx.store.transaction(() => {
    const leftGroups = fetched.filter((t) => !bound.has(t.groupId)).map((t) => t.id);
    return {
      written: storeChangedTasks(ctx.store, fetched.filter((t) => bound.has(t.groupId))),
      gone: removeStoredTasks(ctx.store, [...batch.deletedTaskIds, ...leftGroups]),
    };
  });
  ctx.changes.tasks(written);
  ctx.changes.removed(gone);
  return { changed: written.length, deleted: gone.length };
}

/** Tasks whose extras are read in one go (a few batch requests). */
const EXTRAS_CHUNK = 250;
/**
 * How long a cycle may go on reading extras, chunk after chunk: a fast box portal catches up on
 * a first sync's backlog in a few minutes, a paced cloud one takes a chunk a cycle, and a
 * colleague's change still shows within the next poll or so.
 */
export const EXTRAS_BUDGET_MS = 4_000;

function extrasCursor(taskId: string): string {
  return `extras:${taskId}`;
}

/** Makes the next pull read a task's extras again, whatever its change time says. */
export function markExtrasStale(store: SyncStore, taskId: string): void {
  store.setCursor(extrasCursor(taskId), 'stale');
}

function commentsCursor(taskId: string): string {
  return `comments:${taskId}`;
}

/** Whether the stored history and time records (and comments, when asked) of a task match its last change. */
export function hasFreshExtras(store: SyncStore, task: Task, options: { comments?: boolean } = {}): boolean {
  const changedAt = String(task.changedAt);
  if (store.getCursor(extrasCursor(task.id)) !== changedAt) return false;
  return !options.comments || store.getCursor(commentsCursor(task.id)) === changedAt;
}

/** Open tasks keep their comments locally too: the drawer shows them offline and never asks on a quiet cycle. */
export function wantsComments(task: Task): boolean {
  return task.status !== TaskStatus.Completed;
}

/**
 * Keeps the stage/status history, time records and (for open tasks) comments of the tasks that
 * need them (WIA, stoppers, SLA reaction, plan-vs-fact and flow reports, the drawer) in step with
 * their last change: refetched only when a task changed since (adding time or a comment changes
 * the task too).
 */
export async function syncTaskExtras(
  ctx: PullContext,
  wanted: (task: Task) => boolean,
  backlog: ExtrasBacklog = new ExtrasBacklog(),
  budget: { clock: Pick<Clock, 'now'>; ms: number } | null = null,
  afterChunk: () => void = () => undefined,
): Promise<{ refreshed: number; left: number }> {
  // What this cycle wrote so far is not published yet: count it in now, so it is read this cycle.
  backlog.note(ctx.changes.peek());
  const changedSinceRead: Task[] = [];
  const neverRead: Task[] = [];
  for (const task of backlog.due(ctx.store, ctx.groupIds, (task) => wanted(task) && !hasFreshExtras(ctx.store, task, { comments: wantsComments(task) }))) {
    (ctx.store.getCursor(extrasCursor(task.id)) === null ? neverRead : changedSinceRead).push(task);
  }
  // A task that just changed (an edit of ours, a colleague's) goes before the catch-up of tasks
  // never read after a first sync, and the most recently changed first: those are the ones open.
  const byRecent = (a: Task, b: Task) => b.changedAt - a.changedAt;
  const queue = [...changedSinceRead.sort(byRecent), ...neverRead.sort(byRecent)];
  const startedAt = budget?.clock.now() ?? 0;
  let refreshed = 0;
  let read = 0;
  while (read < queue.length) {
    const chunk = queue.slice(read, read + EXTRAS_CHUNK);
    refreshed += await refreshTaskExtras(ctx, chunk);
    read += chunk.length;
    afterChunk();
    // No budget: one chunk.
    if (!budget || budget.clock.now() - startedAt >= budget.ms) break;
  }
  return { refreshed, left: queue.length - read };
}

/** Reads and stores the extras of these tasks (one batch per few tasks); returns how many were refreshed. */
export async function refreshTaskExtras(ctx: Pick<PullContext, 'store' | 'portal' | 'changes'>, tasks: readonly Task[], options: { comments?: boolean } = {}): Promise<number> {
  if (tasks.length === 0) return 0;
  const extras = await ctx.portal.readTaskExtras(tasks.map((task) => ({ taskId: task.id, comments: options.comments ?? wantsComments(task) })));
  const refreshed = ctx.store.transaction(() => {
    const done: string[] = [];
    for (const { id } of tasks) {
      const task = ctx.store.getTask(id);
      const found = extras.get(id);
      if (!task || !found) continue;
      ctx.store.replaceHistory(id, found.history);
      ctx.store.upsertElapsed(found.elapsed);
      if (found.comments) {
        ctx.store.upsertComments(found.comments);
        ctx.store.setCursor(commentsCursor(id), String(task.changedAt));
      }
      ctx.store.setCursor(extrasCursor(id), String(task.changedAt));
      done.push(id);
    }
    return done;
  });
  ctx.changes.extras(refreshed);
  return refreshed.length;
}
