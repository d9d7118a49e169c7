/**
 * The combined board «Все заявки» and WIP limits on the demo portal (issue 13): a drag across
 * groups lands in each task's own group's stage on the portal; the work column shows its limit,
 * turns red over it; a drop over a limit warns, or is refused in strict mode.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { startWebMode, type WebMode } from './support/web-mode';
import { callApi } from './support/api-call';
import { cardsIn, column, dragWithMouse, portalOf, type Portal } from './support/board-portal';
import type { Settings } from '../../src/core/domain/settings';
import { DEMO_WORK_LIMIT } from '../../src/node/demo/demo-settings';
import { screenshotPath } from './support/screenshots';

let web: WebMode;
let portal: Portal;
let groups: { id: string; name: string }[];

test.beforeAll(async () => {
  test.setTimeout(120_000);
  web = await startWebMode(['--demo']);
  portal = portalOf(web);
  groups = web.emulator!.groups;
});
test.afterAll(async () => {
  await web?.stop();
});

const settings = () => callApi<Settings>(web.url, 'getSettings');

/** The first stage of `role` in the group, by sort order, as the portal lists them. */
async function stageOfRole(groupId: string, role: string): Promise<string> {
  const { stageRoles } = await settings();
  const stages = await portal.call<Record<string, { ID: string; SORT: string | number }>>('task.stages.get', { entityId: groupId });
  const ofRole = Object.values(stages).filter((stage) => stageRoles[stage.ID] === role).sort((a, b) => Number(a.SORT) - Number(b.SORT));
  return ofRole[0]!.ID;
}

/** The first card of the group in a column of the combined board. */
const cardOfGroup = (region: Locator, groupId: string) => cardsIn(region).filter({ has: region.page().locator(`.card__group[data-group-id="${groupId}"]`) }).first();

async function openAll(page: Page): Promise<void> {
  await page.goto(web.url);
  await expect(page.getByRole('button', { name: 'Все заявки' })).toHaveAttribute('aria-pressed', 'true');
  await expect(cardsIn(column(page, 'Новые')).first()).toBeVisible({ timeout: 60_000 });
}

test('someone bound to two groups starts on «Все заявки»: one column per role, each card with its group', async ({ page }) => {
  await openAll(page);
  for (const title of ['Новые', 'Классификация', 'Очередь', 'В работе']) await expect(column(page, title)).toBeVisible();
  await page.screenshot({ path: screenshotPath('board-all-ru.png') });
  const first = column(page, 'Новые');
  for (const group of groups) await expect(first.locator(`.card__group[data-group-id="${group.id}"]`).first()).toBeVisible();
  await expect(first.locator('.card__group').first()).toHaveText(/^(1-я линия|Разработка)$/);
  // The per-group boards stay, after the combined one.
  const tabs = page.getByRole('list', { name: 'Группы' }).getByRole('button');
  await expect(tabs).toHaveText(['Все заявки', ...groups.map((group) => group.name)]);
  // Search works across groups, and the list view shows the group beside the stage.
  await page.getByRole('button', { name: 'Список' }).click();
  await expect(page.locator('.list__group').first()).toBeVisible();
});

test('a drag across groups lands in each task’s own group’s stage of the role, on the portal', async ({ page }) => {
  await openAll(page);
  const queue = column(page, 'Очередь');
  for (const group of groups) {
    const card = cardOfGroup(column(page, 'Новые'), group.id);
    const id = (await card.getAttribute('data-task-id'))!;
    await dragWithMouse(page, card, queue);
    await expect(queue.locator(`[data-task-id="${id}"]`)).toBeVisible();
    const expected = await stageOfRole(group.id, 'queue');
    await expect.poll(async () => String((await portal.task(id)).stageId), { timeout: 30_000 }).toBe(expected);
  }
  await expect(page.getByRole('status')).toContainText('0 правок в очереди');
});

test('the work column shows count / limit from the demo’s team settings and turns red over it', async ({ page }) => {
  expect((await settings()).wip.roles.work).toBe(DEMO_WORK_LIMIT);
  await openAll(page);
  const work = column(page, 'В работе');
  const badge = work.locator('.wip');
  await expect(badge).toHaveText(new RegExp(`^\\d+ / ${DEMO_WORK_LIMIT}`));
  const count = Number((await badge.locator('.wip__count').textContent())!.split(' / ')[0]);
  expect(count).toBeGreaterThan(DEMO_WORK_LIMIT);
  await expect(work).toHaveClass(/column--wip-over/);
  await expect(badge).toContainText('сверх лимита');
  await expect(badge).toHaveAccessibleName(`Превышен лимит WIP: ${count} при лимите ${DEMO_WORK_LIMIT}`);
  // A colour that differs from a column within its limit.
  const colour = (region: Locator) => region.evaluate((node) => getComputedStyle(node).backgroundColor);
  expect(await colour(work)).not.toBe(await colour(column(page, 'Новые')));
});

