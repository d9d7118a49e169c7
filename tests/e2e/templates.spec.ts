import { expect, test } from '@playwright/test';
import { startWebMode, type WebMode } from './support/web-mode';
import { openTask } from './support/open-task';
import { portalRest } from './support/portal-rest';
import { screenshotPath } from './support/screenshots';

let web: WebMode;
let portal: ReturnType<typeof portalRest>;

test.beforeAll(async () => {
  web = await startWebMode(['--demo']);
  portal = portalRest(web);
});
test.afterAll(async () => {
  await web?.stop();
});

const MONTHS_RU = ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'];

/** A demo task with a client company, a deadline and a responsible, and what its placeholders become. */
async function taskWithClient(): Promise<{ id: string; client: string; responsible: string; deadline: string }> {
  const { tasks } = await portal.call<{ tasks: { id: string; ufCrmTask?: string[]; deadline?: string | null; responsibleId: string }[] }>('tasks.task.list', {
    filter: { GROUP_ID: 1, STATUS: 2 },
    select: ['ID', 'UF_CRM_TASK', 'DEADLINE', 'RESPONSIBLE_ID'],
  });
  const task = tasks.find((candidate) => candidate.deadline && candidate.ufCrmTask?.some((link) => link.startsWith('CO_')));
  expect(task, 'a demo task with a company and a deadline').toBeTruthy();
  const companyId = task!.ufCrmTask!.find((link) => link.startsWith('CO_'))!.slice(3);
  const { items } = await portal.call<{ items: { title: string }[] }>('crm.item.list', { entityTypeId: 4, filter: { id: companyId } });
  const [user] = await portal.call<{ NAME: string; LAST_NAME: string }[]>('user.get', { ID: task!.responsibleId });
  // The portal writes the deadline in its own zone ("2025-03-05T18:00:00+03:00"): the wall clock is in the text.
  const [, y, mo, d, h, mi] = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(task!.deadline!)!;
  return { id: task!.id, client: items[0]!.title, responsible: `${user!.NAME} ${user!.LAST_NAME}`.trim(), deadline: `${Number(d)} ${MONTHS_RU[Number(mo) - 1]} ${y}, ${h}:${mi}` };
}


test.beforeEach(async ({ page }) => {
  await page.goto(web.url);
  await expect(page.getByRole('region').first()).toBeVisible();
});

test('Alt+T and a digit put the filled template into the comment box; it reaches the portal as written', async ({ page }) => {
  const task = await taskWithClient();
  const drawer = await openTask(page, task.id);
  // Two keystrokes from the open card: the menu, then the first template.
  await page.keyboard.press('Alt+T');
  const menu = drawer.getByRole('menu', { name: 'Шаблоны ответов' });
  await expect(menu.getByRole('menuitem')).toHaveText(['1Заявка принята', '2Нужны подробности', '3Решено, проверьте', '4Срок переносится']);
  await page.screenshot({ path: screenshotPath('drawer-templates.png') });
  await page.keyboard.press('1');
  await expect(menu).toBeHidden();
  const box = drawer.getByLabel('Новый комментарий');
  const expected = `Здравствуйте, ${task.client}! Заявка №${task.id} принята в работу, ответственный — ${task.responsible}. Срок решения: ${task.deadline}.`;
  await expect(box).toHaveValue(expected);
  await expect(box).toBeFocused();

  // The menu button too, and Enter on a chosen item; the text goes where the cursor is.
  await box.press('End');
  await box.pressSequentially(' ');
  await drawer.getByRole('button', { name: 'Шаблоны' }).click();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(box).toHaveValue(`${expected} Здравствуйте! Чтобы продолжить работу по заявке №${task.id}, пришлите, пожалуйста, скриншот ошибки и время, когда она возникла.`);
  // Esc closes only the menu, not the card.
  await page.keyboard.press('Alt+T');
  await expect(menu).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(drawer).toBeVisible();

  await box.press('Control+Enter');
  await expect
    .poll(async () => (await portal.call<{ POST_MESSAGE: string }[]>('task.commentitem.getlist', { TASKID: task.id })).map((comment) => comment.POST_MESSAGE), { timeout: 30_000 })
    .toContain(`${expected} Здравствуйте! Чтобы продолжить работу по заявке №${task.id}, пришлите, пожалуйста, скриншот ошибки и время, когда она возникла.`);
});

