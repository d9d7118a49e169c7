/** The reason a hostile answer ends in reaches the UI worded, in Russian and English. */
import { describe, expect, it } from 'vitest';
import { createBitrixClient } from '../../../src/core/bitrix/client';
import { BitrixError } from '../../../src/core/bitrix/errors';
import type { HttpResponse } from '../../../src/core/ports';
import { failureMessage } from '../../../src/node/host/host-messages';
import { seededRandom, VirtualClock } from '../../support/fake-clock';

async function failureFor(response: HttpResponse): Promise<BitrixError> {
  const client = createBitrixClient({
    http: { request: async () => response },
    clock: new VirtualClock(),
    random: seededRandom(),
    endpoint: { kind: 'webhook', webhookUrl: 'https://portal.test/rest/1/secret' },
  });
  const error = await client.call('profile').catch((e: unknown) => e);
  expect(error).toBeInstanceOf(BitrixError);
  return error as BitrixError;
}

describe('hostile answers worded for the UI', () => {
  it.each([
    ['503 forever', { status: 503, headers: {}, body: '<html>503</html>' }, /перегружен.*HTTP 503/, /overloaded.*HTTP 503/],
    ['429 forever', { status: 429, headers: { 'retry-after': '1' }, body: '' }, /перегружен.*HTTP 429/, /overloaded.*HTTP 429/],
    ['a redirect to another origin', { status: 302, headers: { location: 'https://evil.example.net/' }, body: '' }, /перенаправляет/, /redirects to another address/],
    ['HTML with status 200', { status: 200, headers: { 'content-type': 'text/html' }, body: '<html></html>' }, /Вместо ответа REST/, /instead of a REST answer \(HTTP 200\)/],
  ])('%s', async (_name, response, ru, en) => {
    const error = await failureFor(response);
    const failure = { kind: error.kind, code: error.code, status: error.status, detail: error.message };
    expect(failureMessage(failure, 'ru')).toMatch(ru);
    expect(failureMessage(failure, 'en')).toMatch(en);
    expect(failureMessage(failure, 'en')).not.toMatch(/undefined|\{/);
  });
});
