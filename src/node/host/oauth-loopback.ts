/**
 * The redirect half of a desktop OAuth sign-in (RFC 8252 §7.3): a one-shot HTTP listener on
 * 127.0.0.1 that takes the portal's redirect, answers the browser with a short page, and closes.
 * The box app's redirect URI is fixed in the app's settings on the portal, so the port is fixed too
 * (the admin registers `http://127.0.0.1:<port>/oauth/callback`).
 */
import http from 'node:http';
import { parseRequestTarget } from '../web-request';

export const DEFAULT_LOOPBACK_PORT = 45_678;
export const CALLBACK_PATH = '/oauth/callback';

export interface LoopbackListener {
  redirectUri: string;
  /** Resolves with the full redirect URL the portal sent the browser to. */
  redirect: Promise<string>;
  /**
   * Answers the browser that brought the redirect with what really happened (the code exchange
   * and the first portal call come after the redirect); until then its page waits.
   */
  finish(outcome: { ok: true } | { ok: false; reason: string }): void;
  /** Ends a sign-in that cannot reach the redirect any more: `redirect` rejects with `error`. */
  fail(error: Error): void;
  close(): void;
}

/** The browser's page waits this long for the outcome, then says to look in Pult. */
const OUTCOME_WAIT_MS = 30_000;

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const PAGE = (title: string, text: string) =>
  `<!doctype html><html lang="ru"><meta charset="utf-8"><title>${escapeHtml(title)}</title>` +
  `<body style="font-family:system-ui;margin:3rem"><h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p></body></html>`;
const SIGNED_IN = PAGE('Pult', 'Вход выполнен, вернитесь в Pult. / Signed in: return to Pult.');
const NOT_SIGNED_IN = (reason: string) => PAGE('Pult', `Войти не удалось: ${reason} Вернитесь в Pult. / Sign-in failed: see Pult.`);
const STILL_WAITING = PAGE('Pult', 'Pult проверяет вход — результат в окне Pult. / Pult is checking the sign-in: see its window.');

export function startLoopbackListener(options: { port?: number; timeoutMs?: number } = {}): Promise<LoopbackListener> {
  const port = options.port ?? DEFAULT_LOOPBACK_PORT;
  let settle: { resolve: (url: string) => void; reject: (error: Error) => void } | null = null;
  const redirect = new Promise<string>((resolve, reject) => (settle = { resolve, reject }));
  redirect.catch(() => undefined);

  // The browser that brought the redirect, answered once the outcome is known.
  let waiting: http.ServerResponse | null = null;
  let waitTimer: NodeJS.Timeout | null = null;
  const answer = (page: string) => {
    if (waitTimer) clearTimeout(waitTimer);
    waitTimer = null;
    const res = waiting;
    waiting = null;
    if (res && !res.headersSent) res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' }).end(page);
  };

  const server = http.createServer((req, res) => {
    // Any local process may knock here: a target `new URL` cannot take (`//[`) would throw in
    // this handler and end the host's thread, so it is parsed without throwing first.
    const target = parseRequestTarget(req.url);
    if (!target.ok || req.method !== 'GET' || target.pathname !== CALLBACK_PATH || waiting || !settle) {
      res.writeHead(target.ok ? 404 : target.status).end();
      return;
    }
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    waiting = res;
    waitTimer = setTimeout(() => answer(STILL_WAITING), OUTCOME_WAIT_MS);
    waitTimer.unref();
    settle.resolve(url.toString());
    settle = null;
    // No second redirect: the port is free again for another sign-in.
    server.close();
  });
  const timer = setTimeout(() => {
    settle?.reject(new Error('The portal did not finish the sign-in in time'));
    close();
  }, options.timeoutMs ?? 5 * 60_000);
  timer.unref();

  function close(): void {
    clearTimeout(timer);
    answer(STILL_WAITING);
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
        finish: (outcome) => answer(outcome.ok ? SIGNED_IN : NOT_SIGNED_IN(outcome.reason)),
        fail: (error) => {
          settle?.reject(error);
          settle = null;
          close();
        },
        close: () => {
          settle?.reject(new Error('Sign-in cancelled'));
          settle = null;
          close();
        },
      });
    });
  });
}
