import type { OffsetClock } from '../clock';

/**
 * Cloud rate limit (docs-facts §2): a leaky bucket per source IP, burst 50, draining 2 requests/s.
 * Box has no such limiter (server-facts §2), so only the `cloud` profile creates one.
 */
export class LeakyBucket {
  private readonly levels = new Map<string, { level: number; at: number }>();

  constructor(
    private readonly clock: OffsetClock,
    readonly burst = 50,
    readonly drainPerSecond = 2,
  ) {}

  /** Adds one request; false when the bucket is full (the caller answers 503 QUERY_LIMIT_EXCEEDED). */
  take(ip: string): boolean {
    const now = this.clock.now();
    const entry = this.levels.get(ip) ?? { level: 0, at: now };
    const drained = Math.max(0, entry.level - ((now - entry.at) / 1000) * this.drainPerSecond);
    if (drained + 1 > this.burst) {
      this.levels.set(ip, { level: drained, at: now });
      return false;
    }
    this.levels.set(ip, { level: drained + 1, at: now });
    return true;
  }
}

const BUCKET_MS = 60_000;
const WINDOW_BUCKETS = 10;

export interface OperatingStatus {
  /** Handler seconds summed over the last 10 one-minute buckets. */
  operating: number;
  /** Unix time (s) when the oldest counted bucket leaves the window. */
  resetAt: number;
}

/**
 * The LoadLimiter (server-facts §2): handler time per auth type + app/webhook + method over
 * 10 buckets of 60 s; over the limit the method answers 429 OPERATION_TIME_LIMIT. `batch` is excluded.
 */
export class OperationLimiter {
  private readonly usage = new Map<string, Map<number, number>>();

  constructor(
    private readonly clock: OffsetClock,
    readonly limitSeconds: number,
    /** Simulated handler seconds per method (the emulator's handlers are too fast to reach any limit). */
    private readonly cost: number | Record<string, number> | undefined,
  ) {}

  static key(authType: string, appOrHook: string, method: string): string {
    return `${authType}|${appOrHook}|${method}`;
  }

  status(key: string): OperatingStatus {
    const now = this.clock.now();
    const current = Math.floor(now / BUCKET_MS);
    const buckets = this.usage.get(key);
    let operating = 0;
    let oldest = current;
    if (buckets) {
      for (const [bucket, seconds] of buckets) {
        if (bucket <= current - WINDOW_BUCKETS) {
          buckets.delete(bucket);
          continue;
        }
        operating += seconds;
        oldest = Math.min(oldest, bucket);
      }
    }
    return { operating, resetAt: Math.floor(((oldest + WINDOW_BUCKETS) * BUCKET_MS) / 1000) };
  }

  isBlocked(key: string): boolean {
    return this.status(key).operating > this.limitSeconds;
  }

  record(key: string, method: string, measuredSeconds: number): void {
    const extra = typeof this.cost === 'number' ? this.cost : (this.cost?.[method] ?? 0);
    const bucket = Math.floor(this.clock.now() / BUCKET_MS);
    const buckets = this.usage.get(key) ?? new Map<number, number>();
    buckets.set(bucket, (buckets.get(bucket) ?? 0) + measuredSeconds + extra);
    this.usage.set(key, buckets);
  }
}
