import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';

export interface WebMode {
  url: string;
  dataDir: string;
  /** The process started (node itself unless a launcher wraps it). */
  pid: number;
  emulator?: { portalUrl: string; groups: { id: string; name: string }[] } & Record<string, unknown>;
  /** The process has not exited (tests that attack it). */
  running(): boolean;
  stop(): Promise<void>;
}

/** How to launch it: as is, or inside a desktop session of its own (see desktop-session.ts). */
export interface Launcher {
  command(node: string[]): [string, string[]];
  env: NodeJS.ProcessEnv;
}

/** A machine with no session bus, hence no Secret Service (a headless Linux). */
export function withoutKeychain(): Launcher {
  const { DBUS_SESSION_BUS_ADDRESS: _bus, DISPLAY: _display, WAYLAND_DISPLAY: _wayland, ...rest } = process.env;
  return { env: rest, command: (node) => [node[0]!, node.slice(1)] };
}

/** Extra node flags (e.g. a probe loaded with --import) and environment for the host process. */
export interface WebModeExtras {
  nodeArgs?: string[];
  env?: NodeJS.ProcessEnv;
}

/** Starts `npm run web` as a user would (with its own data folder), reads its one JSON start line. */
export async function startWebMode(args: string[], dataDir = mkdtempSync(path.join(os.tmpdir(), 'pult-e2e-')), launcher?: Launcher, extras: WebModeExtras = {}): Promise<WebMode> {
  const node = [process.execPath, ...(extras.nodeArgs ?? []), '--import', 'tsx', 'scripts/web.ts', '--data', dataDir, ...args];
  const env = extras.env ? { ...(launcher?.env ?? process.env), ...extras.env } : launcher?.env;
  const [command, commandArgs] = launcher ? launcher.command(node) : [node[0]!, node.slice(1)];
  // Its own process group, so stopping it stops a session bus and keyring started with it.
  const child: ChildProcess = spawn(command, commandArgs, { stdio: ['ignore', 'pipe', 'pipe'], detached: true, ...(env ? { env } : {}) });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const line = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`npm run web exited with ${code}: ${stderr}`)));
  });
  const started = JSON.parse(line) as Omit<WebMode, 'stop' | 'dataDir' | 'running'>;
  return {
    ...started,
    dataDir,
    running: () => child.exitCode === null && child.signalCode === null,
    pid: child.pid!,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        try {
          process.kill(-child.pid!, 'SIGTERM');
        } catch {
          child.kill('SIGTERM');
        }
      }),
  };
}
