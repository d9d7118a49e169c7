import { mkdirSync } from 'node:fs';
import path from 'node:path';

/**
 * Where e2e specs save their screenshots: `test-results/screenshots` during `npm test` (so a test
 * run leaves the checkout clean), `docs/screenshots` with `npm run screenshots` (the README's).
 */
export function screenshotPath(name: string): string {
  const dir = process.env.PULT_SCREENSHOT_DIR ?? path.join('test-results', 'screenshots');
  mkdirSync(dir, { recursive: true });
  return path.join(dir, name);
}
