/**
 * The API as a transport relays it: results and events already serialised as JSON text, so the
 * thread that serves windows (Electron's main, browser mode's HTTP server) only passes strings on
 * and never builds or parses a board.
 */
import type { PultApi, PultEvent } from '../shared/api';
import { dispatchApiCall, type FailureText } from './api-dispatch';

/** A call's answer with no value, as the wire carries it (a relay that answers a call itself). */
export const OK_NO_VALUE = '{"ok":true,"value":null}';

const INTERNAL_ERROR = '{"ok":false,"error":{"code":"internal","message":"Internal error in the Pult host"}}';

export interface WireService {
  /** Validates and runs one call; resolves to the JSON text of its `ApiResult`. */
  call(method: unknown, args: unknown): Promise<string>;
  /** Every host event as the JSON text of a `PultEvent`. */
  subscribe(listener: (eventJson: string) => void): () => void;
}

export interface InProcessService extends PultApi {
  onEvent(listener: (event: PultEvent) => void): () => void;
  /** Words a failure for the user in the UI language. */
  failureText?: FailureText;
}

/** A wire over a host in this thread (the host's worker uses it; tests too). */
export function inProcessWire(service: InProcessService, onInternalError?: (error: unknown) => void): WireService {
  return {
    call: async (method, args) => {
      const result = await dispatchApiCall(service, method, args, onInternalError, service.failureText);
      try {
        return JSON.stringify(result);
      } catch (error) {
        onInternalError?.(error);
        return INTERNAL_ERROR;
      }
    },
    subscribe: (listener) => service.onEvent((event) => listener(JSON.stringify(event))),
  };
}
