import { z } from 'zod';
import { BitrixError, classifyPortalError } from './errors';
import type { HttpResponse } from '../ports';

/** The success envelope of a box REST answer (server-facts §1). */
const successEnvelope = z.object({
  result: z.unknown(),
  total: z.number().int().optional(),
  next: z.number().int().optional(),
  time: z
    .object({
      start: z.number(),
      finish: z.number(),
      operating: z.number().optional(),
      operating_reset_at: z.number().optional(),
    })
    .passthrough()
    .optional(),
});

const errorEnvelope = z.union([
  z.object({
    error: z.union([z.string(), z.number()]).transform(String),
    error_description: z.string().optional(),
  }),
  // REST 3.0: {error: {code, message, validation?}} (docs rest-v3.md).
  z
    .object({ error: z.object({ code: z.union([z.string(), z.number()]).transform(String), message: z.string().optional() }).passthrough() })
    .transform((v) => ({ error: v.error.code, error_description: v.error.message })),
]);

export interface RestAnswer {
  result: unknown;
  total: number | undefined;
  next: number | undefined;
  /** Seconds of handler time the portal counted for this method (cloud, or box with the limiter on). */
  operating: number | undefined;
  operatingResetAt: number | undefined;
  /** The portal's clock when it finished the answer (ms), from `time.finish`. */
  portalFinishedAt: number | undefined;
}

/** `Retry-After` in seconds or as an HTTP date, as ms since epoch; null when absent or unreadable. */
function retryAfterAt(headers: Record<string, string>, now: number): number | null {
  const value = headers['retry-after']?.trim();
  if (!value) return null;
  if (/^\d+$/.test(value)) return now + Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : at;
}

/** Turns one HTTP answer into a result or a classified `BitrixError`; never throws anything else. */
export function readRestAnswer(response: HttpResponse, now: number): RestAnswer {
  if (response.status >= 300 && response.status < 400) {
    // Never followed: a portal moved to another origin must be set up again, not chased with the token.
    const location = response.headers.location ?? '';
    let target = 'elsewhere';
    try {
      target = new URL(location).origin;
    } catch {
      // A relative or empty Location: still a redirect we do not follow.
    }
    throw new BitrixError('malformed', 'REDIRECTED', `The portal redirected (HTTP ${response.status}) to ${target}; Pult does not follow redirects`, response.status);
  }
  let json: unknown;
  try {
    json = JSON.parse(response.body);
  } catch {
    if (response.status === 503 || response.status === 429) {
      // A bare overload answer from the portal's web server or a proxy: retry, within bounds.
      throw new BitrixError('rate-limited', `HTTP_${response.status}`, `The portal is overloaded (HTTP ${response.status})`, response.status, retryAfterAt(response.headers, now));
    }
    // A proxy's HTML page (502/504 from nginx), a login redirect page, or a truncated body.
    // An HTML page in place of a REST answer comes from a proxy or a dead PHP: the portal is away.
    const kind = response.status >= 500 || response.status === 0 ? 'unreachable' : 'malformed';
    const type = (response.headers['content-type'] ?? 'no content type').split(';')[0];
    throw new BitrixError(kind, 'NOT_JSON', `The portal answered HTTP ${response.status} with a non-JSON page (${type})`, response.status);
  }
  const failure = errorEnvelope.safeParse(json);
  if (failure.success && !(typeof json === 'object' && json !== null && 'result' in json)) {
    const error = classifyPortalError(response.status, failure.data.error, failure.data.error_description ?? '');
    if (error.kind === 'operation-limit') {
      const resetAt = (json as { time?: { operating_reset_at?: unknown } }).time?.operating_reset_at;
      if (typeof resetAt === 'number') {
        throw new BitrixError(error.kind, error.code, error.message, error.status, resetAt * 1000);
      }
    }
    throw error;
  }
  const ok = successEnvelope.safeParse(json);
  if (!ok.success || response.status >= 400) {
    throw new BitrixError('malformed', 'MALFORMED_ANSWER', `The portal's answer has no result (HTTP ${response.status})`, response.status);
  }
  return {
    result: ok.data.result,
    total: ok.data.total,
    next: ok.data.next,
    operating: ok.data.time?.operating,
    operatingResetAt: ok.data.time?.operating_reset_at,
    portalFinishedAt: ok.data.time ? Math.round(ok.data.time.finish * 1000) : undefined,
  };
}
