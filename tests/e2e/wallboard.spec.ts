import { expect, test, type Page } from '@playwright/test';
import { startWebMode, type WebMode } from './support/web-mode';
import { screenshotPath } from './support/screenshots';
import { callApi as callPageApi } from './support/api-call';
import { DEMO_WORK_LIMIT } from '../../src/node/demo/demo-settings';

/**
 * The wallboard in browser mode against the demo portal (the emulator): its accessibility
 * contract, forgotten tasks and SLA breaches appearing as time passes, the freshness stamp
 * ageing while the portal is unreachable, and the rotation between the bound groups.
 */
let web: WebMode;

function callApi<T>(method: string, ...args: unknown[]): Promise<T> {
  return callPageApi<T>(web.url, method, ...args);
}

async function setRotation(seconds: number): Promise<void> {
  const settings = await callApi<{ ui: Record<string, unknown> }>('getSettings');
  const saved = await callApi<{ ok: boolean }>('saveSettings', { ...settings, ui: { ...settings.ui, wallboardRotationSeconds: seconds } });
  expect(saved.ok).toBe(true);
}

async function emulator(path: string, body: unknown): Promise<void> {
  const response = await fetch(`${String(web.emulator!.portalUrl)}/_emulator/${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  expect(response.ok).toBe(true);
}

function wallboardUrl(): string {
  const url = new URL(web.url);
  return `${url.origin}/wallboard?token=${url.searchParams.get('token')}`;
}

async function panelCount(page: Page, title: RegExp): Promise<number> {
  const text = (await page.getByRole('heading', { name: title }).textContent()) ?? '';
  return Number(/(\d+)\s*$/.exec(text)?.[1] ?? NaN);
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  web = await startWebMode(['--demo']);
  await expect.poll(async () => (await callApi<{ lastSyncAt: number | null }>('getSyncStatus')).lastSyncAt, { timeout: 30_000 }).not.toBeNull();
});
test.afterAll(async () => {
  await web?.stop();
});

test('shows each stage as a region, the forgotten and SLA lists and the time of the data', async ({ page }) => {
  await setRotation(600);
  await page.goto(wallboardUrl());
  const first = web.emulator!.groups[0]!;
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(first.name);
  for (const stage of ['Новые заявки', 'Сбор информации', 'Запустить в работу', 'В работе', 'Завершена']) {
    await expect(page.getByRole('region', { name: stage, exact: true })).toBeVisible();
  }
  await expect(page.getByRole('region', { name: 'В работе', exact: true })).toContainText(/\d+\s*задач/);
  await expect(page.getByRole('list', { name: 'Забытые задачи' })).toBeAttached();
  await expect(page.getByRole('list', { name: 'SLA', exact: true })).toBeAttached();
  await expect(page.getByRole('status')).toHaveText(/Данные на \d{2}:\d{2}/);
});

test('screenshots of the wallboard, dark by default, Russian and English', async ({ page }) => {
  await setRotation(600);
  await page.setViewportSize({ width: 1920, height: 1080 });
  for (const language of ['ru', 'en'] as const) {
    await page.goto(`${wallboardUrl()}&lang=${language}`);
    // Stage titles are the portal's own words, in any UI language.
    await expect(page.getByRole('region', { name: 'Новые заявки', exact: true })).toBeVisible();
    await page.waitForTimeout(300);
    await page.screenshot({ path: screenshotPath(`wallboard-${language}.png`) });
  }
});

test('forgotten tasks and SLA breaches appear as portal time passes', async ({ page }) => {
  await setRotation(600);
  await page.clock.install();
  await page.goto(wallboardUrl());
  await expect(page.getByRole('list', { name: 'Забытые задачи' })).toBeAttached();
  const forgottenBefore = await panelCount(page, /^Забытые задачи/);
  const slaBefore = await panelCount(page, /^SLA/);

  // Ten hours pass on the portal and on the wall screen's clock.
  await emulator('clock', { advanceSeconds: 36_000 });
  await page.clock.fastForward('10:00:00');
  await callApi('syncNow');

  await expect.poll(() => panelCount(page, /^Забытые задачи/), { timeout: 30_000 }).toBeGreaterThan(forgottenBefore);
  await expect.poll(() => panelCount(page, /^SLA/), { timeout: 30_000 }).toBeGreaterThan(slaBefore);
  const forgotten = page.getByRole('list', { name: 'Забытые задачи' }).getByRole('listitem');
  await expect(forgotten.first()).toBeVisible();
  await expect(page.getByRole('list', { name: 'SLA', exact: true }).getByRole('listitem').first()).toContainText('\u2212');
});

test('keeps the board and says since when while the portal is unreachable', async ({ page }) => {
  await setRotation(600);
  await page.clock.install();
  await page.goto(wallboardUrl());
  const stamp = page.getByRole('status');
  await expect(stamp).toHaveText(/Данные на \d{2}:\d{2}/);
  await expect(page.getByRole('region', { name: 'В работе', exact: true })).toBeVisible();
  const heading = await page.getByRole('heading', { level: 1 }).textContent();

  await emulator('faults', { unreachable: true });
  try {
    await callApi('syncNow');
    await expect(stamp).toContainText('портал недоступен', { timeout: 45_000 });
    const since = /Данные на (\d{2}:\d{2})/.exec((await stamp.textContent()) ?? '')?.[1];
    expect(since).toBeTruthy();
    const clock = page.getByRole('time');
    const clockBefore = await clock.textContent();

    // An hour later the clock has moved on; the data is still from the same moment, and still shown.
    await page.clock.fastForward('01:00:00');
    await expect(clock).not.toHaveText(clockBefore ?? '');
    await expect(stamp).toContainText(`Данные на ${since}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading ?? '');
    await expect(page.getByRole('region', { name: 'В работе', exact: true })).toBeVisible();
  } finally {
    await emulator('faults', { unreachable: false });
  }
});

test('rotates between the bound groups every few seconds', async ({ page }) => {
  await setRotation(5);
  await page.goto(wallboardUrl());
  const [first, second] = web.emulator!.groups;
  const heading = page.getByRole('heading', { level: 1 });
  await expect(heading).toHaveText(first!.name);
  await expect(heading).toHaveText(second!.name, { timeout: 12_000 });
  // Then all requests: a tile per stage role, the work role over the demo's team-wide WIP limit.
  await expect(heading).toHaveText('Все заявки', { timeout: 12_000 });
  const work = page.getByRole('region', { name: 'В работе', exact: true });
  await expect(work).toHaveClass(/wallboard__column--wip-over/);
  await expect(work).toContainText(`сверх лимита ${DEMO_WORK_LIMIT}`);
  await expect(heading).toHaveText(first!.name, { timeout: 12_000 });
  await expect(page.getByRole('region', { name: 'Новые заявки', exact: true })).toBeVisible();
});
