// `npm start`: builds and opens Pult in Electron. Where Electron's binary is missing and cannot be
// downloaded (no internet, a closed network), it says so in two lines and names browser mode
// instead of a stack trace from the electron package.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the electron package keeps its binary, the way its index.js finds it (without downloading). */
export function electronBinary(electronDir, env = process.env) {
  const pathFile = path.join(electronDir, 'path.txt');
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  if (env.ELECTRON_OVERRIDE_DIST_PATH) return path.join(env.ELECTRON_OVERRIDE_DIST_PATH, executable || 'electron');
  return executable ? path.join(electronDir, 'dist', executable) : null;
}

export const NO_ELECTRON_MESSAGE = [
  'Pult: Electron не установлен, и его не удалось скачать (нужен интернет один раз: npx install-electron).',
  '      Тот же пульт работает в браузере: npm run build && npm run web -- --demo',
  'Pult: Electron is not installed and could not be downloaded (this needs the internet once: npx install-electron).',
  '      The same console runs in a browser: npm run build && npm run web -- --demo',
].join('\n');

/** The binary, downloaded first if it is missing; else why the download failed. */
function findOrDownload(electronDir) {
  const found = electronBinary(electronDir);
  if (found && existsSync(found)) return { binary: found };
  // The electron package downloads its binary on first use; try that once, quietly.
  const install = spawnSync(process.execPath, [path.join(electronDir, 'install.js')], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const after = electronBinary(electronDir);
  if (install.status === 0 && after && existsSync(after)) return { binary: after };
  const reason = (install.stderr ?? '').split('\n').map((line) => line.trim()).find((line) => line && !line.startsWith('at ')) ?? install.error?.message;
  return { binary: null, reason };
}

function main() {
  const electronDir = process.env.PULT_ELECTRON_DIR ?? path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  const { binary, reason } = findOrDownload(electronDir);
  if (!binary) {
    process.stderr.write(`${NO_ELECTRON_MESSAGE}\n${reason ? `      (${reason})\n` : ''}`);
    process.exit(1);
  }
  const build = spawnSync('npx', ['electron-vite', 'build'], { stdio: 'inherit', shell: process.platform === 'win32' });
  if (build.status !== 0) process.exit(build.status ?? 1);
  const child = spawn(binary, ['.', ...process.argv.slice(2)], { stdio: 'inherit', windowsHide: false });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('close', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
