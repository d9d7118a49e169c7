import type { CallContext, MethodSpec } from '../contract';
import type { Dispatcher } from './dispatch';
import { errorBody, phpMap } from './envelope';
import { normalizeLists, parsePhpQuery, pickCaseInsensitive } from './php-params';
import { GLOBAL_SCOPE, type AuthInfo } from './types';

/** server-facts §1: BATCH_MAX_LENGTH. */
export const BATCH_MAX_LENGTH = 50;

type Entries = Array<[string, unknown]>;
interface Accumulated {
  result: Entries;
  next: Entries;
  total: Entries;
  time: Entries;
  error: Entries;
}
type SubstKind = keyof Accumulated;

/** PHP (bool) cast. */
function phpTruthy(v: unknown): boolean {
  if (typeof v === 'string') return v !== '' && v !== '0';
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === 'object' && v !== null) return Object.keys(v).length > 0;
  return Boolean(v);
}

function child(node: unknown, key: string): unknown {
  if (Array.isArray(node)) return /^\d+$/.test(key) ? node[Number(key)] : undefined;
  if (typeof node === 'object' && node !== null) return (node as Record<string, unknown>)[key];
  return undefined;
}

/**
 * `$result[cmd][a][b]` substitution (server-facts §1, rest_util processBatchElement): the match runs to
 * the next whitespace; a whole-value match inserts the raw value, otherwise numbers and strings are
 * string-replaced (other values are left as written); an unresolvable path stops at the last level resolved.
 */
function substitute(value: string, acc: Accumulated): unknown {
  const re = /\$(result|next|total|time|error)(\S*)/gi;
  let out: unknown = value;
  for (const match of value.matchAll(re)) {
    const whole = match[0];
    const keys = [...(match[2] ?? '').matchAll(/\[([^\]]+)\]/g)].map((m) => m[1] ?? '');
    if (keys.length === 0) continue;
    const kind = (match[1] ?? '').toLowerCase() as SubstKind;
    let node: unknown = Object.fromEntries(acc[kind]);
    for (const key of keys) {
      const next = child(node, key);
      if (next === undefined || next === null) break;
      node = next;
    }
    if (whole === value) {
      out = node;
    } else if (typeof out === 'string') {
      const text = typeof node === 'number' || typeof node === 'boolean' ? String(Number(node)) : node;
      if (typeof text === 'string') out = out.split(whole).join(text);
    }
  }
  return out;
}

function substituteDeep(value: unknown, acc: Accumulated): unknown {
  if (typeof value === 'string') return value.includes('$') ? substitute(value, acc) : value;
  if (Array.isArray(value)) return value.map((v) => substituteDeep(v, acc));
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = substituteDeep(v, acc);
    return out;
  }
  return value;
}

function commandEntries(cmd: unknown): Entries {
  if (Array.isArray(cmd)) return cmd.map((v, i) => [String(i), v]);
  if (typeof cmd === 'object' && cmd !== null) return Object.entries(cmd);
  return [];
}

/** `batch` (server-facts §1 / rest_provider methodsBatch): HTTP 200 always; failures per command. */
export function createBatchMethod(getDispatcher: () => Dispatcher, onCommand: (method: string) => void = () => undefined): MethodSpec {
  return {
    scope: GLOBAL_SCOPE,
    handler(ctx: CallContext) {
      const dispatcher = getDispatcher();
      const auth: AuthInfo = { userId: ctx.userId, authType: ctx.authType, scopes: ctx.scopes };
      if (ctx.clientId !== undefined) auth.clientId = ctx.clientId;
      if (ctx.authConnector !== undefined) auth.authConnector = ctx.authConnector;
      const halt = phpTruthy(pickCaseInsensitive(ctx.params, 'halt'));
      const acc: Accumulated = { result: [], next: [], total: [], time: [], error: [] };
      let count = 0;
      for (const [key, call] of commandEntries(pickCaseInsensitive(ctx.params, 'cmd'))) {
        let failed = false;
        if (count++ >= BATCH_MAX_LENGTH) {
          // Each command beyond the 50th fails on its own; the call still answers 200.
          acc.error.push([key, { error: 'ERROR_BATCH_LENGTH_EXCEEDED', error_description: 'Max batch length exceeded' }]);
          failed = true;
        } else {
          const text = typeof call === 'string' ? call : '';
          const q = text.indexOf('?');
          const method = (q < 0 ? text : text.slice(0, q)).trim();
          const params = substituteDeep(normalizeLists(parsePhpQuery(q < 0 ? '' : text.slice(q + 1))), acc);
          const lower = method.toLowerCase();
          onCommand(lower);
          if (lower === 'batch' || lower === 'download' || lower === 'upload') {
            acc.error.push([key, { error: 'ERROR_BATCH_METHOD_NOT_ALLOWED', error_description: 'Method is not allowed for batch usage' }]);
            failed = true;
          } else {
            const outcome = dispatcher.call(method, params as Record<string, unknown>, auth, 'v2');
            if (outcome.ok) {
              acc.result.push([key, outcome.result]);
              if (outcome.next !== undefined) acc.next.push([key, outcome.next]);
              if (outcome.total !== undefined) acc.total.push([key, outcome.total]);
              acc.time.push([key, outcome.time]);
            } else {
              acc.error.push([key, errorBody(outcome.error)]);
              failed = true;
            }
          }
        }
        if (failed && halt) break;
      }
      return {
        result: {
          result: phpMap(acc.result),
          result_error: phpMap(acc.error),
          result_total: phpMap(acc.total),
          result_next: phpMap(acc.next),
          result_time: phpMap(acc.time),
        },
      };
    },
  };
}
