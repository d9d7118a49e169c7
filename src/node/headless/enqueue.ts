/**
 * `--enqueue <intents.json>`: a JSON array of intents added to the outbox before the cycle.
 *
 * The command must be safe to kill at any moment and to run again with the same file, so an entry
 * is never queued twice: each entry's marker (file hash + index) is written in the same
 * transaction as its intent, and a createTask is also remembered by its clientId, so another file
 * naming the same clientId does not create the task a second time.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { IntentPayload } from '../../core/sync/intents';
import { intentPayloadSchema } from '../../core/sync/intent-schema';
import type { SyncStore } from '../../core/sync/store';

/** A bad file: the command exits 2 and nothing is enqueued. */
export class EnqueueFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EnqueueFileError';
  }
}

export interface EnqueueFile {
  path: string;
  /** sha256 of the file's bytes: the same file run again is recognised. */
  hash: string;
  entries: IntentPayload[];
}

function describe(entry: unknown): string {
  const name = typeof entry === 'object' && entry !== null && 'name' in entry ? (entry as { name: unknown }).name : undefined;
  return typeof name === 'string' ? ` (${name})` : '';
}

/** Reads and validates the whole file before anything is written. */
export function readEnqueueFile(path: string): EnqueueFile {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new EnqueueFileError(`cannot read --enqueue file ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    throw new EnqueueFileError(`--enqueue file ${path} is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!Array.isArray(json)) throw new EnqueueFileError(`--enqueue file ${path} must hold a JSON array of intents`);
  const entries: IntentPayload[] = [];
  const clientIds = new Set<string>();
  json.forEach((entry, index) => {
    // The same schema guards intents from the renderer: one definition of a valid edit.
    const parsed = intentPayloadSchema.safeParse(entry);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((issue) => `${issue.path.length ? issue.path.join('.') : 'entry'}: ${issue.message}`).join('; ');
      throw new EnqueueFileError(`--enqueue file ${path}, entry ${index}${describe(entry)}: ${issues}`);
    }
    const payload = parsed.data;
    if (payload.name === 'createTask') {
      if (clientIds.has(payload.clientId)) throw new EnqueueFileError(`--enqueue file ${path}, entry ${index} (createTask): clientId "${payload.clientId}" appears twice`);
      clientIds.add(payload.clientId);
    }
    entries.push(payload);
  });
  return { path, hash: createHash('sha256').update(bytes).digest('hex'), entries };
}

export function entryKey(hash: string, index: number): string {
  return `enqueue:${hash}:${index}`;
}

export function clientIdKey(clientId: string): string {
  return `enqueue:clientId:${clientId}`;
}

export interface EnqueueResult {
  added: number;
  /** Entries queued by an earlier run of the same file, or creates whose clientId was queued before. */
  skipped: number;
}

/**
 * Adds the file's new entries to the outbox in one transaction: a kill before it commits leaves
 * nothing, after it everything, so a re-run neither loses nor doubles an entry.
 * `enqueue` is the engine's (it records the base values conflicts are judged against).
 */
export function enqueueEntries(store: SyncStore, file: EnqueueFile, enqueue: (payload: IntentPayload) => { seq: number }): EnqueueResult {
  return store.transaction(() => {
    const result: EnqueueResult = { added: 0, skipped: 0 };
    const queuedClientIds = new Set(store.listIntents().flatMap((i) => (i.payload.name === 'createTask' ? [i.payload.clientId] : [])));
    file.entries.forEach((payload, index) => {
      const key = entryKey(file.hash, index);
      if (store.getCursor(key) !== null) {
        result.skipped++;
        return;
      }
      if (payload.name === 'createTask' && (queuedClientIds.has(payload.clientId) || store.getCursor(clientIdKey(payload.clientId)) !== null)) {
        store.setCursor(key, 'duplicate clientId');
        result.skipped++;
        return;
      }
      const intent = enqueue(payload);
      store.setCursor(key, String(intent.seq));
      if (payload.name === 'createTask') store.setCursor(clientIdKey(payload.clientId), String(intent.seq));
      result.added++;
    });
    return result;
  });
}
