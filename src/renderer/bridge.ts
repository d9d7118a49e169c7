/**
 * The only file that knows how the renderer reaches its host: Electron's preload (`window.pult`)
 * or, in browser mode, a WebSocket to the local host behind the page's one-time token. Every call
 * has a deadline, so a host that never answers ends in an error rather than a spinner for ever.
 */
import type { ApiError, ApiMethod, ApiResult, PultApi, PultBridge, PultEvent } from '../shared/api';
import { translate, type Language } from './i18n';
import { deadlineOf, withDeadline } from './host-link/call-deadline';
import { createSocketBridge } from './host-link/socket-bridge';

declare global {
  interface Window {
    pult?: PultBridge;
  }
}

export class PultError extends Error {
  readonly code: ApiError['code'];
  readonly portalCode: string | undefined;
  readonly details: ApiError;
  constructor(error: ApiError) {
    super(error.message);
    this.name = 'PultError';
    this.code = error.code;
    this.portalCode = error.portalCode;
    this.details = error;
  }
}

function language(): Language {
  return document.documentElement.lang === 'en' ? 'en' : 'ru';
}

function socketBridge(): PultBridge {
  const token = new URLSearchParams(window.location.search).get('token') ?? '';
  const url = `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}/api?token=${encodeURIComponent(token)}`;
  return createSocketBridge({ url, text: (key) => translate(language(), key === 'closed' ? 'host.closed' : 'host.unreachable') });
}

const bridge: PultBridge = window.pult ?? socketBridge();

function unwrap(source: PultBridge): PultApi {
  return new Proxy({} as PultApi, {
    get: (_target, method: string) => async (...args: unknown[]) => {
      const call = source[method as ApiMethod] as unknown as (...a: unknown[]) => Promise<ApiResult<unknown>>;
      const deadline = deadlineOf(method as ApiMethod);
      const late = (): ApiResult<unknown> => ({ ok: false, error: { code: 'internal', message: translate(language(), 'host.late', { seconds: Math.round((deadline ?? 0) / 1000) }) } });
      const result = await withDeadline(call(...args), deadline, late, window);
      if (!result.ok) throw new PultError(result.error);
      return result.value;
    },
  });
}

export const pult: PultApi = unwrap(bridge);

/** Host events: sync status, board changes, notices, settings. */
export function onHostEvent(listener: (event: PultEvent) => void): () => void {
  return bridge.onEvent(listener);
}
