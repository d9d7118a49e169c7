import { z } from 'zod';
import { BitrixError } from '../core/bitrix/errors';
import type { ApiError, ApiMethod, ApiResult, PultApi } from '../shared/api';
import { ApiFailure } from './api-failure';

/** Argument schemas, one per API method: every input from a renderer is validated here. */
const argumentSchemas: { [K in ApiMethod]: z.ZodType<Parameters<PultApi[K]>> } = {
  getAppInfo: z.tuple([]),
  listGroups: z.tuple([]),
};

export function isApiMethod(name: unknown): name is ApiMethod {
  return typeof name === 'string' && Object.hasOwn(argumentSchemas, name);
}

function toApiError(error: unknown): ApiError {
  if (error instanceof ApiFailure) {
    return { code: error.code, message: error.message, ...(error.portalCode ? { portalCode: error.portalCode } : {}) };
  }
  if (error instanceof BitrixError) {
    switch (error.kind) {
      case 'transient':
      case 'rate-limited':
      case 'operation-limit':
        return { code: 'unreachable', message: error.message, portalCode: error.code };
      case 'signed-out':
      case 'token-expired':
        return { code: 'signed-out', message: error.message, portalCode: error.code };
      case 'refused':
        return { code: error.code.startsWith('ACCESS_DENIED') ? 'denied' : 'portal', message: error.message, portalCode: error.code };
      case 'malformed':
        return { code: 'portal', message: error.message, portalCode: error.code };
    }
  }
  return { code: 'internal', message: 'Internal error in the Pult host' };
}

/** Validates a call from any transport, runs it, and wraps the outcome in an envelope. */
export async function dispatchApiCall(service: PultApi, method: unknown, args: unknown): Promise<ApiResult<unknown>> {
  if (!isApiMethod(method)) {
    return { ok: false, error: { code: 'invalid-input', message: `Unknown API method: ${String(method)}` } };
  }
  const parsed = argumentSchemas[method].safeParse(args);
  if (!parsed.success) {
    return { ok: false, error: { code: 'invalid-input', message: `Invalid arguments for ${method}: ${parsed.error.issues[0]?.message ?? 'bad input'}` } };
  }
  try {
    const fn = service[method] as (...a: unknown[]) => Promise<unknown>;
    const value = await fn.apply(service, parsed.data as unknown[]);
    return { ok: true, value };
  } catch (error) {
    return { ok: false, error: toApiError(error) };
  }
}

export const API_METHOD_NAMES = Object.keys(argumentSchemas) as ApiMethod[];