test('the palette answers the open card with a template; a card without a client gets a visible blank', async ({ page }) => {
  const { tasks } = await portal.call<{ tasks: { id: string; ufCrmTask?: string[]; deadline?: string | null }[] }>('tasks.task.list', { filter: { GROUP_ID: 1, STATUS: 2 }, select: ['ID', 'UF_CRM_TASK', 'DEADLINE'] });
  const bare = tasks.find((task) => !task.ufCrmTask?.length && !task.deadline);
  expect(bare, 'a demo task with no company and no deadline').toBeTruthy();
  const drawer = await openTask(page, bare!.id);
  await drawer.getByRole('tab', { name: /Время/ }).click();
  await page.keyboard.press('Control+K');
  const palette = page.getByRole('dialog', { name: 'Палитра команд' });
  await palette.getByRole('combobox').fill('шаблон перенос');
  await expect(palette.getByRole('option').first()).toContainText('Ответить шаблоном: Срок переносится');
  await page.keyboard.press('Enter');
  const box = drawer.getByLabel('Новый комментарий');
  await expect(box).toHaveValue(`___, по заявке №${bare!.id} нам нужно больше времени. Новый срок: ___. Приносим извинения.`);
  await expect(box).toBeFocused();
  // Without an open card the palette offers no templates.
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();
  await page.keyboard.press('Control+K');
  await palette.getByRole('combobox').fill('шаблон');
  await expect(palette.getByRole('combobox')).toHaveValue('шаблон');
  await expect(palette.getByRole('option', { name: /Ответить шаблоном/ })).toHaveCount(0);
});

test('a template written in the settings, in English, is offered in the English UI with the deadline in English', async ({ page }) => {
  const task = await taskWithClient();
  await page.keyboard.press('Control+K');
  await page.getByRole('combobox', { name: 'Палитра команд' }).fill('настройки');
  await page.keyboard.press('Enter');
  const section = page.getByRole('region', { name: 'Шаблоны ответов' });
  await section.getByRole('button', { name: 'Добавить шаблон' }).click();
  const fifth = section.getByRole('listitem', { name: 'Шаблон 5' });
  await fifth.getByLabel('Название').fill('English reply');
  await page.getByRole('button', { name: 'Сохранить' }).click();
  await expect(fifth.getByText('Напишите текст шаблона')).toBeVisible();
  await fifth.getByLabel('Текст').fill('Dear {client}, request {number} is due {deadline}. {unknown}');
  await page.getByLabel('Язык', { exact: true }).selectOption('en');
  await page.getByRole('button', { name: 'Сохранить' }).click();
  await expect(page.getByText('Settings saved')).toBeVisible();

  await page.goto(web.url);
  await expect(page.getByRole('region').first()).toBeVisible();
  await page.keyboard.press('Control+K');
  await page.getByRole('combobox', { name: 'Command palette' }).fill(task.id);
  await page.keyboard.press('Enter');
  const drawer = page.getByRole('dialog', { name: new RegExp(`^Request ${task.id}:`) });
  await drawer.getByRole('button', { name: 'Templates' }).click();
  await expect(drawer.getByRole('menu', { name: 'Reply templates' }).getByRole('menuitem')).toHaveCount(5);
  await page.keyboard.press('5');
  const [, d, mo, y, h, mi] = /^(\d+) (\S+) (\d+), (\d+):(\d+)$/.exec(task.deadline)!;
  const month = new Date(Date.UTC(2000, MONTHS_RU.indexOf(mo!), 1)).toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' });
  await expect(drawer.getByLabel('New comment')).toHaveValue(`Dear ${task.client}, request ${task.id} is due ${d} ${month} ${y}, ${h}:${mi}. {unknown}`);
});
