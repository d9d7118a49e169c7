import { RestError } from '../contract';
import { formatDateC } from './dates';

/** The `time` block every REST answer carries (server-facts §1). */
export interface TimeBlock {
  start: number;
  finish: number;
  duration: number;
  processing: number;
  date_start: string;
  date_finish: string;
  operating_reset_at?: number;
  operating?: number;
}

export function makeTimeBlock(
  startMs: number,
  finishMs: number,
  processingMs: number,
  offsetMinutes: number,
  operating?: { operating: number; resetAt: number },
): TimeBlock {
  const block: TimeBlock = {
    start: startMs / 1000,
    finish: finishMs / 1000,
    duration: (finishMs - startMs) / 1000,
    processing: processingMs / 1000,
    date_start: formatDateC(startMs, offsetMinutes),
    date_finish: formatDateC(finishMs, offsetMinutes),
  };
  // server-facts §1: operating keys appear only while a LoadLimiter is active.
  if (operating) {
    block.operating_reset_at = operating.resetAt;
    block.operating = operating.operating;
  }
  return block;
}

export function errorBody(err: RestError): Record<string, unknown> {
  return { error: err.code, error_description: err.description, ...err.extra };
}

/**
 * Any thrown value as a RestError. A JS TypeError/RangeError is a bug, the analogue of a PHP `Error`,
 * which the REST server's `catch (\Exception)` does not catch: the request dies with 500. We keep a
 * JSON body (ERROR_CORE) so the failing test shows the message.
 */
export function toRestError(e: unknown): RestError {
  if (e instanceof RestError) return e;
  const message = e instanceof Error ? e.message : String(e);
  process.stderr.write(`[bitrix-emulator] handler crashed: ${e instanceof Error ? e.stack : message}\n`);
  return new RestError('ERROR_CORE', message, 500);
}

/** PHP json_encode of an ordered map: empty → `[]`, keys 0..n-1 → list, else object. */
export function phpMap(entries: ReadonlyArray<readonly [string, unknown]>): unknown {
  if (entries.length === 0) return [];
  if (entries.every(([k], i) => k === String(i))) return entries.map(([, v]) => v);
  const out: Record<string, unknown> = {};
  for (const [k, v] of entries) out[k] = v;
  return out;
}

export const authErrors = {
  noAuth: () => new RestError('NO_AUTH_FOUND', 'Wrong authorization data', 401),
  expired: () => new RestError('expired_token', 'The access token provided has expired', 401),
  insufficientScope: () =>
    new RestError('insufficient_scope', 'The request requires higher privileges than provided by the access token', 401),
  invalidCredentials: () => new RestError('INVALID_CREDENTIALS', 'Invalid request credentials', 401),
  wrongAuthType: () => new RestError('WRONG_AUTH_TYPE', 'Current authorization type is denied for this method', 403),
  accessDenied: (more = '') => new RestError('ACCESS_DENIED', `Access denied!${more ? ` ${more}` : ''}`, 403),
  methodNotFound: () => new RestError('ERROR_METHOD_NOT_FOUND', 'Method not found!', 404),
};

export function argumentError(argument: string, description: string): RestError {
  return new RestError('ERROR_ARGUMENT', description, 400, { argument });
}
