import { expect, test, type Page } from '@playwright/test';
import { startWebMode, type WebMode } from './support/web-mode';
import { cardsIn, column, portalOf, type Portal, openGroupBoard } from './support/board-portal';

let web: WebMode;
let portal: Portal;

test.beforeAll(async () => {
  web = await startWebMode(['--demo']);
  portal = portalOf(web);
});
test.afterAll(async () => {
  await web?.stop();
});

/** The task id of the focused card, or null when focus is not on a card. */
const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-task-id') ?? null);
/** Sync without moving focus (a user's click would move it to the button). */
const syncQuietly = (page: Page) => page.getByRole('button', { name: 'Синхронизировать сейчас' }).evaluate((button: HTMLElement) => button.click());

test('one Tab stop per column: Tab from the first column’s card reaches the second column', async ({ page }) => {
  await page.goto(web.url);
  await openGroupBoard(page);
  const first = column(page, 'Новые заявки');
  const second = column(page, 'Сбор информации');
  await expect(cardsIn(first).first()).toBeVisible();
  // Each column offers exactly one card to Tab.
  await expect(first.locator('[data-task-id][tabindex="0"]')).toHaveCount(1);
  await expect(second.locator('[data-task-id][tabindex="0"]')).toHaveCount(1);
  await cardsIn(first).first().focus();
  await page.keyboard.press('Tab');
  await expect(cardsIn(second).first()).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(cardsIn(first).first()).toBeFocused();
});

