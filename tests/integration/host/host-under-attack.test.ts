/**
 * The local host under attack: the real browser-mode host (`npm run web`, its own process) takes
 * hostile HTTP requests, traversal in every encoding, WebSocket upgrades without the token,
 * protocol violations written frame by frame on a raw socket, and hostile messages over an
 * authorised socket; after every batch it still serves the page and answers an API call.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { startWebMode, type WebMode } from '../../e2e/support/web-mode';

const SECRET = 'TOP-SECRET-OUTSIDE-THE-RENDERER';
let web: WebMode;
let port: number;
let token: string;
let cases = 0;

beforeAll(async () => {
  // The secret sits beside the renderer's folder: a way out of it would serve it.
  const top = mkdtempSync(path.join(os.tmpdir(), 'pult-attack-'));
  const rendererDir = path.join(top, 'renderer');
  mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Pult</title>');
  writeFileSync(path.join(rendererDir, 'assets', 'index-abc.js'), 'export {};');
  writeFileSync(path.join(top, 'secret.txt'), SECRET);
  writeFileSync(path.join(top, 'package.json'), SECRET);
  web = await startWebMode(['--secrets', 'memory', '--renderer', rendererDir], path.join(top, 'data'));
  const url = new URL(web.url);
  port = Number(url.port);
  token = url.searchParams.get('token')!;
}, 60_000);

afterAll(async () => {
  console.log(`[host-under-attack] ${cases} hostile cases against the browser-mode host process; crashes: 0`);
  await web?.stop();
});

/** Writes bytes on a raw socket; resolves with all it got back when the host closes it (or after `waitMs`). */
function raw(bytes: string | Buffer, waitMs = 3_000): Promise<{ text: string; bytes: Buffer; closed: boolean }> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    let done = false;
    const finish = (closed: boolean) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      const all = Buffer.concat(chunks);
      resolve({ text: all.toString('latin1'), bytes: all, closed });
    };
    const timer = setTimeout(() => finish(false), waitMs);
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', () => finish(true));
    socket.on('close', () => finish(true));
    socket.on('connect', () => socket.write(bytes));
  });
}

function statusOf(text: string): number {
  const match = /^HTTP\/1\.1 (\d{3})/.exec(text);
  return match ? Number(match[1]) : 0;
}

async function get(target: string): Promise<{ status: number; text: string; closed: boolean }> {
  const answer = await raw(`GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`);
  return { status: statusOf(answer.text), text: answer.text, closed: answer.closed };
}

/** The host process is alive, serves the page and answers an API call over its socket. */
async function expectServing(label: string): Promise<void> {
  expect(web.running(), `${label}: the host process runs`).toBe(true);
  const page = await fetch(`http://127.0.0.1:${port}/`);
  expect(page.status, `${label}: GET /`).toBe(200);
  expect(await page.text()).toContain('<title>Pult</title>');
  const ws = await openApi();
  const answer = await call(ws, { id: 1, method: 'getAppInfo', args: [] });
  expect(answer, `${label}: getAppInfo`).toMatchObject({ id: 1, result: { ok: true } });
  ws.close();
}

function openApi(): Promise<WebSocket> {
  const ws = new WebSocket(`ws://127.0.0.1:${port}/api?token=${token}`, { headers: { origin: `http://127.0.0.1:${port}` } });
  return new Promise((resolve, reject) => ws.once('open', () => resolve(ws)).once('error', reject));
}

