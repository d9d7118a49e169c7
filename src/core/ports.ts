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
  ) {
    super(message);
    this.name = 'HttpTransportError';
  }
}

export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
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
