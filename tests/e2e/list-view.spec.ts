import { expect, test, type Page } from '@playwright/test';
import { startWebMode, type WebMode } from './support/web-mode';
import { callApi } from './support/api-call';
import { column } from './support/board-portal';

/** The list view's client, SLA and Оценка columns, finished tasks last, and the column chooser (issue 13). */
let web: WebMode;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  web = await startWebMode(['--demo']);
  await expect.poll(async () => (await callApi<{ lastSyncAt: number | null }>(web.url, 'getSyncStatus')).lastSyncAt, { timeout: 30_000 }).not.toBeNull();
});
test.afterAll(async () => {
  await web?.stop();
});

async function openList(page: Page, language: 'ru' | 'en' = 'ru'): Promise<void> {
  await page.goto(`${web.url}&lang=${language}`);
  // Stage titles are the portal's own, in either language.
  await expect(column(page, 'Новые заявки')).toBeVisible();
  await page.getByRole('button', { name: language === 'ru' ? 'Список' : 'List' }).click();
  await expect(page.locator('.list__row').first()).toBeVisible();
}

const headers = (page: Page) => page.locator('.list__th').allTextContents();

/** The cells of one column, by its header, in the rows now rendered. */
async function columnCells(page: Page, header: string): Promise<string[]> {
  const index = (await headers(page)).findIndex((text) => text.replace(/[▲▼]/g, '') === header);
  expect(index).toBeGreaterThanOrEqual(0);
  return page.locator('.list__row').evaluateAll((rows, i) => rows.map((row) => row.children[i]?.textContent ?? ''), index);
}

test('shows client, SLA and Оценка; sorts by Оценка with finished tasks last', async ({ page }) => {
  await openList(page);
  expect((await headers(page)).map((text) => text.replace(/[▲▼]/g, ''))).toEqual(['№', 'Задача', 'Вид', 'Клиент', 'Срок', 'SLA', 'Оценка, ч', 'Ответственный', 'Стадия', 'LU', 'WIA']);
  const clients = await columnCells(page, 'Клиент');
  expect(clients.filter((text) => text !== '—').length).toBeGreaterThan(3);
  expect((await columnCells(page, 'SLA')).some((text) => text.startsWith('SLA'))).toBe(true);

  await page.getByRole('columnheader', { name: /Оценка/ }).getByRole('button').click();
  await page.getByRole('columnheader', { name: /Оценка/ }).getByRole('button').click();
  await expect(page.getByRole('columnheader', { name: /Оценка/ })).toHaveAttribute('aria-sort', 'descending');
  const estimates = (await columnCells(page, 'Оценка, ч')).filter((text) => text !== '—').map((text) => Number(text.replace(',', '.')));
  expect(estimates.length).toBeGreaterThan(2);
  expect([...estimates].sort((a, b) => b - a)).toEqual(estimates);
  expect(await columnCells(page, 'Стадия')).not.toContain('Завершена');

  // At the bottom of the list: the finished tasks, after every open one.
  await page.locator('.list').evaluate((list) => list.scrollTo(0, list.scrollHeight));
  await expect.poll(async () => (await columnCells(page, 'Стадия')).at(-1)).toBe('Завершена');
  const stages = await columnCells(page, 'Стадия');
  const firstDone = stages.indexOf('Завершена');
  expect(stages.slice(firstDone).every((stage) => stage === 'Завершена')).toBe(true);
});

test('the column chooser hides columns, the choice survives a reload, and the default comes back', async ({ page }) => {
  await openList(page);
  await page.getByRole('button', { name: 'Столбцы' }).click();
  const chooser = page.getByRole('group', { name: 'Выбрать столбцы списка' });
  await expect(chooser.getByRole('checkbox', { name: '№' })).toBeDisabled();
  await chooser.getByRole('checkbox', { name: 'Клиент' }).uncheck();
  await chooser.getByRole('checkbox', { name: 'WIA' }).uncheck();
  await expect(page.getByRole('columnheader', { name: /Клиент/ })).toHaveCount(0);
  await expect(page.getByRole('columnheader', { name: /WIA/ })).toHaveCount(0);
  await expect.poll(async () => (await callApi<{ ui: { listColumns: string[] } }>(web.url, 'getSettings')).ui.listColumns).toEqual(['id', 'title', 'kind', 'deadline', 'sla', 'estimate', 'responsible', 'stage', 'lu']);

  await page.reload();
  await page.getByRole('button', { name: 'Список' }).click();
  await expect(page.locator('.list__row').first()).toBeVisible();
  expect((await headers(page)).map((text) => text.replace(/[▲▼]/g, ''))).toEqual(['№', 'Задача', 'Вид', 'Срок', 'SLA', 'Оценка, ч', 'Ответственный', 'Стадия', 'LU']);

  await page.getByRole('button', { name: 'Столбцы' }).click();
  await page.getByRole('button', { name: 'Как по умолчанию' }).click();
  await expect(page.getByRole('columnheader', { name: /Клиент/ })).toBeVisible();
  await expect(page.getByRole('columnheader', { name: /WIA/ })).toBeVisible();
});

test('speaks English when asked', async ({ page }) => {
  await openList(page, 'en');
  await expect(page.getByRole('columnheader', { name: /Client/ })).toBeVisible();
  await expect(page.getByRole('columnheader', { name: /Estimate, h/ })).toBeVisible();
  await page.getByRole('button', { name: 'Columns' }).click();
  await expect(page.getByRole('group', { name: 'Choose the list columns' })).toBeVisible();
  await expect(page.getByText('Finished tasks go last')).toBeVisible();
});
