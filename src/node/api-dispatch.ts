import { z } from 'zod';
import { BitrixError } from '../core/bitrix/errors';
import type { FailureKind } from '../core/failure';
import { intentPayloadSchema } from '../core/sync/intent-schema';
import { SETTINGS_VERSION, settingsSchema } from '../core/domain/settings';
import { StoreError } from './store';
import { SecretStoreError } from './secrets/errors';
import type { ApiError, ApiMethod, ApiResult, PultApi } from '../shared/api';
import { ApiFailure } from './api-failure';

const portalUrl = z
  .string()
  .trim()
  .url('a portal address like https://portal.example.ru')
  .refine((u) => /^https?:\/\//.test(u), 'an http(s) address');
const fingerprint = z.string().regex(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/, 'a SHA-256 fingerprint');
const groupId = z.string().regex(/^\d{1,18}$/, 'a group ID');
const taskId = z.string().regex(/^(\d{1,18}|local:[\w-]{1,64})$/, 'a task ID');
const seq = z.number().int().positive();

/** Argument schemas, one per API method: every input from a renderer is validated here. */
const argumentSchemas: { [K in ApiMethod]: z.ZodType<Parameters<PultApi[K]>> } = {
  getAppInfo: z.tuple([]),
  connectWebhook: z.tuple([z.object({ portalUrl, webhookUrl: portalUrl, trustFingerprint: fingerprint.optional() }).strict()]),
  connectOAuth: z.tuple([
    z
      .object({ portalUrl, clientId: z.string().trim().min(1).max(200), clientSecret: z.string().trim().min(1).max(500), trustFingerprint: fingerprint.optional(), inApp: z.boolean().optional() })
      .strict(),
  ]),
  cancelSignIn: z.tuple([]),
  connectDemo: z.tuple([]),
  proposeSetup: z.tuple([z.array(groupId).min(1).max(50)]),
  createServiceDeskFields: z.tuple([z.array(z.enum(['type', 'blocker', 'estimate'])).min(1).max(3)]),
  completeSetup: z.tuple([
    z.object({ groupIds: z.array(groupId).min(1).max(50), stageRoles: settingsSchema.shape.stageRoles, fields: settingsSchema.shape.fields }).strict(),
  ]) as unknown as z.ZodType<Parameters<PultApi['completeSetup']>>,
  signOut: z.tuple([]),
  retryRestore: z.tuple([]),
  keepSecretsInMemory: z.tuple([]),
  listGroups: z.tuple([]),
  getBoard: z.tuple([groupId]),
  getBoardPage: z.tuple([z.object({ groupId, snapshotId: z.string().regex(/^\d{1,18}-\d{1,12}$/, 'a board read ID').optional(), offset: z.number().int().min(0).max(10_000_000) }).strict()]),
  getDirectory: z.tuple([]),
  getTaskDetails: z.tuple([taskId]),
  getTaskFiles: z.tuple([taskId]),
  stageFile: z.union([
    z.tuple([z.string().trim().min(1).max(255), z.string().max(512 * 1024).regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64')]),
    z.tuple([z.string().trim().min(1).max(255), z.string().max(512 * 1024).regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64'), z.string().regex(/^[\w-]{8,64}$/, 'a staged file reference')]),
  ]) as unknown as z.ZodType<Parameters<PultApi['stageFile']>>,
  readTaskFile: z.tuple([taskId, z.string().regex(/^(chat)?\d{1,18}$/, 'an attachment ID or chat<file ID>')]),
  suggestAssignee: z.tuple([z.union([z.object({ taskId }).strict(), z.object({ typeValue: z.string().trim().min(1).max(200) }).strict()])]),
  enqueue: z.tuple([intentPayloadSchema]),
  listQueued: z.tuple([]),
  retryEdit: z.tuple([seq]),
  discardEdit: z.tuple([seq]),
  resolveConflict: z.tuple([seq, z.enum(['mine', 'theirs'])]),
  getSyncStatus: z.tuple([]),
  syncNow: z.tuple([]),
  setVisible: z.tuple([z.boolean()]),
  getReports: z.tuple([
    z
      .object({
        fromDay: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a day YYYY-MM-DD'),
        toDay: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a day YYYY-MM-DD'),
        month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month YYYY-MM'),
        groupIds: z.array(groupId).max(50).optional(),
      })
      .strict()
      .refine((r) => r.fromDay <= r.toDay, 'fromDay must not be after toDay')
      .refine((r) => (Date.parse(r.toDay) - Date.parse(r.fromDay)) / 86_400_000 <= 366, 'at most a year at a time'),
  ]) as unknown as z.ZodType<Parameters<PultApi['getReports']>>,
  getSettings: z.tuple([]),
  // The whole shape is checked where settings are stored (with its own error words); here only
  // that it is settings of this version at all, so nothing else reaches the host's code.
  saveSettings: z.tuple([z.looseObject({ version: z.literal(SETTINGS_VERSION) })]) as unknown as z.ZodType<Parameters<PultApi['saveSettings']>>,
  importSettings: z.tuple([z.string().max(5_000_000)]),
  exportSettings: z.tuple([]),
  snoozeTask: z.tuple([z.string().regex(/^\d{1,18}$/, 'a task ID'), z.enum(['1h', 'tomorrow'])]),
  openInPortal: z.tuple([taskId]),
};

export function isApiMethod(name: unknown): name is ApiMethod {
  return typeof name === 'string' && Object.hasOwn(argumentSchemas, name);
}

/** What a failure says to the user; the host words it in the UI language (host-messages.ts). */
export type FailureText = (failure: { kind: FailureKind | 'storage' | 'keychain' | 'internal'; code: string; status: number | null; detail: string }) => string;

/** Without a host to word it (tests, tools): the technical message as it came. */
const technicalText: FailureText = ({ kind, detail }) => (kind === 'internal' ? 'Internal error in the Pult host' : detail);

function toApiError(error: unknown, text: FailureText): ApiError {
  if (error instanceof ApiFailure) {
    return {
      code: error.code,
      message: error.message,
      ...(error.portalCode ? { portalCode: error.portalCode } : {}),
      ...(error.certificate ? { certificate: error.certificate } : {}),
    };
  }
  if (error instanceof BitrixError) {
    // A refusal carries the portal's own words (in the portal's language); the rest is worded here.
    const message = error.kind === 'refused' ? error.message : text({ kind: error.kind, code: error.code, status: error.status, detail: error.message });
    switch (error.kind) {
      case 'unreachable':
      case 'server-error':
      case 'rate-limited':
      case 'operation-limit':
        return { code: 'unreachable', message, portalCode: error.code };
      case 'signed-out':
      case 'token-expired':
        return { code: 'signed-out', message, portalCode: error.code };
      case 'refused':
        return { code: error.code.startsWith('ACCESS_DENIED') ? 'denied' : 'portal', message, portalCode: error.code };
      case 'malformed':
        return { code: 'portal', message, portalCode: error.code };
    }
  }
  if (error instanceof StoreError) return { code: 'storage', message: text({ kind: 'storage', code: error.code, status: null, detail: error.message }) };
  // The OS keychain is not the disk: its own words, with what to do.
  if (error instanceof SecretStoreError) return { code: 'storage', message: text({ kind: 'keychain', code: error.code, status: null, detail: error.message }) };
  return { code: 'internal', message: text({ kind: 'internal', code: 'INTERNAL', status: null, detail: '' }) };
}

/** A method name as an error may quote it: whatever a client sent, never its own `toString`. */
function describeMethod(method: unknown): string {
  if (typeof method === 'string') return JSON.stringify(method.length > 80 ? `${method.slice(0, 80)}…` : method);
  return method === null ? 'null' : `(${typeof method})`;
}

/**
 * Validates a call from any transport, runs it, and wraps the outcome in an envelope. It never
 * rejects: hostile input (a method object with its own toString, nesting deep enough to overflow
 * the stack in validation) becomes an error answer like any other failure.
 */
export async function dispatchApiCall(service: PultApi, method: unknown, args: unknown, onInternalError?: (error: unknown) => void, text: FailureText = technicalText): Promise<ApiResult<unknown>> {
  try {
    if (!isApiMethod(method)) {
      return { ok: false, error: { code: 'invalid-input', message: `Unknown API method: ${describeMethod(method)}` } };
    }
    const parsed = argumentSchemas[method].safeParse(args);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return { ok: false, error: { code: 'invalid-input', message: `Invalid arguments for ${method}: ${issue?.path.join('.') ?? ''} ${issue?.message ?? 'bad input'}`.trim() } };
    }
    const fn = service[method] as (...a: unknown[]) => Promise<unknown>;
    const value = await fn.apply(service, parsed.data as unknown[]);
    return { ok: true, value };
  } catch (error) {
    try {
      const apiError = toApiError(error, text);
      if (apiError.code === 'internal') onInternalError?.(error);
      return { ok: false, error: apiError };
    } catch {
      return { ok: false, error: { code: 'internal', message: 'Internal error in the Pult host' } };
    }
  }
}

export const API_METHOD_NAMES = Object.keys(argumentSchemas) as ApiMethod[];
