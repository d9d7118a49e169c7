import { RestError, type CallContext, type MethodOutcome, type MethodSpec } from '../contract';
import { formatDateC } from './dates';
import { hasScope } from './auth';
import { pickCaseInsensitive } from './php-params';
import { GLOBAL_SCOPE, type TransportEnv } from './types';

export interface TransportMethodsOptions {
  env: TransportEnv;
  /** Every registered method, transport and portal (read lazily). */
  allMethods: () => Array<[string, MethodSpec]>;
  /** All scopes the portal knows (`scope` with `full`). */
  allScopes: readonly string[];
  clientId: string;
  /** feature.get answers; unknown codes fall back to the box default. */
  features: Readonly<Record<string, string>>;
}

const LANGUAGE_ID = 'ru';

function truthy(v: unknown): boolean {
  return v !== undefined && v !== null && v !== '' && v !== '0' && v !== 0 && v !== false && v !== 'false';
}

/** Global-scope methods of rest_provider.php: methods, method.get, scope, feature.get, server.time, app.info. */
export function createTransportMethods(o: TransportMethodsOptions): Map<string, MethodSpec> {
  const spec = (handler: (ctx: CallContext) => MethodOutcome): MethodSpec => ({ scope: GLOBAL_SCOPE, handler });
  const visibleScopes = (ctx: CallContext) => [...ctx.scopes, GLOBAL_SCOPE];
  return new Map<string, MethodSpec>([
    // `methods`: names in the token's scopes plus global ones; `scope` picks one scope, `full` all.
    ['methods', spec((ctx) => {
      const scopeParam = pickCaseInsensitive(ctx.params, 'scope');
      const full = truthy(pickCaseInsensitive(ctx.params, 'full'));
      const wanted = typeof scopeParam === 'string' && scopeParam !== '' ? [scopeParam] : null;
      const names = o.allMethods()
        .filter(([, s]) => (wanted ? wanted.includes(s.scope) : full || s.scope === GLOBAL_SCOPE || hasScope(ctx.scopes, s.scope)))
        .map(([name]) => name);
      return { result: names };
    })],
    // `method.get {name}` → {isExisting, isAvailable} (rest_provider getMethod).
    ['method.get', spec((ctx) => {
      const name = String(ctx.params.name ?? '').toLowerCase();
      const found = o.allMethods().find(([n]) => n === name);
      const available = !!found && (found[1].scope === GLOBAL_SCOPE || hasScope(visibleScopes(ctx), found[1].scope));
      return { result: { isExisting: !!found, isAvailable: available } };
    })],
    ['scope', spec((ctx) => ({
      result: truthy(pickCaseInsensitive(ctx.params, 'full')) ? [...o.allScopes] : [...ctx.scopes],
    }))],
    // feature.get on a box without the bitrix24 module answers `<lang>_selfhosted` for any code.
    ['feature.get', spec((ctx) => {
      const code = pickCaseInsensitive(ctx.params, 'code');
      if (code === undefined || code === '' || code === null) throw new RestError('CODE_EMPTY', "CODE can't be empty", 400);
      const known = o.features[String(code)];
      const fallback = o.env.profile === 'cloud' ? 'N' : `${LANGUAGE_ID}_selfhosted`;
      return { result: { value: known ?? fallback } };
    })],
    ['server.time', spec(() => ({ result: formatDateC(o.env.clock.now(), o.env.portal.utcOffsetMinutes) }))],
    ['app.info', spec((ctx) => {
      const license = `${LANGUAGE_ID}_selfhosted`;
      if (ctx.authType === 'oauth') {
        return {
          result: {
            ID: '1',
            CODE: o.clientId,
            VERSION: 1,
            STATUS: 'L',
            INSTALLED: true,
            PAYMENT_EXPIRED: 'N',
            DAYS: null,
            LANGUAGE_ID,
            LICENSE: license,
          },
        };
      }
      return { result: { SCOPE: [...ctx.scopes], LICENSE: license } };
    })],
  ]);
}
