import type { Random } from '../ports';

export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 500, maxMs: 30_000 };

/** "Full jitter" exponential backoff: spreads many clients' retries after a portal restart. */
export function backoffDelay(attempt: number, random: Random, policy: BackoffPolicy = DEFAULT_BACKOFF): number {
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attempt));
  return Math.round(policy.baseMs / 2 + random.next() * (ceiling - policy.baseMs / 2));
}
