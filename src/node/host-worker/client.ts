/**
 * The windowing thread's side of the host's worker: a wire for relaying the renderer's calls and
 * events as text, a parsed API for the few things this thread asks itself (visibility, sync now,
 * the close-to-tray setting), the tray's reminders, and a restart if the worker dies.
 */
import { Worker } from 'node:worker_threads';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AlertState } from '../alerts/monitor';
import { resolveLanguage } from '../alerts/monitor';
import type { AlertsPort } from '../alerts/service';
import type { AlertNotice } from '../alerts/types';
import type { ApiError, ApiMethod, ApiResult, PultApi, PultEvent } from '../../shared/api';
import { API_METHOD_NAMES } from '../api-dispatch';
import type { WireService } from '../wire';
import type { ControlOp, FromWorker, HostWorkerConfig, SignInWindowOutcome, ToWorker, WorkerAsk } from './protocol';

export interface HostWorkerOptions {
  config: HostWorkerConfig;
  /** The worker's module: the built `host-worker.js`, or `worker-main.ts` when run from source. */
  entry?: string;
  openExternal(url: string): Promise<void>;
  openSignInWindow?(url: string, redirectUri: string, trustedPems: readonly string[]): Promise<SignInWindowOutcome>;
  log?(level: 'debug' | 'info' | 'warn' | 'error', message: string, data?: Record<string, unknown>): void;
  /** How many times a dead worker is started again within `restartWindowMs` (default 3 in 10 min). */
  maxRestarts?: number;
  restartWindowMs?: number;
}

/** A failed call on the parsed API. */
export class HostCallError extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
    this.name = 'HostCallError';
  }
}

export interface HostWorkerClient {
  wire: WireService;
  api: PultApi;
  /** Parsed events of the listed types only: a board delta is never parsed on this thread unless asked. */
  onEvent(types: readonly PultEvent['type'][], listener: (event: PultEvent) => void): () => void;
  control(op: ControlOp): Promise<unknown>;
  alerts: AlertsPort;
  /** Resolves when the worker has stopped (tests, quitting). */
  close(): Promise<void>;
  /** The worker's thread ID (tests). */
  readonly threadId: number;
}

const here = path.dirname(fileURLToPath(import.meta.url));

/** The worker's module when run from source (browser mode, tests, benchmarks). */
export function sourceWorkerEntry(): string {
  return path.join(here, 'worker-main.ts');
}

function spawnWorker(entry: string, config: HostWorkerConfig): Worker {
  if (entry.endsWith('.ts')) {
    // From source: the bootstrap registers the TypeScript loader inside the new thread.
    return new Worker(path.join(here, 'dev-bootstrap.mjs'), { workerData: { entry: pathToFileURL(entry).href, config } });
  }
  return new Worker(entry, { workerData: { config } });
}

const STOPPED: { ok: false; error: ApiError } = { ok: false, error: { code: 'internal', message: 'The Pult host stopped; it is starting again' } };

function uncarriable(error: unknown): { ok: false; error: ApiError } {
  const reason = error instanceof Error ? error.name : 'error';
  return { ok: false, error: { code: 'invalid-input', message: `Invalid arguments: they cannot reach the host (${reason})` } };
}

