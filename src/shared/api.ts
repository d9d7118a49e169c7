/**
 * The one contract between the renderer and its host (Electron main, or the browser-mode host).
 * Types only: every method returns a Promise; transports carry `ApiResult` envelopes, and the
 * renderer's bridge turns them back into values or `PultError`s. Secrets never cross it.
 */
import type { Company, Department, ElapsedRecord, Group, HistoryEntry, Stage, TaskComment, User, UserFieldDefinition } from '../core/domain/model';
import type { Settings } from '../core/domain/settings';
import type { TaskFile } from '../core/domain/files';
import type { IntentFailure, IntentPayload, IntentState } from '../core/sync/intents';
import type { SyncNotice, SyncStatus } from '../core/sync/status';
import type { BoardTask } from '../core/sync/rebase';
import type { ClientMonthRow, EmployeeDayRow } from '../core/domain/plan-fact';
import type { CycleTimePercentiles, ReopenedTask, StageCount, WeekCount } from '../core/domain/flow';
import type { FlowDay } from '../core/domain/cumulative-flow';
import type { BlockedRow } from '../core/domain/blocked-time';

export type Shell = 'electron' | 'browser';

/** How the host reaches the portal. */
export type ConnectionKind = 'demo' | 'webhook' | 'oauth';

export interface PortalConnectionInfo {
  /** The portal's address, e.g. `https://portal.example.ru`. */
  portalUrl: string;
  kind: ConnectionKind;
  /** The signed-in portal user, once known. */
  userId: string | null;
  isAdmin: boolean;
}

export interface AppInfo {
  version: string;
  shell: Shell;
  /** Null until a portal is connected (first run). */
  connection: PortalConnectionInfo | null;
  /** Whether the workgroups to show are chosen (the last first-run step). */
  configured: boolean;
  /** The desktop app can show the portal's sign-in page in its own window. */
  canSignInInApp: boolean;
  /** Desktop notifications run (the tray); browser mode has none. */
  notifications: boolean;
  /** The saved connection waits for the OS keychain (locked, or none installed); null otherwise. */
  keychainWait: KeychainWait | null;
  /** Where the portal secrets are kept, and whether the keychain can be used. */
  secrets: SecretStoreStatus;
  /** The redirect URI a portal admin registers for Pult's OAuth app (`http://127.0.0.1:<port>/oauth/callback`). */
  oauthRedirectUri: string;
}

/** Where secrets (OAuth tokens, the webhook URL) are kept. */
export interface SecretStoreStatus {
  /** `memory`: only while this browser-mode process runs (the user chose it, or a command-line flag). */
  kind: 'keychain' | 'memory';
  /** Why the keychain cannot be used (`unavailable`, `locked`, `denied`, `no-keyring`, `failed`…); null when it works or is unchecked. */
  keychainProblem: string | null;
  /** The user may choose memory instead (browser mode only; the desktop app always uses the keychain). */
  canUseMemory: boolean;
}

/** A saved connection that cannot open because its secrets cannot be read; nothing of it is lost. */
export interface KeychainWait {
  portalUrl: string;
  /** Why: `locked`, `unavailable` (no Secret Service), `no-keyring`, `denied`, `failed`… */
  code: string;
  /** Edits waiting in that portal's local database. */
  queuedEdits: number;
}

/** A workgroup as the console lists it. */
export type GroupSummary = Group;

/** One certificate of the chain a portal presents. */
export interface CertificateSummary {
  /** SHA-256, colon-separated upper-case hex, as the user compares it with the admin's. */
  fingerprint: string;
  subject: string;
  issuer: string;
  /** Validity, ISO 8601 (the window words it in the UI language). */
  validFrom: string;
  validTo: string;
  /** A certificate authority (basicConstraints CA:TRUE), which may sign other certificates. */
  isCa: boolean;
  selfSigned: boolean;
}

/**
 * What is wrong with the presented chain: `untrusted` (an internal CA or self-signed: trusting
 * helps), `expired` / `not-yet-valid` / `name-mismatch` (trusting would not help), `other`.
 */
export type CertificateProblem = 'untrusted' | 'expired' | 'not-yet-valid' | 'name-mismatch' | 'other';

/**
 * A certificate the portal presented that is not trusted yet (an intranet CA, self-signed): the
 * portal's own (leaf) certificate, with the CAs it presented above it.
 */
export interface UntrustedCertificate extends CertificateSummary {
  /** The CA certificates the portal sent with its own, nearest issuer first (may be empty). */
  issuers: CertificateSummary[];
  problem: CertificateProblem;
}

