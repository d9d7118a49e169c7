import type { GenContext } from './gen-context';
import type { Comment, ElapsedItem, HistoryEntry, Task } from './model';
import { emptyLive } from './model';
import { simulateTask } from './simulate';
import type { PortalState } from './state';

/** Chat IDs of task chats (new task card) are derived from the task ID. */
export function chatIdOf(taskId: number): number {
  return 3000 + taskId;
}

export function generateTasks(state: PortalState, ctx: GenContext, count: number): void {
  for (let index = 0; index < count; index++) {
    const sim = simulateTask(ctx, index);
    const id = state.next.task++;
    const t = sim.task;
    const task: Task = {
      id, ...t, activityDate: t.changedDate, allowTimeTracking: true, tags: [], xmlId: null, chatId: chatIdOf(id), genIndex: index,
      generated: {
        comments: sim.comments.length, elapsed: sim.elapsed.length, history: sim.history.length,
        commentBaseId: state.next.comment, elapsedBaseId: state.next.elapsed, historyBaseId: state.next.history,
        elapsedSeconds: sim.elapsedSeconds,
      },
      live: emptyLive(),
    };
    state.next.comment += sim.comments.length;
    state.next.elapsed += sim.elapsed.length;
    state.next.history += sim.history.length;
    state.tasks.set(id, task);
  }
}

export interface GeneratedRecords {
  comments: Comment[];
  elapsed: ElapsedItem[];
  history: HistoryEntry[];
}

const cache = new WeakMap<Task, GeneratedRecords>();

/** The task's pre-start history, comments and elapsed records, replayed from its seed on first use. */
export function generatedRecords(ctx: GenContext, task: Task): GeneratedRecords {
  const cached = cache.get(task);
  if (cached) return cached;
  const records: GeneratedRecords = { comments: [], elapsed: [], history: [] };
  if (task.genIndex >= 0) {
    const sim = simulateTask(ctx, task.genIndex);
    const g = task.generated;
    records.comments = sim.comments.map((c, i) => ({ id: g.commentBaseId + i, taskId: task.id, ...c }));
    records.elapsed = sim.elapsed.map((e, i) => ({
      id: g.elapsedBaseId + i, taskId: task.id, userId: e.userId, seconds: e.seconds, commentText: e.commentText,
      source: 1, createdDate: e.createdDate, dateStart: e.createdDate - e.seconds * 1000, dateStop: e.createdDate,
    }));
    records.history = sim.history.map((h, i) => ({
      id: g.historyBaseId + i, taskId: task.id, createdDate: h.createdDate, field: h.field, userId: h.userId,
      from: h.from, to: h.commentIndex !== undefined ? String(g.commentBaseId + h.commentIndex) : h.to,
    }));
  }
  cache.set(task, records);
  return records;
}

/** Legacy (forum) comments of a task: generated ones not deleted, edits applied, then live ones. */
export function taskComments(ctx: GenContext, task: Task): Comment[] {
  const generated = generatedRecords(ctx, task).comments
    .filter((c) => !task.live.deletedComments.has(c.id))
    .map((c) => ({ ...c, message: task.live.editedComments.get(c.id) ?? c.message }));
  return [...generated, ...task.live.comments];
}

export function taskElapsed(ctx: GenContext, task: Task): ElapsedItem[] {
  return [...generatedRecords(ctx, task).elapsed, ...task.live.elapsed];
}

export function taskHistory(ctx: GenContext, task: Task): HistoryEntry[] {
  return [...generatedRecords(ctx, task).history, ...task.live.history];
}

export function timeSpentInLogs(task: Task): number {
  return task.generated.elapsedSeconds + task.live.elapsed.reduce((sum, e) => sum + e.seconds, 0);
}
