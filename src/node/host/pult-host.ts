/**
 * Implements the renderer's API over core; shared by Electron main and the browser-mode host
 * (both run it in the host's worker thread). It only delegates, to one service per reason to
 * change: the connection, the settings and setup, the outbox commands, the read models.
 */
import { mkdirSync } from 'node:fs';
import type { Settings } from '../../core/domain/settings';
import type { IntentPayload } from '../../core/sync/intents';
import type {
  AppInfo, AssignmentSuggestionView, AssignmentTarget, BoardPage, BoardPageRequest, BoardSnapshot, ConnectResult, Directory, GroupSummary, OAuthConnectRequest,
  PultApi, PultEvent, QueuedEdit, ReportsData, ReportsRequest, SettingsSaveResult, SetupProposal, TaskDetails, WebhookConnectRequest,
} from '../../shared/api';
import type { FileContent, StagedFile, TaskFilesView } from '../../shared/api';
import type { FailureText } from '../api-dispatch';
import { ApiFailure } from '../api-failure';
import { failureMessage, hostLanguage, hostText, type HostMessage } from './host-messages';
import type { AlertControl, HostContext, HostOptions } from './host-context';
import { ConnectionService } from './connection-service';
import { SetupService } from './setup-service';
import { OutboxCommands } from './outbox-commands';
import { ReadModels } from './read-models';
import { TaskFilesService } from './task-files';
import { CALLBACK_PATH, DEFAULT_LOOPBACK_PORT } from './oauth-loopback';

export type { AlertControl, DemoStarter, HostOptions } from './host-context';

export class PultHost implements PultApi {
  private readonly listeners = new Set<(event: PultEvent) => void>();
  private readonly connection: ConnectionService;
  private readonly setup: SetupService;
  private readonly outbox: OutboxCommands;
  private readonly reads: ReadModels;
  private readonly files: TaskFilesService;
  private alerts: AlertControl | null = null;

  constructor(private readonly options: HostOptions) {
    mkdirSync(options.dataDir, { recursive: true });
    const ctx: HostContext = {
      options,
      settings: () => options.settings.get(),
      text: (key, values) => this.text(key, values),
      storeSettings: (next) => {
        const result = options.settings.save(next);
        if (result.ok) this.emit({ type: 'settings-changed', settings: result.settings });
        return result;
      },
      emit: (event) => this.emit(event),
    };
    this.connection = new ConnectionService(ctx);
    this.setup = new SetupService(ctx, this.connection);
    this.outbox = new OutboxCommands(this.connection);
    this.reads = new ReadModels(ctx, this.connection);
    this.files = new TaskFilesService(ctx, this.connection);
  }

