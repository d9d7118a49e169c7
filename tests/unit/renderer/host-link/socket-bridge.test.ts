/** The browser-mode transport against a real WebSocket server on 127.0.0.1. */
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocketServer, type WebSocket as ServerSocket } from 'ws';
import type { AddressInfo } from 'node:net';
import type { PultEvent } from '../../../../src/shared/api';
import { createSocketBridge } from '../../../../src/renderer/host-link/socket-bridge';

type Host = { server: WebSocketServer; url: string; sockets: ServerSocket[]; connections: number };

const hosts: Host[] = [];

async function startHost(port = 0, answer: (socket: ServerSocket, request: { id: number; method: string }) => void = (socket, request) => socket.send(JSON.stringify({ id: request.id, result: { ok: true, value: request.method } }))): Promise<Host> {
  const server = new WebSocketServer({ host: '127.0.0.1', port });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const host: Host = { server, url: `ws://127.0.0.1:${(server.address() as AddressInfo).port}/api`, sockets: [], connections: 0 };
  server.on('connection', (socket) => {
    host.connections++;
    host.sockets.push(socket);
    socket.on('message', (data) => answer(socket, JSON.parse(String(data)) as { id: number; method: string }));
  });
  hosts.push(host);
  return host;
}

async function stopHost(host: Host): Promise<void> {
  for (const socket of host.sockets) socket.terminate();
  await new Promise<void>((resolve) => host.server.close(() => resolve()));
}

afterEach(async () => {
  for (const host of hosts.splice(0)) await stopHost(host).catch(() => undefined);
});

const text = (key: 'closed' | 'unreachable') => (key === 'closed' ? 'link closed' : 'host unreachable');

describe('socket bridge', () => {
  it('matches answers to calls, and a bad frame from the host breaks nothing', async () => {
    const host = await startHost(0, (socket, request) => {
      // Noise first: not JSON, null, an answer to nobody, an event without a type.
      for (const noise of ['{not json', 'null', '42', JSON.stringify({ id: 999, result: { ok: true, value: 'x' } }), JSON.stringify({ event: {} })]) socket.send(noise);
      socket.send(JSON.stringify({ id: request.id, result: { ok: true, value: request.method } }));
    });
    const bridge = createSocketBridge({ url: host.url, text });
    const [a, b] = await Promise.all([bridge.getSettings(), bridge.getSyncStatus()]);
    expect(a).toEqual({ ok: true, value: 'getSettings' });
    expect(b).toEqual({ ok: true, value: 'getSyncStatus' });
  });

  it('ends the calls in flight when the link drops, reconnects, and says events may have been missed', async () => {
    const host = await startHost(0, () => undefined); // never answers
    const port = Number(new URL(host.url).port);
    const bridge = createSocketBridge({ url: host.url, text, reconnectMs: 50 });
    const events: PultEvent[] = [];
    bridge.onEvent((event) => events.push(event));
    const inFlight = bridge.getBoardPage({ groupId: '1', offset: 0, snapshotId: null } as never);
    await waitFor(() => host.connections === 1);
    expect(events).toEqual([]); // the first connection is no reconnect
    await stopHost(host);
    expect(await inFlight).toEqual({ ok: false, error: { code: 'internal', message: 'link closed' } });
    // The host comes back on its port: the bridge finds it and tells every listener.
    const again = await startHost(port);
    await waitFor(() => events.length > 0, 5_000);
    expect(events).toEqual([{ type: 'host-reconnected' }]);
    expect(again.connections).toBe(1);
    expect(await bridge.getAppInfo()).toEqual({ ok: true, value: 'getAppInfo' });
    again.sockets[0]!.send(JSON.stringify({ event: { type: 'app-changed' } }));
    await waitFor(() => events.length === 2);
    expect(events[1]).toEqual({ type: 'app-changed' });
  });

  it('answers a call with a clear error when no host listens', async () => {
    const host = await startHost();
    const url = host.url;
    await stopHost(host);
    const bridge = createSocketBridge({ url, text });
    expect(await bridge.getAppInfo()).toEqual({ ok: false, error: { code: 'internal', message: 'host unreachable' } });
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 3_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
