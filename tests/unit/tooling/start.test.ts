import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { electronBinary } from '../../../scripts/start.mjs';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'pult-start-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** An electron package without its binary, whose download does what `install` says. */
function electronWithoutBinary(install: string): string {
  const electronDir = path.join(dir, 'electron');
  mkdirSync(electronDir);
  writeFileSync(path.join(electronDir, 'install.js'), install);
  return electronDir;
}

const start = (electronDir: string) =>
  spawnSync(process.execPath, ['scripts/start.mjs'], { encoding: 'utf8', env: { ...process.env, PULT_ELECTRON_DIR: electronDir, ELECTRON_OVERRIDE_DIST_PATH: '' }, timeout: 60_000 });

describe('npm start without Electron', () => {
  it('tries the download once, then names browser mode in Russian and English, without a stack trace, and fails', () => {
    const marker = path.join(dir, 'download-tried');
    const electronDir = electronWithoutBinary(`require('fs').writeFileSync(${JSON.stringify(marker)}, ''); console.error('TypeError: fetch failed\\n    at node:internal/deps/undici'); process.exit(1);`);
    const result = start(electronDir);
    expect(existsSync(marker)).toBe(true);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/Electron не установлен/);
    expect(result.stderr).toMatch(/Electron is not installed/);
    expect(result.stderr.match(/npm run web -- --demo/g)).toHaveLength(2);
    expect(result.stderr).toMatch(/\(TypeError: fetch failed\)/);
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(result.stdout).toBe('');
  });

  it('a download that reports success but leaves no binary ends the same way', () => {
    const electronDir = electronWithoutBinary(`require('fs').writeFileSync(require('path').join(__dirname, 'path.txt'), 'electron');`);
    const result = start(electronDir);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/npm run web -- --demo/);
  });
});

describe('where the electron package keeps its binary', () => {
  it('reads path.txt under dist/, honours ELECTRON_OVERRIDE_DIST_PATH, and knows none before the download', () => {
    const electronDir = path.join(dir, 'electron');
    mkdirSync(electronDir);
    expect(electronBinary(electronDir, {})).toBeNull();
    writeFileSync(path.join(electronDir, 'path.txt'), 'electron');
    expect(electronBinary(electronDir, {})).toBe(path.join(electronDir, 'dist', 'electron'));
    expect(electronBinary(electronDir, { ELECTRON_OVERRIDE_DIST_PATH: '/opt/electron' })).toBe(path.join('/opt/electron', 'electron'));
  });
});
