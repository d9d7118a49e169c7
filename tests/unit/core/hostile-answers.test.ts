/** Validation of hostile portal answers in core: a typed malformed/overloaded failure, never a TypeError. */
import { describe, expect, it } from 'vitest';
import { createBitrixClient } from '../../../src/core/bitrix/client';
import { readRestAnswer } from '../../../src/core/bitrix/envelope';
import { BitrixError } from '../../../src/core/bitrix/errors';
import { chatIdIn } from '../../../src/core/bitrix/gateway';
import type { Http, HttpResponse } from '../../../src/core/ports';
import { seededRandom, VirtualClock } from '../../support/fake-clock';

const webhook = { kind: 'webhook', webhookUrl: 'https://portal.test/rest/1/secret' } as const;

function failureOf(run: () => unknown): BitrixError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(BitrixError);
    return error as BitrixError;
  }
  throw new Error('expected a BitrixError');
}

describe('readRestAnswer on hostile answers', () => {
  it('reads a redirect as a clear malformed answer naming the other origin, never following it', () => {
    const error = failureOf(() => readRestAnswer({ status: 302, headers: { location: 'https://evil.example.net/rest/x' }, body: '' }, 0));
    expect(error).toMatchObject({ kind: 'malformed', code: 'REDIRECTED' });
    expect(error.message).toContain('https://evil.example.net');
  });

  it('reads a bare 503 and 429 as overload with the Retry-After moment (seconds or HTTP date)', () => {
    expect(failureOf(() => readRestAnswer({ status: 503, headers: { 'retry-after': '7' }, body: '<html>busy</html>' }, 1_000))).toMatchObject({ kind: 'rate-limited', code: 'HTTP_503', retryAt: 8_000 });
    const at = Date.UTC(2026, 11, 2, 12, 0, 0);
    expect(failureOf(() => readRestAnswer({ status: 429, headers: { 'retry-after': new Date(at).toUTCString() }, body: '' }, 0))).toMatchObject({ kind: 'rate-limited', code: 'HTTP_429', retryAt: at });
    expect(failureOf(() => readRestAnswer({ status: 503, headers: {}, body: '' }, 0)).retryAt).toBeNull();
  });

  it('names the content type of a non-JSON page with status 200', () => {
    const error = failureOf(() => readRestAnswer({ status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: '<!DOCTYPE html>' }, 0));
    expect(error).toMatchObject({ kind: 'malformed', code: 'NOT_JSON' });
    expect(error.message).toContain('(text/html)');
  });
});

describe('chatIdIn (tasks.task.get select CHAT_ID)', () => {
  it('reads string and numeric chat ids (server-facts: ids may come either way) and a legacy task without one', () => {
    expect(chatIdIn({ task: { id: '1', chatId: '55' } })).toBe('55');
    expect(chatIdIn({ task: { id: 1, chatId: 55 } })).toBe('55');
    expect(chatIdIn({ task: { id: '1' } })).toBeNull();
    expect(chatIdIn({ task: { id: '1', chatId: '0' } })).toBeNull();
  });

  it.each([null, [], 'task', { task: null }, { task: [] }, {}])('rejects %j as a malformed answer, not as a legacy portal', (answer) => {
    expect(failureOf(() => chatIdIn(answer))).toMatchObject({ kind: 'malformed', code: 'MALFORMED_ANSWER' });
  });
});

describe('the REST client bounds overload retries', () => {
  function refusing(response: HttpResponse): Http & { count: number } {
    const http = {
      count: 0,
      async request() {
        http.count++;
        return response;
      },
    };
    return http;
  }

  it.each([
    ['503 QUERY_LIMIT_EXCEEDED', { status: 503, headers: {}, body: JSON.stringify({ error: 'QUERY_LIMIT_EXCEEDED', error_description: 'Too many requests' }) }],
    ['a bare 503 with Retry-After', { status: 503, headers: { 'retry-after': '2' }, body: '<html>503</html>' }],
    ['a bare 429', { status: 429, headers: {}, body: '' }],
    ['429 OPERATION_TIME_LIMIT', { status: 429, headers: {}, body: JSON.stringify({ error: 'OPERATION_TIME_LIMIT', error_description: 'Method is blocked', time: { operating_reset_at: 0 } }) }],
  ])('%s forever: 8 attempts, then "portal overloaded"', async (_name, response) => {
    const http = refusing(response);
    const clock = new VirtualClock();
    const client = createBitrixClient({ http, clock, random: seededRandom(), endpoint: webhook });
    const error = await client.call('profile').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BitrixError);
    expect(error).toMatchObject({ code: 'PORTAL_OVERLOADED' });
    expect((error as Error).message).toMatch(/^The portal is overloaded: it refused 8 attempts in a row/);
    expect(http.count).toBe(8);
  });

  it('honours Retry-After between attempts', async () => {
    const clock = new VirtualClock();
    const client = createBitrixClient({ http: refusing({ status: 503, headers: { 'retry-after': '2' }, body: '' }), clock, random: seededRandom(), endpoint: webhook });
    await client.call('profile').catch(() => undefined);
    expect(clock.sleeps.filter((ms) => ms === 2_000)).toHaveLength(7);
  });

  it.each([
    ['a bare 503 from nginx', { status: 503, headers: { 'retry-after': '1' }, body: '<html>503</html>' }, false],
    ['the portal bucket (QUERY_LIMIT_EXCEEDED)', { status: 503, headers: {}, body: JSON.stringify({ error: 'QUERY_LIMIT_EXCEEDED' }) }, true],
  ] as const)('after %s, later calls are paced only if it was the portal bucket', async (_name, refusal, paced) => {
    let n = 0;
    const http: Http = {
      async request() {
        n++;
        return n === 1 ? refusal : { status: 200, headers: {}, body: JSON.stringify({ result: 'ok' }) };
      },
    };
    const clock = new VirtualClock();
    const client = createBitrixClient({ http, clock, random: seededRandom(), endpoint: webhook });
    await client.call('server.time');
    const waitsAfterRefusal = clock.sleeps.length;
    // A box portal has no bucket: a proxy's "busy" must not leave it paced at 2 requests a second.
    for (let i = 0; i < 60; i++) await client.call('server.time');
    expect(clock.sleeps.length > waitsAfterRefusal).toBe(paced);
  });

  it('still succeeds when the limit lifts before the bound', async () => {
    let n = 0;
    const http: Http = {
      async request() {
        n++;
        return n < 4 ? { status: 503, headers: {}, body: JSON.stringify({ error: 'QUERY_LIMIT_EXCEEDED' }) } : { status: 200, headers: {}, body: JSON.stringify({ result: 'ok' }) };
      },
    };
    const client = createBitrixClient({ http, clock: new VirtualClock(), random: seededRandom(), endpoint: webhook });
    expect((await client.call('server.time')).result).toBe('ok');
  });
});
