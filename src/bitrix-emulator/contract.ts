/**
 * The seam between the emulator's two halves:
 * - `portal/` holds the portal's data and the REST method handlers (tasks, stages, users, ...);
 * - the transport (`http/`, `index.ts`, `cli.ts`) holds HTTP, OAuth, webhooks, envelope, batch,
 *   limits, faults, offline-event queues and the `/_emulator/` control routes.
 * Nothing here is shared with the Pult client: the emulator is written from the server facts alone.
 */

/** The portal's clock. "Now" for every date the portal writes or compares. */
export interface EmulatorClock {
  /** Milliseconds since the Unix epoch, portal time. */
  now(): number;
  /** Moves portal time forward (tests use it to age tasks). */
  advance(seconds: number): void;
}

/** How the caller authenticated. Box: `oauth` for app tokens, `apauth` for incoming webhooks. */
export type AuthType = 'oauth' | 'apauth';

/** Everything a method handler may know about one call. */
export interface CallContext {
  /** The calling user's ID (string, as the portal keeps it). */
  userId: string;
  authType: AuthType;
  /** The OAuth application's client_id; undefined for webhooks. */
  clientId?: string;
  /** The `auth_connector` parameter sent with the call, if any. */
  authConnector?: string;
  /** Scopes granted to the token or webhook. */
  scopes: readonly string[];
  /**
   * Call parameters: GET and POST merged (or the JSON body when there is no form POST), in the
   * order they arrived. The transport removes `auth`, `access_token`, `auth_connector` and `start`
   * before the handler sees them (legacy positional methods rely on that).
   */
  params: Record<string, unknown>;
  /** `start` after intval(); null when the call did not send it. */
  start: number | null;
  /**
   * The portal's origin and the caller's access token, for the download links disk.* methods
   * answer (docs disk-file-get: DOWNLOAD_URL carries the auth token). Absent for webhooks' token.
   */
  links?: { origin: string; accessToken?: string; webhook?: { login: string; password: string } };
}

/** A handler's answer; the transport moves `total`/`next` to the envelope's top level. */
export interface MethodOutcome {
  result: unknown;
  /** Present (possibly null) when the method reports a total. */
  total?: number | null;
  next?: number;
}

export interface MethodSpec {
  /** Scope the method needs (`task`, `user`, `sonet_group`, `crm`, `department`, `im`, ...). */
  scope: string;
  /**
   * `v3` methods exist only under `/rest/api/<method>` (REST 3.0); without `/api/` they answer
   * 404 ERROR_METHOD_NOT_FOUND (docs-facts §2). Default `v2`.
   */
  api?: 'v2' | 'v3';
  handler(ctx: CallContext): MethodOutcome;
}

/** A REST error as the box answers it: `{error, error_description, ...extra}` with an HTTP status. */
export class RestError extends Error {
  constructor(
    readonly code: string,
    readonly description: string,
    readonly status: number = 400,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(`${code}: ${description}`);
    this.name = 'RestError';
  }
}

export interface PortalUserInfo {
  id: string;
  login: string;
  password: string;
  admin: boolean;
  active: boolean;
  type: 'employee' | 'extranet';
}

/** A task or comment change the transport turns into offline events (OnTaskAdd, OnTaskUpdate, ...). */
export interface PortalEvent {
  /** Event name as the portal names it, e.g. `ONTASKUPDATE` (upper-case). */
  name: string;
  /** EVENT_DATA as server-facts §6 gives it: {FIELDS_BEFORE, FIELDS_AFTER, IS_ACCESSIBLE_BEFORE, IS_ACCESSIBLE_AFTER}. */
  data: Record<string, unknown>;
  /** The user whose action caused it (EVENT_ADDITIONAL.user_id). */
  userId: string;
  /** Who made the change through REST; undefined for changes made "in the portal UI" (demo activity). */
  origin?: { clientId?: string; authConnector?: string };
}

export type CommentMode = 'legacy' | 'chat';

/** The portal half: data and method handlers. Created by `createPortal` in `portal/index.ts`. */
export interface Portal {
  readonly clock: EmulatorClock;
  /** Registered REST methods, keyed by lower-case method name (`tasks.task.list`). */
  readonly methods: ReadonlyMap<string, MethodSpec>;
  users(): readonly PortalUserInfo[];
  findUserByLogin(login: string): PortalUserInfo | undefined;
  /** The Service Desk workgroups, for the start line. */
  serviceDeskGroups(): readonly { id: string; name: string }[];
  /** Subscribes to events; returns the unsubscribe function. */
  onEvent(listener: (event: PortalEvent) => void): () => void;
  setCommentMode(mode: CommentMode): void;
  commentMode(): CommentMode;
  /** Counts for `GET /_emulator/state`: tasks, users, groups, comments, elapsed records, ... */
  counts(): Record<string, number>;
  /** The portal's time zone offset in minutes east of UTC (the demo portal: +180, Moscow). */
  readonly utcOffsetMinutes: number;
  /** `/rest/download.json?token=…` for an authenticated user (disk files); see portal/disk. */
  downloadFile?(ref: { token: string } | { attachedId: string }, userId: string): DownloadAnswer;
}

/** A file download: the bytes, or a REST-style refusal. */
export type DownloadAnswer =
  | { ok: true; name: string; contentType: string; bytes: Uint8Array }
  | { ok: false; error: RestError };

export interface CreatePortalOptions {
  seed: number;
  tasks: number;
  clock: EmulatorClock;
}
