import WebSocket from 'ws';

/** Calls the typed API the way the page does (same one-time token), for setup steps in e2e specs. */
export async function callApi<T>(pageUrl: string, method: string, ...args: unknown[]): Promise<T> {
  const url = new URL(pageUrl);
  const socket = new WebSocket(`ws://${url.host}/api?token=${url.searchParams.get('token')}`);
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  const result = await new Promise<{ ok: boolean; value?: T; error?: { message: string } }>((resolve) => {
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as { id?: number; result?: { ok: boolean; value?: T } };
      if (message.id === 1 && message.result) resolve(message.result);
    });
    socket.send(JSON.stringify({ id: 1, method, args }));
  });
  socket.close();
  if (!result.ok) throw new Error(result.error?.message ?? `${method} failed`);
  return result.value as T;
}
