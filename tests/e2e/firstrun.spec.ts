import { expect, test } from '@playwright/test';
import { startWebMode, type WebMode } from './support/web-mode';
import { cardsIn, column } from './support/board-portal';

let web: WebMode;

test.beforeAll(async () => {
  // No --demo, a fresh data folder: what `npm start` shows on a new machine. Secrets in memory, so
  // the page is the same with or without an OS keychain (keychain-missing.spec.ts shows the notice).
  web = await startWebMode(['--secrets', 'memory']);
});
test.afterAll(async () => {
  await web?.stop();
});

test('a new user lands on first run and explains every mistake inline', async ({ page }) => {
  await page.goto(web.url);
  await expect(page.getByRole('heading', { name: 'Подключение к порталу' })).toBeVisible();
  await page.getByRole('button', { name: 'Подключиться' }).click();
  await expect(page.getByRole('alert')).toHaveText('Укажите адрес вида https://portal.example.ru');
  await page.getByLabel('Адрес портала').fill('https://portal.example.ru');
  await page.getByRole('button', { name: 'Подключиться' }).click();
  await expect(page.getByRole('alert')).toHaveText('Заполните поле «Код приложения (client_id)»');
  await page.getByLabel('Входящий вебхук').check();
  await page.getByLabel('Адрес вебхука').fill('https://other.example.ru/rest/1/abc/');
  await page.getByRole('button', { name: 'Подключиться' }).click();
  // The host's reason, framed by the UI.
  await expect(page.getByRole('alert')).toContainText('Адрес вебхука относится к другому порталу');
});

test('OAuth: the form shows the redirect URI to register; an unreachable portal is said at once, with no browser left waiting', async ({ page }) => {
  await page.goto(web.url);
  await expect(page.getByRole('heading', { name: 'Подключение к порталу' })).toBeVisible();
  await expect(page.getByLabel('Адрес перенаправления')).toHaveValue(/^http:\/\/127\.0\.0\.1:\d+\/oauth\/callback$/);
  // Nothing listens on port 9 of this machine.
  await page.getByLabel('Адрес портала').fill('http://127.0.0.1:9');
  await page.getByLabel('Код приложения (client_id)').fill('local.app');
  await page.getByLabel('Ключ приложения (client_secret)').fill('secret');
  await page.getByRole('button', { name: 'Подключиться' }).click();
  await expect(page.getByRole('alert')).toHaveText('Портал не отвечает: нет соединения с http://127.0.0.1:9. Проверьте адрес и сеть.', { timeout: 15_000 });
  await expect(page.getByRole('button', { name: 'Подключиться' })).toBeEnabled();
});

test('the demo portal takes a new user from first run to the board in three steps', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto(web.url);
  const started = Date.now();
  await page.getByRole('button', { name: 'Открыть демо-портал' }).click();
  await expect(page.getByRole('heading', { name: 'Какие группы показывать' })).toBeVisible({ timeout: 30_000 });
  const groups = page.getByRole('list', { name: 'Какие группы показывать' });
  await expect(groups.getByRole('checkbox', { checked: true })).toHaveCount(2);
  await page.getByRole('button', { name: 'Далее' }).click();
  await expect(page.getByRole('heading', { name: 'Стадии и поля' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Роль: Новые заявки' }).first()).toHaveValue('new');
  await expect(page.getByRole('combobox', { name: 'Роль: В работе' }).first()).toHaveValue('work');
  await expect(page.getByRole('combobox', { name: 'Тип стоппера' })).not.toHaveValue('');
  await page.getByRole('button', { name: 'Готово' }).click();
  await expect(column(page, 'Новые')).toBeVisible({ timeout: 30_000 });
  await expect(cardsIn(column(page, 'Новые')).first()).toBeVisible({ timeout: 30_000 });
  expect(Date.now() - started).toBeLessThan(60_000);
  await expect(page.getByRole('status')).toContainText('В сети');
});
