import { expect, test, type Page } from '@playwright/test';
import { startWebMode, type WebMode } from './support/web-mode';
import { portalRest } from './support/portal-rest';

let web: WebMode;

test.beforeAll(async () => {
  web = await startWebMode(['--demo']);
});
test.afterAll(async () => {
  await web?.stop();
});

async function shown(page: Page): Promise<{ n: number; total: number }> {
  const text = (await page.locator('.filterbar__shown').textContent()) ?? '';
  const [, n, total] = /(\d+)\D+(\d+)/.exec(text) ?? [];
  return { n: Number(n), total: Number(total) };
}

test('«Мои группы» keeps the boards of the groups the portal says the user belongs to', async ({ page }) => {
  // The demo's user (the webhook's admin) is a member of the first line only.
  const mine = await portalRest(web).call<{ GROUP_ID: string }[]>('sonet_group.user.groups');
  expect(mine.map((row) => row.GROUP_ID)).toEqual(['1']);

  await page.goto(web.url);
  await expect(page.getByRole('region').first()).toBeVisible();
  const groups = page.getByRole('list', { name: 'Рабочие группы портала' });
  await groups.getByRole('button', { name: 'Service Desk — Разработка' }).click();
  await expect(groups.getByRole('button', { name: 'Service Desk — Разработка' })).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('button', { name: /^Фильтры/ }).click();
  await expect.poll(async () => (await shown(page)).total).toBeGreaterThan(0);
  const development = await shown(page);
  expect(development.n).toBe(development.total);

  const toggle = page.getByRole('button', { name: 'Мои группы' });
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(async () => (await shown(page)).n).toBe(0);
  await expect(page.locator('.card')).toHaveCount(0);

  // The first line is the user's group: every card stays with the filter on.
  await groups.getByRole('button', { name: 'Service Desk — 1-я линия' }).click();
  await expect.poll(async () => (await shown(page)).total).toBeGreaterThan(0);
  const firstLine = await shown(page);
  expect(firstLine.n).toBe(firstLine.total);
  await expect(page.locator('.card').first()).toBeVisible();
});
