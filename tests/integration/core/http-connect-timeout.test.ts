import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { createNodeHttp } from '../../../src/node/http';
import { HttpTransportError } from '../../../src/core/ports';

/**
 * A listener whose accept queue is full and never drained: new connections are neither accepted
 * nor refused — what a portal behind a dropped route looks like. Node always accepts, so Python
 * (there for node-gyp on every machine) holds the socket.
 */
const BLACK_HOLE = `
import socket, sys, time
s = socket.socket(); s.bind(('127.0.0.1', 0)); s.listen(0)
port = s.getsockname()[1]
held = []
while True:  # fill the accept queue until a connection no longer opens
    try: held.append(socket.create_connection(('127.0.0.1', port), timeout=0.5))
    except OSError: break
print(port, flush=True)
time.sleep(120)
`;

let hole: ChildProcess | null = null;
afterEach(() => {
  hole?.kill();
  hole = null;
});

async function blackHolePort(): Promise<number> {
  hole = spawn('python3', ['-c', BLACK_HOLE], { stdio: ['ignore', 'pipe', 'inherit'] });
  const [line] = (await once(hole.stdout!, 'data')) as [Buffer];
  return Number(line.toString().trim());
}

describe('Node HTTP transport', () => {
  it('gives up on a connection that never opens after the connect timeout, as never sent', async () => {
    const port = await blackHolePort();
    const http = createNodeHttp({ connectTimeoutMs: 400 });
    const started = Date.now();
    const failure = await http.request({ method: 'POST', url: `http://127.0.0.1:${port}/rest/1/x/server.time.json`, body: '{}', timeoutMs: 30_000 }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(HttpTransportError);
    expect(failure).toMatchObject({ reason: 'timeout', mayHaveArrived: false });
    expect((failure as Error).message).toContain('No connection within 400 ms');
    // Well before the 30 s answer timeout (a loose bound: the point is which timer fired).
    expect(Date.now() - started).toBeLessThan(20_000);
  });
});
