/**
 * A hostile portal on 127.0.0.1: sane box answers for every method (server-facts: ids as strings,
 * dates in ISO with offset) except that one behaviour makes the answers hostile, as a broken proxy,
 * a dying PHP or an odd portal version would.
 */
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type Hostility =
  | 'truncated-json'
  | 'html-200'
  | 'result-null'
  | 'task-get-null'
  | 'tasks-object'
  | 'ids-as-numbers'
  | 'unparsable-dates'
  | 'missing-fields'
  | 'body-10mb'
  | 'reset-mid-body'
  | 'trickle'
  | 'redirect-other-origin'
  | 'wrong-content-type'
  | 'http503-forever'
  | 'http429-forever';

const NOW = '2026-12-02T12:00:00+03:00';

function saneTask(id: number): Record<string, unknown> {
  return {
    id: String(id),
    title: `Task ${id}`,
    groupId: '7',
    stageId: '11',
    status: '2',
    priority: '1',
    responsibleId: '1',
    createdBy: '1',
    createdDate: NOW,
    changedDate: NOW,
    deadline: null,
    allowTimeTracking: 'Y',
    xmlId: null,
  };
}

/** A well-formed result for `method`, shaped as a box portal answers it. */
function saneResult(method: string, hostility: Hostility): unknown {
  const task = hostility === 'ids-as-numbers' ? { ...saneTask(1), id: 1, groupId: 7, stageId: 11 } : saneTask(1);
  if (hostility === 'unparsable-dates') Object.assign(task, { changedDate: 'yesterday-ish', createdDate: '32.13.2026' });
  if (hostility === 'missing-fields') {
    delete task.id;
    delete task.changedDate;
  }
  switch (method) {
    case 'server.time':
      return NOW;
    case 'profile':
      return { ID: '1', ADMIN: false, NAME: 'Test' };
    case 'tasks.task.list':
      if (hostility === 'tasks-object') return { tasks: { 0: task } };
      return { tasks: [task] };
    case 'tasks.task.get':
      return { task };
    case 'crm.item.list':
      return { items: [] };
    case 'task.stages.get':
      return { 11: { ID: '11', TITLE: 'New', SORT: '100', COLOR: '00C4FB', ENTITY_ID: '7' } };
    case 'sonet_group.get':
      return [{ ID: '7', NAME: 'Service desk' }];
    default:
      return [];
  }
}

function json(res: http.ServerResponse, status: number, body: unknown, type = 'application/json; charset=utf-8'): void {
  res.writeHead(status, { 'Content-Type': type });
  res.end(JSON.stringify(body));
}

function envelope(result: unknown): Record<string, unknown> {
  return { result, time: { start: 1, finish: 1.01, duration: 0.01 } };
}

function methodOf(url: string): string {
  const last = url.split('?')[0]?.split('/').pop() ?? '';
  return last.replace(/\.json$/, '');
}

export interface HostileServer {
  url: string;
  methods: string[];
  close(): Promise<void>;
}

export async function startHostileServer(hostility: Hostility): Promise<HostileServer> {
  const methods: string[] = [];
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const method = methodOf(req.url ?? '');
      methods.push(method);
      const answer = envelope(saneResult(method, hostility));
      switch (hostility) {
        case 'truncated-json': {
          const text = JSON.stringify(answer);
          res.writeHead(200, { 'Content-Type': 'application/json' });
          return res.end(text.slice(0, Math.floor(text.length / 2)));
        }
        case 'html-200':
          res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
          return res.end('<!DOCTYPE html><html><body><h1>Авторизация</h1><form>...</form></body></html>');
        case 'wrong-content-type':
          res.writeHead(200, { 'Content-Type': 'application/octet-stream' });
          return res.end(Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00]));
        case 'result-null':
          // Sign-in and the clock pass; every later answer has `result: null`.
          return json(res, 200, envelope(method === 'server.time' || method === 'profile' ? saneResult(method, hostility) : null));
        case 'task-get-null':
          // The chat-mode probe of a queued comment reads `result: null`.
          return json(res, 200, method === 'tasks.task.get' ? envelope(null) : answer);
        case 'body-10mb': {
          res.writeHead(200, { 'Content-Type': 'application/json' });
          // A result list nobody asked for: 10 MB of rows, still valid JSON.
          const row = JSON.stringify({ id: 'x'.repeat(1000) });
          const rows = Array.from({ length: 10_000 }, () => row).join(',');
          return res.end(`{"result":[${rows}]}`);
        }
        case 'reset-mid-body': {
          res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '4000' });
          res.write(JSON.stringify(answer).slice(0, 20));
          return void setTimeout(() => req.socket.destroy(), 20);
        }
        case 'trickle': {
          res.writeHead(200, { 'Content-Type': 'application/json' });
          const text = JSON.stringify(answer);
          let at = 0;
          const timer = setInterval(() => {
            if (at >= text.length) return clearInterval(timer);
            res.write(text[at++] ?? '');
          }, 1_000);
          timers.add(timer);
          return;
        }
        case 'redirect-other-origin':
          res.writeHead(302, { Location: 'https://evil.example.net/rest/1/secret/profile.json' });
          return res.end();
        case 'http503-forever':
          res.writeHead(503, { 'Content-Type': 'text/html', 'Retry-After': '1' });
          return res.end('<html><body>503 Service Temporarily Unavailable</body></html>');
        case 'http429-forever':
          res.writeHead(429, { 'Content-Type': 'text/html', 'Retry-After': '1' });
          return res.end('<html><body>429 Too Many Requests</body></html>');
        default:
          return json(res, 200, answer);
      }
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    methods,
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearInterval(timer);
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
