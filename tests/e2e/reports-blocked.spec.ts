import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { startWebMode, type WebMode } from './support/web-mode';
import { callApi as callPageApi } from './support/api-call';
import { screenshotPath } from './support/screenshots';

/** Time in stoppers on the reports screen, in browser mode against the demo portal: tables, chart, CSV, English. */
let web: WebMode;

interface Blocked {
  types: { id: string; title: string }[];
  byGroup: { key: string; title: string; workingTotal: number; taskCount: number }[];
  byClient: { key: string; title: string; workingTotal: number; taskCount: number }[];
}

async function openReports(page: Page, language: 'ru' | 'en' = 'ru'): Promise<void> {
  await page.goto(`${web.url}&lang=${language}#reports`);
  await expect(page.getByRole('heading', { level: 1, name: language === 'ru' ? 'Отчёты' : 'Reports' })).toBeVisible();
}

/** The screen's default period: the last 14 portal days (Moscow). */
function lastFortnight(): { fromDay: string; toDay: string; month: string } {
  const now = Date.now() + 3 * 3_600_000;
  const day = (at: number) => new Date(at).toISOString().slice(0, 10);
  return { fromDay: day(now - 13 * 86_400_000), toDay: day(now), month: day(now).slice(0, 7) };
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  web = await startWebMode(['--demo']);
  await expect.poll(async () => (await callPageApi<{ lastSyncAt: number | null }>(web.url, 'getSyncStatus')).lastSyncAt, { timeout: 30_000 }).not.toBeNull();
});
test.afterAll(async () => {
  await web?.stop();
});

test('shows time in stoppers per group and per client, with a chart and CSV, as the host counted it', async ({ page }) => {
  await openReports(page);
  await expect(page.getByRole('heading', { level: 2, name: 'Время в стопперах' })).toBeVisible();
  const blocked = (await callPageApi<{ blocked: Blocked }>(web.url, 'getReports', lastFortnight())).blocked;
  expect(blocked.types.length).toBeGreaterThanOrEqual(2);
  const groups = page.getByRole('table', { name: 'Время в стопперах по группам, рабочие ч' });
  await expect(groups.getByRole('columnheader')).toHaveText(['Группа', ...blocked.types.map((type) => type.title), 'Итого, раб. ч', 'Календарных ч', 'Задач']);
  await expect(groups.getByRole('row')).toHaveCount(blocked.byGroup.length + 1);
  await expect(groups.getByRole('row').nth(1).getByRole('cell').first()).toHaveText(blocked.byGroup[0]!.title);
  await expect(groups.getByRole('row').nth(1).getByRole('cell').last()).toHaveText(String(blocked.byGroup[0]!.taskCount));
  const clients = page.getByRole('table', { name: 'Время в стопперах по клиентам, рабочие ч' });
  await expect(clients.getByRole('row')).toHaveCount(blocked.byClient.length + 1);
  const first = blocked.byClient[0]!;
  // Open stoppers keep counting while the page and this call compute: a few minutes' leeway.
  const shownTotal = await clients.getByRole('row').nth(1).getByRole('cell').nth(blocked.types.length + 1).textContent();
  expect(Math.abs(Number(shownTotal!.replace(',', '.')) - first.workingTotal / 3600)).toBeLessThan(0.2);
  await expect(page.getByRole('img', { name: 'Рабочие часы в стопперах по клиентам и типам стоппера' }).locator('canvas')).toBeVisible();
  await page.getByRole('heading', { level: 2, name: 'Время в стопперах' }).evaluate((heading) => heading.scrollIntoView({ block: 'start' }));
  await page.evaluate(() => window.scrollBy(0, -24));
  await page.waitForTimeout(300);
  await page.screenshot({ path: screenshotPath('reports-blocked.png') });

  // The same table as Excel-friendly CSV.
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Скачать «Время в стопперах по клиентам, рабочие ч» в CSV' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^pult-blocked-clients-\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.csv$/);
  const lines = readFileSync((await download.path())!, 'utf8').split('\r\n');
  expect(lines[0]).toBe(`\uFEFFКлиент;${blocked.types.map((type) => `${type.title}, раб. ч`).join(';')};Итого, раб. ч;Календарных ч;Задач`);
  expect(lines).toHaveLength(blocked.byClient.length + 2);
  const cells = lines[1]!.split(';');
  expect(cells[0]).toBe(blocked.byClient[0]!.title || 'Без клиента');
  expect(Math.abs(Number(cells[blocked.types.length + 1]!.replace(',', '.')) - first.workingTotal / 3600)).toBeLessThan(0.2);
});

test('speaks English when asked', async ({ page }) => {
  await openReports(page, 'en');
  await expect(page.getByRole('heading', { level: 2, name: 'Time in stoppers' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Time in stoppers per client, working h' }).getByRole('columnheader').first()).toHaveText('Client');
  await expect(page.getByRole('button', { name: 'CSV' }).last()).toBeVisible();
});
