import { expect, test } from '@playwright/test';
import { startWebMode, type WebMode } from './support/web-mode';
import { portalRest } from './support/portal-rest';

// The host learns a portal's comment mode once per session (a portal does not switch modes while
// running), so chat mode gets its own portal, switched before the first comment is read.
let web: WebMode;
let portal: ReturnType<typeof portalRest>;

test.beforeAll(async () => {
  web = await startWebMode(['--demo']);
  portal = portalRest(web);
  await portal.control('comments', { mode: 'chat' });
});
test.afterAll(async () => {
  await web?.stop();
});

test('adds a comment in chat mode (the task chat) and reads it back', async ({ page }) => {
  const { tasks } = await portal.call<{ tasks: { id: string }[] }>('tasks.task.list', { filter: { GROUP_ID: 1, STATUS: 2 }, select: ['ID'] });
  const taskId = tasks[0]!.id;
  await page.goto(web.url);
  await expect(page.getByRole('region').first()).toBeVisible();
  await page.keyboard.press('Control+K');
  await page.getByRole('combobox', { name: 'Палитра команд' }).fill(taskId);
  await page.keyboard.press('Enter');
  const drawer = page.getByRole('dialog', { name: new RegExp(`^Заявка ${taskId}:`) });
  await drawer.getByLabel('Новый комментарий').fill('Ответ в [i]чате[/i] задачи');
  await drawer.getByRole('button', { name: 'Отправить' }).click();
  const comment = drawer.locator('.comment:not(.comment--queued)').filter({ hasText: 'Ответ в чате задачи' });
  await expect(comment).toBeVisible({ timeout: 30_000 });
  await expect(comment.getByText('чат задачи')).toBeVisible();
  await expect(comment.locator('em')).toHaveText('чате');
});
