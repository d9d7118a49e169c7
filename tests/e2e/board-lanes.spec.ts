import { expect, test, type Locator, type Page } from '@playwright/test';
import { startWebMode, type WebMode } from './support/web-mode';
import { callApi } from './support/api-call';
import { cardsIn, dragWithMouse, portalOf, type Portal, openGroupBoard } from './support/board-portal';

let web: WebMode;
let portal: Portal;

test.beforeAll(async ({ browser }) => {
  test.setTimeout(180_000);
  web = await startWebMode(['--demo']);
  portal = portalOf(web);
  // Seven stages: more columns than fit at 1280 px, and a long title. Stages are read with a
  // group's first sync, so after it the group is bound anew (alone, then back with the other).
  const page = await browser.newPage();
  await page.goto(web.url);
  await openGroupBoard(page);
  await expect(page.locator('[data-task-id]').first()).toBeVisible({ timeout: 60_000 });
  const stages = await portal.call<Record<string, { ID: string; TITLE: string }>>('task.stages.get', { entityId: portal.groupId });
  const inWork = Object.values(stages).find((stage) => stage.TITLE === 'В работе')!;
  for (const title of ['Проверка результата', 'Ожидает ответа клиента по заявке']) {
    await portal.call('task.stages.add', { fields: { TITLE: title, ENTITY_ID: portal.groupId, AFTER_ID: inWork.ID }, isAdmin: 'Y' });
  }
  const settings = await callApi<{ groupIds: string[] }>(web.url, 'getSettings');
  await callApi(web.url, 'saveSettings', { ...settings, groupIds: [portal.groupId] });
  await expect(page.locator('section.column, section.column--folded')).toHaveCount(7, { timeout: 60_000 });
  await callApi(web.url, 'saveSettings', settings);
  await page.close();
});
test.afterAll(async () => {
  await web?.stop();
});

async function openLanes(page: Page, width: number, mode = 'По ответственному'): Promise<{ board: Locator; header: Locator; lanes: Locator }> {
  await page.setViewportSize({ width, height: 800 });
  await page.goto(web.url);
  await openGroupBoard(page);
  await page.getByRole('combobox', { name: 'Дорожки' }).selectOption({ label: mode });
  const board = page.locator('.board--lanes');
  const header = board.locator('.lanes__header');
  const lanes = board.locator('section.lane');
  await expect(header.locator('.lanes__stage')).toHaveCount(7);
  await expect(lanes.nth(2)).toBeVisible();
  return { board, header, lanes };
}

/** x and width of each header column and of each column in every lane. */
async function columnBoxes(header: Locator, lanes: Locator): Promise<{ header: number[][]; lanes: number[][][] }> {
  const boxes = (cells: Locator) => cells.evaluateAll((nodes) => nodes.map((node) => [node.getBoundingClientRect().x, node.getBoundingClientRect().width]));
  const laneBoxes: number[][][] = [];
  for (let i = 0; i < (await lanes.count()); i++) laneBoxes.push(await boxes(lanes.nth(i).locator('.lane__cells > .column')));
  return { header: await boxes(header.locator('.lanes__stage')), lanes: laneBoxes };
}

function expectAligned({ header, lanes }: { header: number[][]; lanes: number[][][] }) {
  expect(header.length).toBeGreaterThanOrEqual(6);
  for (const lane of lanes) {
    expect(lane).toHaveLength(header.length);
    lane.forEach(([x, width], n) => {
      expect(Math.abs(x! - header[n]![0]!), `column ${n} x`).toBeLessThan(1);
      expect(Math.abs(width! - header[n]![1]!), `column ${n} width`).toBeLessThan(1);
    });
  }
}

for (const mode of ['По ответственному', 'По клиенту']) {
  test(`swimlanes ${mode.toLowerCase()}: every lane’s columns line up with the header at 1280 px, also scrolled sideways`, async ({ page }) => {
    const { board, header, lanes } = await openLanes(page, 1280, mode);
    expectAligned(await columnBoxes(header, lanes));
    // Seven columns do not fit: scrolling sideways moves the header and the lanes together.
    const before = (await header.locator('.lanes__stage').first().boundingBox())!;
    await board.evaluate((node) => node.scrollBy({ left: 500 }));
    await expect.poll(async () => (await header.locator('.lanes__stage').first().boundingBox())!.x).toBeLessThan(before.x - 400);
    expectAligned(await columnBoxes(header, lanes));
    // Lane titles stay at the left edge.
    const boardBox = (await board.boundingBox())!;
    const title = (await lanes.first().locator('.lane__title').boundingBox())!;
    expect(title.x).toBeGreaterThanOrEqual(boardBox.x);
    expect(title.x).toBeLessThan(boardBox.x + 40);
  });
}

for (const width of [1280, 1600]) {
  test(`no column title in the swimlane header is cut at ${width} px`, async ({ page }) => {
    const { header } = await openLanes(page, width);
    const buttons = header.locator('.lanes__stage-button');
    const cut = await buttons.evaluateAll((nodes) =>
      nodes.filter((node) => {
        const cell = node.parentElement!.getBoundingClientRect();
        const box = node.getBoundingClientRect();
        return node.scrollWidth > node.clientWidth + 1 || node.scrollHeight > node.clientHeight + 1 || box.right > cell.right + 1 || box.left < cell.left - 1;
      }).map((node) => node.textContent),
    );
    expect(cut).toEqual([]);
    await expect(buttons.filter({ hasText: 'Ожидает ответа клиента по заявке' })).toBeVisible();
    // The folded column: expandable from the header, its title upright in every lane.
    await expect(header.getByRole('button', { name: 'Развернуть колонку «Завершена»' })).toBeVisible();
  });
}

test('the swimlane header stays on top while the lanes scroll down', async ({ page }) => {
  const { board, header, lanes } = await openLanes(page, 1280);
  const top = (await header.boundingBox())!.y;
  const firstLane = (await lanes.first().boundingBox())!.y;
  await board.evaluate((node) => node.scrollBy({ top: 900 }));
  await expect.poll(async () => (await lanes.first().boundingBox())!.y).toBeLessThan(firstLane - 800);
  const after = (await header.boundingBox())!;
  expect(Math.abs(after.y - top)).toBeLessThan(1);
  await expect(header.getByRole('button', { name: 'Новые заявки' })).toBeInViewport();
  // Nothing of the lanes shows through the header: it is the element on top at its middle.
  const onTop = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.closest('.lanes__header') !== null, { x: after.x + 100, y: after.y + after.height / 2 });
  expect(onTop).toBe(true);
  expectAligned(await columnBoxes(header, lanes));
});

test('a card dragged into another lane’s column changes its stage on the portal', async ({ page }) => {
  const { lanes } = await openLanes(page, 1600);
  const fromStage = await portal.stageIdByTitle('Новые заявки');
  const toStage = await portal.stageIdByTitle('Сбор информации');
  const source = lanes.nth(0).locator(`[data-container-id^="col:${fromStage}:"]`);
  const card = cardsIn(source).first();
  const id = (await card.getAttribute('data-task-id'))!;
  const target = lanes.nth(1).locator(`[data-container-id^="col:${toStage}:"]`);
  await dragWithMouse(page, card, target);
  await expect.poll(async () => (await portal.task(id)).stageId, { timeout: 30_000 }).toBe(toStage);
  // The card stays in its own lane (by responsible), now under the new stage.
  await expect(lanes.nth(0).locator(`[data-container-id^="col:${toStage}:"] [data-task-id="${id}"]`)).toBeVisible();
});
