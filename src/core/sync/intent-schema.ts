/** Validates intents that arrive from outside (the renderer, an enqueue file) before they are queued. */
import { z } from 'zod';
import type { IntentPayload } from './intents';
import { MAX_FILE_BYTES } from '../domain/files';

const id = z.string().trim().min(1).max(64).regex(/^(\d+|local:[\w-]{1,64})$/, 'a task ID');
const plainId = z.string().trim().regex(/^\d{1,18}$/, 'a numeric ID');
const fieldName = z.string().regex(/^(TITLE|DESCRIPTION|PRIORITY|DEADLINE|RESPONSIBLE_ID|TIME_ESTIMATE|UF_[A-Z0-9_]{1,60})$/, 'a task field Pult may edit');
const fieldValue = z.union([z.string().max(100_000), z.array(z.string().max(1000)).max(100), z.null()]);
const fields = z.record(fieldName, fieldValue).refine((f) => Object.keys(f).length > 0, 'at least one field');

export const intentPayloadSchema: z.ZodType<IntentPayload> = z.discriminatedUnion('name', [
  z.object({ name: z.literal('moveCard'), taskId: id, stageId: plainId, beforeId: plainId.optional(), afterId: plainId.optional() }).strict(),
  z.object({ name: z.literal('updateFields'), taskId: id, fields }).strict(),
  z.object({ name: z.literal('changeStatus'), taskId: id, action: z.enum(['start', 'pause', 'complete', 'renew', 'defer']) }).strict(),
  z
    .object({
      name: z.literal('addComment'),
      taskId: id,
      text: z.string().trim().min(1).max(50_000),
      files: z
        .array(z.object({ fileRef: z.string().regex(/^[\w-]{8,64}$/, 'a staged file reference'), name: z.string().trim().min(1).max(255), size: z.number().int().min(0).max(MAX_FILE_BYTES) }).strict())
        .min(1)
        .max(5)
        .optional(),
    })
    .strict(),
  z.object({ name: z.literal('logTime'), taskId: id, seconds: z.number().int().min(60).max(24 * 3600), comment: z.string().max(2000) }).strict(),
  z
    .object({
      name: z.literal('createTask'),
      clientId: z.string().regex(/^[\w-]{1,64}$/, 'a client ID of letters, digits, - and _'),
      groupId: plainId,
      title: z.string().trim().min(1).max(255),
      description: z.string().max(100_000).optional(),
      responsibleId: plainId.optional(),
      fields: z.record(fieldName, fieldValue).optional(),
    })
    .strict(),
]) as z.ZodType<IntentPayload>;
