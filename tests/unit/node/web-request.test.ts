import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileInside, MAX_TARGET_LENGTH, parseRequestTarget } from '../../../src/node/web-request';

describe('parseRequestTarget', () => {
  it('decodes the path once and keeps the query', () => {
    const target = parseRequestTarget('/assets/index%20a.js?token=abc&x=%zz#frag');
    expect(target.ok && target.pathname).toBe('/assets/index a.js');
    expect(target.ok && target.query.get('token')).toBe('abc');
    expect(target.ok && target.query.get('x')).toBe('%zz');
  });

  it.each(['/%E0%A4%A', '/%', '/%zz', '/assets/%ff.js', '/%C0%AE'])('a malformed escape %s is a 400, not a throw', (raw) => {
    expect(parseRequestTarget(raw)).toEqual({ ok: false, status: 400 });
  });

  it.each(['/../x', '/a/../../x', '/%2e%2e/x', '/%2E%2E%2Fx', '/..%2fx', '/.%2e/x', '/..\\x', '/%5c..%5cx', '/%252e%252e/x', '/x%00', '/./x', '//x', '/a/.'])('traversal %s is a 400', (raw) => {
    expect(parseRequestTarget(raw)).toEqual({ ok: false, status: 400 });
  });

  it.each([undefined, '', '*', 'http://127.0.0.1/', 'x'])('a target not in origin form (%s) is a 400', (raw) => {
    expect(parseRequestTarget(raw)).toEqual({ ok: false, status: 400 });
  });

  it('a target past the limit is a 414', () => {
    expect(parseRequestTarget(`/${'a'.repeat(MAX_TARGET_LENGTH)}`)).toEqual({ ok: false, status: 414 });
  });
});

describe('fileInside', () => {
  const root = path.resolve('/srv/renderer');
  it('names files under the root only: dot segments are clamped at the root, the root itself is no file', () => {
    expect(fileInside(root, '/assets/a.js')).toBe(path.join(root, 'assets', 'a.js'));
    expect(fileInside(root, '/')).toBeNull();
    expect(fileInside(root, '/..')).toBeNull();
    expect(fileInside(root, '/../secret')).toBe(path.join(root, 'secret'));
    expect(fileInside(root, '/a/../../../secret')).toBe(path.join(root, 'secret'));
  });
});
