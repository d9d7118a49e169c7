import { expect, test } from '@playwright/test';
import { startWebMode, type WebMode } from './support/web-mode';
import { callApi } from './support/api-call';

/**
 * Browser mode has no tray: the host's reminders reach the page, which shows them as the
 * browser's notifications (once allowed) and counts them in the title while nobody looks.
 */
let web: WebMode;

test.beforeAll(async () => {
  web = await startWebMode(['--demo']);
});
test.afterAll(async () => {
  await web?.stop();
});

test('reminders become browser notifications and a count in the title while the page is not looked at', async ({ page }) => {
  test.setTimeout(90_000);
  // A browser whose user allowed notifications and is looking at another window.
  await page.addInitScript(() => {
    const shown: { title: string; body: string }[] = [];
    (window as unknown as { __shown: typeof shown }).__shown = shown;
    class RecordingNotification {
      static permission = 'granted';
      static requestPermission = async () => 'granted';
      onclick: (() => void) | null = null;
      constructor(title: string, options: { body?: string } = {}) {
        shown.push({ title, body: options.body ?? '' });
      }
      close() {}
    }
    Object.defineProperty(window, 'Notification', { value: RecordingNotification });
    Document.prototype.hasFocus = () => false;
  });
  // The demo's signed-in admin is responsible for no request: a lead watching the whole groups.
  const settings = await callApi<{ notifications: Record<string, unknown> }>(web.url, 'getSettings');
  await callApi(web.url, 'saveSettings', { ...settings, notifications: { ...settings.notifications, scope: 'groups' } });
  await page.goto(web.url);
  await expect(page.locator('[data-task-id]').first()).toBeVisible({ timeout: 30_000 });
  // Ten hours pass on the portal: tasks become forgotten, and the host says so.
  const response = await fetch(`${String(web.emulator!.portalUrl)}/_emulator/clock`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ advanceSeconds: 36_000 }) });
  expect(response.ok).toBe(true);
  await callApi(web.url, 'syncNow');
  await expect.poll(() => page.evaluate(() => (window as unknown as { __shown: unknown[] }).__shown.length), { timeout: 60_000 }).toBeGreaterThan(0);
  const [first] = (await page.evaluate(() => (window as unknown as { __shown: { title: string; body: string }[] }).__shown)) as { title: string; body: string }[];
  expect(first!.title).toMatch(/[А-Яа-яЁё]/);
  await expect(page).toHaveTitle(/^\(\d+\) Pult$/);
  // Looking again clears the count.
  await page.evaluate(() => window.dispatchEvent(new Event('focus')));
  await expect(page).toHaveTitle('Pult');
});
