/** The Node HTTP port's own bounds, against the hostile server on 127.0.0.1. */
import { afterEach, describe, expect, it } from 'vitest';
import { HttpTransportError } from '../../../src/core/ports';
import { createNodeHttp } from '../../../src/node/http';
import { startHostileServer, type HostileServer } from './hostile-server';

let server: HostileServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

async function failureOf(promise: Promise<unknown>): Promise<HttpTransportError> {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(HttpTransportError);
  return error as HttpTransportError;
}

describe('createNodeHttp bounds', () => {
  it('cuts off a body over the cap with a clear error', async () => {
    server = await startHostileServer('body-10mb');
    const http = createNodeHttp({ maxBodyBytes: 1024 * 1024 });
    const error = await failureOf(http.request({ method: 'POST', url: `${server.url}/rest/1/s/profile.json`, body: '{}' }));
    expect(error.message).toBe('The answer is larger than 1 MB');
  });

  it('reads the same 10 MB body under the default 32 MB cap', async () => {
    server = await startHostileServer('body-10mb');
    const answer = await createNodeHttp().request({ method: 'POST', url: `${server.url}/rest/1/s/profile.json`, body: '{}' });
    expect(answer.body.length).toBeGreaterThan(10_000_000);
  });

  it('ends a trickling answer at the overall deadline though bytes keep coming inside the idle timeout', async () => {
    server = await startHostileServer('trickle');
    const http = createNodeHttp({ deadlineMs: 1_500 });
    const error = await failureOf(http.request({ method: 'POST', url: `${server.url}/rest/1/s/profile.json`, body: '{}', timeoutMs: 30_000 }));
    expect(error).toMatchObject({ reason: 'timeout' });
    expect(error.message).toMatch(/deadline/);
  });

  it('does not follow a redirect: the 302 comes back as it is', async () => {
    server = await startHostileServer('redirect-other-origin');
    const answer = await createNodeHttp().request({ method: 'POST', url: `${server.url}/rest/1/s/profile.json`, body: '{}' });
    expect(answer.status).toBe(302);
    expect(answer.headers.location).toMatch(/^https:\/\/evil\.example\.net\//);
  });
});