export interface WebhookConnectRequest {
  portalUrl: string;
  webhookUrl: string;
  /**
   * The fingerprint of a certificate the user chose to trust (after `untrusted-certificate`): the
   * portal's own certificate, or one of the CAs it presented.
   */
  trustFingerprint?: string;
}

export interface OAuthConnectRequest {
  portalUrl: string;
  clientId: string;
  clientSecret: string;
  trustFingerprint?: string;
  /** Sign in inside a Pult window instead of the system browser (desktop app only). */
  inApp?: boolean;
}

/** What the first-run "connect" step learns about the portal. */
export interface ConnectResult {
  connection: PortalConnectionInfo;
  groups: GroupSummary[];
  /** Settings proposals for the chosen groups are made by `proposeSetup`. */
}

/** Pre-filled stage roles and field mapping for the groups the user chose. */
export interface SetupProposal {
  stages: Record<string, Stage[]>;
  stageRoles: Settings['stageRoles'];
  userFields: UserFieldDefinition[];
  fields: Settings['fields'];
  missingFields: ('type' | 'blocker' | 'estimate')[];
  /** A portal admin may let Pult create missing Service Desk fields. */
  canCreateFields: boolean;
}

/** One group's board: the portal's state with queued edits replayed over it. */
export interface BoardSnapshot {
  groupId: string;
  stages: Stage[];
  cards: BoardCard[];
  /** Stage and status history of the cards that have it locally (WIA, stoppers, SLA reaction). */
  history: Record<string, HistoryEntry[]>;
  /** Portal time minus workstation time (ms): timers tick on the portal's clock. */
  portalOffsetMs: number;
  portalUtcOffsetMinutes: number;
}

/** One page of a board read (`getBoardPage`): cards in column order, the first stages first. */
export interface BoardPage extends BoardSnapshot {
  /** Names this read: pass it back for the next page, so the pages fit together. */
  snapshotId: string;
  /** Where this page starts; 0 when the host started a new read (an unknown or expired ID). */
  offset: number;
  /** Cards on the whole board. */
  total: number;
  /** Where the next page starts, null after the last. */
  nextOffset: number | null;
}

export interface BoardPageRequest {
  groupId: string;
  snapshotId?: string;
  offset: number;
}

/** What changed on one group's board: the changed cards whole, the ones that left by ID. */
export interface BoardGroupDelta {
  groupId: string;
  cards: BoardCard[];
  removed: string[];
  /** The board history of the changed cards (replaces what the board had for them). */
  history: Record<string, HistoryEntry[]>;
  /** The group's stages, when they changed. */
  stages?: Stage[];
}

/**
 * One change of the host's data, pushed as it happens (never for a cycle that changed nothing).
 * Each window applies the part it shows; `reset` asks it to read its boards again.
 */
export interface BoardDelta {
  reset: boolean;
  groups: BoardGroupDelta[];
  /** Tasks whose fields, history, comments or time records changed: an open drawer of one refreshes. */
  taskIds: string[];
  /** Users, companies or fields changed: read the directory again. */
  directory: boolean;
  /** The whole outbox, when it changed (it is small). */
  queued: QueuedEdit[] | null;
}

/** A card: the task as the board shows it, with its queued-edit marks. */
export type BoardCard = BoardTask;

/** Everything the UI needs to name people, companies and list values. */
export interface Directory {
  users: User[];
  departments: Department[];
  companies: Company[];
  userFields: UserFieldDefinition[];
  /** Workgroups the signed-in user belongs to (sonet_group.user.groups); null until first read. */
  memberGroupIds?: string[] | null;
}

export interface TaskDetails {
  task: BoardCard;
  history: HistoryEntry[];
  comments: TaskComment[];
  elapsed: ElapsedRecord[];
  /** Where to open it in the portal. */
  portalLink: string;
}

// --- Attachments (issue 13 item 4) ---
export type { TaskFile };

/** A task's files and its comments' files; `offline` when this is the last answer kept from before. */
export interface TaskFilesView {
  taskId: string;
  files: TaskFile[];
  offline: boolean;
  /** When this list was read from the portal (epoch ms); with `offline`, the stored copy's time. */
  readAt?: number;
}

/** One file's bytes, read through the portal with the user's own rights (at most MAX_FILE_BYTES). */
export interface FileContent {
  name: string;
  type: string;
  size: number;
  base64: string;
}
/** A file saved in the data folder for a queued comment (`addComment.files`). */
export interface StagedFile {
  fileRef: string;
  name: string;
  size: number;
}
// --- end attachments ---

