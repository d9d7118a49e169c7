/**
 * A pass-through HTTP proxy in front of the emulator, on its own origin, for tests that need the
 * portal to answer as another version or state would: `rewrite` may change a request's URL or body
 * before it goes on. The emulator's own origin in JSON answers is replaced by the proxy's, so the
 * links it hands out point at the proxy.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RewritingProxy {
  origin: string;
  rewrite: (url: URL, body: Buffer | undefined) => Buffer | undefined;
  close(): Promise<void>;
}

export async function startRewritingProxy(upstreamOrigin: string): Promise<RewritingProxy> {
  const upstream = new URL(upstreamOrigin);
  const proxy: RewritingProxy = { origin: '', rewrite: (_url, body) => body, close: async () => undefined };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const target = new URL(req.url ?? '/', upstream);
      const body = proxy.rewrite(target, chunks.length > 0 ? Buffer.concat(chunks) : undefined);
      const headers: Record<string, string> = {};
      for (const name of ['content-type', 'authorization']) {
        const value = req.headers[name];
        if (typeof value === 'string') headers[name] = value;
      }
      void fetch(target, { method: req.method ?? 'GET', headers, ...(body ? { body: new Uint8Array(body) } : {}) }).then(
        async (answer) => {
          const raw = Buffer.from(await answer.arrayBuffer());
          const type = answer.headers.get('content-type') ?? '';
          const out = type.startsWith('application/json') ? Buffer.from(raw.toString('utf8').split(upstreamOrigin).join(proxy.origin)) : raw;
          const kept: Record<string, string> = { 'content-type': type, 'content-length': String(out.length) };
          const disposition = answer.headers.get('content-disposition');
          if (disposition) kept['content-disposition'] = disposition;
          res.writeHead(answer.status, kept);
          res.end(out);
        },
        () => res.destroy(),
      );
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  proxy.origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  proxy.close = () => new Promise<void>((ok) => server.close(() => ok()));
  return proxy;
}
