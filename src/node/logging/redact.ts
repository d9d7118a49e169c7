/**
 * Secrets out of everything a log line carries, before it is written: OAuth tokens and codes,
 * `auth=` and other secret query or form parameters, the secret part of a webhook address
 * (`/rest/<user>/<secret>/`), client secrets, Authorization headers, and any value under a key
 * that names a token, secret or password. Pure: the log file and the tests share it.
 */

export const REDACTED = '[redacted]';

/** Keys whose values are secrets whatever they hold (`accessToken`, `client_secret`, `password`…). */
const SECRET_KEY = /token|secret|passw(or)?d|^pass$|^auth$|authori[sz]ation|cookie|api[-_]?key|credential|webhook/i;

/** Query and form parameters that carry secrets (`?auth=…`, `&refresh_token=…`, a form body). */
const SECRET_PARAM = /([?&;\s"'(]|^)(auth|access_token|refresh_token|client_secret|token|password|secret|application_token)=([^&\s"'#;)<>]+)/gi;
/** OAuth's authorization code, in a redirect address only (`code=` elsewhere is an error code). */
const OAUTH_CODE = /([?&])(code)=([^&\s"'#;)<>]+)/gi;

/** An incoming webhook: `/rest/<user id>/<secret>` (the method or the end may follow). */
const WEBHOOK_PATH = /(\/rest\/\d+\/)([^/\s?#"'<>]+)/g;

/** `Authorization: Bearer …` in a header dump, and a bare `Bearer …`/`Basic …` credential. */
const AUTH_HEADER = /(authorization["']?\s*[:=]\s*["']?)((?:bearer|basic|token)\s+)?[^\s"',;}]+/gi;
const BEARER = /\b(bearer|basic)\s+[A-Za-z0-9\-._~+/]{8,}=*/gi;

/** `"refresh_token":"…"` or `client_secret: …` in text (JSON written into a message, a dump). */
const SECRET_PAIR = /(["']?[\w-]*(?:token|secret|password|passwd)[\w-]*["']?\s*[:=]\s*)("[^"]*"|'[^']*'|[^\s,;&}]+)/gi;

export function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key);
}

export function redactText(text: string): string {
  return text
    .replace(WEBHOOK_PATH, (_all, prefix: string) => `${prefix}${REDACTED}`)
    .replace(SECRET_PARAM, (_all, lead: string, name: string) => `${lead}${name}=${REDACTED}`)
    .replace(OAUTH_CODE, (_all, lead: string, name: string) => `${lead}${name}=${REDACTED}`)
    .replace(AUTH_HEADER, (_all, name: string, scheme: string | undefined) => `${name}${scheme ?? ''}${REDACTED}`)
    .replace(BEARER, (_all, scheme: string) => `${scheme} ${REDACTED}`)
    .replace(SECRET_PAIR, (all, name: string, value: string) => (value.includes(REDACTED) ? all : `${name}${quoted(value, REDACTED)}`));
}

function quoted(original: string, replacement: string): string {
  const quote = original[0] === '"' || original[0] === "'" ? original[0] : '';
  return `${quote}${replacement}${quote}`;
}

const MAX_DEPTH = 8;

/**
 * A JSON-safe copy with every secret replaced: strings are scanned, values under secret keys are
 * dropped (a flag such as `hasToken: true` stays), Errors keep their name, message, code and
 * stack (each scanned), and cycles or very deep data are cut.
 */
export function redactValue(value: unknown, depth = 0, seen: WeakSet<object> = new WeakSet()): unknown {
  if (typeof value === 'string') return redactText(value);
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return value.toString();
  if (typeof value !== 'object') return value === undefined ? undefined : String(value);
  if (seen.has(value)) return '[circular]';
  if (depth >= MAX_DEPTH) return '[too deep]';
  seen.add(value);
  if (value instanceof Error) return redactError(value, depth, seen);
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((item) => redactValue(item, depth + 1, seen));
  if (value instanceof URL) return redactText(value.href);
  const result: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    result[key] = isSecretKey(key) && item !== null && typeof item !== 'boolean' && typeof item !== 'number' ? REDACTED : redactValue(item, depth + 1, seen);
  }
  return result;
}

function redactError(error: Error, depth: number, seen: WeakSet<object>): Record<string, unknown> {
  const result: Record<string, unknown> = { name: error.name, message: redactText(error.message) };
  const { code, cause } = error as Error & { code?: unknown; cause?: unknown };
  if (code !== undefined) result.code = redactValue(code, depth + 1, seen);
  if (error.stack) result.stack = redactText(error.stack);
  if (cause !== undefined) result.cause = redactValue(cause, depth + 1, seen);
  return result;
}