export interface QueuedEdit {
  seq: number;
  payload: IntentPayload;
  state: IntentState;
  attempts: number;
  /** The last problem in the portal's words (a refusal) or a diagnostic (logs); the UI words the kind. */
  lastError: string | null;
  lastErrorCode: string | null;
  lastFailure: IntentFailure | null;
  createdAt: number;
}

/** Who has the most plan capacity left today, and the numbers that say why. */
export interface AssignmentSuggestionView {
  userId: string;
  planTodayHours: number;
  loggedTodayHours: number;
  remainingHours: number;
  capacityHours: number;
}

/** An existing task, or the Тип value of a request not created yet. */
export type AssignmentTarget = { taskId: string } | { typeValue: string };

export interface ReportsRequest {
  /** Portal days, inclusive (YYYY-MM-DD), for the per-employee plan vs fact and the flow charts. */
  fromDay: string;
  toDay: string;
  /** YYYY-MM, for the per-client plan vs fact. */
  month: string;
  /** Limit to these groups (default: every bound group). */
  groupIds?: string[];
}

export interface AgingItem {
  taskId: string;
  title: string;
  groupId: string;
  stageTitle: string;
  wiaSeconds: number;
}

/** Blocked time (issue 13): hours per stopper type per group and per client over the report's days. */
export interface BlockedReportRow extends BlockedRow {
  title: string;
}

export interface BlockedReport {
  /** Stopper types that occur (list item ID and its title), longest in total first. */
  types: { id: string; title: string }[];
  byGroup: BlockedReportRow[];
  byClient: BlockedReportRow[];
  /** False when no Тип стоппера field is mapped. */
  fieldMapped: boolean;
}

export interface ReportsData {
  request: ReportsRequest;
  employees: EmployeeDayRow[];
  clients: ClientMonthRow[];
  perStage: StageCount[];
  cumulative: FlowDay[];
  cycleTime: CycleTimePercentiles;
  aging: AgingItem[];
  throughput: WeekCount[];
  reopened: ReopenedTask[];
  blocked: BlockedReport;
  /** Portal time the report was computed at. */
  now: number;
  /** Reports read local data: time records and history of tasks finished over 90 days ago are not kept. */
  historyDays: number;
}

export type SettingsSaveResult = { ok: true; settings: Settings } | { ok: false; error: string };

export interface PultApi {
  getAppInfo(): Promise<AppInfo>;

  // First run and connection
  connectWebhook(request: WebhookConnectRequest): Promise<ConnectResult>;
  /** Opens the portal's sign-in page in the system browser; resolves after the redirect returns. */
  connectOAuth(request: OAuthConnectRequest): Promise<ConnectResult>;
  /** Stops an OAuth sign-in that waits for the portal's redirect (its connectOAuth fails as cancelled). */
  cancelSignIn(): Promise<void>;
  /** Starts the built-in demo portal and connects to it. */
  connectDemo(): Promise<ConnectResult>;
  proposeSetup(groupIds: string[]): Promise<SetupProposal>;
  /** A portal admin lets Pult create the Service Desk fields the portal lacks; answers the new mapping. */
  createServiceDeskFields(fields: ('type' | 'blocker' | 'estimate')[]): Promise<SetupProposal>;
  /** Saves the chosen groups, roles and field mapping and starts syncing. */
  completeSetup(setup: { groupIds: string[]; stageRoles: Settings['stageRoles']; fields: Settings['fields'] }): Promise<AppInfo>;
  signOut(): Promise<void>;
  /** Tries the saved connection again after the keychain could not be read. */
  retryRestore(): Promise<AppInfo>;
  /**
   * Browser mode without a usable keychain: keeps the secrets in this process's memory from now
   * on (closing browser mode forgets the sign-in). Refused where it is not offered.
   */
  keepSecretsInMemory(): Promise<AppInfo>;

  /** The portal's workgroups the signed-in user can see. */
  listGroups(): Promise<GroupSummary[]>;

