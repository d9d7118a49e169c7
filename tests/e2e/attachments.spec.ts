/** Attachments in the drawer (browser mode + demo portal): a screenshot previewed, a file saved. */
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { startWebMode, type WebMode } from './support/web-mode';
import { openTask } from './support/open-task';
import { portalRest } from './support/portal-rest';
import { expectRussianOnly } from './support/russian-text';
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

test.beforeEach(async ({ page }) => {
  await page.goto(web.url);
  await expect(page.getByRole('region').first()).toBeVisible();
});


/** An open task of the first group with a screenshot on it (the demo puts files on about a quarter). */
async function taskWithScreenshot(): Promise<{ id: string; attachmentId: string }> {
  const { tasks } = await portal.call<{ tasks: Array<{ id: string; ufTaskWebdavFiles: string[] | null }> }>('tasks.task.list', {
    filter: { GROUP_ID: 1, STATUS: 2 }, select: ['ID', 'UF_TASK_WEBDAV_FILES'],
  });
  const task = tasks.find((t) => Array.isArray(t.ufTaskWebdavFiles));
  expect(task).toBeDefined();
  return { id: task!.id, attachmentId: task!.ufTaskWebdavFiles![0]! };
}

test('a task\'s screenshot shows as a thumbnail and a preview, decoded from the host\'s bytes', async ({ page }) => {
  const { id } = await taskWithScreenshot();
  const drawer = await openTask(page, id);
  const files = drawer.getByRole('region', { name: /^Файлы \(\d+\)$/ });
  await expect(files.getByText(`screenshot-${id}.png`)).toBeVisible();
  await expect(files.getByText(/^Изображение · [\d,]+ (Б|КБ) · .+ · \d{2}\.\d{2}\.\d{4}/).first()).toBeVisible();
  const thumbnail = files.getByRole('img', { name: `Миниатюра screenshot-${id}.png` });
  await expect(thumbnail).toBeVisible();
  // A real decoded image (the CSP lets blob: images in, the bytes are the portal's PNG).
  await expect.poll(() => thumbnail.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(96);
  expect(await thumbnail.getAttribute('src')).toMatch(/^blob:/);
  await files.getByRole('button', { name: `Просмотр screenshot-${id}.png` }).click();
  const preview = files.getByRole('img', { name: `screenshot-${id}.png`, exact: true });
  await expect(preview).toBeVisible();
  await expect.poll(() => preview.evaluate((img: HTMLImageElement) => img.naturalHeight)).toBe(64);
  await page.screenshot({ path: screenshotPath('drawer-files.png') });
  await files.getByRole('button', { name: 'Закрыть просмотр' }).click();
  await expect(preview).toHaveCount(0);
  await expectRussianOnly(files, 'the files section');
});

test('saving a file downloads exactly the portal\'s bytes under the file\'s name', async ({ page }) => {
  const { id, attachmentId } = await taskWithScreenshot();
  const meta = await portal.call<{ NAME: string; SIZE: string }>('disk.attachedObject.get', { id: attachmentId });
  const drawer = await openTask(page, id);
  const files = drawer.getByRole('region', { name: /^Файлы \(\d+\)$/ });
  const [download] = await Promise.all([page.waitForEvent('download'), files.getByRole('button', { name: `Сохранить ${meta.NAME}` }).click()]);
  expect(download.suggestedFilename()).toBe(meta.NAME);
  const bytes = await readFile((await download.path())!);
  expect(bytes.length).toBe(Number(meta.SIZE));
  expect([...bytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
});

test('a file attached in the comment box goes to the portal with the comment; one past 10 MB is refused clearly', async ({ page }) => {
  const { id } = await taskWithScreenshot();
  const drawer = await openTask(page, id);
  const tooBig = { name: 'огромный.bin', mimeType: 'application/octet-stream', buffer: Buffer.alloc(10 * 1024 * 1024 + 1) };
  await drawer.getByLabel('Прикрепить файл').setInputFiles(tooBig);
  await expect(drawer.getByRole('alert')).toContainText('Файл огромный.bin больше 10 МБ — такой не прикрепить');

  const note = { name: 'заметка.txt', mimeType: 'text/plain', buffer: Buffer.from('Порядок действий при ошибке\n') };
  await drawer.getByLabel('Прикрепить файл').setInputFiles(note);
  const chosen = drawer.getByRole('list', { name: 'Прикреплено к новому комментарию' });
  await expect(chosen).toContainText('заметка.txt');
  await drawer.getByLabel('Новый комментарий').fill('Инструкция во вложении');
  await drawer.getByRole('button', { name: 'Отправить' }).click();
  await expect(chosen).toHaveCount(0);
  await expect
    .poll(async () => {
      const rows = await portal.call<Array<{ POST_MESSAGE: string; ATTACHED_OBJECTS: Record<string, { NAME: string; SIZE: string }> }>>('task.commentitem.getlist', { TASKID: id });
      const row = rows.find((r) => r.POST_MESSAGE === 'Инструкция во вложении');
      return row ? Object.values(row.ATTACHED_OBJECTS).map((a) => `${a.NAME}:${a.SIZE}`) : [];
    }, { timeout: 30_000 })
    .toEqual([`заметка.txt:${note.buffer.length}`]);
  // Once the comment is on the portal the drawer lists its file with the comment's files.
  const files = drawer.getByRole('region', { name: /^Файлы \(\d+\)$/ });
  await expect(files.getByText('заметка.txt')).toBeVisible({ timeout: 30_000 });
  await expect(files.getByRole('heading', { name: /^К комментарию / }).last()).toBeVisible();
});

test('with the portal gone, a card opened again still lists its files, saying as of when', async ({ page }) => {
  const { id } = await taskWithScreenshot();
  let drawer = await openTask(page, id);
  const region = () => drawer.getByRole('region', { name: /^Файлы \(\d+\)$/ });
  await expect(region().getByText(`screenshot-${id}.png`)).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();
  const faults = (body: Record<string, unknown>) =>
    fetch(`${web.emulator!.portalUrl}/_emulator/faults`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  expect((await faults({ unreachable: true })).ok).toBe(true);
  try {
    // A fresh page: the list comes from the host's local store, since the portal cannot answer.
    await page.reload();
    await expect(page.getByRole('region').first()).toBeVisible();
    drawer = await openTask(page, id);
    await expect(region().getByText(`screenshot-${id}.png`)).toBeVisible({ timeout: 30_000 });
    await expect(region().getByRole('status')).toHaveText(/^Нет связи с порталом: список файлов на \d{2}\.\d{2}\.\d{4},? \d{2}:\d{2}/);
  } finally {
    await faults({ unreachable: false });
  }
});
