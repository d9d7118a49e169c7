import { BATCH_LIMIT, type BatchCommand } from './batch';
import { BitrixError } from './errors';
import type { BitrixClient } from './client';

/** Rows per list page on every box portal (server-facts §1, LIST_LIMIT). */
export const PAGE_SIZE = 50;

export interface ListReadOptions {
  /** Picks the rows out of one page's `result` (e.g. `result.tasks` for tasks.task.list). */
  rows: (result: unknown) => unknown[];
  /** Called after each request with rows read so far and the total. */
  onProgress?: (read: number, total: number) => void;
  /** Batches in flight at once (the pacer still holds a throttled portal to its rate). */
  concurrency?: number;
}

/**
 * Reads a whole list at the request lower bound: the first page gives the count, then the other
 * 50-row pages go 50 to a batch, so N rows cost about ceil(N / 2500) + 1 requests.
 * Order by ID (callers pass it) so pages do not shift under concurrent inserts.
 */
export async function readWholeList(client: BitrixClient, method: string, params: Record<string, unknown>, options: ListReadOptions): Promise<unknown[]> {
  const first = await client.call(method, { ...params, start: 0 });
  const firstRows = options.rows(first.result);
  const total = first.total ?? firstRows.length;
  options.onProgress?.(firstRows.length, total);
  if (first.next === undefined || firstRows.length >= total) return firstRows;

  const starts: number[] = [];
  for (let start = first.next; start < total; start += PAGE_SIZE) starts.push(start);
  const chunks: number[][] = [];
  for (let i = 0; i < starts.length; i += BATCH_LIMIT) chunks.push(starts.slice(i, i + BATCH_LIMIT));

  const pages = new Map<number, unknown[]>([[0, firstRows]]);
  let read = firstRows.length;
  let cursor = 0;
  const worker = async (): Promise<void> => {
    while (cursor < chunks.length) {
      const chunk = chunks[cursor++]!;
      const commands: Record<string, BatchCommand> = {};
      for (const start of chunk) commands[`p${start}`] = { method, params: { ...params, start } };
      const outcome = await client.batch(commands);
      for (const start of chunk) {
        const key = `p${start}`;
        const error = outcome.errors[key];
        if (error) throw new BitrixError('refused', error.code, `${method} page at ${start}: ${error.description}`);
        const rows = options.rows(outcome.results[key]);
        pages.set(start, rows);
        read += rows.length;
      }
      options.onProgress?.(read, total);
    }
  };
  const concurrency = Math.max(1, Math.min(options.concurrency ?? 2, chunks.length));
  await Promise.all(Array.from({ length: concurrency }, worker));
  return [...pages.entries()].sort((a, b) => a[0] - b[0]).flatMap(([, rows]) => rows);
}

/** One cheap read without a count (`start=-1`, server-facts §1): the first 50 rows only. */
export async function readFirstRowsWithoutCount(client: BitrixClient, method: string, params: Record<string, unknown>, rows: (result: unknown) => unknown[]): Promise<unknown[]> {
  const answer = await client.call(method, { ...params, start: -1 });
  return rows(answer.result);
}