test('a drop over the limit warns and moves; in strict mode it is refused and the card stays', async ({ page }) => {
  await openAll(page);
  const work = column(page, 'В работе');
  let card = cardsIn(column(page, 'Новые')).first();
  let id = (await card.getAttribute('data-task-id'))!;
  await dragWithMouse(page, card, work);
  await expect(page.locator('.toast--warning')).toContainText(new RegExp(`Превышен лимит WIP — «В работе»: \\d+ из ${DEMO_WORK_LIMIT}`));
  await expect(work.locator(`[data-task-id="${id}"]`)).toBeVisible();
  const groupOf = async (taskId: string) => String((await portal.call<{ task: { groupId: string } }>('tasks.task.get', { taskId, select: ['ID', 'GROUP_ID'] })).task.groupId);
  const workStage = await stageOfRole(await groupOf(id), 'work');
  await expect.poll(async () => String((await portal.task(id)).stageId), { timeout: 30_000 }).toBe(workStage);

  // The lead chooses strict: the same kind of drop is refused, nothing reaches the portal.
  await callApi(web.url, 'saveSettings', { ...(await settings()), wip: { ...(await settings()).wip, mode: 'strict' } });
  await openAll(page);
  card = cardsIn(column(page, 'Новые')).first();
  id = (await card.getAttribute('data-task-id'))!;
  const before = String((await portal.task(id)).stageId);
  await dragWithMouse(page, card, column(page, 'В работе'));
  await expect(page.locator('.toast--error')).toContainText(new RegExp(`Строгий лимит WIP: перенос отменён — «В работе»: \\d+ из ${DEMO_WORK_LIMIT}`));
  await expect(column(page, 'Новые').locator(`[data-task-id="${id}"]`)).toBeVisible();
  await expect(page.getByRole('status')).toContainText('0 правок в очереди');
  expect(String((await portal.task(id)).stageId)).toBe(before);
});

test('a lead sets WIP limits in the settings screen; the group’s board and the wallboard respect them', async ({ page }) => {
  await openAll(page);
  await page.getByRole('button', { name: 'Настройки' }).click();
  const section = page.getByRole('region', { name: 'Лимиты WIP' });
  await expect(section).toBeVisible();
  await expect(section.getByLabel('При превышении')).toHaveValue('strict');
  await section.getByLabel('При превышении').selectOption({ label: 'Предупреждать' });
  await expect(section.getByRole('textbox', { name: 'Лимиты по ролям стадий: Лимит «В работе»' })).toHaveValue(String(DEMO_WORK_LIMIT));
  const first = groups[0]!;
  await section.getByRole('textbox', { name: `Группа «${first.name}»: Лимит «В работе»` }).fill('1');
  await page.getByRole('button', { name: 'Сохранить' }).click();
  await expect(page.getByText('Настройки сохранены')).toBeVisible();
  expect((await settings()).wip).toMatchObject({ mode: 'warn', roles: { work: DEMO_WORK_LIMIT }, groups: { [first.id]: { work: 1 } } });

  // The group's own board: its work column against the group's own limit of 1.
  await page.getByRole('button', { name: 'К доске' }).click();
  await page.getByRole('list', { name: 'Группы' }).getByRole('button', { name: first.name, exact: true }).click();
  const work = column(page, 'В работе');
  await expect(work.locator('.wip__count')).toHaveText(/^\d+ \/ 1$/);
  await expect(work).toHaveClass(/column--wip-over/);

  // The wallboard shows the first group's work column over its limit, in words too.
  const wallboard = await page.context().newPage();
  await wallboard.goto(web.url.replace('/?', '/wallboard?'));
  await expect(wallboard.getByRole('heading', { level: 1 })).toHaveText(first.name);
  const tile = wallboard.getByRole('region', { name: 'В работе', exact: true });
  await expect(tile).toHaveClass(/wallboard__column--wip-over/);
  await expect(tile).toContainText('сверх лимита 1');
  await expect(wallboard.getByRole('region', { name: 'Новые заявки', exact: true })).not.toHaveClass(/wip-over/);
});

test('a drop into a role the task’s group has no stage of is refused in words, and nothing reaches the portal', async ({ page }) => {
  // The lead maps the second group's queue stages to «В работе»: that group has no queue stage left.
  const [, second] = groups;
  const current = await settings();
  const queueStages = Object.values(await portal.call<Record<string, { ID: string }>>('task.stages.get', { entityId: second!.id }))
    .map((stage) => stage.ID)
    .filter((stageId) => current.stageRoles[stageId] === 'queue');
  expect(queueStages.length).toBeGreaterThan(0);
  const stageRoles = { ...current.stageRoles, ...Object.fromEntries(queueStages.map((stageId) => [stageId, 'work' as const])) };
  await callApi(web.url, 'saveSettings', { ...current, stageRoles, wip: { ...current.wip, mode: 'warn' } });

  await openAll(page);
  const card = cardOfGroup(column(page, 'Новые'), second!.id);
  const id = (await card.getAttribute('data-task-id'))!;
  const before = String((await portal.task(id)).stageId);
  await dragWithMouse(page, card, column(page, 'Очередь'));
  await expect(page.locator('.toast--error')).toContainText(`В группе «${second!.name.split(' — ').pop()}» нет стадии с ролью «Очередь»: заявка осталась на месте.`);
  await expect(column(page, 'Новые').locator(`[data-task-id="${id}"]`)).toBeVisible();
  await expect(page.getByRole('status')).toContainText('0 правок в очереди');
  expect(String((await portal.task(id)).stageId)).toBe(before);
});

test('the combined board keeps its own card order, apart from the groups’ boards', async ({ page }) => {
  await openAll(page);
  const order = page.getByRole('combobox', { name: 'Порядок карточек' });
  await order.selectOption({ label: 'Сначала новые' });
  await expect.poll(async () => (await settings()).ui.cardOrder).toMatchObject({ all: 'newest' });
  expect((await settings()).ui.cardOrder[groups[0]!.id]).toBeUndefined();
  await page.reload();
  await expect(cardsIn(column(page, 'Новые')).first()).toBeVisible({ timeout: 60_000 });
  await expect(order).toHaveValue('newest');
  await page.getByRole('list', { name: 'Группы' }).getByRole('button', { name: groups[0]!.name }).click();
  await expect(order).toHaveValue('board');
});
