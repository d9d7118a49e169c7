/** The small interfaces through which core reaches the world (injected, faked in tests). */

export interface HttpRequest {
  method: 'GET' | 'POST';
  url: string;
  headers?: Record<string, string>;
  body?: string;
  /** Abort after this many milliseconds without a complete answer. */
  timeoutMs?: number;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Rejects with `HttpTransportError` when no HTTP answer arrived (refused, reset, timed out). */
export interface Http {
  request(request: HttpRequest): Promise<HttpResponse>;
}

export class HttpTransportError extends Error {
  constructor(
    message: string,
    /** `timeout` when the deadline passed; `network` for refused/reset/DNS/TLS failures. */
    readonly reason: 'timeout' | 'network' | 'tls',
    /**
     * False when the request certainly never reached the server (refused, DNS, TLS handshake):
     * then even a non-idempotent write may be resent safely.
     */
    readonly mayHaveArrived: boolean = true,
  ) {
    super(message);
    this.name = 'HttpTransportError';
  }
}

export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
  /**
   * Resolves after `ms` milliseconds (fake clocks resolve when advanced), or at once when
   * `signal` aborts: a shutdown never waits out a retry delay.
   */
  sleep(ms: number, signal?: CancelSignal): Promise<void>;
}

export interface Random {
  /** A float in [0, 1). */
  next(): number;
}

export interface Logger {
  debug(message: string, data?: Record<string, unknown>): void;
  info(message: string, data?: Record<string, unknown>): void;
  warn(message: string, data?: Record<string, unknown>): void;
  error(message: string, data?: Record<string, unknown>): void;
}

/**
 * Secrets (client_secret, tokens, webhook URL) live only behind this port: the OS keychain in
 * the app, never settings, the database, logs or the renderer.
 */
export interface SecretStore {
  get(key: string): Promise<string | null>;
  set(key: string, value: string): Promise<void>;
  delete(key: string): Promise<void>;
}

/** The part of an AbortSignal core uses (core has no DOM or Node types). */
export interface CancelSignal {
  readonly aborted: boolean;
  addEventListener(type: 'abort', listener: () => void): void;
}

/** A signal core can raise itself: `cancel()` wakes every waiter at once. */
export function cancelSource(): { signal: CancelSignal; cancel(): void } {
  const listeners: (() => void)[] = [];
  const signal = { aborted: false, addEventListener: (_type: 'abort', listener: () => void) => void listeners.push(listener) };
  return {
    signal,
    cancel() {
      if (signal.aborted) return;
      signal.aborted = true;
      for (const listener of listeners.splice(0)) listener();
    },
  };
}
