import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';

export interface WebMode {
  url: string;
  dataDir: string;
  emulator?: { portalUrl: string; groups: { id: string; name: string }[] } & Record<string, unknown>;
  stop(): Promise<void>;
}

/** The environment of a machine with no session bus, hence no Secret Service (a headless Linux). */
export function withoutKeychain(): NodeJS.ProcessEnv {
  const { DBUS_SESSION_BUS_ADDRESS: _bus, DISPLAY: _display, WAYLAND_DISPLAY: _wayland, ...rest } = process.env;
  return rest;
}

/** Starts `npm run web` as a user would (with its own data folder), reads its one JSON start line. */
export async function startWebMode(args: string[], dataDir = mkdtempSync(path.join(os.tmpdir(), 'pult-e2e-')), env: NodeJS.ProcessEnv = process.env): Promise<WebMode> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'scripts/web.ts', '--data', dataDir, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const line = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`npm run web exited with ${code}: ${stderr}`)));
  });
  const started = JSON.parse(line) as Omit<WebMode, 'stop' | 'dataDir'>;
  return {
    ...started,
    dataDir,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
