import { expect, test } from '@playwright/test';
import { startWebMode, type WebMode } from './support/web-mode';
import { openTask } from './support/open-task';
import { portalRest } from './support/portal-rest';
import { expectRussianOnly } from './support/russian-text';
import { picker, pickerText } from './support/pickers';

let web: WebMode;
let portal: ReturnType<typeof portalRest>;
/** Demo field names (UF_AUTO_…) as tasks.task.get spells them (ufAuto…). */
let fieldKeys: { type: string; estimate: string };

test.beforeAll(async () => {
  web = await startWebMode(['--demo']);
  portal = portalRest(web);
  const fields = await portal.call<Record<string, { title: string }>>('tasks.task.getFields').then((r) => (r as unknown as { fields: Record<string, { title: string }> }).fields ?? r);
  const byTitle = (title: string) => Object.entries(fields).find(([name, field]) => name.startsWith('UF_') && field.title === title)?.[0] ?? '';
  const camel = (name: string) => name.toLowerCase().replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
  fieldKeys = { type: camel(byTitle('Тип')), estimate: camel(byTitle('Оценка')) };
});
test.afterAll(async () => {
  await web?.stop();
});


async function openTaskWithStatus(status: number): Promise<string> {
  const { tasks } = await portal.call<{ tasks: { id: string }[] }>('tasks.task.list', { filter: { GROUP_ID: 1, STATUS: status }, select: ['ID'] });
  expect(tasks.length).toBeGreaterThan(0);
  return tasks[0]!.id;
}

test.beforeEach(async ({ page }) => {
  await page.goto(web.url);
  await expect(page.getByRole('region').first()).toBeVisible();
});

test('edits Тип, Оценка and Важно from the drawer and the portal gets them', async ({ page }) => {
  const taskId = await openTaskWithStatus(2);
  const drawer = await openTask(page, taskId);
  await drawer.getByLabel('Тип', { exact: true }).selectOption({ label: 'Системное администрирование' });
  await drawer.getByLabel('Оценка, ч').fill('4,5');
  await drawer.getByLabel('Оценка, ч').press('Enter');
  await drawer.getByRole('checkbox', { name: 'Важно' }).check();
  await expect.poll(async () => (await portal.task(taskId))[fieldKeys.type], { timeout: 30_000 }).toBe('3');
  await expect.poll(async () => String((await portal.task(taskId))[fieldKeys.estimate]), { timeout: 30_000 }).toBe('4.5');
  await expect.poll(async () => (await portal.task(taskId)).priority, { timeout: 30_000 }).toBe('2');
  await expect(drawer.getByText('Инцидент')).toBeVisible();
  // Read back from the portal's "4.5" and written the Russian way.
  await expect(drawer.getByLabel('Оценка, ч')).toHaveValue('4,5');
});

test('adds a comment in legacy mode and reads it back from the portal', async ({ page }) => {
  const taskId = await openTaskWithStatus(2);
  const drawer = await openTask(page, taskId);
  await drawer.getByLabel('Новый комментарий').fill('[b]Проверили[/b] на стенде');
  await drawer.getByRole('button', { name: 'Отправить' }).click();
  await expect(drawer.locator('.comment:not(.comment--queued)').filter({ hasText: 'Проверили на стенде' })).toBeVisible({ timeout: 30_000 });
  await expect(drawer.locator('.comment strong', { hasText: 'Проверили' }).first()).toBeVisible();
  const comments = await portal.call<{ POST_MESSAGE: string }[]>('task.commentitem.getlist', { TASKID: taskId });
  expect(comments.some((comment) => comment.POST_MESSAGE === '[b]Проверили[/b] на стенде')).toBe(true);
});

test('logs time and starts then completes a task', async ({ page }) => {
  const taskId = await openTaskWithStatus(2);
  const drawer = await openTask(page, taskId);
  await drawer.getByRole('tab', { name: /^Время/ }).click();
  await drawer.getByLabel('Часы').fill('1');
  await drawer.getByLabel('Минуты').fill('30');
  await drawer.getByLabel('Что сделано').fill('Диагностика e2e');
  await drawer.getByRole('button', { name: 'Списать время' }).click();
  await expect
    .poll(async () => (await portal.call<{ SECONDS: string; COMMENT_TEXT: string }[]>('task.elapseditem.getlist', { TASKID: taskId })).some((r) => Number(r.SECONDS) === 5400 && r.COMMENT_TEXT === 'Диагностика e2e'), { timeout: 30_000 })
    .toBe(true);

  await drawer.getByRole('button', { name: 'Начать' }).click();
  await expect.poll(async () => (await portal.task(taskId)).status, { timeout: 30_000 }).toBe('3');
  await expect(drawer.getByRole('button', { name: 'Приостановить' })).toBeVisible();
  await drawer.getByRole('button', { name: 'Завершить' }).click();
  await expect.poll(async () => (await portal.task(taskId)).status, { timeout: 30_000 }).toBe('5');
  await expect(drawer.getByRole('button', { name: 'Возобновить' })).toBeVisible();
  await drawer.getByRole('tab', { name: /^История/ }).click();
  await expect(drawer.getByRole('table')).toContainText('Статус');
});