/** Sends one message; resolves with the answer frame, or `{closed: code}` when the host closes the socket. */
function call(ws: WebSocket, message: unknown, asText?: string): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer to ${asText ?? JSON.stringify(message).slice(0, 80)}`)), 10_000);
    const onMessage = (data: WebSocket.RawData) => {
      const frame = JSON.parse(String(data)) as Record<string, unknown>;
      if ('event' in frame) return;
      cleanup();
      resolve(frame);
    };
    const onClose = (code: number) => {
      cleanup();
      resolve({ closed: code });
    };
    const cleanup = () => {
      clearTimeout(timer);
      ws.off('message', onMessage);
      ws.off('close', onClose);
    };
    ws.on('message', onMessage);
    ws.on('close', onClose);
    ws.send(asText ?? JSON.stringify(message));
  });
}

const MALFORMED = ['/%E0%A4%A', '/%', '/%zz', '/assets/%ff.js', '/%C0%AE%C0%AE/secret.txt', '/%u002e%u002e/secret.txt', '/assets/%', '/index.html%', '/%E0%A4%A?token=x', '/assets/%ff%fe%fd.js'];

const TRAVERSAL = [
  '/../secret.txt',
  '/assets/../../secret.txt',
  '/%2e%2e/secret.txt',
  '/%2E%2E%2Fsecret.txt',
  '/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
  '/..%2fsecret.txt',
  '/..\\secret.txt',
  '/assets\\..\\..\\secret.txt',
  '/%5c..%5csecret.txt',
  '/%252e%252e/secret.txt',
  '/%252e%252e%252fsecret.txt',
  '/assets/..%00/secret.txt',
  '/index.html%00.js',
  '/%00',
  '/.%2e/secret.txt',
  '/%2e./secret.txt',
  '//../secret.txt',
  '///../../secret.txt',
  '/assets//..//..//secret.txt',
  '/../package.json',
  '/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
  '/assets/%2e%2e/index.html',
  '/./index.html',
  '/assets/./index-abc.js',
];

describe('HTTP requests that must not hurt the host', () => {
  it.each(MALFORMED)('malformed escape %s is a 400', async (target) => {
    cases++;
    const answer = await get(target);
    expect(answer.status).toBe(400);
  });

  it.each(TRAVERSAL)('traversal %s never leaves the renderer folder', async (target) => {
    cases++;
    const answer = await get(target);
    expect([400, 404]).toContain(answer.status);
    expect(answer.text).not.toContain(SECRET);
  });

  const BAD_LINES: [string, string | Buffer][] = [
    ['absolute-form target', 'GET http://127.0.0.1/ HTTP/1.1\r\nHost: x\r\n\r\n'],
    ['asterisk target', 'GET * HTTP/1.1\r\nHost: x\r\n\r\n'],
    ['broken absolute target', 'GET http://[ HTTP/1.1\r\nHost: x\r\n\r\n'],
    ['garbage request line', 'GARBAGE\r\n\r\n'],
    ['unknown HTTP version', 'GET / HTTP/9.9\r\nHost: x\r\n\r\n'],
    ['NUL in the target', 'GET /\0 HTTP/1.1\r\nHost: x\r\n\r\n'],
    ['header without a colon', 'GET / HTTP/1.1\r\nHost x\r\n\r\n'],
    ['negative Content-Length', 'POST / HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n'],
    ['Content-Length and chunked (smuggling)', 'POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n'],
    ['invalid chunk size', 'POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n'],
    ['binary junk', Buffer.from([0x16, 0x03, 0x01, 0x00, 0xff, 0x00, 0x00, 0xff, 0x0d, 0x0a, 0x0d, 0x0a])],
    ['a TLS hello on the plain port', Buffer.concat([Buffer.from([0x16, 0x03, 0x01, 0x02, 0x00, 0x01]), Buffer.alloc(500, 7)])],
    ['a request line of 100 KB', `GET /${'a'.repeat(100_000)} HTTP/1.1\r\nHost: x\r\n\r\n`],
    ['a header of 20 KB', `GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'b'.repeat(20_000)}\r\n\r\n`],
    ['2,000 headers', `GET / HTTP/1.1\r\nHost: x\r\n${Array.from({ length: 2000 }, (_, i) => `X-H${i}: v`).join('\r\n')}\r\n\r\n`],
    ['a cookie of 64 KB', `GET / HTTP/1.1\r\nHost: x\r\nCookie: ${'c=1; '.repeat(13_000)}\r\n\r\n`],
  ];
  it.each(BAD_LINES)('%s is refused or dropped', async (_name, bytes) => {
    cases++;
    const answer = await raw(bytes);
    expect(answer.closed || statusOf(answer.text) >= 400).toBe(true);
    expect([0, 400, 404, 413, 414, 431, 505]).toContain(statusOf(answer.text));
  });

  it.each([
    ['a 9 KB address', `/${'x'.repeat(9_000)}`, 414],
    ['a 9 KB query', `/?q=${'%zz'.repeat(3_000)}`, 414],
    ['a query with malformed escapes', '/?token=%zz&x=%E0%A4%A', 200],
    ['an unknown file', '/nothing-here.js', 404],
    ['a missing asset', '/assets/missing.js', 404],
  ] as const)('%s is answered', async (_name, target, status) => {
    cases++;
    expect((await get(target)).status).toBe(status);
  });

  it.each(['POST', 'DELETE', 'PUT', 'OPTIONS', 'TRACE', 'PATCH'])('%s / is a 404', async (method) => {
    cases++;
    const answer = await raw(`${method} / HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}`);
    expect(statusOf(answer.text)).toBe(404);
  });

  it('half a request, then a reset; a request then a reset mid-answer', async () => {
    cases += 2;
    const half = net.connect(port, '127.0.0.1');
    await new Promise((r) => half.once('connect', r));
    half.write('GET /index.html HTTP/1.1\r\nHost: x\r\nX-Half: ');
    half.resetAndDestroy();
    const reset = net.connect(port, '127.0.0.1');
    reset.on('error', () => undefined);
    await new Promise((r) => reset.once('connect', r));
    reset.write('GET /assets/index-abc.js HTTP/1.1\r\nHost: x\r\n\r\n');
    reset.resetAndDestroy();
    await expectServing('after resets');
  });

  it('after every hostile request: alive, serving and answering', async () => {
    await expectServing('HTTP');
  });
});

const KEY = 'dGhlIHNhbXBsZSBub25jZQ==';
const handshake = (target: string, extra = '') => `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: ${KEY}\r\nSec-WebSocket-Version: 13\r\n${extra}\r\n`;

describe('WebSocket upgrades without the right to one', () => {
  it.each([
    ['no token', () => handshake('/api')],
    ['a wrong token', () => handshake('/api?token=wrong')],
    ['a token one character short', () => handshake(`/api?token=${token.slice(1)}`)],
    ['a foreign Origin', () => handshake(`/api?token=${token}`, 'Origin: https://evil.example\r\n')],
    ['another path', () => handshake(`/apix?token=${token}`)],
    ['a malformed escape in the path', () => handshake(`/api%zz?token=${token}`)],
    ['a NUL in the path', () => handshake(`/api%00?token=${token}`)],
    ['an absolute-form target', () => handshake(`http://[/api?token=${token}`)],
    ['a malformed token escape', () => handshake('/api?token=%E0%A4%A')],
  ])('%s is refused', async (_name, request) => {
    cases++;
    const answer = await raw(request());
    expect(answer.closed).toBe(true);
    expect([400, 403]).toContain(statusOf(answer.text));
  });

  it.each([
    ['no key', () => `GET /api?token=${token} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n\r\n`],
    ['version 99', () => handshake(`/api?token=${token}`).replace('Version: 13', 'Version: 99')],
    ['a key that is not base64 of 16 bytes', () => handshake(`/api?token=${token}`).replace(KEY, 'short')],
  ])('a bad handshake (%s) is refused', async (_name, request) => {
    cases++;
    const answer = await raw(request());
    expect(answer.closed).toBe(true);
    expect(statusOf(answer.text)).toBeGreaterThanOrEqual(400);
  });
});

