import { expect, test } from '@playwright/test';
import { startWebMode, type WebMode } from './support/web-mode';
import { portalRest } from './support/portal-rest';
import { openTask } from './support/open-task';

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

test('attaches a file in chat mode: one chat message with the text and the file, listed under its comment', async ({ page }) => {
  const { tasks } = await portal.call<{ tasks: { id: string }[] }>('tasks.task.list', { filter: { GROUP_ID: 1, STATUS: 2 }, select: ['ID'] });
  const taskId = tasks[1]!.id;
  await page.goto(web.url);
  await expect(page.getByRole('region').first()).toBeVisible();
  const drawer = await openTask(page, taskId);
  const note = { name: 'журнал.txt', mimeType: 'text/plain', buffer: Buffer.from('Журнал ошибок\n') };
  await drawer.getByLabel('Прикрепить файл').setInputFiles(note);
  await expect(drawer.getByRole('list', { name: 'Прикреплено к новому комментарию' })).toContainText('журнал.txt');
  await drawer.getByLabel('Новый комментарий').fill('Журнал во вложении');
  await drawer.getByRole('button', { name: 'Отправить' }).click();
  const { task } = await portal.call<{ task: { chatId: number } }>('tasks.task.get', { taskId, select: ['ID', 'CHAT_ID'] });
  await expect
    .poll(async () => {
      const chat = await portal.call<{ messages: Array<{ text: string; params: { FILE_ID?: number[] } | null }>; files: Array<{ id: number; name: string; size: number }> }>('im.dialog.messages.get', { DIALOG_ID: `chat${task.chatId}`, LIMIT: 50 });
      return chat.messages.filter((m) => m.text === 'Журнал во вложении').map((m) => chat.files.filter((f) => m.params?.FILE_ID?.includes(f.id)).map((f) => `${f.name}:${f.size}`));
    }, { timeout: 30_000 })
    .toEqual([[`журнал.txt:${note.buffer.length}`]]);
  const comment = drawer.locator('.comment:not(.comment--queued)').filter({ hasText: 'Журнал во вложении' });
  await expect(comment.getByRole('button', { name: 'Сохранить журнал.txt' })).toBeVisible({ timeout: 30_000 });
});
