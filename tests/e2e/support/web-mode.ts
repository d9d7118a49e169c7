import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface WebMode {
  url: string;
  emulator?: { portalUrl: string; groups: { id: string; name: string }[] } & Record<string, unknown>;
  stop(): Promise<void>;
}

/** Starts `npm run web` as a user would, reads its one JSON start line. */
export async function startWebMode(args: string[]): Promise<WebMode> {
  const child: ChildProcess = spawn('npx', ['tsx', 'scripts/web.ts', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const line = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`npm run web exited with ${code}: ${stderr}`)));
  });
  const started = JSON.parse(line) as Omit<WebMode, 'stop'>;
  return {
    ...started,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
