import { expect, test, type Locator, type Page } from '@playwright/test';
import { startWebMode, type WebMode } from './support/web-mode';

/**
 * "Everything looks alarming" no more: on the demo board red marks only what needs action now
 * (a breached SLA, an overdue deadline), with the SLA's target and how much it is over; an SLA at
 * risk is amber with the time left; an ordinary card is calm; the first screen holds few red cards.
 */
let web: WebMode;

test.describe.configure({ mode: 'serial' });
test.beforeAll(async () => {
  web = await startWebMode(['--demo']);
});
test.afterAll(async () => {
  await web?.stop();
});

const RED = 'rgb(198, 47, 59)';
const AMBER_SOFT = 'rgb(253, 240, 217)';

/** Cards (and red ones) whose box is inside the window: what a lead sees without scrolling. */
async function onScreen(page: Page): Promise<{ cards: number; red: number }> {
  return page.evaluate(() => {
    const inView = [...document.querySelectorAll<HTMLElement>('[data-task-id][data-attention]')].filter((el) => {
      const box = el.getBoundingClientRect();
      return box.bottom > 0 && box.top < window.innerHeight && box.right > 0 && box.left < window.innerWidth && box.height > 0;
    });
    return { cards: inView.length, red: inView.filter((el) => el.dataset.attention === 'act').length };
  });
}

const style = (locator: Locator, property: 'backgroundColor' | 'borderLeftColor') => locator.evaluate((el, name) => getComputedStyle(el)[name], property);

const TEXTS = {
  ru: {
    over: /^!SLA \d+[чм]( \d+м)? · −\d+[чм]/,
    overWords: /^SLA (реакции|решения) \d+ (ч|мин)( \d+ мин)?( рабочего времени)? · (просрочено|превышен) на \d/,
    left: /^SLA \d+[чм]( \d+м)? · ост\. \d+[чм]/,
    leftWords: /^SLA (реакции|решения) .+ · осталось \d/,
  },
  en: {
    over: /^!SLA \d+[hm]( \d+m)? · −\d+[hm]/,
    overWords: /^(Reaction|Resolution) SLA \d+ (h|min)( \d+ min)?( of working time)? · (overdue|missed) by \d/,
    left: /^SLA \d+[hm]( \d+m)? · \d+[hm]( \d+m)? left$/,
    leftWords: /^(Reaction|Resolution) SLA .+ · .+ left$/,
  },
} as const;

for (const language of ['ru', 'en'] as const) {
  test(`${language}: red only for act-now marks, with the SLA target and overdue time; at risk amber; an ordinary card calm`, async ({ page }) => {
    // The whole demo board in one tall window costs time on a shared machine.
    test.slow();
    const texts = TEXTS[language];
    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize({ width: 1600, height: 900 });
    await page.goto(`${web.url}&lang=${language}`);
    await expect(page.locator('[data-task-id][data-attention]').first()).toBeVisible();

    // The first screen: a handful of red cards at most (once the tasks' history is read).
    await expect.poll(async () => (await onScreen(page)).red, { timeout: 30_000 }).toBeLessThanOrEqual(4);
    expect((await onScreen(page)).cards).toBeGreaterThanOrEqual(12);

    // The whole board in the window, to find one card of each kind.
    await page.setViewportSize({ width: 1600, height: 8_000 });
    const breached = page.locator('.card').filter({ has: page.locator('.sla--act') }).first();
    await expect(breached).toBeVisible();
    await expect(breached).toHaveAttribute('data-attention', 'act');
    const overMark = breached.locator('.sla--act');
    await expect(overMark).toHaveText(texts.over);
    await expect(overMark).toHaveAttribute('title', texts.overWords);
    await expect(breached).toHaveAccessibleDescription(new RegExp(texts.overWords.source.slice(1)));
    expect(await style(overMark, 'backgroundColor')).toBe(RED);
    expect(await style(breached, 'borderLeftColor')).toBe(RED);

    const atRisk = page.locator('.card').filter({ has: page.locator('.sla--warn') }).first();
    await expect(atRisk).toBeVisible();
    const leftMark = atRisk.locator('.sla--warn');
    await expect(leftMark).toHaveText(texts.left);
    await expect(leftMark).toHaveAttribute('aria-label', texts.leftWords);
    expect(await style(leftMark, 'backgroundColor')).toBe(AMBER_SOFT);
    expect(await atRisk.getAttribute('data-attention')).not.toBe('none');

    const ordinary = page.locator('.card[data-attention="none"]').first();
    await expect(ordinary).toBeVisible();
    await expect(ordinary.locator('.sla, .deadline--act, .mark--forgotten')).toHaveCount(0);
    expect(await style(ordinary, 'borderLeftColor')).not.toBe(RED);
    // A stopper is information: never red.
    const stopper = page.locator('.chip--blocker').first();
    await expect(stopper).toBeVisible();
    expect(await stopper.evaluate((el) => getComputedStyle(el).color)).not.toBe(RED);
  });
}

test('the wallboard lists the worst SLA first, red with its target, and says how many are breached and at risk', async ({ page }) => {
  const url = new URL(web.url);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto(`${url.origin}/wallboard?token=${url.searchParams.get('token')}`);
  const list = page.getByRole('list', { name: 'SLA', exact: true });
  const first = list.getByRole('listitem').first();
  await expect(first).toBeVisible({ timeout: 30_000 });
  await expect(first).toHaveClass(/wallboard__item--act/);
  await expect(first).toContainText(/\u2212\d+[чм].*SLA \d+[чм]/);
  await expect(page.getByText(/^нарушено: \d+ · под угрозой: \d+$/)).toBeVisible();
});