export function startHostWorker(options: HostWorkerOptions): HostWorkerClient {
  const entry = options.entry ?? sourceWorkerEntry();
  const log = options.log ?? (() => undefined);
  let nextId = 1;
  const calls = new Map<number, (json: string) => void>();
  const controls = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  const wireListeners = new Set<(json: string) => void>();
  const parsedListeners = new Set<{ types: ReadonlySet<string>; listener: (event: PultEvent) => void }>();
  const noticeListeners = new Set<(notices: AlertNotice[]) => void>();
  const stateListeners = new Set<(state: AlertState) => void>();
  let alertState: AlertState = {
    connectivity: null,
    attentionCount: 0,
    pausedUntil: null,
    language: resolveLanguage('system', options.config.alerts?.systemLocale ?? 'ru'),
    utcOffsetMinutes: 180,
  };
  let closing = false;
  const restarts: number[] = [];
  // A webhook kept in the worker's memory dies with it: a restart opens it again from here.
  let reopen: ControlOp = { op: 'restore' };
  // A worker started again after a crash keeps the user's choice of memory over the keychain
  // (the secrets themselves died with the old worker: the user signs in again).
  let config = options.config;
  let worker = attach(spawnWorker(entry, options.config));

  function emitWire(json: string): void {
    wireListeners.forEach((listener) => listener(json));
  }

  async function answer(id: number, request: WorkerAsk): Promise<void> {
    try {
      if (request.ask === 'open-external') {
        await options.openExternal(request.url);
        send({ kind: 'answer', id, ok: true });
      } else if (options.openSignInWindow) {
        send({ kind: 'answer', id, ok: true, value: await options.openSignInWindow(request.url, request.redirectUri, request.trustedPems) });
      } else throw new Error('no sign-in window in this shell');
    } catch (error) {
      send({ kind: 'answer', id, ok: false, error: error instanceof Error ? error.message : String(error) });
    }
  }

  function onMessage(message: FromWorker): void {
    switch (message.kind) {
      case 'result': {
        const resolve = calls.get(message.id);
        calls.delete(message.id);
        resolve?.(message.json);
        return;
      }
      case 'control-done': {
        const pending = controls.get(message.id);
        controls.delete(message.id);
        if (message.ok) pending?.resolve(message.value);
        else pending?.reject(new Error(message.message));
        return;
      }
      case 'event': {
        emitWire(message.json);
        let parsed: PultEvent | null = null;
        for (const { types, listener } of parsedListeners) {
          if (!types.has(message.type)) continue;
          parsed ??= JSON.parse(message.json) as PultEvent;
          listener(parsed);
        }
        return;
      }
      case 'ask':
        void answer(message.id, message.request);
        return;
      case 'alert-notices':
        noticeListeners.forEach((listener) => listener(message.notices));
        return;
      case 'alert-state':
        alertState = message.state;
        stateListeners.forEach((listener) => listener(message.state));
        return;
      case 'log':
        log(message.level, message.message, message.data);
        return;
    }
  }

  function attach(next: Worker): Worker {
    next.on('message', onMessage);
    next.on('error', (error) => log('error', 'the host worker failed', { error: error.stack ?? error.message }));
    next.on('exit', (code) => {
      if (closing || next !== worker) return;
      // Calls in flight get an answer; the pages see app-changed and read the state again.
      for (const resolve of calls.values()) resolve(JSON.stringify(STOPPED));
      calls.clear();
      for (const pending of controls.values()) pending.reject(new Error(STOPPED.error.message));
      controls.clear();
      const now = Date.now();
      const window = options.restartWindowMs ?? 600_000;
      while (restarts.length > 0 && now - restarts[0]! > window) restarts.shift();
      if (restarts.length >= (options.maxRestarts ?? 3)) {
        log('error', 'the host worker keeps stopping; not starting it again', { code });
        return;
      }
      restarts.push(now);
      log('warn', 'the host worker stopped; starting it again', { code });
      worker = attach(spawnWorker(entry, config));
      void control(reopen)
        .catch((error: unknown) => log('warn', 'could not restore after a restart', { error: error instanceof Error ? error.message : String(error) }))
        .finally(() => emitWire(JSON.stringify({ type: 'app-changed' } satisfies PultEvent)));
    });
    return next;
  }

  function send(message: ToWorker): void {
    worker.postMessage(message);
  }

  function control(op: ControlOp): Promise<unknown> {
    if (options.config.secrets === 'memory' && (op.op === 'resume-webhook' || op.op === 'connect-webhook-with-setup')) {
      reopen = { op: 'resume-webhook', portalUrl: op.portalUrl, webhookUrl: op.webhookUrl };
    }
    const id = nextId++;
    return new Promise((resolve, reject) => {
      controls.set(id, { resolve, reject });
      send({ kind: 'control', id, control: op });
    });
  }

  const wire: WireService = {
    call(method, args) {
      if (closing) return Promise.resolve(JSON.stringify(STOPPED));
      const id = nextId++;
      return new Promise<string>((resolve) => {
        calls.set(id, resolve);
        try {
          send({ kind: 'call', id, method, args });
        } catch (error) {
          // Input the thread boundary cannot carry (a function, nesting past the clone's stack)
          // is the caller's error: an answer, not a call left waiting for ever.
          calls.delete(id);
          resolve(JSON.stringify(uncarriable(error)));
        }
      }).then((json) => {
        if (method === 'keepSecretsInMemory' && json.startsWith('{"ok":true')) config = { ...config, secrets: 'memory' };
        return json;
      });
    },
    subscribe(listener) {
      wireListeners.add(listener);
      return () => void wireListeners.delete(listener);
    },
  };

  const api = Object.fromEntries(
    API_METHOD_NAMES.map((method) => [
      method,
      async (...args: unknown[]) => {
        const result = JSON.parse(await wire.call(method, args)) as ApiResult<unknown>;
        if (!result.ok) throw new HostCallError(result.error);
        return result.value;
      },
    ]),
  ) as { [K in ApiMethod]: PultApi[K] };

  const listen = <T>(set: Set<T>, listener: T) => {
    set.add(listener);
    return () => void set.delete(listener);
  };

  return {
    wire,
    api,
    get threadId() {
      return worker.threadId;
    },
    onEvent: (types, listener) => listen(parsedListeners, { types: new Set(types), listener }),
    control,
    alerts: {
      getState: () => alertState,
      onNotices: (listener) => listen(noticeListeners, listener),
      onState: (listener) => listen(stateListeners, listener),
      pause: (choice) => void control({ op: 'alerts-pause', choice }).catch(() => undefined),
      resume: () => void control({ op: 'alerts-resume' }).catch(() => undefined),
      snooze: (taskId, choice) => void control({ op: 'alerts-snooze', taskId, choice }).catch(() => undefined),
    },
    async close() {
      if (closing) return;
      const stopping = control({ op: 'close' }).catch(() => undefined);
      closing = true;
      const timeout = new Promise((resolve) => setTimeout(resolve, 5_000).unref());
      await Promise.race([stopping, timeout]);
      await worker.terminate();
    },
  };
}
