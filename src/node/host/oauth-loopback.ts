/**
 * The redirect half of a desktop OAuth sign-in (RFC 8252 §7.3): a one-shot HTTP listener on
 * 127.0.0.1 that takes the portal's redirect, answers the browser with a short page, and closes.
 * The box app's redirect URI is fixed in the app's settings on the portal, so the port is fixed too
 * (the admin registers `http://127.0.0.1:<port>/oauth/callback`).
 */
import http from 'node:http';

export const DEFAULT_LOOPBACK_PORT = 45_678;
export const CALLBACK_PATH = '/oauth/callback';

export interface LoopbackListener {
  redirectUri: string;
  /** Resolves with the full redirect URL the portal sent the browser to. */
  redirect: Promise<string>;
  close(): void;
}

const PAGE = (title: string, text: string) =>
  `<!doctype html><html lang="ru"><meta charset="utf-8"><title>${title}</title>` +
  `<body style="font-family:system-ui;margin:3rem"><h1>${title}</h1><p>${text}</p></body></html>`;

export function startLoopbackListener(options: { port?: number; timeoutMs?: number } = {}): Promise<LoopbackListener> {
  const port = options.port ?? DEFAULT_LOOPBACK_PORT;
  let settle: { resolve: (url: string) => void; reject: (error: Error) => void } | null = null;
  const redirect = new Promise<string>((resolve, reject) => (settle = { resolve, reject }));
  redirect.catch(() => undefined);

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    if (req.method !== 'GET' || url.pathname !== CALLBACK_PATH) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(PAGE('Pult', 'Вход выполнен, вернитесь в Pult. / Signed in: return to Pult.'));
    settle?.resolve(url.toString());
    close();
  });
  const timer = setTimeout(() => {
    settle?.reject(new Error('The portal did not finish the sign-in in time'));
    close();
  }, options.timeoutMs ?? 5 * 60_000);
  timer.unref();

  function close(): void {
    clearTimeout(timer);
    server.close();
    server.closeAllConnections();
  }

  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(new Error(error.code === 'EADDRINUSE' ? `Port ${port} is busy: close the other program using it, or the other Pult sign-in` : error.message));
    });
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      const actual = typeof address === 'object' && address ? address.port : port;
      resolve({
        redirectUri: `http://127.0.0.1:${actual}${CALLBACK_PATH}`,
        redirect,
        close: () => {
          settle?.reject(new Error('Sign-in cancelled'));
          close();
        },
      });
    });
  });
}