test('creates a request with N: it shows at once, queued, and reaches the portal', async ({ page }) => {
  await page.locator('body').press('n');
  const dialog = page.getByRole('dialog', { name: 'Новая заявка' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Название').fill('E2E: не печатает принтер');
  await dialog.getByLabel('Тип').selectOption({ label: 'Хозяйственный отдел' });
  await dialog.getByLabel('Оценка, ч').fill('2');
  // The client and the deadline (on the portal's clock) go with the request.
  const client = dialog.getByLabel('Клиент');
  const company = (await client.locator('option').nth(1).textContent())!;
  await client.selectOption({ index: 1 });
  // The deadline's day is picked from the calendar (next month, the 12th); the time is the end of
  // the working day until typed: 18:00, not midnight.
  const deadline = picker(dialog, 'Крайний срок (время портала)');
  await deadline.getByRole('button', { name: /^Календарь/ }).click();
  const calendar = page.getByRole('dialog', { name: /^Календарь/ });
  await calendar.getByRole('button', { name: 'Далее', exact: true }).first().click();
  const month = (await calendar.getByRole('heading').first().textContent())!;
  await calendar.getByRole('gridcell').getByRole('button', { name: /^[а-я]+, 12 / }).click();
  await expect(calendar).toHaveCount(0);
  const shown = await pickerText(deadline);
  expect(shown).toMatch(/^12\.\d{2}\.\d{4}, 18:00$/);
  const [, mm, yyyy] = /^12\.(\d{2})\.(\d{4})/.exec(shown)!;
  expect(month).toContain(yyyy);
  await dialog.getByRole('button', { name: 'Создать' }).click();
  const drawer = page.getByRole('dialog', { name: /E2E: не печатает принтер/ });
  await expect(drawer).toBeVisible();
  await expect(drawer).toContainText(company);
  type Listed = { tasks: { title: string; deadline: string | null; ufCrmTask: string[] | false }[] };
  await expect
    .poll(async () => (await portal.call<Listed>('tasks.task.list', { filter: { TITLE: 'E2E: не печатает принтер' }, select: ['ID', 'TITLE', 'DEADLINE', 'UF_CRM_TASK'] })).tasks.length, { timeout: 30_000 })
    .toBe(1);
  const [created] = (await portal.call<Listed>('tasks.task.list', { filter: { TITLE: 'E2E: не печатает принтер' }, select: ['ID', 'TITLE', 'DEADLINE', 'UF_CRM_TASK'] })).tasks;
  expect(created!.deadline).toBe(`${yyyy}-${mm}-12T18:00:00+03:00`);
  expect(created!.ufCrmTask).toEqual([expect.stringMatching(/^CO_\d+$/)]);
});

test('a colleague\'s change reaches the open drawer and its card without a reload', async ({ page }) => {
  const taskId = await openTaskWithStatus(2);
  const drawer = await openTask(page, taskId);
  await page.evaluate(() => ((window as unknown as { __samePage?: boolean }).__samePage = true));
  const title = `Коллега переименовал ${Date.now()}`;
  await portal.call('tasks.task.update', { taskId, fields: { TITLE: title } });
  // Within the next poll (15 s while visible): the drawer, its history and the card show it.
  await expect(page.getByRole('dialog', { name: new RegExp(`^Заявка ${taskId}: ${title}`) })).toBeVisible({ timeout: 40_000 });
  await drawer.getByRole('tab', { name: /^История/ }).click();
  await expect(drawer.locator('.history').getByText(title).first()).toBeVisible({ timeout: 20_000 });
  await expectRussianOnly(drawer.locator('.drawer__fields'), 'drawer fields');
  await expectRussianOnly(drawer.locator('.history'), 'drawer history');
  await page.keyboard.press('Escape');
  // The board is windowed: narrow it to the task so its card is drawn.
  await page.getByRole('searchbox', { name: 'Поиск по номеру и тексту' }).fill(title);
  await expect(page.locator(`[data-task-id="${taskId}"]`)).toContainText(title);
  expect(await page.evaluate(() => (window as unknown as { __samePage?: boolean }).__samePage)).toBe(true);
});

test('hostile description stays inert in the drawer', async ({ page }) => {
  const { task } = await portal.call<{ task: { id: string } }>('tasks.task.add', {
    fields: { TITLE: 'Hostile', GROUP_ID: 1, RESPONSIBLE_ID: 1, DESCRIPTION: '<img src=x onerror="window.__pwned=1">[url=javascript:window.__pwned=2]клик[/url]<script>window.__pwned=3</script>' },
  });
  await page.keyboard.press('Control+K');
  await page.getByRole('combobox', { name: 'Палитра команд' }).fill('синхрон');
  await page.keyboard.press('Enter');
  await expect.poll(async () => {
    await page.keyboard.press('Control+K');
    await page.getByRole('combobox', { name: 'Палитра команд' }).fill(task.id);
    const found = await page.getByRole('option', { name: new RegExp(`#${task.id} Hostile`) }).count();
    await page.keyboard.press('Escape');
    return found;
  }, { timeout: 40_000 }).toBe(1);
  const drawer = await openTask(page, task.id);
  const description = drawer.locator('.drawer__description');
  await expect(description).toContainText('<img src=x onerror=');
  await expect(description.locator('img, script, a')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
});
