import { expect, test, type Page } from '@playwright/test';
import { startWebMode, type WebMode } from './support/web-mode';
import { expectRussianOnly } from './support/russian-text';
import { camelField, cardsIn, column, dragWithMouse, portalOf, type Portal, openGroupBoard } from './support/board-portal';

let web: WebMode;
let portal: Portal;
let estimate: string;

test.describe.configure({ timeout: 150_000 });

test.beforeAll(async () => {
  web = await startWebMode(['--demo']);
  portal = portalOf(web);
  estimate = await portal.fieldByLabel('Оценка');
});
test.afterAll(async () => {
  await web?.stop();
});

const status = (page: Page) => page.getByRole('status');

/** Sync now until the status bar says what we wait for (queued edits retry on a back-off). */
async function syncUntil(page: Page, text: string | RegExp): Promise<void> {
  await expect(async () => {
    await page.getByRole('button', { name: 'Синхронизировать сейчас' }).click();
    await expect(status(page)).toContainText(text, { timeout: 3_000 });
  }).toPass({ timeout: 90_000, intervals: [1_000, 2_000, 3_000] });
}

async function editEstimate(page: Page, taskId: string, value: string): Promise<void> {
  await page.locator(`[data-task-id="${taskId}"]`).click();
  const drawer = page.getByRole('dialog');
  const field = drawer.getByLabel('Оценка, ч');
  await field.fill(value);
  await field.press('Enter');
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();
}

test('with the portal unreachable, a move and an edit wait in the queue, then reach the portal', async ({ page }) => {
  await page.goto(web.url);
  await openGroupBoard(page);
  const from = column(page, 'Новые заявки');
  const to = column(page, 'Сбор информации');
  await expect(cardsIn(from).first()).toBeVisible();
  const moved = (await cardsIn(from).nth(0).getAttribute('data-task-id'))!;
  const edited = (await cardsIn(from).nth(1).getAttribute('data-task-id'))!;

  await portal.control('faults', { unreachable: true });
  await dragWithMouse(page, cardsIn(from).first(), to);
  await expect(to.locator(`[data-task-id="${moved}"]`)).toBeVisible();
  await editEstimate(page, edited, '3');
  await expect(status(page)).toContainText('2 правки в очереди');
  await expect(status(page)).toContainText('Портал недоступен', { timeout: 30_000 });
  // The queued marks are on the cards, and the queue panel lists both edits.
  await expect(page.locator(`[data-task-id="${moved}"]`).getByRole('img', { name: /ждёт отправки/ })).toBeVisible();
  await status(page).getByRole('button', { name: /в очереди/ }).click();
  await expect(page.getByRole('dialog', { name: 'Очередь правок' }).getByRole('listitem')).toHaveCount(2);
  await page.keyboard.press('Escape');

  await portal.control('faults', { unreachable: false });
  await syncUntil(page, '0 правок в очереди');
  await expect(status(page)).toContainText('В сети');
  const stageId = await portal.stageIdByTitle('Сбор информации');
  expect((await portal.task(moved)).stageId).toBe(stageId);
  expect((await portal.task(edited))[camelField(estimate)]).toBe('3');
});

test('a conflict is shown and settled with "keep mine"', async ({ page }) => {
  await page.goto(web.url);
  await openGroupBoard(page);
  const first = column(page, 'В работе');
  await expect(cardsIn(first).first()).toBeVisible();
  const taskId = (await cardsIn(first).nth(2).getAttribute('data-task-id'))!;

  await portal.control('faults', { unreachable: true });
  await editEstimate(page, taskId, '5');
  await expect(status(page)).toContainText('1 правка в очереди');
  // The failed cycle is over: the engine now waits out its back-off (2.5 s at least).
  await expect(status(page)).toContainText('Портал недоступен', { timeout: 30_000 });
  // Someone else changes the same field on the portal before Pult gets through.
  await portal.control('faults', { unreachable: false });
  await portal.call('tasks.task.update', { taskId, fields: { [estimate]: '9' } });

  await syncUntil(page, '1 конфликт');
  await expect(page.locator(`[data-task-id="${taskId}"]`).getByRole('img', { name: 'Конфликт правок' })).toBeVisible();
  await status(page).getByRole('button', { name: /в очереди/ }).click();
  const panel = page.getByRole('dialog', { name: 'Очередь правок' });
  await expect(panel).toContainText('конфликт');
  // The edit and its conflict name the field by its title, in Russian, never by its UF_ code.
  await expect(panel).toContainText(`Задача ${taskId}: изменение полей (Оценка)`);
  await expect(panel).toContainText('На портале изменили после вашей правки: Оценка');
  await expectRussianOnly(panel, 'queue panel');
  await expectRussianOnly(page.locator('.toasts'), 'notices');
  await panel.getByRole('button', { name: 'Оставить мою' }).click();
  await syncUntil(page, /0 правок в очереди(?!.*конфликт)/);
  await expect.poll(async () => (await portal.task(taskId))[camelField(estimate)], { timeout: 30_000 }).toBe('5');
});
