import { describe, expect, it } from 'vitest';
import { createBitrixClient } from '../../../src/core/bitrix/client';
import { readWholeList } from '../../../src/core/bitrix/list-reader';
import type { Http, HttpRequest } from '../../../src/core/ports';
import { seededRandom, VirtualClock } from '../../support/fake-clock';

/** A portal of `n` rows that pages like a box: 50 rows, total, next while offset+rows < total. */
function pagedPortal(n: number): Http & { requests: HttpRequest[] } {
  const page = (start: number) => {
    const rows = Array.from({ length: Math.max(0, Math.min(50, n - start)) }, (_, i) => ({ id: String(start + i + 1) }));
    return { result: { tasks: rows }, total: n, ...(start + rows.length < n ? { next: start + rows.length } : {}) };
  };
  const requests: HttpRequest[] = [];
  return {
    requests,
    async request(request) {
      requests.push(request);
      const body = JSON.parse(request.body!);
      if (request.url.endsWith('/batch.json')) {
        const result: Record<string, unknown> = {};
        for (const [key, cmd] of Object.entries(body.cmd as Record<string, string>)) {
          const start = Number(new URLSearchParams(cmd.split('?')[1]).get('start'));
          result[key] = page(start).result;
        }
        return { status: 200, headers: {}, body: JSON.stringify({ result: { result, result_error: [], result_total: {}, result_next: {}, result_time: {} } }) };
      }
      return { status: 200, headers: {}, body: JSON.stringify(page(body.start)) };
    },
  };
}

describe('readWholeList', () => {
  it.each([
    [0, 1],
    [49, 1],
    [50, 1],
    [51, 2],
    [2550, 2],
    [2551, 3],
    [10_000, 5],
  ])('reads %i rows in %i requests, in order, none twice', async (n, expectedRequests) => {
    const http = pagedPortal(n);
    const client = createBitrixClient({ http, clock: new VirtualClock(), random: seededRandom(), endpoint: { kind: 'webhook', webhookUrl: 'https://p/rest/1/s/' } });
    const rows = (await readWholeList(client, 'tasks.task.list', { order: { ID: 'asc' } }, { rows: (r) => (r as { tasks: unknown[] }).tasks })) as { id: string }[];
    expect(rows).toHaveLength(n);
    expect(rows.map((r) => Number(r.id))).toEqual(Array.from({ length: n }, (_, i) => i + 1));
    expect(http.requests).toHaveLength(expectedRequests);
    expect(expectedRequests).toBeLessThanOrEqual(Math.ceil(n / 2500) + 1);
  });

  it('reports progress up to the total', async () => {
    const http = pagedPortal(3000);
    const client = createBitrixClient({ http, clock: new VirtualClock(), random: seededRandom(), endpoint: { kind: 'webhook', webhookUrl: 'https://p/rest/1/s/' } });
    const progress: number[] = [];
    await readWholeList(client, 'tasks.task.list', {}, { rows: (r) => (r as { tasks: unknown[] }).tasks, onProgress: (read) => progress.push(read) });
    expect(progress[0]).toBe(50);
    expect(progress.at(-1)).toBe(3000);
  });
});
