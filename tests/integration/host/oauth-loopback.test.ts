/** The redirect half of the OAuth sign-in: the browser hears what really happened, the port is given back. */
import { afterEach, describe, expect, it } from 'vitest';
import net from 'node:net';
import { startLoopbackListener, type LoopbackListener } from '../../../src/node/host/oauth-loopback';

const open: LoopbackListener[] = [];
afterEach(() => open.splice(0).forEach((listener) => listener.close()));

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function listen(port: number): Promise<LoopbackListener> {
  const listener = await startLoopbackListener({ port });
  open.push(listener);
  return listener;
}

describe('the loopback listener', () => {
  it('holds the browser’s page until the outcome is known, and says a failure as it was', async () => {
    const port = await freePort();
    const listener = await listen(port);
    const page = fetch(`${listener.redirectUri}?code=abc&state=s`).then((r) => r.text());
    expect(await listener.redirect).toBe(`http://127.0.0.1:${port}/oauth/callback?code=abc&state=s`);
    let answered = false;
    void page.then(() => (answered = true));
    await new Promise((r) => setTimeout(r, 100));
    expect(answered).toBe(false);
    listener.finish({ ok: false, reason: 'портал отклонил ключ приложения <invalid_client>.' });
    const html = await page;
    expect(html).toContain('Войти не удалось: портал отклонил ключ приложения &#60;invalid_client&#62;.');
    expect(html).not.toContain('Вход выполнен');
  });

  it('a hostile request on the port is a 400 or 404, and the real redirect still comes through', async () => {
    const listener = await listen(await freePort());
    const { port } = new URL(listener.redirectUri);
    const hostile = ['//[', '//[/oauth/callback?code=x', 'http://[', '/%E0%A4%A', '/oauth/callback%00', '/oauth/../oauth/callback?code=evil', '*'];
    for (const target of hostile) {
      const status = await new Promise<string>((resolve) => {
        const socket = net.connect(Number(port), '127.0.0.1', () => socket.write(`GET ${target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`));
        let text = '';
        socket.on('data', (chunk) => (text += String(chunk)));
        socket.on('error', () => resolve('reset'));
        socket.on('close', () => resolve(text.split('\r\n')[0] ?? ''));
      });
      expect(status, target).toMatch(/^HTTP\/1\.1 (400|404)/);
    }
    const page = fetch(`${listener.redirectUri}?code=abc&state=s`).then((r) => r.text());
    expect(await listener.redirect).toBe(`http://127.0.0.1:${port}/oauth/callback?code=abc&state=s`);
    listener.finish({ ok: true });
    expect(await page).toContain('Вход выполнен');
  });

  it('says “signed in” only when the host says so', async () => {
    const listener = await listen(await freePort());
    const page = fetch(`${listener.redirectUri}?code=abc&state=s`).then((r) => r.text());
    await listener.redirect;
    listener.finish({ ok: true });
    expect(await page).toContain('Вход выполнен');
  });

  it('gives the port back: after a redirect, and when an attempt is abandoned', async () => {
    const port = await freePort();
    const first = await listen(port);
    first.close();
    await expect(first.redirect).rejects.toThrow('Sign-in cancelled');
    const second = await listen(port);
    void fetch(`${second.redirectUri}?code=1&state=s`).catch(() => undefined);
    await second.redirect;
    // The redirect came: the port is free for the next sign-in even before this one finishes.
    const third = await listen(port);
    expect(third.redirectUri).toBe(`http://127.0.0.1:${port}/oauth/callback`);
    second.finish({ ok: true });
  });
});
