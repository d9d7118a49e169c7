/**
 * Portal failures sorted by what the client must do about them (issue: errors sorted by action).
 */
import type { FailureKind } from '../failure';

/** The REST client's failures use the one closed set of kinds (core/failure.ts). */
export type BitrixErrorKind = FailureKind;

export class BitrixError extends Error {
  constructor(
    readonly kind: BitrixErrorKind,
    /** The portal's error code (`ACCESS_DENIED_MOVE`, `expired_token`, ...) or a local one. */
    readonly code: string,
    message: string,
    readonly status: number | null = null,
    /** For `operation-limit`: when the portal lets the method run again (ms since epoch). */
    readonly retryAt: number | null = null,
    /** A write whose outcome is unknown: it may have been applied before the answer was lost. */
    readonly ambiguous: boolean = false,
  ) {
    super(message);
    this.name = 'BitrixError';
  }
}

const TOKEN_EXPIRED = new Set(['expired_token', 'invalid_token']);
const SIGNED_OUT = new Set(['invalid_grant', 'NO_AUTH_FOUND', 'INVALID_CREDENTIALS', 'authorization_error', 'APPLICATION_NOT_FOUND']);

/** Sorts a portal error body (`{error, error_description}`) with its HTTP status. */
/** Portal messages sometimes carry HTML (`Не указан ответственный<br>`): keep the words only. */
export function plainPortalText(text: string): string {
  return text
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

export function classifyPortalError(status: number, code: string, description: string): BitrixError {
  const message = plainPortalText(description) || code;
  if (TOKEN_EXPIRED.has(code)) return new BitrixError('token-expired', code, message, status);
  if (SIGNED_OUT.has(code)) return new BitrixError('signed-out', code, message, status);
  if (code === 'QUERY_LIMIT_EXCEEDED') return new BitrixError('rate-limited', code, message, status);
  if (code === 'OPERATION_TIME_LIMIT') return new BitrixError('operation-limit', code, message, status);
  if (status >= 500) return new BitrixError('server-error', code, message, status);
  return new BitrixError('refused', code, message, status);
}
