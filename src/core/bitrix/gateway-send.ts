import { BitrixError } from './errors';
import { BATCH_LIMIT, type BatchCommand } from './batch';
import { mapTaskRow } from './task-mapper';
import type { BitrixClient } from './client';
import type { IntentCommand } from './intent-commands';
import type { Task } from '../domain/model';
import type { Intent } from '../sync/intents';
import type { SendOutcome } from '../sync/portal-port';

/** A failed write as the outbox takes it; a non-idempotent one whose answer may be lost is ambiguous. */
export function outcomeOfError(error: unknown, idempotent: boolean): SendOutcome {
  if (!(error instanceof BitrixError)) throw error;
  switch (error.kind) {
    case 'refused':
      return { kind: 'refused', code: error.code, message: error.message };
    case 'signed-out':
    case 'token-expired':
      return { kind: 'signed-out', code: error.code, message: error.message };
    case 'malformed':
      return idempotent ? { kind: 'retry', failure: error.kind, code: error.code, message: error.message, retryAt: null } : { kind: 'ambiguous', failure: error.kind, code: error.code, message: error.message };
    default:
      if (error.ambiguous && !idempotent) return { kind: 'ambiguous', failure: error.kind, code: error.code, message: error.message };
      return { kind: 'retry', failure: error.kind, code: error.code, message: error.message, retryAt: error.retryAt };
  }
}

/** tasks.task.* writes answer `{task: {...}}`; movetask and legacy methods answer true or an ID. */
function taskOf(result: unknown, userFieldNames: readonly string[]): Task | null {
  const row = (result as { task?: unknown } | null)?.task;
  if (!row || typeof row !== 'object' || Array.isArray(row)) return null;
  try {
    return mapTaskRow(row, userFieldNames);
  } catch {
    return null;
  }
}

/**
 * Absolute writes (moves, field updates, status actions) ride together in batches of up to 50;
 * appends and creates go one by one, so a lost answer is ambiguous for exactly one edit.
 */
export async function sendIntents(
  client: BitrixClient,
  intents: readonly Intent[],
  commandFor: (intent: Intent) => IntentCommand,
  userFieldNames: readonly string[],
): Promise<Map<number, SendOutcome>> {
  const outcomes = new Map<number, SendOutcome>();
  const batched: { intent: Intent; command: BatchCommand }[] = [];
  for (const intent of intents) {
    const command = commandFor(intent);
    if (command.idempotent && command.api === 'v2') {
      batched.push({ intent, command: command.command });
      continue;
    }
    try {
      const answer = await client.call(command.command.method, command.command.params ?? {}, {
        idempotent: command.idempotent,
        api: command.api,
        ...(command.idempotencyKey ? { idempotencyKey: command.idempotencyKey } : {}),
      });
      outcomes.set(intent.seq, { kind: 'done', task: taskOf(answer.result, userFieldNames) });
    } catch (error) {
      outcomes.set(intent.seq, outcomeOfError(error, command.idempotent));
    }
  }

  for (let i = 0; i < batched.length; i += BATCH_LIMIT) {
    const chunk = batched.slice(i, i + BATCH_LIMIT);
    const commands: Record<string, BatchCommand> = {};
    for (const { intent, command } of chunk) commands[`i${intent.seq}`] = command;
    try {
      const outcome = chunk.length === 1 ? null : await client.batch(commands);
      for (const { intent, command } of chunk) {
        if (!outcome) {
          const answer = await client.call(command.method, command.params ?? {});
          outcomes.set(intent.seq, { kind: 'done', task: taskOf(answer.result, userFieldNames) });
          continue;
        }
        const error = outcome.errors[`i${intent.seq}`];
        outcomes.set(
          intent.seq,
          error ? { kind: 'refused', code: error.code, message: error.description } : { kind: 'done', task: taskOf(outcome.results[`i${intent.seq}`], userFieldNames) },
        );
      }
    } catch (error) {
      for (const { intent } of chunk) if (!outcomes.has(intent.seq)) outcomes.set(intent.seq, outcomeOfError(error, true));
    }
  }
  return outcomes;
}
