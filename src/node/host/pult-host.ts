/**
 * Implements the renderer's API over core; shared by Electron main and the browser-mode host.
 * Owns the settings, the keychain, and the connected portal's session.
 */
import { randomBytes } from 'node:crypto';
import { writeFileSync, readFileSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Settings } from '../../core/domain/settings';
import { detectServiceDeskFields } from '../../core/domain/field-mapping';
import { guessStageRoles } from '../../core/domain/stage-roles';
import { authorizeUrl, exchangeCode, readRedirect, tokenServerOrigin } from '../../core/bitrix/oauth';
import { TokenManager } from '../../core/bitrix/token-manager';
import { createBitrixClient, type RestEndpoint } from '../../core/bitrix/client';
import { BitrixGateway } from '../../core/bitrix/gateway';
import { BitrixError } from '../../core/bitrix/errors';
import type { Clock, Logger, Random, SecretStore } from '../../core/ports';
import type { IntentPayload } from '../../core/sync/intents';
import type {
  AppInfo, KeychainWait, BoardPage, BoardPageRequest, BoardSnapshot, ConnectResult, Directory, GroupSummary, OAuthConnectRequest, PortalConnectionInfo, PultApi, PultEvent,
  QueuedEdit, SettingsSaveResult, SetupProposal, Shell, TaskDetails, WebhookConnectRequest, AssignmentSuggestionView,
  ReportsData, ReportsRequest, AssignmentTarget,
} from '../../shared/api';
import type { SettingsStore } from '../settings/settings-store';
import { createNodeHttp } from '../http';
import { ApiFailure } from '../api-failure';
import { presentedCertificate } from './certificate';
import { startLoopbackListener } from './oauth-loopback';
import { forgetPortalSecrets, keychainTokenStorage, secretKeys } from './secrets';
import { countQueuedEdits, openPortalSession, type PortalSession } from './portal-session';
import { SecretStoreError } from '../secrets/errors';
import { boardDelta, boardSnapshot, taskDetails, toQueuedEdit, wantsHistory } from './board-view';
import { suggestFor } from './assignment';
import { BoardPages } from './board-pages';
import { buildReports } from './reports';
import { failureMessage, hostLanguage, hostText, type HostMessage } from './host-messages';
import type { FailureText } from '../api-dispatch';

/** The Service Desk fields Pult creates when a portal admin asks (names are Pult's own). */
const SERVICE_DESK_FIELDS = {
  type: { name: 'PULT_SD_TYPE', type: 'string', labels: { ru: 'Тип', en: 'Type' } },
  blocker: { name: 'PULT_SD_BLOCKER', type: 'string', labels: { ru: 'Тип стоппера', en: 'Blocker' } },
  estimate: { name: 'PULT_SD_ESTIMATE', type: 'double', labels: { ru: 'Оценка', en: 'Estimate' } },
} as const;

/** What the host needs of the tray's reminders. */
export interface AlertControl {
  /** Returns when the snooze ends (portal ms), or null when reminders are not running yet. */
  snooze(taskId: string, choice: '1h' | 'tomorrow'): number | null;
}

export interface DemoStarter {
  (): Promise<{ portalUrl: string; webhookUrl: string; close(): Promise<void> }>;
}

export interface HostOptions {
  version: string;
  shell: Shell;
  dataDir: string;
  settings: SettingsStore;
  secrets: SecretStore;
  clock: Clock;
  random: Random;
  logger?: Logger;
  startDemo: DemoStarter;
  /** Opens a URL in the system browser (sign-in pages, portal links). */
  openExternal(url: string): Promise<void>;
  /** Shows a sign-in page in an app window; resolves when that window closes (desktop only). */
  openSignInWindow?(url: string, redirectUri: string): Promise<void>;
  loopbackPort?: number;
}

/** How often a keychain that could not be read is tried again. */
const KEYCHAIN_RETRY_MS = 30_000;

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

export class PultHost implements PultApi {
  private session: PortalSession | null = null;
  private demo: Awaited<ReturnType<DemoStarter>> | null = null;
  private identity: { userId: string; isAdmin: boolean } | null = null;
  private readonly listeners = new Set<(event: PultEvent) => void>();
  private unsubscribe: (() => void)[] = [];

