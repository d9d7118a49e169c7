/** The emulator as a separate process: plain HTTP, or HTTPS with a given key and certificate chain. */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';

export interface PortalProcess {
  portalUrl: string;
  webhookUrl: string;
  stop(): Promise<void>;
}

export async function startPortalProcess(tls?: { key: string; cert: string }): Promise<PortalProcess> {
  const args = ['--import', 'tsx', 'src/bitrix-emulator/cli.ts', '--port', '0', '--tasks', '60', '--tokens-route'];
  if (tls) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'pult-tls-'));
    writeFileSync(path.join(dir, 'key.pem'), tls.key);
    writeFileSync(path.join(dir, 'cert.pem'), tls.cert);
    args.push('--tls-key', path.join(dir, 'key.pem'), '--tls-cert', path.join(dir, 'cert.pem'));
  }
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`emulator exited with ${code}: ${stderr}`)));
  });
  const info = JSON.parse(line) as { portalUrl: string; webhookUrl: string };
  return {
    ...info,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
