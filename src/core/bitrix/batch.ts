import { z } from 'zod';
import { buildPhpQuery } from './php-query';
import { BitrixError } from './errors';

/** At most 50 commands per batch (server-facts §1, BATCH_MAX_LENGTH). */
export const BATCH_LIMIT = 50;

export interface BatchCommand {
  method: string;
  params?: Record<string, unknown>;
}

/** A reference to an earlier command's result, written into a later command's parameters. */
export function resultRef(key: string, ...path: (string | number)[]): string {
  return `$result[${key}]${path.map((p) => `[${p}]`).join('')}`;
}

export function buildBatchParams(commands: Record<string, BatchCommand>, halt = false): Record<string, unknown> {
  const keys = Object.keys(commands);
  if (keys.length === 0) throw new Error('A batch needs at least one command');
  if (keys.length > BATCH_LIMIT) throw new Error(`A batch carries at most ${BATCH_LIMIT} commands, got ${keys.length}`);
  const cmd: Record<string, string> = {};
  for (const key of keys) {
    const command = commands[key]!;
    const query = command.params ? buildPhpQuery(command.params) : '';
    cmd[key] = query ? `${command.method}?${query}` : command.method;
  }
  return { halt: halt ? 1 : 0, cmd };
}

/** PHP serialises an empty map as `[]`: accept both shapes for every per-command map. */
const keyedMap = <T extends z.ZodTypeAny>(value: T) =>
  z.union([z.record(z.string(), value), z.array(z.unknown()).length(0).transform(() => ({}) as Record<string, z.infer<T>>)]);

const batchResult = z.object({
  result: keyedMap(z.unknown()),
  result_error: keyedMap(z.object({ error: z.union([z.string(), z.number()]).transform(String), error_description: z.string().optional() }).passthrough()),
  result_total: keyedMap(z.union([z.number(), z.string()]).transform(Number)),
  result_next: keyedMap(z.union([z.number(), z.string()]).transform(Number)),
});

export interface BatchOutcome {
  /** Per command: its result, or the portal's error for it. */
  results: Record<string, unknown>;
  errors: Record<string, { code: string; description: string }>;
  totals: Record<string, number>;
  nexts: Record<string, number>;
}

export function readBatchResult(result: unknown): BatchOutcome {
  const parsed = batchResult.safeParse(result);
  if (!parsed.success) throw new BitrixError('malformed', 'MALFORMED_ANSWER', 'batch answered an unexpected shape');
  const errors: BatchOutcome['errors'] = {};
  for (const [key, error] of Object.entries(parsed.data.result_error)) {
    errors[key] = { code: error.error, description: error.error_description ?? error.error };
  }
  return { results: parsed.data.result, errors, totals: parsed.data.result_total, nexts: parsed.data.result_next };
}
