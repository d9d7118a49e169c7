import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { descendantPids } from '../../../bench/descendants';
import { waitFor } from '../../support/wait-for';

describe('bench cleanup: the process tree below a benchmark', () => {
  it('finds children and grandchildren, and none once they are gone', async () => {
    // A child that starts a grandchild and prints its pid: the shape of npm → tsx → node.
    const script = "const c = require('node:child_process').spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' }); console.log(c.pid); setTimeout(() => {}, 60000);";
    const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'ignore'] });
    const grandchild = await new Promise<number>((resolve) => child.stdout.once('data', (chunk: Buffer) => resolve(Number(chunk.toString().trim()))));
    try {
      const found = descendantPids(process.pid);
      expect(found).toContain(child.pid);
      expect(found).toContain(grandchild);
    } finally {
      process.kill(grandchild, 'SIGKILL');
      child.kill('SIGKILL');
    }
    await waitFor(async () => {
      const left = descendantPids(process.pid);
      return !left.includes(grandchild) && !left.includes(child.pid!);
    }, 10_000);
  });
});
