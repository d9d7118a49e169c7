/**
 * Hostile answers at the HTTP boundary (issue 12 part 2): the real headless command, as a child
 * process, against a real HTTP server on 127.0.0.1 that answers badly. Every case must end with
 * exit 0, 2 or 3 and exactly one human line on stderr (no stack trace, no "undefined"), and the
 * status the UI reads (the engine's last error, printed as the status line) must carry the same reason.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runSync, tempDir } from '../headless/support';
import { startHostileServer, type Hostility } from './hostile-server';

interface HostileCase {
  hostility: Hostility;
  /** The reason a person reads on stderr (and in the status). */
  reason: RegExp;
  exit: number;
  deadlineSeconds?: number;
  withComment?: boolean;
}

const CASES: HostileCase[] = [
  { hostility: 'truncated-json', reason: /non-JSON page \(application\/json\)/, exit: 3 },
  { hostility: 'html-200', reason: /HTTP 200 with a non-JSON page \(text\/html\)/, exit: 3 },
  { hostility: 'wrong-content-type', reason: /non-JSON page \(application\/octet-stream\)/, exit: 3 },
  { hostility: 'result-null', reason: /task\.item\.userfield\.getlist: expected a list/, exit: 3 },
  { hostility: 'task-get-null', reason: /tasks\.task\.get answered without result\.task/, exit: 3, withComment: true },
  { hostility: 'tasks-object', reason: /tasks\.task\.list answered without result\.tasks/, exit: 3 },
  // server-facts: a box answers ids as strings, some versions as numbers; both are real answers.
  { hostility: 'ids-as-numbers', reason: /^$/, exit: 0 },
  { hostility: 'unparsable-dates', reason: /malformed: createdDate not a date/, exit: 3 },
  { hostility: 'missing-fields', reason: /from the portal is malformed: id/, exit: 3 },
  { hostility: 'body-10mb', reason: /profile answered without ID/, exit: 3 },
  { hostility: 'reset-mid-body', reason: /connection broke in the middle of the answer/, exit: 3 },
  { hostility: 'trickle', reason: /No complete answer within the 2 s deadline/, exit: 3, deadlineSeconds: 2 },
  { hostility: 'redirect-other-origin', reason: /redirected \(HTTP 302\) to https:\/\/evil\.example\.net; Pult does not follow redirects/, exit: 3 },
  { hostility: 'http503-forever', reason: /portal is overloaded: it refused 8 attempts in a row \(HTTP_503/, exit: 3 },
  { hostility: 'http429-forever', reason: /portal is overloaded: it refused 8 attempts in a row \(HTTP_429/, exit: 3 },
];

const dir = tempDir('pult-hostile-');
let tried = 0;

function commentFile(name: string): string {
  const file = path.join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify([{ name: 'addComment', taskId: '1', text: 'Проверка' }]));
  return file;
}

async function runAgainst(url: string, name: string, extra: string[] = []): Promise<{ code: number | null; stderrLines: string[]; stdout: string[] }> {
  // A data folder per case: the cases run two at a time, and a folder holds one process (pult.lock).
  const dataDir = path.join(dir, name);
  mkdirSync(dataDir, { recursive: true });
  const run = await runSync(['--portal', url, '--webhook', `${url}/rest/1/secret/`, '--groups', '7', '--db', path.join(dataDir, 'pult.db'), '--once', ...extra], undefined, 80_000);
  return { code: run.code, stderrLines: run.stderr.split('\n').filter((line) => line !== ''), stdout: run.stdout };
}

function expectOneHumanLine(lines: string[], reason: RegExp): void {
  expect(lines).toHaveLength(1);
  const line = lines[0]!;
  expect(line).toMatch(/^sync: /);
  expect(line).toMatch(reason);
  expect(line).not.toMatch(/undefined|TypeError|\n\s+at /);
}

afterAll(() => {
  // The count of hostile cases tried, for the README figures.
  console.log(`hostile cases tried: ${tried}`);
});

describe('the headless command against hostile answers', () => {
  // Two at a time: the machine has 2 cores; the slow cases (trickle, 503/429 forever) overlap.
  it.concurrent.each(CASES)('$hostility → exit $exit with one human line', async ({ hostility, reason, exit, deadlineSeconds, withComment }) => {
    const server = await startHostileServer(hostility);
    try {
      const extra = [...(deadlineSeconds ? ['--deadline', String(deadlineSeconds)] : []), ...(withComment ? ['--enqueue', commentFile(hostility)] : [])];
      const run = await runAgainst(server.url, hostility, extra);
      tried++;
      expect(run.code).toBe(exit);
      if (exit === 0) {
        expect(run.stderrLines).toEqual([]);
        return;
      }
      expectOneHumanLine(run.stderrLines, reason);
      // The status the UI shows is the engine's last error: the same reason reaches it.
      const status = run.stdout.filter((line) => line.startsWith('status: ')).at(-1) ?? '';
      expect(status).toMatch(/last error: /);
      expect(status).toMatch(reason);
    } finally {
      await server.close();
    }
  }, 80_000);

  it('a first run with the portal unreachable and edits enqueued waits, then exits 3 with a reason (not 13)', async () => {
    // A port that was open a moment ago and refuses now: the retry waits must keep the process alive.
    const probe = http.createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const url = `http://127.0.0.1:${port}`;
    const run = await runAgainst(url, 'unreachable', ['--enqueue', commentFile('unreachable')]);
    tried++;
    expect(run.code).toBe(3);
    expectOneHumanLine(run.stderrLines, /ECONNREFUSED/);
    expect(run.stdout.some((line) => line.startsWith('enqueued 1 new'))).toBe(true);
  }, 80_000);
});
