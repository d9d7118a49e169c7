/** Browser mode's relay: the API over a WebSocket, as text, and sync visibility over all pages. */
import { afterEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { startWebHost, type WebHost } from '../../../src/node/web-host';
import type { WireService } from '../../../src/node/wire';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A wire that records what reaches the host and answers like it, as text. */
function recordingWire() {
  const calls: { method: unknown; args: unknown }[] = [];
  const listeners = new Set<(json: string) => void>();
  const wire: WireService = {
    call: async (method, args) => {
      calls.push({ method, args });
      return method === 'getBoard' ? '{"ok":true,"value":{"groupId":"1","cards":[]}}' : '{"ok":true,"value":null}';
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
  return { wire, calls, emit: (json: string) => listeners.forEach((listener) => listener(json)) };
}

async function start(wire: WireService, rendererDir = mkdtempSync(path.join(os.tmpdir(), 'pult-renderer-'))): Promise<WebHost> {
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Pult</title>');
  const web = await startWebHost({ wire, rendererDir });
  cleanups.push(() => web.close());
  return web;
}

async function page(web: WebHost) {
  const url = new URL(web.url);
  const ws = new WebSocket(`ws://${url.host}/api?token=${url.searchParams.get('token')}`, { headers: { origin: `http://${url.host}` } });
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  const frames: string[] = [];
  ws.on('message', (data) => frames.push(String(data)));
  let id = 0;
  const call = async (method: string, ...args: unknown[]) => {
    const mine = ++id;
    ws.send(JSON.stringify({ id: mine, method, args }));
    for (let i = 0; i < 200; i++) {
      const answer = frames.map((f) => JSON.parse(f) as { id?: number; result?: unknown }).find((m) => m.id === mine);
      if (answer) return answer.result;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error(`no answer to ${method}`);
  };
  return { ws, frames, call, close: () => new Promise<void>((resolve) => (ws.once('close', () => resolve()), ws.close())) };
}

const settle = () => new Promise((r) => setTimeout(r, 100));

describe('the static files', () => {
  it('serves the page uncached and hashed assets cacheable for good; a malformed address is a 400, and the host goes on', async () => {
    const rendererDir = mkdtempSync(path.join(os.tmpdir(), 'pult-renderer-'));
    mkdirSync(path.join(rendererDir, 'assets'));
    writeFileSync(path.join(rendererDir, 'assets', 'index-abc123.js'), 'export {};');
    const web = await start(recordingWire().wire, rendererDir);
    const origin = new URL(web.url).origin;

    const pageResponse = await fetch(`${origin}/`);
    expect(pageResponse.status).toBe(200);
    expect(pageResponse.headers.get('cache-control')).toBe('no-store');
    const asset = await fetch(`${origin}/assets/index-abc123.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await asset.text()).toBe('export {};');

    for (const bad of ['/%E0%A4%A', '/%', '/%zz', '/assets/%ff.js']) expect((await fetch(`${origin}${bad}`)).status, bad).toBe(400);
    expect((await fetch(`${origin}/assets/missing.js`)).status).toBe(404);
    expect((await fetch(`${origin}/`)).status).toBe(200);
  });
});

describe('the browser-mode relay', () => {
  it('relays answers and events as the host wrote them', async () => {
    const { wire, emit } = recordingWire();
    const web = await start(wire);
    const tab = await page(web);
    expect(await tab.call('getBoard', '1')).toEqual({ ok: true, value: { groupId: '1', cards: [] } });
    emit('{"type":"portal-clock","portalOffsetMs":5}');
    await settle();
    expect(tab.frames).toContain('{"event":{"type":"portal-clock","portalOffsetMs":5}}');
  });

  it('polls fast while any page is visible: a page hidden or closed does not slow the others', async () => {
    const { wire, calls } = recordingWire();
    const web = await start(wire);
    const visibility = () => calls.filter((c) => c.method === 'setVisible').map((c) => (c.args as boolean[])[0]);
    const console1 = await page(web);
    const wallboard = await page(web);
    await console1.call('setVisible', true);
    await wallboard.call('setVisible', true);
    await wallboard.call('setVisible', false);
    expect(visibility()).toEqual([true]);
    await console1.close();
    await settle();
    expect(visibility()).toEqual([true, false]);
    await wallboard.call('setVisible', true);
    expect(visibility()).toEqual([true, false, true]);
  });

  it('leaves a malformed visibility call to the host to refuse', async () => {
    const { wire, calls } = recordingWire();
    const web = await start(wire);
    const tab = await page(web);
    await tab.call('setVisible', 'yes');
    expect(calls).toEqual([{ method: 'setVisible', args: ['yes'] }]);
  });
});