test('arrows move focus between cards and columns; the column keeps the card as its Tab stop', async ({ page }) => {
  await page.goto(web.url);
  await openGroupBoard(page);
  const first = column(page, 'Новые заявки');
  const second = column(page, 'Сбор информации');
  await cardsIn(first).first().focus();
  await page.keyboard.press('ArrowDown');
  await expect(cardsIn(first).nth(1)).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(cardsIn(second).nth(1)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(cardsIn(second).first()).toBeFocused();
  // Above the first card: the column's fold button; down again returns to the card.
  await page.keyboard.press('ArrowUp');
  await expect(page.getByRole('button', { name: 'Свернуть колонку «Сбор информации»' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(cardsIn(second).first()).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(cardsIn(first).first()).toBeFocused();
  // The second column remembers its card: Tab lands on it.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowRight');
  const remembered = await focusedId(page);
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Tab');
  expect(await focusedId(page)).toBe(remembered);
});

test('End reaches the last card of a long, virtualised column and Home comes back', async ({ page }) => {
  await page.goto(web.url);
  await openGroupBoard(page);
  const first = column(page, 'Новые заявки');
  const count = Number(((await first.locator('.column__count').textContent()) ?? '').match(/\d+/)?.[0]);
  const rendered = await cardsIn(first).count();
  expect(rendered).toBeLessThan(count); // the column is windowed: its last card is not rendered yet
  const firstId = await cardsIn(first).first().getAttribute('data-task-id');
  await cardsIn(first).first().focus();
  await page.keyboard.press('End');
  const focused = page.locator(':focus');
  await expect(focused).toHaveAttribute('data-task-id', /.+/);
  await expect(focused).toBeInViewport();
  const scroller = first.locator('.column__scroll');
  // Scrolled to the column's end: what is left below is the last card's margin, not another card.
  await expect.poll(() => scroller.evaluate((node) => node.scrollHeight - node.scrollTop - node.clientHeight)).toBeLessThan(40);
  // Nothing below the last card.
  const lastId = await focusedId(page);
  await page.keyboard.press('ArrowDown');
  expect(await focusedId(page)).toBe(lastId);
  await page.keyboard.press('ArrowUp');
  await expect(focused).toBeInViewport();
  expect(await focusedId(page)).not.toBe(lastId);
  await page.keyboard.press('Home');
  expect(await focusedId(page)).toBe(firstId);
  await expect(page.locator(':focus')).toBeInViewport();
});

test('Enter opens the focused card in the drawer', async ({ page }) => {
  await page.goto(web.url);
  await openGroupBoard(page);
  const card = cardsIn(column(page, 'В работе')).first();
  const id = (await card.getAttribute('data-task-id'))!;
  await card.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: new RegExp(`${id}`) })).toBeVisible();
  await expect(page.locator('.card--overlay')).toHaveCount(0);
});

test('reached by keyboard alone, Space + arrow + Space moves a card to the next column on the portal', async ({ page }) => {
  await page.goto(web.url);
  await openGroupBoard(page);
  const from = column(page, 'Сбор информации');
  const to = column(page, 'Запустить в работу');
  await cardsIn(column(page, 'Новые заявки')).first().focus();
  await page.keyboard.press('Tab');
  await page.keyboard.press('ArrowDown');
  const id = (await focusedId(page))!;
  await expect(from.locator(`[data-task-id="${id}"]`)).toBeFocused();
  await page.keyboard.press('Space');
  await expect(page.locator('.card--overlay')).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await expect(to.locator(`[data-task-id="${id}"]`)).toBeVisible();
  await page.keyboard.press('Space');
  await expect(page.locator('.card--overlay')).toHaveCount(0);
  // Focus stays on the moved card, now in its new column.
  await expect(to.locator(`[data-task-id="${id}"]`)).toBeFocused();
  const stageId = await portal.stageIdByTitle('Запустить в работу');
  await expect.poll(async () => (await portal.task(id)).stageId, { timeout: 30_000 }).toBe(stageId);
});

test('focus survives live updates; a focused card that leaves its column hands focus to its neighbour', async ({ page }) => {
  await page.goto(web.url);
  await openGroupBoard(page);
  const inWork = column(page, 'В работе');
  await cardsIn(inWork).first().focus();
  await page.keyboard.press('ArrowDown');
  const focused = (await focusedId(page))!;
  const next = (await cardsIn(inWork).nth(2).getAttribute('data-task-id'))!;
  // Another card changes on the portal: the focused one keeps focus.
  const other = (await cardsIn(inWork).nth(3).getAttribute('data-task-id'))!;
  await portal.call('tasks.task.update', { taskId: other, fields: { TITLE: 'Изменено на портале' } });
  await syncQuietly(page);
  await expect(inWork.locator(`[data-task-id="${other}"]`)).toContainText('Изменено на портале', { timeout: 20_000 });
  expect(await focusedId(page)).toBe(focused);
  // The focused card moves to another stage on the portal: focus goes to the card now at its place.
  const elsewhere = await portal.stageIdByTitle('Новые заявки');
  await portal.call('task.stages.movetask', { id: focused, stageId: elsewhere });
  await syncQuietly(page);
  await expect(inWork.locator(`[data-task-id="${focused}"]`)).toHaveCount(0, { timeout: 20_000 });
  await expect(inWork.locator(`[data-task-id="${next}"]`)).toBeFocused();
});

test('in swimlanes, down from a lane’s last card continues into the next lane', async ({ page }) => {
  await page.goto(web.url);
  await openGroupBoard(page);
  await page.getByRole('combobox', { name: 'Дорожки' }).selectOption({ label: 'По ответственному' });
  const lanes = page.locator('section.lane');
  await expect(lanes.nth(1)).toBeVisible();
  const stageId = await portal.stageIdByTitle('В работе');
  const cell = (lane: number) => lanes.nth(lane).locator(`[data-container-id^="col:${stageId}:"]`);
  // The first two lanes with cards in this stage.
  const withCards: number[] = [];
  for (let i = 0; i < (await lanes.count()) && withCards.length < 2; i++) if ((await cardsIn(cell(i)).count()) > 0) withCards.push(i);
  expect(withCards).toHaveLength(2);
  const [upper, lower] = withCards as [number, number];
  await cardsIn(cell(upper)).first().focus();
  await page.keyboard.press('End');
  await expect(cardsIn(cell(upper)).last()).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(cardsIn(cell(lower)).first()).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(cardsIn(cell(upper)).last()).toBeFocused();
});

test('screen readers hear the card role and the keyboard instructions in Russian and English', async ({ page }) => {
  await page.goto(web.url);
  await openGroupBoard(page);
  const card = cardsIn(column(page, 'Новые заявки')).first();
  await expect(card).toHaveAttribute('aria-roledescription', 'перемещаемая карточка');
  await expect(card).toHaveAccessibleDescription(/Стрелки переходят между карточками.*Enter открывает карточку.*Пробел поднимает/);
  await page.goto(`${web.url}&lang=en`);
  await openGroupBoard(page);
  const english = cardsIn(column(page, 'Новые заявки')).first();
  await expect(english).toHaveAttribute('aria-roledescription', 'movable card');
  await expect(english).toHaveAccessibleDescription(/Arrows move between cards.*Enter opens the card.*Space lifts/);
  // Lifting and dropping is announced in English too.
  await english.focus();
  await page.keyboard.press('Space');
  await expect(page.locator('[id^="DndLiveRegion-"]')).toContainText(/Task \d+ (lifted|is over column)/);
  await page.keyboard.press('Escape');
  await expect(page.locator('[id^="DndLiveRegion-"]')).toContainText(/cancelled/);
});
