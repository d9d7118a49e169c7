import { expect, test } from '@playwright/test';
import { startWebMode, type WebMode } from './support/web-mode';
import { portalRest } from './support/portal-rest';
import { russianKeysToEnglish } from '../../src/core/domain/keyboard-layout';

let web: WebMode;

test.beforeAll(async () => {
  web = await startWebMode(['--demo']);
});
test.afterAll(async () => {
  await web?.stop();
});

test('the board search and the palette find a Russian title typed with the English layout on', async ({ page }) => {
  const { tasks } = await portalRest(web).call<{ tasks: { id: string; title: string }[] }>('tasks.task.list', { filter: { GROUP_ID: 1, STATUS: 2 }, select: ['ID', 'TITLE'] });
  const task = tasks.find((candidate) => /[а-яё]{6,}/i.test(candidate.title))!;
  const word = /[а-яё]{6,}/i.exec(task.title)![0].toLowerCase();
  const typed = russianKeysToEnglish(word);
  expect(typed).toMatch(/^[a-z;',.`[\]]+$/);

  await page.goto(web.url);
  await expect(page.getByRole('region').first()).toBeVisible();
  const search = page.getByRole('searchbox', { name: 'Поиск по номеру и тексту' });
  await search.fill(typed);
  await expect(page.locator('.card', { hasText: task.title }).first()).toBeVisible();
  await search.fill(`${typed}qqqq`);
  await expect(page.locator('.card')).toHaveCount(0);
  await search.fill('');

  await page.keyboard.press('Control+K');
  const palette = page.getByRole('dialog', { name: 'Палитра команд' });
  await palette.getByRole('combobox').fill(typed);
  await expect(palette.getByRole('option', { name: new RegExp(`#${task.id} `) })).toBeVisible();
  // "yfcnhjqrb" is «настройки» typed in English keys: the Russian action is found.
  await palette.getByRole('combobox').fill('yfcnhjqrb');
  await expect(palette.getByRole('option').first()).toContainText('Открыть настройки');
});
