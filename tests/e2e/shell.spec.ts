import { expect, test } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { startWebMode, type WebMode } from './support/web-mode';

let web: WebMode;

test.beforeAll(async () => {
  web = await startWebMode(['--demo']);
});
test.afterAll(async () => {
  await web?.stop();
});

test('browser mode lists the demo portal groups through the typed API (Russian UI)', async ({ page }) => {
  await page.goto(web.url);
  const list = page.getByRole('list', { name: 'Рабочие группы портала' });
  await expect(list).toBeVisible();
  const groupNames = web.emulator!.groups.map((g) => g.name);
  expect(groupNames.length).toBeGreaterThan(0);
  for (const name of groupNames) await expect(list.getByText(name, { exact: true })).toBeVisible();
  await expect(page.getByText('Демо-портал')).toBeVisible();
});

test('browser mode speaks English when asked', async ({ page }) => {
  await page.goto(`${web.url}&lang=en`);
  await expect(page.getByRole('list', { name: 'Portal workgroups' })).toBeVisible();
});

test('the API socket refuses a page without the one-time token', async ({ page }) => {
  const origin = new URL(web.url).origin;
  await page.goto(`${origin}/`);
  await expect(page.getByRole('alert')).toContainText('Не удалось загрузить данные');
});

test('pages are served with a strict content security policy', async ({ request }) => {
  const response = await request.get(web.url);
  const csp = response.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toContain('unsafe-inline');
});

test('browser mode writes its day’s log file into its data folder', async () => {
  const dir = path.join(web.dataDir, 'logs');
  const [name] = readdirSync(dir);
  expect(name).toMatch(/^pult-\d{4}-\d{2}-\d{2}\.log$/);
  const first = JSON.parse(readFileSync(path.join(dir, name!), 'utf8').split('\n')[0]!) as { level: string; source: string; message: string };
  expect(first).toMatchObject({ level: 'info', source: 'web', message: 'browser mode started' });
});