/** One WebSocket frame written by hand (client frames are masked unless told otherwise). */
function frame(opcode: number, payload: Buffer, options: { fin?: boolean; rsv?: number; mask?: boolean; claimLength?: bigint } = {}): Buffer {
  const fin = options.fin ?? true;
  const mask = options.mask ?? true;
  const first = (fin ? 0x80 : 0) | ((options.rsv ?? 0) << 4) | opcode;
  const length = options.claimLength ?? BigInt(payload.length);
  let header: Buffer;
  if (length < 126n) header = Buffer.from([first, (mask ? 0x80 : 0) | Number(length)]);
  else if (length < 65536n) {
    header = Buffer.alloc(4);
    header.writeUInt8(first, 0);
    header.writeUInt8((mask ? 0x80 : 0) | 126, 1);
    header.writeUInt16BE(Number(length), 2);
  } else {
    header = Buffer.alloc(10);
    header.writeUInt8(first, 0);
    header.writeUInt8((mask ? 0x80 : 0) | 127, 1);
    header.writeBigUInt64BE(length, 2);
  }
  if (!mask) return Buffer.concat([header, payload]);
  const key = Buffer.from([0x11, 0x22, 0x33, 0x44]);
  const masked = Buffer.from(payload.map((byte, i) => byte ^ key[i % 4]!));
  return Buffer.concat([header, key, masked]);
}

