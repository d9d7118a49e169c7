import { _electron as electron, expect, test } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The same flow in the real Electron app. Electron's binary is downloaded on first run; where it
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

test('Electron: the console window lists the demo portal groups', async () => {
  test.skip(!binary, SKIP_REASON);
  const app = await electron.launch({ executablePath: binary!, args: ['.', '--no-sandbox'] });
  try {
    const window = await app.firstWindow();
    await expect(window.getByRole('list', { name: 'Рабочие группы портала' })).toBeVisible();
    // No Node in the page; only the typed bridge.
    const page = await window.evaluate(() => ({
      require: typeof (globalThis as { require?: unknown }).require,
      process: typeof (globalThis as { process?: unknown }).process,
      bridge: Object.keys((globalThis as { pult?: object }).pult ?? {}).sort(),
    }));
    expect(page).toEqual({ require: 'undefined', process: 'undefined', bridge: ['getAppInfo', 'listGroups'] });
  } finally {
    await app.close();
  }
});
