/**
 * Why a portal call failed, as every layer reads it — the REST client, the gateway, the sync
 * engine and the API: one closed set, so nothing downstream matches error codes or messages.
 */
export type FailureKind =
  /** The access token expired or is unknown to the token server: refresh once, then replay. */
  | 'token-expired'
  /** The refresh token or webhook is dead: the user is signed out; queued edits are kept. */
  | 'signed-out'
  /** Cloud leaky bucket (503 QUERY_LIMIT_EXCEEDED): slow down and retry. */
  | 'rate-limited'
  /** 429 OPERATION_TIME_LIMIT: wait for operating_reset_at. */
  | 'operation-limit'
  /** No answer from the portal itself: network, timeout, TLS, a proxy's HTML error page. */
  | 'unreachable'
  /** The portal answered with a server error (5xx with a REST error body): retry later. */
  | 'server-error'
  /** The portal refused (rights, validation, missing task): show the portal's message, do not retry. */
  | 'refused'
  /** The answer did not have the shape the method promises. */
  | 'malformed';

export const FAILURE_KINDS: readonly FailureKind[] = ['token-expired', 'signed-out', 'rate-limited', 'operation-limit', 'unreachable', 'server-error', 'refused', 'malformed'];

export function isFailureKind(value: unknown): value is FailureKind {
  return typeof value === 'string' && (FAILURE_KINDS as readonly string[]).includes(value);
}

/** A failure that goes away by itself: back off and try again. */
export function isTransientFailure(kind: FailureKind): boolean {
  return kind === 'unreachable' || kind === 'server-error';
}

/** Nothing for the user to do but wait: the portal is away, busy or rate-limiting us. */
export function isRetryableFailure(kind: FailureKind): boolean {
  return isTransientFailure(kind) || kind === 'rate-limited' || kind === 'operation-limit';
}
