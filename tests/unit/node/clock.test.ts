/** The system clock's wait keeps a process alive (a retry wait is work) and ends at once on abort. */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { systemClock } from '../../../src/node/clock';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

describe('systemClock.sleep', () => {
  it('keeps a process with only a pending wait alive until the wait ends (no exit 13)', () => {
    const script = "import { systemClock } from './src/node/clock.ts'; await systemClock.sleep(300); console.log('waited');";
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' });
    expect(out.trim()).toBe('waited');
  }, 20_000);

  it('resolves at once when its signal aborts, and at once for a signal already aborted', async () => {
    const controller = new AbortController();
    const started = Date.now();
    const wait = systemClock.sleep(60_000, controller.signal);
    controller.abort();
    await wait;
    await systemClock.sleep(60_000, controller.signal);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