  // Board
  /** The whole board in one answer (the wallboard, the reminders); windows read it in pages. */
  getBoard(groupId: string): Promise<BoardSnapshot>;
  /** A board in pages of at most about 1 MiB (the first smaller), the first columns first. */
  getBoardPage(request: BoardPageRequest): Promise<BoardPage>;
  getDirectory(): Promise<Directory>;
  getTaskDetails(taskId: string): Promise<TaskDetails>;
  suggestAssignee(target: AssignmentTarget): Promise<AssignmentSuggestionView | null>;
  /** The task's and its comments' files, read from the portal when a card opens (never on a poll). */
  getTaskFiles(taskId: string): Promise<TaskFilesView>;
  /** A file's bytes through the host (the portal link and its token never reach a window). */
  readTaskFile(taskId: string, attachmentId: string): Promise<FileContent>;
  /**
   * Saves a file for a comment to attach, in pieces of at most 512 KiB of base64 (a page's
   * message is small): the first call without `appendTo`, the next ones with the reference.
   */
  stageFile(name: string, base64: string, appendTo?: string): Promise<StagedFile>;

  // Edits (each becomes one durable intent)
  enqueue(payload: IntentPayload): Promise<QueuedEdit>;
  listQueued(): Promise<QueuedEdit[]>;
  retryEdit(seq: number): Promise<void>;
  discardEdit(seq: number): Promise<void>;
  resolveConflict(seq: number, choice: 'mine' | 'theirs'): Promise<void>;

  // Sync
  getSyncStatus(): Promise<SyncStatus>;
  syncNow(): Promise<void>;
  setVisible(visible: boolean): Promise<void>;

  // Reports (plan vs fact, flow) from the local store
  getReports(request: ReportsRequest): Promise<ReportsData>;

  // Settings
  getSettings(): Promise<Settings>;
  saveSettings(settings: Settings): Promise<SettingsSaveResult>;
  importSettings(json: string): Promise<SettingsSaveResult>;
  exportSettings(): Promise<string>;

  /** Keeps one task's reminders quiet for an hour or until tomorrow morning (desktop app only). */
  snoozeTask(taskId: string, choice: '1h' | 'tomorrow'): Promise<{ until: number }>;

  /** Opens a portal page in the system browser (only the connected portal's links). */
  openInPortal(taskId: string): Promise<void>;
}

export type ApiMethod = keyof PultApi;

/** Pushed from the host: status changes, board changes, notices. */
export type PultEvent =
  | { type: 'status'; status: SyncStatus }
  | { type: 'board-delta'; delta: BoardDelta }
  /** The portal's clock moved against this workstation's: timers tick from the new offset (ms). */
  | { type: 'portal-clock'; portalOffsetMs: number }
  | { type: 'notice'; notice: SyncNotice }
  | { type: 'settings-changed'; settings: Settings }
  | { type: 'open-task'; taskId: string }
  /** The app's state changed (a saved connection now waits for the keychain, or opened): read getAppInfo again. */
  | { type: 'app-changed' }
  /**
   * Browser mode: reminders to show as the page's own notifications (the desktop app shows them
   * from the tray). Already flood-controlled, within quiet hours and the user's scope.
   */
  | { type: 'page-notices'; notices: PageNotice[] }
  /**
   * Made by the renderer's own transport, never sent by the host: the connection to the host came
   * back after a drop, events may have been missed, so every screen reads its data again.
   */
  | { type: 'host-reconnected' };

/** One reminder for a page to show: a task's (opens it on click) or a summary of several. */
export interface PageNotice {
  taskIds: string[];
  title: string;
  body: string;
  sound: boolean;
}

/** Error codes the UI knows how to explain; `portalCode` carries the portal's own code. */
export type ApiErrorCode =
  | 'invalid-input'
  | 'not-connected'
  | 'unreachable'
  | 'signed-out'
  | 'denied'
  | 'portal'
  | 'untrusted-certificate'
  | 'storage'
  | 'internal';

export interface ApiError {
  code: ApiErrorCode;
  message: string;
  /** The portal's error code (e.g. ACCESS_DENIED_MOVE), when the portal refused. */
  portalCode?: string;
  /** With `untrusted-certificate`: what the portal presented, for the user to decide. */
  certificate?: UntrustedCertificate;
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** What a transport (preload or WebSocket) exposes: each method answers an envelope. */
export type PultBridge = {
  [K in ApiMethod]: (...args: Parameters<PultApi[K]>) => Promise<ApiResult<Awaited<ReturnType<PultApi[K]>>>>;
} & {
  /** Subscribes to host events; returns the unsubscribe function. */
  onEvent(listener: (event: PultEvent) => void): () => void;
};

/** The browser-mode wire format over the WebSocket. */
export interface WireRequest {
  id: number;
  method: string;
  args: unknown[];
}
export type WireMessage = { id: number; result: ApiResult<unknown> } | { event: PultEvent };
