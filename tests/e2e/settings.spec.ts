import { expect, test, type Page } from '@playwright/test';
import { startWebMode, type WebMode } from './support/web-mode';

let web: WebMode;

test.beforeAll(async () => {
  web = await startWebMode(['--demo']);
});
test.afterAll(async () => {
  await web?.stop();
});

async function openSettings(page: Page, url = web.url) {
  await page.goto(url);
  await expect(page.getByRole('region').first()).toBeVisible();
  await page.keyboard.press('Control+K');
  await page.getByRole('combobox', { name: /Палитра команд|Command palette/ }).fill('настройки');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: /Настройки|Settings/ })).toBeVisible();
}

test('a changed setting persists across a reload; invalid input is explained next to the field', async ({ page }) => {
  await openSettings(page);
  const plan = page.getByLabel('План по умолчанию, ч в день');
  await plan.fill('восемь');
  await expect(page.getByText('Введите число')).toBeVisible();
  await page.getByRole('button', { name: 'Сохранить' }).click();
  await expect(page.getByText('Исправьте отмеченные поля')).toBeVisible();

  await plan.fill('7');
  await expect(page.getByText('Введите число')).toHaveCount(0);
  const luWarn = page.getByLabel('LU: внимание, ч: В работе');
  await luWarn.fill('30');
  await expect(page.getByText('Порог «внимание» не может быть больше порога «тревога»')).toBeVisible();
  await luWarn.fill('2');
  await page.getByRole('button', { name: 'Сохранить' }).click();
  await expect(page.getByText('Настройки сохранены')).toBeVisible();

  await openSettings(page);
  await expect(page.getByLabel('План по умолчанию, ч в день')).toHaveValue('7');
  await expect(page.getByLabel('LU: внимание, ч: В работе')).toHaveValue('2');
});

test('an invalid team file is refused with the host message; export downloads JSON', async ({ page }) => {
  await openSettings(page);
  await page.getByLabel('Загрузить файл команды').setInputFiles({ name: 'team.json', mimeType: 'application/json', buffer: Buffer.from('{"version": 2, "calendar": {"holidays": ["01.05.2025"]}}') });
  const refusal = page.getByRole('alert').filter({ hasText: 'Файл не принят' });
  await expect(refusal).toBeVisible();
  await expect(refusal).toContainText('calendar.holidays');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /Скачать файл команды/ }).click()]);
  const file = await download.path();
  const json = JSON.parse(await (await import('node:fs/promises')).readFile(file, 'utf8')) as { version: number; stageRoles: Record<string, string> };
  expect(json.version).toBe(2);
  // The team file is policy: the stage roles travel, this machine's connection and groups do not.
  expect(Object.keys(json.stageRoles).length).toBeGreaterThan(0);
  expect(json).not.toHaveProperty('connection');
  expect(json).not.toHaveProperty('groupIds');
});

test('the help overlay lists the shortcuts and Esc closes it; the palette toggles the theme', async ({ page }) => {
  await page.goto(web.url);
  await expect(page.getByRole('region').first()).toBeVisible();
  await page.locator('body').press('?');
  const help = page.getByRole('dialog', { name: 'Горячие клавиши' });
  await expect(help).toContainText('Палитра команд');
  await expect(help).toContainText('Новая заявка');
  await page.keyboard.press('Escape');
  await expect(help).toHaveCount(0);

  const before = await page.evaluate(() => document.documentElement.dataset.theme ?? 'system');
  await page.keyboard.press('Control+K');
  await page.getByRole('combobox', { name: 'Палитра команд' }).fill('тема');
  await page.keyboard.press('Enter');
  await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme ?? 'system')).not.toBe(before);
});
