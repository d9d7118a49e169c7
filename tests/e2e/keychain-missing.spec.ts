/**
 * Browser mode on a machine without a keychain (no session bus, so no Secret Service): the page
 * says so before anything else, the user keeps the sign-in in memory, connects by webhook and
 * reaches the board — and the webhook never reaches the data folder.
 */
import { expect, test } from '@playwright/test';
import { startWebMode, withoutKeychain, type WebMode } from './support/web-mode';
import { startPortalProcess, type PortalProcess } from './support/portal-process';
import { expectNoSecretsOnDisk } from './support/secret-scan';

let web: WebMode;
let portal: PortalProcess;
test.beforeAll(async () => {
  portal = await startPortalProcess();
  web = await startWebMode([], undefined, withoutKeychain());
});
test.afterAll(async () => {
  await web?.stop();
  await portal?.stop();
});

test('Russian: the missing keychain is said first; keeping the sign-in in memory, a webhook connects and the board appears', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto(web.url);
  const notice = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'Хранилище паролей недоступно' }) });
  await expect(notice).toContainText('службы Secret Service на этом компьютере нет');
  await expect(notice).toContainText('sudo apt install gnome-keyring');
  await expect(notice).toContainText('Закрытие браузерного режима забудет вход');
  // Above the demo button and the form: the first thing the page says.
  const demo = page.getByRole('button', { name: 'Открыть демо-портал' });
  expect((await notice.boundingBox())!.y).toBeLessThan((await demo.boundingBox())!.y);

  await notice.getByRole('button', { name: 'Хранить вход только в памяти' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Вход хранится только в памяти браузерного режима' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Хранилище паролей недоступно' })).toHaveCount(0);

  await page.getByLabel('Входящий вебхук', { exact: true }).check();
  await page.getByLabel('Адрес портала').fill(portal.portalUrl);
  await page.getByLabel('Адрес вебхука').fill(portal.webhookUrl);
  await page.getByRole('button', { name: 'Подключиться', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Какие группы показывать' })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Далее' }).click();
  await expect(page.getByRole('heading', { name: 'Стадии и поля' })).toBeVisible();
  await page.getByRole('button', { name: 'Готово' }).click();
  await expect(page.locator('[data-task-id]').first()).toBeVisible({ timeout: 30_000 });

  await expectNoSecretsOnDisk(portal.portalUrl, [web.dataDir]);
});

test('English: the same notice speaks English', async ({ page }) => {
  const other = await startWebMode([], undefined, withoutKeychain());
  try {
    await page.goto(`${other.url}&lang=en`);
    const notice = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'The password store cannot be used' }) });
    await expect(notice).toContainText('this computer has no Secret Service');
    await expect(notice.getByRole('button', { name: 'Keep the sign-in in memory only' })).toBeVisible();
  } finally {
    await other.stop();
  }
});
