import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { startEmulator } from '../../../src/bitrix-emulator/index';

interface StartLine {
  portalUrl: string;
  oauthServerUrl: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  webhookUrl: string;
  users: Array<{ id: string; login: string; password: string; admin: boolean }>;
  groups: Array<{ id: string; name: string }>;
  certFingerprint?: string;
  certPem?: string;
}

function startCli(args: string[]): { child: ChildProcess; line: Promise<StartLine>; exit: Promise<number | null> } {
  // The tsx binary itself (what `npx tsx` runs): it relays signals and mirrors the child's exit code,
  // whereas npm's npx wrapper dies by the signal and hides the emulator's own exit code.
  const child = spawn('node_modules/.bin/tsx', ['src/bitrix-emulator/cli.ts', ...args], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'pipe'] });
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const line = new Promise<StartLine>((resolve, reject) => {
    const rl = createInterface({ input: child.stdout! });
    rl.once('line', (l) => resolve(JSON.parse(l) as StartLine));
    child.once('exit', (code) => reject(new Error(`cli exited early with ${code}`)));
  });
  return { child, line, exit };
}

describe('cli.ts', () => {
  it('prints exactly one JSON start line, serves REST, and exits 0 on SIGTERM', async () => {
    const { child, line, exit } = startCli(['--port', '0', '--seed', '1', '--tasks', '300', '--profile', 'box']);
    let extraStdout = '';
    try {
      const info = await line;
      child.stdout!.on('data', (c: Buffer) => (extraStdout += c.toString()));
      expect(info.portalUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(info.oauthServerUrl).not.toBe(info.portalUrl);
      expect(info.clientId).toMatch(/^local\.[0-9a-f]+\.\d{8}$/);
      expect(info.clientSecret.length).toBeGreaterThan(20);
      expect(info.webhookUrl).toMatch(new RegExp(`^${info.portalUrl}/rest/1/\\w{16}/$`));
      expect(info.users.find((u) => u.id === '1')?.admin).toBe(true);
      expect(info.users.every((u) => u.login && u.password)).toBe(true);
      expect(info.groups.length).toBeGreaterThan(0);
      const r = await fetch(`${info.webhookUrl}tasks.task.list`);
      expect(r.status).toBe(200);
      expect(((await r.json()) as { total: number }).total).toBe(300);
      child.kill('SIGTERM');
      expect(await exit).toBe(0);
      expect(extraStdout).toBe('');
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('--tls adds certFingerprint and certPem and serves https', async () => {
    const { child, line, exit } = startCli(['--port', '0', '--tasks', '50', '--tls']);
    try {
      const info = await line;
      expect(info.portalUrl).toMatch(/^https:/);
      expect(info.certFingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
      expect(info.certPem).toContain('BEGIN CERTIFICATE');
      child.kill('SIGINT');
      expect(await exit).toBe(0);
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('two starts have different secrets (crypto-random per start)', async () => {
    const a = await startEmulator({ tasks: 10 });
    const b = await startEmulator({ tasks: 10 });
    try {
      expect(a.clientSecret).not.toBe(b.clientSecret);
      expect(a.webhookUrl.split('/').at(-2)).not.toBe(b.webhookUrl.split('/').at(-2));
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('--tasks 50000 start-up completes with the real portal (time reported, not asserted)', async () => {
    const t0 = performance.now();
    const emu = await startEmulator({ tasks: 50_000, seed: 1 });
    const ms = performance.now() - t0;
    try {
      console.log(`[emulator] startEmulator({tasks: 50000}) took ${Math.round(ms)} ms`);
      const r = await fetch(`${emu.webhookUrl}tasks.task.list`);
      expect(((await r.json()) as { total: number }).total).toBe(50_000);
    } finally {
      await emu.close();
    }
  }, 120_000);
});