const closePayload = (code: number, reason = '') => Buffer.concat([Buffer.from([code >> 8, code & 0xff]), Buffer.from(reason)]);

/** Opens an authorised socket by hand, writes the frames, and reads until the host closes it. */
async function violate(frames: Buffer[]): Promise<{ upgraded: boolean; closed: boolean; closeCode: number | null }> {
  const answer = await raw(Buffer.concat([Buffer.from(handshake(`/api?token=${token}`, `Origin: http://127.0.0.1:${port}\r\n`)), ...frames]), 5_000);
  const end = answer.bytes.indexOf('\r\n\r\n');
  const rest = end < 0 ? Buffer.alloc(0) : answer.bytes.subarray(end + 4);
  // The host's own close frame, if it sent one: 0x88, a length, then the code.
  const at = rest.indexOf(0x88);
  const closeCode = at >= 0 && rest.length >= at + 4 ? rest.readUInt16BE(at + 2) : null;
  return { upgraded: statusOf(answer.text) === 101, closed: answer.closed, closeCode };
}

const text = (s: string) => Buffer.from(s, 'utf8');
const PROTOCOL_VIOLATIONS: [string, () => Buffer[]][] = [
  ['invalid UTF-8 in a text frame', () => [frame(0x1, Buffer.from([0xff, 0xfe, 0xfd]))]],
  ['an overlong UTF-8 sequence', () => [frame(0x1, Buffer.from([0xc0, 0xaf]))]],
  ['a lone surrogate in UTF-8', () => [frame(0x1, Buffer.from([0xed, 0xa0, 0x80]))]],
  ['an unmasked frame', () => [frame(0x1, text('{"id":1,"method":"getAppInfo","args":[]}'), { mask: false })]],
  ['RSV1 without an extension', () => [frame(0x1, text('{}'), { rsv: 4 })]],
  ['RSV2', () => [frame(0x1, text('{}'), { rsv: 2 })]],
  ['RSV3', () => [frame(0x1, text('{}'), { rsv: 1 })]],
  ['unknown data opcode 0x3', () => [frame(0x3, text('x'))]],
  ['unknown control opcode 0xB', () => [frame(0xb, text('x'))]],
  ['a lone continuation frame', () => [frame(0x0, text('tail'))]],
  ['a new text frame inside a fragmented one', () => [frame(0x1, text('{"id":'), { fin: false }), frame(0x1, text('1}'))]],
  ['a fragmented ping', () => [frame(0x9, text('p'), { fin: false })]],
  ['a 200-byte ping', () => [frame(0x9, Buffer.alloc(200, 1))]],
  ['a 200-byte close', () => [frame(0x8, Buffer.concat([closePayload(1000), Buffer.alloc(198, 65)]))]],
  ['close code 999', () => [frame(0x8, closePayload(999))]],
  ['close code 1005 (reserved)', () => [frame(0x8, closePayload(1005))]],
  ['close code 1006 (reserved)', () => [frame(0x8, closePayload(1006))]],
  ['close code 5000', () => [frame(0x8, closePayload(5000))]],
  ['a one-byte close payload', () => [frame(0x8, Buffer.from([3]))]],
  ['a close reason with invalid UTF-8', () => [frame(0x8, Buffer.concat([closePayload(1000), Buffer.from([0xff])]))]],
  ['a 2 MB frame', () => [frame(0x1, Buffer.alloc(2 * 1024 * 1024, 0x61))]],
  ['a frame claiming 2^63 bytes', () => [frame(0x2, Buffer.alloc(16), { claimLength: 2n ** 63n })]],
  ['a frame claiming 1 GB', () => [frame(0x1, Buffer.alloc(16), { claimLength: 2n ** 30n })]],
  ['fragments adding up past 1 MB', () => Array.from({ length: 5 }, (_, i) => frame(i === 0 ? 0x1 : 0x0, Buffer.alloc(300_000, 0x61), { fin: i === 4 }))],
  ['a binary frame', () => [frame(0x2, Buffer.from([1, 2, 3]))]],
  ['half a frame header, then nothing', () => [Buffer.from([0x81])]],
  ['a frame shorter than it claims, then a reset', () => [frame(0x1, text('{"id":1}'), { claimLength: 100n }).subarray(0, 12)]],
];

