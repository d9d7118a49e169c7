/**
 * WHATWG URL and URLSearchParams exist in every runtime core runs in (Node, Chromium, Electron),
 * but their types come only with the DOM or Node libraries, which core must not load. These are
 * the few members core uses.
 */
declare class URLSearchParams {
  constructor(init?: string | Record<string, string>);
  get(name: string): string | null;
  set(name: string, value: string): void;
  toString(): string;
}

declare class URL {
  constructor(url: string, base?: string);
  readonly protocol: string;
  readonly host: string;
  readonly hostname: string;
  readonly origin: string;
  readonly pathname: string;
  readonly searchParams: URLSearchParams;
  toString(): string;
}
