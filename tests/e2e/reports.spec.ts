import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { startWebMode, type WebMode } from './support/web-mode';
import { screenshotPath } from './support/screenshots';
import { callApi as callPageApi } from './support/api-call';
import { picker, pickerText, typeInto } from './support/pickers';

/** The reports screen in browser mode against the demo portal: tables, charts, CSV, period, languages. */
let web: WebMode;

function callApi<T>(method: string, ...args: unknown[]): Promise<T> {
  return callPageApi<T>(web.url, method, ...args);
}

async function openReports(page: Page, language: 'ru' | 'en' = 'ru'): Promise<void> {
  await page.goto(`${web.url}&lang=${language}#reports`);
  await expect(page.getByRole('heading', { level: 1, name: language === 'ru' ? 'Отчёты' : 'Reports' })).toBeVisible();
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  web = await startWebMode(['--demo']);
  await expect.poll(async () => (await callApi<{ lastSyncAt: number | null }>('getSyncStatus')).lastSyncAt, { timeout: 30_000 }).not.toBeNull();
});
test.afterAll(async () => {
  await web?.stop();
});

test('shows plan vs fact per employee and per client with charts', async ({ page }) => {
  await openReports(page);
  const employees = page.getByRole('table', { name: 'Факт по дням, ч' });
  await expect(employees).toBeVisible();
  expect(await employees.getByRole('row').count()).toBeGreaterThan(5);
  await expect(page.getByRole('img', { name: 'Часы по сотрудникам за период: план и факт' }).locator('canvas')).toBeVisible();
  const clients = page.getByRole('table', { name: 'Клиенты за месяц: план и факт' });
  await expect(clients.getByRole('row').nth(1)).toBeVisible();
  for (const chart of ['Число задач на каждом этапе по дням', 'WIA открытых задач по этапам с перцентилями времени цикла', 'Завершённые задачи по неделям']) {
    await expect(page.getByRole('img', { name: chart }).locator('canvas')).toBeVisible();
  }
  await expect(page.getByText(/50 % задач — за/)).toBeVisible();
  await expect(page.getByRole('table', { name: 'Открытые задачи по возрасту' })).toBeVisible();
});

test('exports a table as Excel-friendly CSV', async ({ page }) => {
  await openReports(page);
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Скачать «Клиенты за месяц: план и факт» в CSV' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^pult-clients-\d{4}-\d{2}\.csv$/);
  const text = readFileSync((await download.path())!, 'utf8');
  expect(text.startsWith('\uFEFFКлиент;План, ч;Факт, ч;')).toBe(true);
  expect(text.split('\r\n').length).toBeGreaterThan(3);
});

test('recomputes for another period and refuses a reversed one', async ({ page }) => {
  await openReports(page);
  const table = page.getByRole('table', { name: 'Факт по дням, ч' });
  await expect(table.getByRole('columnheader')).toHaveCount(14 + 4);
  // The days are typed as the UI writes them (дд.мм.гггг), whatever the browser's locale.
  const toShown = await pickerText(picker(page, 'По'));
  const [, dd, mm, yyyy] = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(toShown)!;
  const toDay = Date.parse(`${yyyy}-${mm}-${dd}T00:00:00Z`);
  const typed = (at: number) => new Date(at).toISOString().slice(0, 10).split('-').reverse().join('');
  const from = picker(page, 'С');
  await typeInto(from, typed(toDay - 6 * 86_400_000));
  await expect(table.getByRole('columnheader')).toHaveCount(7 + 4);
  await typeInto(from, typed(toDay + 86_400_000));
  await expect(page.getByRole('alert')).toHaveText('Дата «с» позже даты «по»');
  await expect(page.getByRole('button', { name: 'Обновить' })).toBeDisabled();
});

test('leaves excluded users out', async ({ page }) => {
  await openReports(page);
  const table = page.getByRole('table', { name: 'Факт по дням, ч' });
  const firstName = (await table.getByRole('row').nth(1).getByRole('cell').first().textContent())!;
  const directory = await callApi<{ users: { id: string; name: string; lastName: string }[] }>('getDirectory');
  const person = directory.users.find((user) => `${user.name} ${user.lastName}` === firstName)!;
  const settings = await callApi<{ excludedUserIds: string[] }>('getSettings');
  await callApi('saveSettings', { ...settings, excludedUserIds: [person.id] });
  try {
    // A fresh page load (the same URL with the same #fragment would not reload).
    await page.goto('about:blank');
    await openReports(page);
    await expect(table.getByRole('row').nth(1)).toBeVisible();
    await expect(table.getByRole('cell', { name: firstName, exact: true })).toHaveCount(0);
  } finally {
    await callApi('saveSettings', { ...settings, excludedUserIds: [] });
  }
});

test('speaks English when asked', async ({ page }) => {
  await openReports(page, 'en');
  await expect(page.getByRole('table', { name: 'Fact per day, h' })).toBeVisible();
  await expect(page.getByRole('img', { name: 'Cumulative flow', exact: false }).or(page.getByRole('img', { name: 'Tasks in each stage per day' }))).toBeVisible();
});

test('screenshots of the reports in light and dark', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto('about:blank');
    await openReports(page);
    await expect(page.getByRole('img', { name: 'Число задач на каждом этапе по дням' }).locator('canvas')).toBeVisible();
    await page.waitForTimeout(500);
    await page.screenshot({ path: screenshotPath(`reports-${scheme}.png`) });
    await page.getByRole('heading', { name: 'Поток', exact: true }).scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollBy(0, -16));
    await page.waitForTimeout(300);
    await page.screenshot({ path: screenshotPath(`reports-flow-${scheme}.png`) });
  }
  await page.emulateMedia({ colorScheme: 'light' });
});
