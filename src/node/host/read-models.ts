/**
 * The read models the windows ask for, all from the local store and the engine's view: boards
 * (whole or in pages), the directory, a card's details, the assignment suggestion, reports.
 */
import type { SyncStatus } from '../../core/sync/status';
import type {
  AssignmentSuggestionView, AssignmentTarget, BoardPage, BoardPageRequest, BoardSnapshot, Directory, GroupSummary, ReportsData, ReportsRequest, TaskDetails,
} from '../../shared/api';
import { ApiFailure } from '../api-failure';
import { boardSnapshot, taskDetails } from './board-view';
import { BoardPages } from './board-pages';
import { suggestFor } from './assignment';
import { buildReports } from './reports';
import type { ConnectionService } from './connection-service';
import type { HostContext } from './host-context';

/** How long the group switcher waits for the portal before it shows the names kept from before. */
const GROUPS_WAIT_MS = 1_500;

export class ReadModels {
  private readonly boardPages: BoardPages;

  constructor(
    private readonly ctx: HostContext,
    private readonly connection: ConnectionService,
  ) {
    this.boardPages = new BoardPages(() => ctx.options.clock.now());
  }

  /**
   * The portal's groups, kept in the store for the next time. Names are for showing: when the
   * store has them, a portal that is slow or away (retries, a restart offline) gets a moment, then
   * the names the last answer gave — never «#1» while the client retries.
   */
  async listGroups(): Promise<GroupSummary[]> {
    const session = this.connection.requireSession();
    const saved = session.store.groups();
    const fromPortal = session.gateway.readGroups().then((groups) => {
      session.store.replaceGroups(groups);
      return groups;
    });
    if (saved.length === 0) return fromPortal;
    const late = this.ctx.options.clock.sleep(GROUPS_WAIT_MS).then(() => saved);
    return Promise.race([fromPortal.catch(() => saved), late]);
  }

  getBoard(groupId: string): BoardSnapshot {
    return boardSnapshot(this.connection.requireSession(), groupId, this.ctx.options.clock, this.ctx.settings());
  }

  getBoardPage(request: BoardPageRequest): BoardPage {
    const session = this.connection.requireSession();
    return this.boardPages.page(request, () => boardSnapshot(session, request.groupId, this.ctx.options.clock, this.ctx.settings()));
  }

  /** Builds the board of a group ahead of its first page (at start); any change drops it. */
  prepareBoard(groupId: string): void {
    const session = this.connection.current;
    if (session) this.boardPages.prepare(groupId, () => boardSnapshot(session, groupId, this.ctx.options.clock, this.ctx.settings()));
  }

  boardsChanged(): void {
    this.boardPages.changed();
  }

  getDirectory(): Directory {
    const { store } = this.connection.requireSession();
    return { users: store.users(), departments: store.departments(), companies: store.companies(), userFields: store.userFields(), memberGroupIds: store.memberships()?.map((m) => m.groupId) ?? null };
  }

  getTaskDetails(taskId: string): Promise<TaskDetails> {
    return taskDetails(this.connection.requireSession(), taskId, this.ctx.settings());
  }

  suggestAssignee(target: AssignmentTarget): AssignmentSuggestionView | null {
    const session = this.connection.requireSession();
    return suggestFor(session, this.ctx.settings(), target, session.engine.portalClock.now());
  }

  getReports(request: ReportsRequest): ReportsData {
    const session = this.connection.requireSession();
    return buildReports(session, this.ctx.settings(), request, session.engine.portalClock.now());
  }

  getSyncStatus(): SyncStatus {
    return this.connection.requireSession().engine.getStatus();
  }

  /** The task's page on the portal, in the system browser. */
  async openInPortal(taskId: string): Promise<void> {
    const session = this.connection.requireSession();
    if (!/^\d+$/.test(taskId)) throw new ApiFailure('invalid-input', this.ctx.text('notOnPortalYet'));
    const userId = this.connection.who()?.userId ?? '1';
    await this.ctx.options.openExternal(`${session.portalUrl}/company/personal/user/${userId}/tasks/task/view/${taskId}/`);
  }
}
