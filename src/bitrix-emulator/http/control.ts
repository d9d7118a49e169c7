import type { CommentMode } from '../contract';
import type { FaultSettings } from './faults';

/** The in-process controls; `/_emulator/*` routes are a JSON skin over them. */
export interface EmulatorControls {
  advanceClock(seconds: number): void;
  setFaults(settings: FaultSettings): void;
  setUnreachable(unreachable: boolean): void;
  expireAccessTokens(): void;
  revokeRefreshTokens(): void;
  setCommentMode(mode: CommentMode): void;
  state(): Record<string, unknown>;
  /** Present only with the opt-in `--tokens-route`: every secret the portal handed out. */
  issuedSecrets?(): IssuedSecrets;
}

export interface IssuedSecrets {
  accessTokens: string[];
  refreshTokens: string[];
  clientSecret: string;
  webhookSecret: string;
}

export interface ControlAnswer {
  status: number;
  body: unknown;
}

/**
 * Control routes drive the emulator (clock, faults, tokens), and the demo portal runs inside Pult's
 * host: a page of another origin must not reach them. A browser sends `Origin` with a cross-site
 * POST, and a "simple" cross-origin POST (no preflight) cannot be `application/json`; tests call
 * from Node, with JSON and no Origin.
 */
export function controlRefusal(req: { method?: string; headers: Record<string, string | string[] | undefined> }, portalOrigin: string): ControlAnswer | null {
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== portalOrigin) return { status: 403, body: { error: 'control routes refuse another origin' } };
  if (req.method === 'GET') return null;
  const type = String(req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json') return { status: 415, body: { error: 'control routes take Content-Type: application/json' } };
  return null;
}

function obj(body: unknown): Record<string, unknown> {
  return typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
}

/** Routes under `/_emulator/` on the portal origin (never REST, never faulted, never limited). */
export function handleControl(controls: EmulatorControls, method: string, path: string, rawBody: unknown): ControlAnswer {
  const body = obj(rawBody);
  try {
    if (method === 'GET' && path === 'state') return { status: 200, body: controls.state() };
    if (method === 'GET' && path === 'tokens' && controls.issuedSecrets) return { status: 200, body: controls.issuedSecrets() };
    if (method !== 'POST') return { status: 405, body: { error: 'method not allowed' } };
    switch (path) {
      case 'clock': {
        const seconds = body.advanceSeconds;
        if (typeof seconds !== 'number') return { status: 400, body: { error: 'advanceSeconds must be a number' } };
        controls.advanceClock(seconds);
        return { status: 200, body: controls.state() };
      }
      case 'faults':
        controls.setFaults(body as FaultSettings);
        return { status: 200, body: controls.state() };
      case 'tokens':
        if (body.expireAccess) controls.expireAccessTokens();
        if (body.revokeRefresh) controls.revokeRefreshTokens();
        return { status: 200, body: controls.state() };
      case 'comments': {
        if (body.mode !== 'legacy' && body.mode !== 'chat') return { status: 400, body: { error: 'mode must be legacy or chat' } };
        controls.setCommentMode(body.mode);
        return { status: 200, body: controls.state() };
      }
      default:
        return { status: 404, body: { error: `unknown control route ${path}` } };
    }
  } catch (e) {
    return { status: 400, body: { error: e instanceof Error ? e.message : String(e) } };
  }
}
