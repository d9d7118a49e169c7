/**
 * Browser mode's transport: a WebSocket to the local host. Answers are matched to calls by id; the
 * socket reconnects while anyone listens for events, and after a reconnect tells the listeners
 * that events may have been missed (`host-reconnected`), so every screen reads its data again.
 */
import type { ApiMethod, ApiResult, PultBridge, PultEvent, WireRequest } from '../../shared/api';

export type SocketText = (key: 'closed' | 'unreachable') => string;

export interface SocketBridgeOptions {
  url: string;
  text: SocketText;
  reconnectMs?: number;
  createSocket?: (url: string) => WebSocket;
}

const RECONNECT_MS = 1_000;

type Incoming = { id: number; result: ApiResult<unknown> } | { event: PultEvent };

/** A host message, or null when it is not one (a page must not fall over on a bad frame). */
function readMessage(data: unknown): Incoming | null {
  let message: unknown;
  try {
    message = JSON.parse(String(data));
  } catch {
    return null;
  }
  if (typeof message !== 'object' || message === null) return null;
  const record = message as Record<string, unknown>;
  if (typeof record.event === 'object' && record.event !== null && typeof (record.event as { type?: unknown }).type === 'string') return { event: record.event as PultEvent };
  if (typeof record.id === 'number' && typeof record.result === 'object' && record.result !== null) return { id: record.id, result: record.result as ApiResult<unknown> };
  return null;
}

export function createSocketBridge(options: SocketBridgeOptions): PultBridge {
  const { url, text } = options;
  const reconnectMs = options.reconnectMs ?? RECONNECT_MS;
  const createSocket = options.createSocket ?? ((target: string) => new WebSocket(target));
  const pending = new Map<number, (result: ApiResult<unknown>) => void>();
  const listeners = new Set<(event: PultEvent) => void>();
  let nextId = 1;
  let socket: Promise<WebSocket> | null = null;
  let everOpened = false;
  let reconnectTimer: ReturnType<typeof setTimeout> | null = null;

  function deliver(event: PultEvent): void {
    for (const listener of [...listeners]) listener(event);
  }

  function scheduleReconnect(): void {
    if (listeners.size === 0 || reconnectTimer !== null) return;
    reconnectTimer = setTimeout(() => {
      reconnectTimer = null;
      void connect().catch(() => undefined);
    }, reconnectMs);
  }

  function connect(): Promise<WebSocket> {
    socket ??= new Promise((resolve, reject) => {
      const ws = createSocket(url);
      ws.onopen = () => {
        resolve(ws);
        if (everOpened) deliver({ type: 'host-reconnected' });
        everOpened = true;
      };
      ws.onmessage = (event) => {
        const message = readMessage(event.data);
        if (message === null) return;
        if ('event' in message) {
          deliver(message.event);
          return;
        }
        pending.get(message.id)?.(message.result);
        pending.delete(message.id);
      };
      ws.onclose = () => {
        socket = null;
        for (const settle of pending.values()) settle({ ok: false, error: { code: 'internal', message: text('closed') } });
        pending.clear();
        reject(new Error(text('closed')));
        // Keep receiving events after the host restarts or the socket drops.
        scheduleReconnect();
      };
    });
    return socket;
  }

  function invoke(method: ApiMethod, args: unknown[]): Promise<ApiResult<unknown>> {
    return connect().then(
      (ws) =>
        new Promise<ApiResult<unknown>>((resolve) => {
          const id = nextId++;
          pending.set(id, resolve);
          const request: WireRequest = { id, method, args };
          ws.send(JSON.stringify(request));
        }),
      (): ApiResult<unknown> => ({ ok: false, error: { code: 'internal', message: text('unreachable') } }),
    );
  }

  return new Proxy({} as PultBridge, {
    get: (_target, method: string) => {
      if (method === 'onEvent') {
        return (listener: (event: PultEvent) => void) => {
          listeners.add(listener);
          void connect().catch(() => undefined);
          return () => listeners.delete(listener);
        };
      }
      return (...args: unknown[]) => invoke(method as ApiMethod, args);
    },
  });
}
