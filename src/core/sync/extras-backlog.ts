/**
 * Which tasks may need their history, time records and comments read. Without it every quiet
 * cycle would parse every stored task (21,000 on a large portal) to find the few that changed:
 * the whole store is looked at once (after a start or a first sync), then only the tasks a
 * change names (a pull wrote them, an edit of ours went out, or they are still due).
 */
import type { Task } from '../domain/model';
import type { SyncChange } from './changes';
import type { SyncStore } from './store';

export class ExtrasBacklog {
  /** Null: not known yet, look at every stored task. */
  private candidates: Set<string> | null = null;

  /** Everything may be due again (a first sync replaced the store). */
  invalidate(): void {
    this.candidates = null;
  }

  /** The tasks a change wrote or sent an edit for may be due now. */
  note(change: Pick<SyncChange, 'tasks' | 'outboxTaskIds'>): void {
    if (!this.candidates) return;
    for (const task of change.tasks) this.candidates.add(task.id);
    for (const id of change.outboxTaskIds) this.candidates.add(id);
  }

  /** The tasks of these groups that are due (`isDue`); the rest are forgotten until a change names them. */
  due(store: SyncStore, groupIds: readonly string[], isDue: (task: Task) => boolean): Task[] {
    const groups = new Set(groupIds);
    const due: Task[] = [];
    if (!this.candidates) {
      for (const groupId of groupIds) for (const task of store.tasksByGroup(groupId)) if (isDue(task)) due.push(task);
      this.candidates = new Set(due.map((task) => task.id));
      return due;
    }
    for (const id of this.candidates) {
      const task = store.getTask(id);
      if (task && groups.has(task.groupId) && isDue(task)) due.push(task);
      else this.candidates.delete(id);
    }
    return due;
  }
}
