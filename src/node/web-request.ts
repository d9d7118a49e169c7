/**
 * Browser mode's request targets, parsed without throwing: anything a local page or process may
 * send (a malformed escape, traversal in any encoding, a huge address) becomes a status, never
 * an exception in the host and never a file outside the renderer's folder.
 */
import path from 'node:path';

/** Longer addresses are refused (the renderer's own are a few dozen characters). */
export const MAX_TARGET_LENGTH = 8 * 1024;

export type RequestTarget = { ok: true; pathname: string; query: URLSearchParams } | { ok: false; status: 400 | 414 };

/**
 * A request target in origin form (`/path?query`), its path decoded once. Refused (400): another
 * form (`http://…`, `*`), a malformed escape, a NUL or backslash, a `.`/`..` segment (raw or
 * escaped), and an escape left after decoding (double encoding: `%252e`).
 */
export function parseRequestTarget(raw: string | undefined): RequestTarget {
  if (typeof raw !== 'string' || !raw.startsWith('/')) return { ok: false, status: 400 };
  if (raw.length > MAX_TARGET_LENGTH) return { ok: false, status: 414 };
  const hash = raw.indexOf('#');
  const target = hash < 0 ? raw : raw.slice(0, hash);
  const q = target.indexOf('?');
  const rawPath = q < 0 ? target : target.slice(0, q);
  let pathname: string;
  try {
    pathname = decodeURIComponent(rawPath);
  } catch {
    return { ok: false, status: 400 };
  }
  if (/[\0\\%]/.test(pathname) || pathname.startsWith('//')) return { ok: false, status: 400 };
  if (pathname.split('/').some((segment) => segment === '.' || segment === '..')) return { ok: false, status: 400 };
  // URLSearchParams never throws: a malformed escape in the query stays as it came.
  return { ok: true, pathname, query: new URLSearchParams(q < 0 ? '' : target.slice(q + 1)) };
}

/** The file a decoded path names inside `root`, or null when it would be `root` itself or outside it. */
export function fileInside(root: string, pathname: string): string | null {
  const file = path.resolve(root, `.${path.posix.normalize(pathname)}`);
  return file.startsWith(root + path.sep) ? file : null;
}