  constructor(private readonly options: HostOptions) {
    mkdirSync(options.dataDir, { recursive: true });
  }

  onEvent(listener: (event: PultEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(event: PultEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  private get settings(): Settings {
    return this.options.settings.get();
  }

  private text(key: HostMessage, values: Record<string, string> = {}): string {
    return hostText(key, hostLanguage(this.settings), values);
  }

  /** How the API words a failure for the user, in the UI language. */
  readonly failureText: FailureText = (failure) => failureMessage(failure, hostLanguage(this.settings));

  /**
   * Reopens the saved connection at start; a demo connection starts a fresh demo portal.
   * `none`: nothing is saved (a fresh install). `waiting`: the keychain cannot be read now — the
   * saved connection and the queued edits are kept, the user is told, and Pult tries again.
   */
  async restore(): Promise<'none' | 'connected' | 'waiting' | 'failed'> {
    const { connection, groupIds } = this.settings;
    if (!connection.address) return 'none';
    try {
      if (connection.kind === 'demo') await this.connectDemo();
      else {
        const endpoint = await this.savedEndpoint(connection.address, connection.kind);
        if (!endpoint) return 'failed';
        this.openSession(connection.address, connection.kind, endpoint, groupIds);
      }
      this.endKeychainWait();
      return 'connected';
    } catch (error) {
      if (error instanceof SecretStoreError) {
        this.waitForKeychain(connection.address, error);
        return 'waiting';
      }
      this.options.logger?.warn('could not restore the portal connection', { error: error instanceof Error ? error.message : String(error) });
      return 'failed';
    }
  }

  private keychainWait: KeychainWait | null = null;
  private keychainRetry: ReturnType<typeof setTimeout> | null = null;

  private waitForKeychain(portalUrl: string, error: SecretStoreError): void {
    const wasWaiting = this.keychainWait !== null;
    this.keychainWait = { portalUrl, code: error.code, queuedEdits: countQueuedEdits(this.options.dataDir, portalUrl) };
    this.options.logger?.warn('the keychain cannot be read; the saved connection waits for it', { code: error.code });
    if (!wasWaiting) this.emit({ type: 'app-changed' });
    if (this.keychainRetry) clearTimeout(this.keychainRetry);
    this.keychainRetry = setTimeout(() => void this.retryRestore(), KEYCHAIN_RETRY_MS);
  }

  private endKeychainWait(): void {
    if (this.keychainRetry) clearTimeout(this.keychainRetry);
    this.keychainRetry = null;
    if (!this.keychainWait) return;
    this.keychainWait = null;
    this.emit({ type: 'app-changed' });
  }

  /** Tries the saved connection again (the user unlocked the keychain, or installed one). */
  async retryRestore(): Promise<AppInfo> {
    if (this.keychainWait && !this.session) await this.restore();
    return this.getAppInfo();
  }

  private async savedEndpoint(portal: string, kind: 'webhook' | 'oauth'): Promise<RestEndpoint | null> {
    if (kind === 'webhook') {
      const webhookUrl = await this.options.secrets.get(secretKeys.webhook(portal));
      return webhookUrl ? { kind: 'webhook', webhookUrl } : null;
    }
    const manager = this.tokenManager(portal, this.settings.connection.clientId);
    return { kind: 'oauth', portalUrl: portal, tokens: manager };
  }

  private tokenManager(portal: string, clientId: string): TokenManager {
    return new TokenManager({
      http: this.http(),
      clock: this.options.clock,
      storage: keychainTokenStorage(this.options.secrets, portal),
      app: async () => ({ clientId, clientSecret: (await this.options.secrets.get(secretKeys.clientSecret(portal))) ?? '' }),
      ...(this.options.logger ? { logger: this.options.logger } : {}),
      onSignedOut: () => this.emit({ type: 'status', status: { ...this.requireSession().engine.getStatus(), connectivity: 'signed-out' } }),
    });
  }

  private trustedPemPath(): string {
    return path.join(this.options.dataDir, 'trusted-certificate.pem');
  }

  private http() {
    const fingerprint = this.settings.connection.trustedCertificateFingerprint;
    const pemFile = this.trustedPemPath();
    return createNodeHttp(fingerprint && existsSync(pemFile) ? { trustedCertPem: readFileSync(pemFile, 'utf8') } : {});
  }

  private openSession(portalUrl: string, kind: 'webhook' | 'oauth' | 'demo', endpoint: RestEndpoint, groupIds: readonly string[]): PortalSession {
    this.closeSession();
    const session = openPortalSession({
      dataDir: this.options.dataDir,
      portalUrl,
      kind,
      endpoint,
      http: this.http(),
      clock: this.options.clock,
      random: this.options.random,
      groupIds,
      historyWanted: (task) => wantsHistory(task, this.settings, this.options.clock.now()),
      inMemory: kind === 'demo',
      ...(this.options.logger ? { logger: this.options.logger } : {}),
    });
    this.session = session;
    this.unsubscribe = [
      session.engine.onStatus((status) => this.emit({ type: 'status', status })),
      session.engine.onChange((change) => this.emit({ type: 'board-delta', delta: boardDelta(session, change, groupIds, this.settings) })),
      session.engine.onNotice((notice) => this.emit({ type: 'notice', notice })),
      session.engine.onPortalClock(() => this.emit({ type: 'portal-clock', portalOffsetMs: session.engine.portalClock.now() - this.options.clock.now() })),
    ];
    if (groupIds.length > 0) session.engine.start();
    return session;
  }

  private closeSession(): void {
    this.unsubscribe.forEach((off) => off());
    this.unsubscribe = [];
    this.session?.close();
    this.session = null;
  }

  private requireSession(): PortalSession {
    if (!this.session) throw new ApiFailure('not-connected', this.text('notConnected'));
    return this.session;
  }

  private connectionInfo(): PortalConnectionInfo | null {
    if (!this.session) return null;
    // After a restart the engine learns who we are in its first cycle.
    const identity = this.identity ?? this.session.engine.currentUser();
    return { portalUrl: this.session.portalUrl, kind: this.session.kind, userId: identity?.userId ?? null, isAdmin: identity?.isAdmin ?? false };
  }

  async getAppInfo(): Promise<AppInfo> {
    return {
      version: this.options.version,
      shell: this.options.shell,
      connection: this.connectionInfo(),
      configured: this.session !== null && this.settings.groupIds.length > 0,
      canSignInInApp: this.options.openSignInWindow !== undefined,
      notifications: this.alerts !== null,
      keychainWait: this.keychainWait,
    };
  }

  /** Checks a fresh connection: identity and groups; a certificate problem asks the user. */
  private async probe(portalUrl: string, endpoint: RestEndpoint): Promise<{ identity: { userId: string; isAdmin: boolean }; groups: GroupSummary[] }> {
    const client = createBitrixClient({ http: this.http(), clock: this.options.clock, random: this.options.random, endpoint, maxTransientAttempts: 1, timeoutMs: 20_000 });
    const gateway = new BitrixGateway(client, { canUseOfflineEvents: false });
    try {
      const identity = await gateway.identity();
      return { identity, groups: await gateway.readGroups() };
    } catch (error) {
      if (error instanceof BitrixError && error.code === 'TLS' && portalUrl.startsWith('https:')) {
        const certificate = await presentedCertificate(portalUrl);
        const { pem: _pem, ...shown } = certificate;
        throw new ApiFailure('untrusted-certificate', this.text('untrustedCertificate'), undefined, shown);
      }
      throw error;
    }
  }

  /** The user compared the fingerprint and chose to trust this certificate. */
  private async trust(portalUrl: string, fingerprint: string | undefined): Promise<void> {
    if (!fingerprint) return;
    const certificate = await presentedCertificate(portalUrl);
    if (certificate.fingerprint !== fingerprint) {
      throw new ApiFailure('untrusted-certificate', this.text('certificateChanged'), undefined, certificate);
    }
    writeFileSync(this.trustedPemPath(), certificate.pem, { mode: 0o644 });
    this.storeSettings({ ...this.settings, connection: { ...this.settings.connection, trustedCertificateFingerprint: fingerprint } });
  }

  async connectWebhook(request: WebhookConnectRequest): Promise<ConnectResult> {
    const portalUrl = trimSlash(request.portalUrl);
    const webhookUrl = request.webhookUrl.endsWith('/') ? request.webhookUrl : `${request.webhookUrl}/`;
    if (new URL(webhookUrl).origin !== new URL(portalUrl).origin) throw new ApiFailure('invalid-input', this.text('webhookOtherPortal'));
    if (!/\/rest\/[^/]+\/[^/]+\/$/.test(new URL(webhookUrl).pathname)) throw new ApiFailure('invalid-input', this.text('webhookShape'));
    await this.trust(portalUrl, request.trustFingerprint);
    const endpoint: RestEndpoint = { kind: 'webhook', webhookUrl };
    const { identity, groups } = await this.probe(portalUrl, endpoint);
    await this.options.secrets.set(secretKeys.webhook(portalUrl), webhookUrl);
    this.storeSettings({ ...this.settings, connection: { ...this.settings.connection, address: portalUrl, kind: 'webhook', clientId: '' } });
    return this.connected(portalUrl, 'webhook', endpoint, identity, groups);
  }

  /**
   * Opens a webhook connection this data folder already knows without asking the portal first,
   * so the board shows from the local store while the portal is unreachable. False when the
   * folder holds another (or no) connection.
   */
  async resumeWebhook(portalUrlGiven: string, webhookUrlGiven: string): Promise<boolean> {
    const portalUrl = trimSlash(portalUrlGiven);
    const { connection, groupIds } = this.settings;
    if (connection.kind !== 'webhook' || connection.address !== portalUrl || groupIds.length === 0) return false;
    const webhookUrl = webhookUrlGiven.endsWith('/') ? webhookUrlGiven : `${webhookUrlGiven}/`;
    await this.options.secrets.set(secretKeys.webhook(portalUrl), webhookUrl);
    this.openSession(portalUrl, 'webhook', { kind: 'webhook', webhookUrl }, groupIds);
    return true;
  }

  async connectOAuth(request: OAuthConnectRequest): Promise<ConnectResult> {
    const portalUrl = trimSlash(request.portalUrl);
    await this.trust(portalUrl, request.trustFingerprint);
    const listener = await startLoopbackListener(this.options.loopbackPort !== undefined ? { port: this.options.loopbackPort } : {});
    const state = randomBytes(16).toString('hex');
    try {
      const url = authorizeUrl(portalUrl, request.clientId, state);
      const inApp = request.inApp === true ? this.options.openSignInWindow : undefined;
      if (inApp) {
        // Closing the window before the portal redirected cancels the sign-in.
        void inApp(url, listener.redirectUri).then(() => setTimeout(() => listener.close(), 1_000));
      } else {
        await this.options.openExternal(url);
      }
      const redirect = readRedirect(await listener.redirect, state);
      const app = { clientId: request.clientId, clientSecret: request.clientSecret };
      const tokens = await exchangeCode(this.http(), tokenServerOrigin(redirect.serverDomain, portalUrl), app, redirect.code, this.options.clock.now());
      await this.options.secrets.set(secretKeys.clientSecret(portalUrl), request.clientSecret);
      this.storeSettings({ ...this.settings, connection: { ...this.settings.connection, address: portalUrl, kind: 'oauth', clientId: request.clientId } });
      const manager = this.tokenManager(portalUrl, request.clientId);
      await manager.replace(tokens);
      const endpoint: RestEndpoint = { kind: 'oauth', portalUrl, tokens: manager };
      const { identity, groups } = await this.probe(portalUrl, endpoint);
      return this.connected(portalUrl, 'oauth', endpoint, identity, groups);
    } finally {
      listener.close();
    }
  }

  async connectDemo(): Promise<ConnectResult> {
    this.endKeychainWait();
    await this.demo?.close();
    this.demo = await this.options.startDemo();
    const endpoint: RestEndpoint = { kind: 'webhook', webhookUrl: this.demo.webhookUrl };
    const { identity, groups } = await this.probe(this.demo.portalUrl, endpoint);
    const previous = this.settings.connection;
    const sameDemo = previous.kind === 'demo';
    this.storeSettings({ ...this.settings, connection: { ...previous, address: this.demo.portalUrl, kind: 'demo', clientId: '' }, ...(sameDemo ? {} : { groupIds: [] }) });
    return this.connected(this.demo.portalUrl, 'demo', endpoint, identity, groups);
  }

  private connected(portalUrl: string, kind: 'webhook' | 'oauth' | 'demo', endpoint: RestEndpoint, identity: { userId: string; isAdmin: boolean }, groups: GroupSummary[]): ConnectResult {
    this.identity = identity;
    this.openSession(portalUrl, kind, endpoint, this.settings.groupIds);
    return { connection: this.connectionInfo()!, groups };
  }

  private lastProposedGroups: string[] = [];
  private alerts: AlertControl | null = null;

  /** The desktop shell's reminders (tray notifications) register here. */
  setAlertControl(control: AlertControl | null): void {
    this.alerts = control;
  }

  async snoozeTask(taskId: string, choice: '1h' | 'tomorrow'): Promise<{ until: number }> {
    const until = this.alerts?.snooze(taskId, choice) ?? null;
    if (until === null) throw new ApiFailure('invalid-input', this.text('noNotifications'));
    return { until };
  }

  async proposeSetup(groupIds: string[]): Promise<SetupProposal> {
    const { gateway } = this.requireSession();
    this.lastProposedGroups = groupIds;
    const stages = Object.fromEntries(await Promise.all(groupIds.map(async (id) => [id, await gateway.readStages(id)] as const)));
    const userFields = await gateway.readUserFields();
    const detection = detectServiceDeskFields(userFields);
    const current = this.settings;
    return {
      stages,
      stageRoles: guessStageRoles(Object.values(stages).flat(), current.stageRoleOverrides),
      userFields,
      fields: { type: current.fields.type ?? detection.mapping.type, blocker: current.fields.blocker ?? detection.mapping.blocker, estimate: current.fields.estimate ?? detection.mapping.estimate },
      missingFields: detection.missing,
      canCreateFields: this.identity?.isAdmin ?? false,
    };
  }

  async createServiceDeskFields(fields: ('type' | 'blocker' | 'estimate')[]): Promise<SetupProposal> {
    const { gateway } = this.requireSession();
    if (!(this.identity ?? this.requireSession().engine.currentUser())?.isAdmin) throw new ApiFailure('denied', this.text('fieldsNeedAdmin'));
    const existing = new Set((await gateway.readUserFields()).map((f) => f.name));
    const created: Partial<Settings['fields']> = {};
    for (const key of fields) {
      const spec = SERVICE_DESK_FIELDS[key];
      // A field left by an earlier attempt whose answer was lost is reused, not made twice.
      created[key] = existing.has(`UF_${spec.name}`) ? `UF_${spec.name}` : await gateway.createUserField(spec);
    }
    this.storeSettings({ ...this.settings, fields: { ...this.settings.fields, ...created } });
    return this.proposeSetup(this.settings.groupIds.length ? this.settings.groupIds : this.lastProposedGroups);
  }

  async completeSetup(setup: { groupIds: string[]; stageRoles: Settings['stageRoles']; fields: Settings['fields'] }): Promise<AppInfo> {
    const session = this.requireSession();
    const current = this.settings;
    const saved = this.storeSettings({ ...current, groupIds: setup.groupIds, stageRoles: setup.stageRoles, fields: setup.fields });
    if (!saved.ok) throw new ApiFailure('invalid-input', saved.error);
    const endpoint = await this.currentEndpoint();
    this.openSession(session.portalUrl, session.kind, endpoint, setup.groupIds);
    return this.getAppInfo();
  }

  private async currentEndpoint(): Promise<RestEndpoint> {
    const session = this.requireSession();
    if (session.kind === 'demo') return { kind: 'webhook', webhookUrl: this.demo!.webhookUrl };
    const endpoint = await this.savedEndpoint(session.portalUrl, session.kind);
    if (!endpoint) throw new ApiFailure('signed-out', this.text('credentialsMissing'));
    return endpoint;
  }

  async signOut(): Promise<void> {
    const portal = this.session?.portalUrl;
    this.closeSession();
    if (portal) await forgetPortalSecrets(this.options.secrets, portal);
    await this.demo?.close();
    this.demo = null;
    this.identity = null;
    this.storeSettings({ ...this.settings, connection: { ...this.settings.connection, address: '', kind: 'demo', clientId: '' }, groupIds: [] });
  }

  async listGroups(): Promise<GroupSummary[]> {
    return this.requireSession().gateway.readGroups();
  }

  async getBoard(groupId: string): Promise<BoardSnapshot> {
    const session = this.requireSession();
    return boardSnapshot(session, groupId, this.options.clock, this.settings);
  }

  private readonly boardPages = new BoardPages(() => this.options.clock.now());

  async getBoardPage(request: BoardPageRequest): Promise<BoardPage> {
    const session = this.requireSession();
    return this.boardPages.page(request, () => boardSnapshot(session, request.groupId, this.options.clock, this.settings));
  }

  async getDirectory(): Promise<Directory> {
    const { store } = this.requireSession();
    return { users: store.users(), departments: store.departments(), companies: store.companies(), userFields: store.userFields() };
  }

  async getTaskDetails(taskId: string): Promise<TaskDetails> {
    return taskDetails(this.requireSession(), taskId, this.settings);
  }

  async suggestAssignee(target: AssignmentTarget): Promise<AssignmentSuggestionView | null> {
    const session = this.requireSession();
    return suggestFor(session, this.settings, target, session.engine.portalClock.now());
  }

  async enqueue(payload: IntentPayload): Promise<QueuedEdit> {
    return toQueuedEdit(this.requireSession().engine.enqueue(payload));
  }

  async listQueued(): Promise<QueuedEdit[]> {
    return this.requireSession().store.listIntents().map(toQueuedEdit);
  }

  async retryEdit(seq: number): Promise<void> {
    this.requireSession().engine.retry(seq);
  }

  async discardEdit(seq: number): Promise<void> {
    this.requireSession().engine.discard(seq);
  }

  async resolveConflict(seq: number, choice: 'mine' | 'theirs'): Promise<void> {
    this.requireSession().engine.resolveConflict(seq, choice);
  }

  async getSyncStatus() {
    return this.requireSession().engine.getStatus();
  }

  async syncNow(): Promise<void> {
    const { engine } = this.requireSession();
    engine.recheckClock();
    await engine.runCycle().catch(() => undefined);
  }

  async setVisible(visible: boolean): Promise<void> {
    this.session?.engine.setVisible(visible);
  }

  async getReports(request: ReportsRequest): Promise<ReportsData> {
    const session = this.requireSession();
    return buildReports(session, this.settings, request, session.engine.portalClock.now());
  }

  async getSettings(): Promise<Settings> {
    return this.settings;
  }

  private storeSettings(next: Settings): SettingsSaveResult {
    const result = this.options.settings.save(next);
    if (result.ok) this.emit({ type: 'settings-changed', settings: result.settings });
    return result;
  }

  async saveSettings(settings: Settings): Promise<SettingsSaveResult> {
    const before = this.settings.groupIds.join(',');
    // The connection changes only by connecting, trusting a certificate or signing out: a
    // settings screen that read it earlier cannot put back an old one.
    const result = this.storeSettings({ ...settings, connection: this.settings.connection });
    // New bound groups: sync them from now on (their first sync starts at once).
    if (result.ok && this.session && result.settings.groupIds.join(',') !== before) {
      this.openSession(this.session.portalUrl, this.session.kind, await this.currentEndpoint(), result.settings.groupIds);
    }
    return result;
  }

  async importSettings(json: string): Promise<SettingsSaveResult> {
    const result = this.options.settings.importJson(json);
    if (result.ok) this.emit({ type: 'settings-changed', settings: result.settings });
    return result;
  }

  async exportSettings(): Promise<string> {
    return this.options.settings.exportJson();
  }

  async openInPortal(taskId: string): Promise<void> {
    const session = this.requireSession();
    if (!/^\d+$/.test(taskId)) throw new ApiFailure('invalid-input', this.text('notOnPortalYet'));
    const userId = this.identity?.userId ?? '1';
    await this.options.openExternal(`${session.portalUrl}/company/personal/user/${userId}/tasks/task/view/${taskId}/`);
  }

  async close(): Promise<void> {
    if (this.keychainRetry) clearTimeout(this.keychainRetry);
    this.closeSession();
    await this.demo?.close();
    this.demo = null;
  }
}
