/**
 * What a sync cycle or an edit actually changed in the local store. The engine collects it while
 * it writes and hands it to its listeners only when something changed, so a quiet poll costs
 * the windows nothing; each consumer applies the part it needs instead of reloading everything.
 */
import type { Task } from '../domain/model';

export interface SyncChange {
  /** Everything may have changed (a first sync): read it again. */
  reset: boolean;
  /** Server rows written because they are new or differ from the stored copy. */
  tasks: Task[];
  /** Tasks gone from the store (deleted on the portal, or moved out of the bound groups). */
  removedTaskIds: string[];
  /** Groups whose stages were replaced. */
  stageGroupIds: string[];
  /** Users, departments, companies or user fields were replaced. */
  directory: boolean;
  /** Tasks whose history, comments or time records were refreshed. */
  extrasTaskIds: string[];
  /** Tasks whose queued edits changed, by the ID the board knows them by (`local:…` for new ones). */
  outboxTaskIds: string[];
  /** The outbox itself changed (counts, states, errors). */
  outbox: boolean;
}

/** Collects one change set; `take()` returns it and starts the next. */
export class ChangeCollector {
  private current = ChangeCollector.empty();

  static empty(): SyncChange {
    return { reset: false, tasks: [], removedTaskIds: [], stageGroupIds: [], directory: false, extrasTaskIds: [], outboxTaskIds: [], outbox: false };
  }

  static isEmpty(change: SyncChange): boolean {
    return (
      !change.reset && !change.directory && !change.outbox &&
      change.tasks.length === 0 && change.removedTaskIds.length === 0 && change.stageGroupIds.length === 0 &&
      change.extrasTaskIds.length === 0 && change.outboxTaskIds.length === 0
    );
  }

  reset(): void {
    this.current.reset = true;
  }

  tasks(rows: readonly Task[]): void {
    if (rows.length === 0) return;
    const removed = new Set(rows.map((t) => t.id));
    // A later write of the same task replaces the earlier one; a task written again is not gone.
    this.current.tasks = [...this.current.tasks.filter((t) => !removed.has(t.id)), ...rows];
    this.current.removedTaskIds = this.current.removedTaskIds.filter((id) => !removed.has(id));
  }

  removed(ids: readonly string[]): void {
    if (ids.length === 0) return;
    const gone = new Set(ids);
    this.current.tasks = this.current.tasks.filter((t) => !gone.has(t.id));
    this.current.removedTaskIds = unique([...this.current.removedTaskIds, ...ids]);
  }

  stages(groupId: string): void {
    this.current.stageGroupIds = unique([...this.current.stageGroupIds, groupId]);
  }

  directory(): void {
    this.current.directory = true;
  }

  extras(taskIds: readonly string[]): void {
    if (taskIds.length) this.current.extrasTaskIds = unique([...this.current.extrasTaskIds, ...taskIds]);
  }

  outbox(taskIds: readonly string[]): void {
    this.current.outbox = true;
    if (taskIds.length) this.current.outboxTaskIds = unique([...this.current.outboxTaskIds, ...taskIds]);
  }

  /** The changes noted so far, not yet taken (read-only). */
  peek(): Readonly<SyncChange> {
    return this.current;
  }

  /** The changes so far, or null when there were none; the collector starts empty again. */
  take(): SyncChange | null {
    const change = this.current;
    this.current = ChangeCollector.empty();
    return ChangeCollector.isEmpty(change) ? null : change;
  }
}

function unique(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}