describe('WebSocket protocol violations on an authorised socket', () => {
  it.each(PROTOCOL_VIOLATIONS)('%s closes that socket only', async (_name, frames) => {
    cases++;
    const result = await violate(frames());
    expect(result.upgraded).toBe(true);
    // Either the host closed it (with a protocol code when it said one) or it still waits for the rest.
    if (result.closeCode !== null) expect([1002, 1003, 1007, 1009]).toContain(result.closeCode);
  });

  it('after every violation: alive, serving and answering', async () => {
    await expectServing('WebSocket protocol');
  });
});

const HOSTILE_MESSAGES: [string, string, 'closed' | 'error' | 'answered'][] = [
  ['a bare null', 'null', 'closed'],
  ['an array', '[]', 'closed'],
  ['a number', '42', 'closed'],
  ['a string', '"getAppInfo"', 'closed'],
  ['true', 'true', 'closed'],
  ['not JSON', '{"id":1,', 'closed'],
  ['an empty object', '{}', 'closed'],
  ['a string id', '{"id":"1","method":"getAppInfo","args":[]}', 'closed'],
  ['a fractional id', '{"id":1.5,"method":"getAppInfo","args":[]}', 'closed'],
  ['an id past 2^53', '{"id":9007199254740993,"method":"getAppInfo","args":[]}', 'closed'],
  ['an id only under __proto__', '{"__proto__":{"id":1,"method":"getAppInfo","args":[]}}', 'closed'],
  ['a method object with its own toString', '{"id":7,"method":{"toString":"getAppInfo"},"args":[]}', 'error'],
  ['a method array', '{"id":7,"method":["getAppInfo"],"args":[]}', 'error'],
  ['a method number', '{"id":7,"method":1,"args":[]}', 'error'],
  ['no method', '{"id":7,"args":[]}', 'error'],
  ['args null', '{"id":7,"method":"getAppInfo","args":null}', 'error'],
  ['args an object', '{"id":7,"method":"getAppInfo","args":{"0":1}}', 'error'],
  ['method __proto__', '{"id":7,"method":"__proto__","args":[]}', 'error'],
  ['method constructor', '{"id":7,"method":"constructor","args":[]}', 'error'],
  ['method toString', '{"id":7,"method":"toString","args":[]}', 'error'],
  ['method hasOwnProperty', '{"id":7,"method":"hasOwnProperty","args":["x"]}', 'error'],
  ['saveSettings(null)', '{"id":7,"method":"saveSettings","args":[null]}', 'error'],
  ['saveSettings of another version', '{"id":7,"method":"saveSettings","args":[{"version":1}]}', 'error'],
  ['saveSettings with __proto__', '{"id":7,"method":"saveSettings","args":[{"__proto__":{"version":2}}]}', 'error'],
  ['setVisible("yes")', '{"id":7,"method":"setVisible","args":["yes"]}', 'error'],
  ['deep nesting', `{"id":7,"method":"getBoard","args":[${'['.repeat(50_000)}${']'.repeat(50_000)}]}`, 'error'],
  ['nesting 400,000 deep', `{"id":7,"method":"getBoard","args":${'['.repeat(400_000)}${']'.repeat(400_000)}}`, 'answered'],
  ['a 900 KB string', `{"id":7,"method":"importSettings","args":["${'x'.repeat(900_000)}"]}`, 'answered'],
  ['a 900 KB method name', `{"id":7,"method":"${'m'.repeat(900_000)}","args":[]}`, 'error'],
];

describe('hostile messages over an authorised socket', () => {
  it.each(HOSTILE_MESSAGES)('%s: an error answer or a 1003 close, never a crash', async (_name, message, expected) => {
    cases++;
    const ws = await openApi();
    const answer = await call(ws, null, message);
    if (expected === 'closed') expect(answer).toEqual({ closed: 1003 });
    // Answered at all, with an envelope: the host decides whether it is an error.
    else if (expected === 'answered') expect(typeof (answer.result as { ok?: unknown } | undefined)?.ok).toBe('boolean');
    else expect(answer).toMatchObject({ id: 7, result: { ok: false, error: { code: 'invalid-input' } } });
    ws.terminate();
  });

  it('after every hostile message: alive, serving and answering', async () => {
    await expectServing('messages');
  });
});
