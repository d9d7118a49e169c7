import { _electron as electron, expect, test } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * The main flows in the real Electron app. Electron's binary is downloaded on first run; where it
 * cannot be (no internet), this spec reports itself skipped with that reason.
 */
function electronBinary(): string | null {
  const dir = path.resolve('node_modules/electron');
  const pathFile = path.join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = path.join(dir, 'dist', readFileSync(pathFile, 'utf8'));
  return existsSync(binary) ? binary : null;
}

const binary = electronBinary();
const SKIP_REASON = 'Electron binary not installed (it is downloaded on first run; no internet here)';
if (!binary) console.log(`electron e2e skipped: ${SKIP_REASON}`);

test('Electron: a fresh install opens the demo board in a sandboxed window with only the typed bridge', async () => {
  test.skip(!binary, SKIP_REASON);
  const userData = mkdtempSync(path.join(os.tmpdir(), 'pult-electron-'));
  const app = await electron.launch({ executablePath: binary!, args: ['.', '--no-sandbox', `--user-data-dir=${userData}`] });
  try {
    const window = await app.firstWindow();
    await expect(window.getByRole('region', { name: 'Новые заявки' }).first()).toBeVisible({ timeout: 30_000 });
    await expect(window.getByRole('img', { name: /Инцидент|Запрос на изменение|Запрос на обслуживание/ }).first()).toBeVisible();
    await expect(window.getByRole('status').first()).toBeVisible();
    // No Node in the page; only the typed bridge, one function per method.
    const page = await window.evaluate(() => ({
      require: typeof (globalThis as { require?: unknown }).require,
      process: typeof (globalThis as { process?: unknown }).process,
      bridge: Object.keys((globalThis as { pult?: object }).pult ?? {}),
    }));
    expect(page.require).toBe('undefined');
    expect(page.process).toBe('undefined');
    expect(page.bridge).toEqual(expect.arrayContaining(['getBoard', 'enqueue', 'onEvent']));
    expect(page.bridge).not.toContain('invoke');
    expect(page.bridge).not.toContain('send');
  } finally {
    await app.close();
  }
});
