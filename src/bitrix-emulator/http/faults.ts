/** Injected transport faults, for tests of the client's retry and recovery paths. */
export const FAIL_KINDS = ['http500', 'html502', 'http503', 'http429', 'drop-before', 'drop-after', 'hang'] as const;
export type FailKind = (typeof FAIL_KINDS)[number];

export interface FailPlan {
  kind: FailKind;
  count: number;
  /** Lower-case method names; absent = every REST call. */
  methods?: string[];
  /** http503/http429: the Retry-After header's seconds (absent = no header, as nginx sends none by itself). */
  retryAfterSeconds?: number;
}

export interface FaultSettings {
  latencyMs?: number;
  fail?: FailPlan | null;
  unreachable?: boolean;
}

export class FaultState {
  latencyMs = 0;
  unreachable = false;
  private plan: { kind: FailKind; remaining: number; methods?: string[]; retryAfterSeconds?: number } | null = null;

  /** Validates and applies; throws a TypeError with a readable message on bad input. */
  set(settings: FaultSettings): void {
    if (settings.latencyMs !== undefined) {
      if (typeof settings.latencyMs !== 'number' || settings.latencyMs < 0) throw new TypeError('latencyMs must be a number >= 0');
      this.latencyMs = settings.latencyMs;
    }
    if (settings.unreachable !== undefined) this.unreachable = Boolean(settings.unreachable);
    if (settings.fail === null) this.plan = null;
    else if (settings.fail !== undefined) {
      const { kind, count, methods, retryAfterSeconds } = settings.fail;
      if (!FAIL_KINDS.includes(kind)) throw new TypeError(`fail.kind must be one of ${FAIL_KINDS.join(', ')}`);
      const n = count ?? 1;
      if (typeof n !== 'number' || n < 0) throw new TypeError('fail.count must be a number >= 0');
      if (retryAfterSeconds !== undefined && (typeof retryAfterSeconds !== 'number' || !Number.isInteger(retryAfterSeconds) || retryAfterSeconds < 0)) {
        throw new TypeError('fail.retryAfterSeconds must be an integer >= 0');
      }
      this.plan = { kind, remaining: n, ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}) };
      if (Array.isArray(methods)) this.plan.methods = methods.map((m) => String(m).toLowerCase());
    }
  }

  /** The fault for this REST call, if any; consumes one from the plan. */
  take(method: string): FailKind | undefined {
    const plan = this.plan;
    if (!plan || plan.remaining <= 0) return undefined;
    if (plan.methods && !plan.methods.includes(method.toLowerCase())) return undefined;
    plan.remaining--;
    return plan.kind;
  }

  /** Retry-After for the current plan's 503/429 answers, if it names one. */
  retryAfterSeconds(): number | undefined {
    return this.plan?.retryAfterSeconds;
  }

  snapshot(): Record<string, unknown> {
    return { latencyMs: this.latencyMs, unreachable: this.unreachable, fail: this.plan ? { ...this.plan } : null };
  }
}
