/** Opens a task's drawer as an agent does from anywhere: Ctrl+K, its number, Enter. */
import { expect, type Locator, type Page } from '@playwright/test';

export async function openTask(page: Page, taskId: string): Promise<Locator> {
  await page.keyboard.press('Control+K');
  const palette = page.getByRole('dialog', { name: 'Палитра команд' });
  await expect(palette).toBeVisible();
  await palette.getByRole('combobox').fill(taskId);
  await expect(palette.getByRole('option').first()).toContainText(`#${taskId} `);
  await page.keyboard.press('Enter');
  const drawer = page.getByRole('dialog', { name: new RegExp(`^Заявка ${taskId}:`) });
  await expect(drawer).toBeVisible();
  return drawer;
}