  onEvent(listener: (event: PultEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(event: PultEvent): void {
    if (event.type === 'board-delta' || event.type === 'settings-changed') this.reads.boardsChanged();
    for (const listener of this.listeners) listener(event);
  }

  private text(key: HostMessage, values: Record<string, string> = {}): string {
    return hostText(key, hostLanguage(this.options.settings.get()), values);
  }

  /** How the API words a failure for the user, in the UI language. */
  readonly failureText: FailureText = (failure) => failureMessage(failure, hostLanguage(this.options.settings.get()));

  // Connection

  /**
   * Reopens the saved connection at start; a demo connection starts a fresh demo portal.
   * `none`: nothing is saved (a fresh install). `waiting`: the keychain cannot be read now — the
   * saved connection and the queued edits are kept, the user is told, and Pult tries again.
   */
  async restore(): Promise<'none' | 'connected' | 'waiting' | 'failed'> {
    const restored = await this.connection.restore();
    if (restored === 'connected') this.prepareFirstBoard();
    return restored;
  }

  /** A window is on its way: build its first board meanwhile, so its first page is at hand. */
  private prepareFirstBoard(): void {
    const first = this.options.settings.get().groupIds[0];
    if (!first) return;
    setImmediate(() => {
      try {
        this.reads.prepareBoard(first);
      } catch (error) {
        this.options.logger?.warn('could not build the board ahead', { error: error instanceof Error ? error.message : String(error) });
      }
    });
  }

  /**
   * Opens a webhook connection this data folder already knows without asking the portal first,
   * so the board shows from the local store while the portal is unreachable.
   */
  async resumeWebhook(portalUrl: string, webhookUrl: string): Promise<boolean> {
    const resumed = await this.connection.resumeWebhook(portalUrl, webhookUrl);
    if (resumed) this.prepareFirstBoard();
    return resumed;
  }

  async getAppInfo(): Promise<AppInfo> {
    return {
      version: this.options.version,
      shell: this.options.shell,
      connection: this.connection.connectionInfo(),
      configured: this.connection.current !== null && this.options.settings.get().groupIds.length > 0,
      canSignInInApp: this.options.openSignInWindow !== undefined,
      notifications: this.alerts !== null,
      keychainWait: this.connection.keychainWait,
      secrets: this.options.secretsControl?.status() ?? { kind: 'keychain', keychainProblem: null, canUseMemory: false },
      oauthRedirectUri: `http://127.0.0.1:${this.options.loopbackPort ?? DEFAULT_LOOPBACK_PORT}${CALLBACK_PATH}`,
    };
  }

  async retryRestore(): Promise<AppInfo> {
    await this.connection.retryRestore();
    return this.getAppInfo();
  }

  /**
   * Browser mode without a usable keychain: secrets stay in this process's memory. A saved
   * connection whose secrets were in the keychain stops waiting for it: the user signs in again.
   */
  async keepSecretsInMemory(): Promise<AppInfo> {
    if (!this.options.secretsControl?.useMemory()) throw new ApiFailure('denied', this.text('memorySecretsNotHere'));
    this.options.logger?.info('secrets are kept in memory for this browser-mode process');
    this.connection.stopWaitingForKeychain();
    this.emit({ type: 'app-changed' });
    return this.getAppInfo();
  }

  /** Tries the keychain at start (browser mode), so the page can say at once that there is none. */
  async checkSecrets(): Promise<void> {
    await this.options.secretsControl?.check();
  }

  connectWebhook(request: WebhookConnectRequest): Promise<ConnectResult> {
    return this.connection.connectWebhook(request);
  }

  connectOAuth(request: OAuthConnectRequest): Promise<ConnectResult> {
    return this.connection.connectOAuth(request);
  }

  async cancelSignIn(): Promise<void> {
    this.connection.cancelSignIn();
  }

  connectDemo(): Promise<ConnectResult> {
    return this.connection.connectDemo();
  }

  signOut(): Promise<void> {
    return this.connection.signOut();
  }

  // Reminders (the desktop shell's tray notifications register here)

  setAlertControl(control: AlertControl | null): void {
    this.alerts = control;
  }

  async snoozeTask(taskId: string, choice: '1h' | 'tomorrow'): Promise<{ until: number }> {
    const until = this.alerts?.snooze(taskId, choice) ?? null;
    if (until === null) throw new ApiFailure('invalid-input', this.text('noNotifications'));
    return { until };
  }

  // Settings and setup

  proposeSetup(groupIds: string[]): Promise<SetupProposal> {
    return this.setup.proposeSetup(groupIds);
  }

  createServiceDeskFields(fields: ('type' | 'blocker' | 'estimate')[]): Promise<SetupProposal> {
    return this.setup.createServiceDeskFields(fields);
  }

  async completeSetup(setup: { groupIds: string[]; stageRoles: Settings['stageRoles']; fields: Settings['fields'] }): Promise<AppInfo> {
    await this.setup.completeSetup(setup);
    return this.getAppInfo();
  }

  async getSettings(): Promise<Settings> {
    return this.setup.getSettings();
  }

  saveSettings(settings: Settings): Promise<SettingsSaveResult> {
    return this.setup.saveSettings(settings);
  }

  async importSettings(json: string): Promise<SettingsSaveResult> {
    return this.setup.importSettings(json);
  }

  async exportSettings(): Promise<string> {
    return this.setup.exportSettings();
  }

  // Read models

  listGroups(): Promise<GroupSummary[]> {
    return this.reads.listGroups();
  }

  async getBoard(groupId: string): Promise<BoardSnapshot> {
    return this.reads.getBoard(groupId);
  }

  async getBoardPage(request: BoardPageRequest): Promise<BoardPage> {
    return this.reads.getBoardPage(request);
  }

  async getDirectory(): Promise<Directory> {
    return this.reads.getDirectory();
  }

  getTaskDetails(taskId: string): Promise<TaskDetails> {
    return this.reads.getTaskDetails(taskId);
  }

  async suggestAssignee(target: AssignmentTarget): Promise<AssignmentSuggestionView | null> {
    return this.reads.suggestAssignee(target);
  }

  async getReports(request: ReportsRequest): Promise<ReportsData> {
    return this.reads.getReports(request);
  }

  async getSyncStatus() {
    return this.reads.getSyncStatus();
  }

  getTaskFiles(taskId: string): Promise<TaskFilesView> {
    return this.files.getTaskFiles(taskId);
  }

  readTaskFile(taskId: string, attachmentId: string): Promise<FileContent> {
    return this.files.readTaskFile(taskId, attachmentId);
  }

  stageFile(name: string, base64: string, appendTo?: string): Promise<StagedFile> {
    return this.files.stageFile(name, base64, appendTo);
  }

  openInPortal(taskId: string): Promise<void> {
    return this.reads.openInPortal(taskId);
  }

  // Outbox commands

  async enqueue(payload: IntentPayload): Promise<QueuedEdit> {
    return this.outbox.enqueue(payload);
  }

  async listQueued(): Promise<QueuedEdit[]> {
    return this.outbox.listQueued();
  }

  async retryEdit(seq: number): Promise<void> {
    this.outbox.retryEdit(seq);
  }

  async discardEdit(seq: number): Promise<void> {
    this.outbox.discardEdit(seq);
  }

  async resolveConflict(seq: number, choice: 'mine' | 'theirs'): Promise<void> {
    this.outbox.resolveConflict(seq, choice);
  }

  syncNow(): Promise<void> {
    return this.outbox.syncNow();
  }

  async setVisible(visible: boolean): Promise<void> {
    this.outbox.setVisible(visible);
  }

  close(): Promise<void> {
    return this.connection.close();
  }
}
