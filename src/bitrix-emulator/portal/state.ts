import type { CommentMode, EmulatorClock, PortalEvent } from '../contract';
import type { Company, Department, Group, Stage, Task, User, UserField } from './model';

/** All portal data plus the ID counters; methods read and change it through this object. */
export class PortalState {
  readonly users = new Map<number, User>();
  readonly departments = new Map<number, Department>();
  readonly groups = new Map<number, Group>();
  readonly stages = new Map<number, Stage>();
  readonly companies = new Map<number, Company>();
  readonly tasks = new Map<number, Task>();
  readonly userFields: UserField[] = [];
  /** Field names of the three Service Desk UF fields. */
  sdFields = { type: '', stopper: '', estimate: '' };
  commentMode: CommentMode = 'legacy';
  /** Portal time when the demo data was generated (lazy history is anchored to it). */
  generatedAt = 0;
  next = { task: 1, stage: 1, comment: 1, elapsed: 1, history: 1, userField: 1, enumItem: 1 };
  private readonly listeners = new Set<(event: PortalEvent) => void>();

  constructor(
    readonly seed: number,
    readonly clock: EmulatorClock,
    readonly utcOffsetMinutes: number,
  ) {}

  now(): number {
    return Math.floor(this.clock.now() / 1000) * 1000;
  }

  subscribe(listener: (event: PortalEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: PortalEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  user(id: number): User | undefined {
    return this.users.get(id);
  }

  groupStages(groupId: number): Stage[] {
    return [...this.stages.values()]
      .filter((s) => s.entityType === 'G' && s.entityId === groupId)
      .sort((a, b) => a.sort - b.sort || a.id - b.id);
  }

  userField(name: string): UserField | undefined {
    return this.userFields.find((f) => f.fieldName === name);
  }
}
