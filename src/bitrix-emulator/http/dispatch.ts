import { performance } from 'node:perf_hooks';
import { RestError, type CallContext, type MethodSpec } from '../contract';
import { AUTH_PARAMS, hasScope } from './auth';
import { authErrors, makeTimeBlock, toRestError, type TimeBlock } from './envelope';
import { OperationLimiter } from './limiter';
import { phpIntval } from './php-params';
import { GLOBAL_SCOPE, type AuthInfo, type TransportEnv } from './types';

export type CallOutcome =
  | { ok: true; result: unknown; total?: number | null; next?: number; time: TimeBlock }
  | { ok: false; error: RestError; time?: TimeBlock };

export type ApiVersion = 'v2' | 'v3';

/**
 * Runs one REST method the way `CRestServer::processCall` does (server-facts §1): lower-cased name,
 * scope check, `start` intval-ed and removed, auth parameters stripped, `total`/`next` lifted.
 */
export class Dispatcher {
  constructor(
    private readonly env: TransportEnv,
    private readonly transportMethods: ReadonlyMap<string, MethodSpec>,
    private readonly limiter: OperationLimiter | undefined,
  ) {}

  findMethod(name: string): MethodSpec | undefined {
    const lower = name.toLowerCase();
    return this.transportMethods.get(lower) ?? this.env.portal.methods.get(lower);
  }

  /** Every method name, transport and portal, for `methods`. */
  allMethods(): Array<[string, MethodSpec]> {
    return [...this.transportMethods, ...this.env.portal.methods];
  }

  call(name: string, rawParams: Record<string, unknown>, auth: AuthInfo, api: ApiVersion): CallOutcome {
    const method = name.toLowerCase();
    const startMs = this.env.clock.now();
    try {
      const spec = this.findMethod(method);
      // docs-facts §2: v3-only methods exist only under /rest/api/, and /rest/api/ has only v3 methods.
      if (!spec || (spec.api ?? 'v2') !== api) throw authErrors.methodNotFound();
      if (spec.scope !== GLOBAL_SCOPE && !hasScope(auth.scopes, spec.scope)) throw authErrors.insufficientScope();

      const limiterKey = this.limiterKey(auth, method);
      if (limiterKey && this.limiter?.isBlocked(limiterKey)) {
        // rest.php processCall checks LoadLimiter before appendDebugInfo: the error body has no `time` block
        // (README "Limits"); a client learns the reset only from earlier successful answers.
        throw new RestError('OPERATION_TIME_LIMIT', 'Method is blocked due to operation time limit.', 429);
      }

      const params: Record<string, unknown> = { ...rawParams };
      for (const key of AUTH_PARAMS) delete params[key];
      const start = 'start' in params ? phpIntval(params.start) : null;
      delete params.start;

      const ctx: CallContext = {
        userId: auth.userId,
        authType: auth.authType,
        scopes: auth.scopes,
        params,
        start,
      };
      if (auth.clientId !== undefined) ctx.clientId = auth.clientId;
      if (auth.authConnector !== undefined) ctx.authConnector = auth.authConnector;
      const origin = this.env.portalOrigin?.();
      if (origin) {
        ctx.links = { origin };
        if (auth.accessToken !== undefined) ctx.links.accessToken = auth.accessToken;
        if (auth.webhook) ctx.links.webhook = auth.webhook;
      }

      const t0 = performance.now();
      const outcome = spec.handler(ctx);
      const processingMs = performance.now() - t0;
      if (limiterKey) this.limiter?.record(limiterKey, method, processingMs / 1000);

      const time = this.timeBlock(startMs, this.env.clock.now(), processingMs, limiterKey);
      const ok: CallOutcome = { ok: true, result: outcome.result, time };
      // server-facts §1: a `next` key moves to a top-level integer; `total`, even null, too.
      if (outcome.next !== undefined) ok.next = Math.trunc(outcome.next);
      if ('total' in outcome) ok.total = outcome.total === null || outcome.total === undefined ? 0 : Math.trunc(outcome.total);
      return ok;
    } catch (e) {
      return { ok: false, error: toRestError(e) };
    }
  }

  /** server-facts §2: counted for `oauth` and `apauth`, per app or webhook, `batch` excluded. */
  private limiterKey(auth: AuthInfo, method: string): string | undefined {
    if (!this.limiter || method === 'batch') return undefined;
    return OperationLimiter.key(auth.authType, auth.clientId ?? `hook:${auth.userId}`, method);
  }

  private timeBlock(startMs: number, finishMs: number, processingMs: number, limiterKey?: string): TimeBlock {
    const status = limiterKey && this.limiter ? this.limiter.status(limiterKey) : undefined;
    return makeTimeBlock(
      startMs,
      finishMs,
      processingMs,
      this.env.portal.utcOffsetMinutes,
      status ? { operating: status.operating, resetAt: status.resetAt } : undefined,
    );
  }
}
