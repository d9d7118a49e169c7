/**
 * A portal double for the sync engine's unit tests, typed against the port itself: tasks held in
 * memory, every read counted as the requests a real gateway would send for it.
 */
import type { Company, Department, ElapsedRecord, Group, GroupMembership, HistoryEntry, Stage, Task, TaskComment, User, UserFieldDefinition } from '../../src/core/domain/model';
import type { Intent } from '../../src/core/sync/intents';
import type { DirectoryRefresh, ExtrasRequest, Identity, OfflineEventBatch, PortalGateway, SendOutcome, TaskExtras, TaskQuery, TaskStamp } from '../../src/core/sync/portal-port';

export class FakePortal implements PortalGateway {
  readonly tasks = new Map<string, Task>();
  readonly history = new Map<string, HistoryEntry[]>();
  readonly comments = new Map<string, TaskComment[]>();
  readonly stages: Stage[] = [];
  readonly sent: Intent[][] = [];
  /** Method names in the order they were asked, as the portal would log them. */
  readonly calls: string[] = [];
  requestCount = 0;

  constructor(private readonly now: () => number) {}

  private ask(method: string, requests = 1): void {
    this.calls.push(method);
    this.requestCount += requests;
  }

  put(task: Task): void {
    this.tasks.set(task.id, task);
  }

  async serverTime(): Promise<number> {
    this.ask('server.time');
    return this.now();
  }
  /** Whether the signed-in user is a portal admin (offline events need one). */
  admin = false;
  async identity(): Promise<Identity> {
    this.ask('profile');
    return { userId: '5', isAdmin: this.admin };
  }
  portalOffsetMinutes(): number {
    return 180;
  }
  async readGroups(): Promise<Group[]> {
    this.ask('sonet_group.get');
    return [{ id: '10', name: 'Первая линия', closed: false, membersCount: 3 }];
  }
  /** The signed-in user's groups; a test sets them. */
  memberships: GroupMembership[] = [{ groupId: '10', role: 'member' }];
  async readMemberships(): Promise<GroupMembership[]> {
    this.ask('sonet_group.user.groups');
    return this.memberships;
  }
  async readDirectoryRefresh(groupIds: readonly string[]): Promise<DirectoryRefresh> {
    this.ask('batch');
    return { memberships: this.memberships, stages: new Map(groupIds.map((groupId) => [groupId, this.stages.filter((stage) => stage.groupId === groupId)])) };
  }
  async readStages(groupId: string): Promise<Stage[]> {
    this.ask('task.stages.get');
    return this.stages.filter((stage) => stage.groupId === groupId);
  }
  async readUsers(): Promise<User[]> {
    this.ask('user.get');
    return [];
  }
  async readDepartments(): Promise<Department[]> {
    this.ask('department.get');
    return [];
  }
  async readCompanies(): Promise<Company[]> {
    this.ask('crm.company.list');
    return [];
  }
  async readUserFields(): Promise<UserFieldDefinition[]> {
    this.ask('task.item.userfield.getlist');
    return [];
  }
  private inGroups(groupIds: readonly string[]): Task[] {
    return [...this.tasks.values()].filter((task) => groupIds.includes(task.groupId));
  }
  async readTasks(query: TaskQuery): Promise<Task[]> {
    this.ask('tasks.task.list');
    return this.inGroups(query.groupIds).filter((task) => query.changedAfter === undefined || task.changedAt > query.changedAfter);
  }
  async readTasksByIds(ids: readonly string[]): Promise<Task[]> {
    if (ids.length === 0) return [];
    this.ask('tasks.task.list');
    return ids.flatMap((id) => this.tasks.get(id) ?? []);
  }
  async readTaskIds(groupIds: readonly string[]): Promise<Map<string, TaskStamp>> {
    this.ask('tasks.task.list');
    return new Map(this.inGroups(groupIds).map((task) => [task.id, { groupId: task.groupId, changedAt: task.changedAt }]));
  }
  async readHistory(taskId: string): Promise<HistoryEntry[]> {
    this.ask('tasks.task.history.list');
    return this.history.get(taskId) ?? [];
  }
  /** Called on each extras read: a test advances its clock here to play a slow portal. */
  onExtras: ((requests: readonly ExtrasRequest[]) => void) | null = null;

  async readTaskExtras(requests: readonly ExtrasRequest[]): Promise<Map<string, TaskExtras>> {
    this.ask('batch', Math.ceil(requests.length / 16));
    this.onExtras?.(requests);
    return new Map(
      requests.map((request) => [
        request.taskId,
        { history: this.history.get(request.taskId) ?? [], elapsed: [], comments: request.comments ? (this.comments.get(request.taskId) ?? []) : null },
      ]),
    );
  }
  async readElapsed(): Promise<ElapsedRecord[]> {
    this.ask('task.elapseditem.getlist');
    return [];
  }
  async readComments(taskId: string): Promise<TaskComment[]> {
    this.ask('task.commentitem.getlist');
    return this.comments.get(taskId) ?? [];
  }
  async pollOfflineEvents(): Promise<OfflineEventBatch | null> {
    if (!this.offlineEventsPossible) return null;
    this.ask('event.offline.get');
    return this.offlineQueue.shift() ?? { changedTaskIds: [], deletedTaskIds: [] };
  }
  async send(intents: readonly Intent[]): Promise<Map<number, SendOutcome>> {
    this.ask('batch');
    this.sent.push([...intents]);
    const outcomes = new Map<number, SendOutcome>();
    for (const intent of intents) {
      const payload = intent.payload;
      if (payload.name === 'moveCard') {
        const task = this.tasks.get(payload.taskId);
        if (task) this.put({ ...task, stageId: payload.stageId, changedAt: this.now() });
        outcomes.set(intent.seq, { kind: 'done', task: this.tasks.get(payload.taskId) ?? null });
      } else {
        outcomes.set(intent.seq, { kind: 'done', task: null });
      }
    }
    return outcomes;
  }
  async findCreatedTask(): Promise<Task | null> {
    return null;
  }
  async isAppendOnPortal(): Promise<boolean> {
    return false;
  }
  portalClockOffset(): number | null {
    return null;
  }
  /** The offline queue of this fake: events are pushed by the test; binding is counted. */
  offlineEventsPossible = false;
  readonly offlineQueue: { changedTaskIds: string[]; deletedTaskIds: string[] }[] = [];
  async ensureOfflineEvents(): Promise<boolean> {
    this.ask('event.get');
    return this.offlineEventsPossible;
  }
}
