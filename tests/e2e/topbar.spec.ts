import { expect, test, type Page } from '@playwright/test';
import { startWebMode, type WebMode } from './support/web-mode';

/** The top bar keeps to two rows: the way around the app, then the board's own tools. */
let web: WebMode;
test.beforeAll(async () => {
  web = await startWebMode(['--demo']);
});
test.afterAll(async () => {
  await web?.stop();
});

async function rowsOf(page: Page, selector: string): Promise<number> {
  const tops = await page.locator(selector).evaluateAll((items) => items.map((item) => Math.round(item.getBoundingClientRect().top)));
  return new Set(tops).size;
}

for (const width of [1280, 1600]) {
  test(`at ${width} px the tools sit on one row and reports, wallboard and settings on the groups' row`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    await page.goto(web.url);
    await expect(page.locator('[data-task-id]').first()).toBeVisible({ timeout: 30_000 });
    expect(await rowsOf(page, '.topbar__tools > *')).toBe(1);
    const groups = await page.getByRole('list', { name: 'Рабочие группы портала' }).boundingBox();
    for (const name of ['Отчёты', 'Табло', 'Настройки']) {
      const box = await page.getByRole('navigation', { name: 'Разделы' }).getByRole(name === 'Табло' ? 'link' : 'button', { name }).boundingBox();
      expect(Math.abs(box!.y + box!.height / 2 - (groups!.y + groups!.height / 2)), name).toBeLessThan(12);
    }
  });
}
