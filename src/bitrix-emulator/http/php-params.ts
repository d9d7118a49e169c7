/**
 * PHP-style request parameters: `filter[>ID]=5&select[]=ID` becomes `{filter: {'>ID': '5'}, select: ['ID']}`
 * (server-facts §1: GET and POST merged, nested keys as PHP's parse_str builds them).
 */
export type ParamMap = Record<string, unknown>;

/**
 * Keys that would walk into or replace an object's prototype. The emulator runs inside Pult's own
 * host (the demo portal), so `x[__proto__][polluted]=1` would change every object of Pult's process.
 */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export function isPrototypeKey(key: string): boolean {
  return PROTOTYPE_KEYS.has(key);
}

/** A map with no prototype: nothing inherited answers a lookup of a key the client never sent. */
function freshMap(): ParamMap {
  return Object.create(null) as ParamMap;
}

function splitKey(raw: string): string[] | null {
  const open = raw.indexOf('[');
  if (open <= 0) return [raw];
  const parts = [raw.slice(0, open)];
  const re = /\[([^\]]*)\]/gy;
  re.lastIndex = open;
  let m: RegExpExecArray | null;
  let end = open;
  while ((m = re.exec(raw)) !== null) {
    parts.push(m[1] ?? '');
    end = re.lastIndex;
  }
  // PHP keeps the trailing garbage out; a key like `a[b` is taken literally.
  if (end === open) return [raw];
  return parts;
}

function assign(target: ParamMap, path: string[], value: string): void {
  if (path.some(isPrototypeKey)) return;
  let node: ParamMap = target;
  for (let i = 0; i < path.length; i++) {
    let key = path[i] ?? '';
    const last = i === path.length - 1;
    if (key === '') key = String(nextIndex(node));
    if (last) {
      node[key] = value;
      return;
    }
    const existing = Object.hasOwn(node, key) ? node[key] : undefined;
    if (typeof existing === 'object' && existing !== null) {
      node = existing as ParamMap;
    } else {
      const fresh = freshMap();
      node[key] = fresh;
      node = fresh;
    }
  }
}

function nextIndex(node: ParamMap): number {
  let max = -1;
  for (const k of Object.keys(node)) if (/^\d+$/.test(k)) max = Math.max(max, Number(k));
  return max + 1;
}

/**
 * Objects whose keys are exactly 0..n-1 become arrays (PHP does not distinguish; JSON clients expect
 * lists). Prototype keys are dropped here too: a JSON body carries `"__proto__"` as an own key.
 */
export function normalizeLists(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalizeLists);
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value as ParamMap).filter(([k]) => !isPrototypeKey(k));
  const out: ParamMap = {};
  for (const [k, v] of entries) out[k] = normalizeLists(v);
  const sequential = entries.length > 0 && entries.every(([k], i) => k === String(i));
  return sequential ? Object.values(out) : out;
}

export function parsePhpQuery(query: string, into: ParamMap = freshMap()): ParamMap {
  if (!query) return into;
  for (const pair of query.split('&')) {
    if (!pair) continue;
    const eq = pair.indexOf('=');
    const rawKey = decode(eq < 0 ? pair : pair.slice(0, eq));
    const rawValue = eq < 0 ? '' : decode(pair.slice(eq + 1));
    if (!rawKey) continue;
    const path = splitKey(rawKey);
    if (path) assign(into, path, rawValue);
  }
  return into;
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}

/** PHP intval() for `start`: leading integer digits, else 0. */
export function phpIntval(value: unknown): number {
  if (typeof value === 'number') return Number.isFinite(value) ? Math.trunc(value) : 0;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value !== 'string') return 0;
  const m = /^\s*([+-]?\d+)/.exec(value);
  return m ? Number.parseInt(m[1] ?? '0', 10) : 0;
}

/** Case-insensitive key lookup (PHP array_change_key_case). */
export function pickCaseInsensitive(params: ParamMap, name: string): unknown {
  const wanted = name.toLowerCase();
  let found: unknown;
  for (const [k, v] of Object.entries(params)) if (k.toLowerCase() === wanted) found = v;
  return found;
}
