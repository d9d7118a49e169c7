/**
 * The one contract between the renderer and its host (Electron main, or the browser-mode host).
 * Types only: every method returns a Promise; transports carry `ApiResult` envelopes, and the
 * renderer's bridge turns them back into values or `PultError`s.
 */

export type Shell = 'electron' | 'browser';

/** How the host reaches the portal. Secrets never travel through this API. */
export type ConnectionKind = 'demo' | 'webhook' | 'oauth';

export interface PortalConnectionInfo {
  /** The portal's address, e.g. `https://portal.example.ru`. */
  portalUrl: string;
  kind: ConnectionKind;
}

export interface AppInfo {
  version: string;
  shell: Shell;
  /** Null until a portal is connected (first run). */
  connection: PortalConnectionInfo | null;
}

/** A workgroup as the console lists it. */
export interface GroupSummary {
  id: string;
  name: string;
  /** Closed groups hide their tasks from non-members. */
  closed: boolean;
  membersCount: number | null;
}

export interface PultApi {
  getAppInfo(): Promise<AppInfo>;
  /** The portal's workgroups the signed-in user can see. */
  listGroups(): Promise<GroupSummary[]>;
}

export type ApiMethod = keyof PultApi;

/** Error codes the UI knows how to explain; `portal` carries the portal's own message. */
export type ApiErrorCode =
  | 'invalid-input'
  | 'not-connected'
  | 'unreachable'
  | 'signed-out'
  | 'denied'
  | 'portal'
  | 'internal';

export interface ApiError {
  code: ApiErrorCode;
  message: string;
  /** The portal's error code (e.g. ACCESS_DENIED_MOVE), when the portal refused. */
  portalCode?: string;
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** What a transport (preload or WebSocket) exposes: each method answers an envelope. */
export type PultBridge = {
  [K in ApiMethod]: (
    ...args: Parameters<PultApi[K]>
  ) => Promise<ApiResult<Awaited<ReturnType<PultApi[K]>>>>;
};

/** The browser-mode wire format over the WebSocket. */
export interface WireRequest {
  id: number;
  method: string;
  args: unknown[];
}
export interface WireResponse {
  id: number;
  result: ApiResult<unknown>;
}
