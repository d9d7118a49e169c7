import { expect, test, type Page } from '@playwright/test';
import { startWebMode, type WebMode } from './support/web-mode';
import { portalRest } from './support/portal-rest';
import { callApi as callPageApi } from './support/api-call';
import { picker, pickerText, typeInto } from './support/pickers';

/**
 * Dates, times and months follow the UI language, not the browser's (the OS's) locale: the
 * Russian UI on an en-US browser writes 15.04.2031, 09:30, «январь», 20:00; the English UI on a
 * ru-RU browser writes 15/04/2031, 09:30, "January", 20:00.
 */
let web: WebMode;
let portal: ReturnType<typeof portalRest>;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  web = await startWebMode(['--demo']);
  portal = portalRest(web);
  await expect.poll(async () => (await callPageApi<{ lastSyncAt: number | null }>(web.url, 'getSyncStatus')).lastSyncAt, { timeout: 30_000 }).not.toBeNull();
});
test.afterAll(async () => {
  await web?.stop();
});

type Language = 'ru' | 'en';
const words = {
  ru: { sla: 'SLA и рабочий календарь', holidays: 'Праздничные дни', newDay: 'Новая дата', add: 'Добавить', dayStarts: 'Начало дня', dayEnds: 'Конец дня', palette: 'Палитра команд', task: 'Заявка', deadline: 'Крайний срок', clear: 'Снять срок', settings: 'Открыть настройки', notifications: 'Уведомления', quiet: 'Тихие часы', from: 'С', to: 'До', reports: 'Отчёты', month: 'Месяц для клиентов', monthList: 'Месяц', download: 'Скачать «Клиенты за месяц: план и факт» в CSV' },
  en: { sla: 'SLA and working calendar', holidays: 'Holidays', newDay: 'New date', add: 'Add', dayStarts: 'Day starts', dayEnds: 'Day ends', palette: 'Command palette', task: 'Request', deadline: 'Deadline', clear: 'Clear the deadline', settings: 'Open settings', notifications: 'Notifications', quiet: 'Quiet hours', from: 'From', to: 'To', reports: 'Reports', month: 'Month for clients', monthList: 'Month', download: 'Download “Clients this month: plan vs fact” as CSV' },
} as const;

async function openBoard(page: Page, language: Language) {
  await page.goto(`${web.url}&lang=${language}`);
  await expect(page.getByRole('region').first()).toBeVisible();
}

async function openTask(page: Page, language: Language, taskId: string) {
  await page.keyboard.press('Control+K');
  const palette = page.getByRole('dialog', { name: words[language].palette });
  await palette.getByRole('combobox').fill(taskId);
  await expect(palette.getByRole('option').first()).toContainText(`#${taskId} `);
  await page.keyboard.press('Enter');
  const drawer = page.getByRole('dialog', { name: new RegExp(`^${words[language].task} ${taskId}:`) });
  await expect(drawer).toBeVisible();
  return drawer;
}

async function anOpenTask(): Promise<string> {
  const { tasks } = await portal.call<{ tasks: { id: string }[] }>('tasks.task.list', { filter: { GROUP_ID: 1, STATUS: 2 }, select: ['ID'] });
  return tasks[0]!.id;
}

async function openSettings(page: Page, language: Language) {
  await openBoard(page, language);
  await page.keyboard.press('Control+K');
  await page.getByRole('combobox', { name: words[language].palette }).fill(words[language].settings);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: words[language].notifications })).toBeVisible();
}

/** The portal's answer for a deadline typed as "15.04.2031, 09:30" on the demo portal's clock (UTC+3). */
const portalDeadline = '2031-04-15T09:30:00+03:00';

for (const [language, browserLocale, shown] of [
  ['ru', 'en-US', '15.04.2031, 09:30'],
  ['en', 'ru-RU', '15/04/2031, 09:30'],
] as const) {
  test.describe(`${language === 'ru' ? 'Russian' : 'English'} UI on a ${browserLocale} browser`, () => {
    test.use({ locale: browserLocale });

    test('the drawer\'s deadline is typed day first on the 24-hour clock and reaches the portal', async ({ page }) => {
      await openBoard(page, language);
      const taskId = await anOpenTask();
      const drawer = await openTask(page, language, taskId);
      const deadline = picker(drawer, words[language].deadline);
      await typeInto(deadline, '150420310930');
      expect(await pickerText(deadline)).toBe(shown);
      await page.keyboard.press('Enter');
      await expect.poll(async () => (await portal.task(taskId)).deadline, { timeout: 30_000 }).toBe(portalDeadline);
      // Shown again from the saved value, and cleared with the button.
      await expect.poll(() => pickerText(deadline)).toBe(shown);
      // Esc undoes what was typed and keeps the drawer open.
      await typeInto(deadline, '010120320800');
      expect(await pickerText(deadline)).not.toBe(shown);
      await page.keyboard.press('Escape');
      expect(await pickerText(deadline)).toBe(shown);
      await expect(drawer).toBeVisible();
      await drawer.getByRole('button', { name: words[language].clear }).click();
      await expect.poll(async () => (await portal.task(taskId)).deadline ?? null, { timeout: 30_000 }).toBeNull();
    });

    test('quiet hours read 20:00 and 08:00, locked until switched on, then typed', async ({ page }) => {
      await openSettings(page, language);
      const quiet = page.getByRole('region', { name: words[language].notifications }).getByRole('group', { name: words[language].quiet });
      const from = picker(quiet, words[language].from);
      await expect.poll(() => pickerText(from)).toBe('20:00');
      expect(await pickerText(picker(quiet, words[language].to))).toBe('08:00');
      await expect(from.getByRole('spinbutton').first()).toHaveAttribute('aria-disabled', 'true');
      await quiet.getByRole('checkbox', { name: words[language].quiet }).check();
      await expect(from.getByRole('spinbutton').first()).not.toHaveAttribute('aria-disabled', 'true');
      await typeInto(from, '2130');
      expect(await pickerText(from)).toBe('21:30');
    });

    test('working hours and a typed holiday are written as the UI writes them', async ({ page }) => {
      await openSettings(page, language);
      const calendar = page.getByRole('region', { name: words[language].sla });
      expect(await pickerText(picker(calendar, words[language].dayStarts))).toBe('09:00');
      expect(await pickerText(picker(calendar, words[language].dayEnds))).toBe('18:00');
      const holidays = calendar.getByRole('group', { name: words[language].holidays, exact: true });
      await typeInto(picker(holidays, `${words[language].holidays}: ${words[language].newDay}`), '01052027');
      await holidays.getByRole('button', { name: words[language].add }).click();
      await expect(holidays.getByRole('listitem').filter({ hasText: language === 'ru' ? '01.05.2027' : '01/05/2027' })).toBeVisible();
    });

    test('the reports\' month is named in the UI language and picks the clients\' month', async ({ page }) => {
      await page.goto(`${web.url}&lang=${language}#reports`);
      await expect(page.getByRole('heading', { level: 1, name: words[language].reports })).toBeVisible();
      const month = page.getByRole('group', { name: words[language].month }).getByRole('combobox', { name: words[language].monthList, exact: true });
      const names = Array.from({ length: 12 }, (_, index) => new Intl.DateTimeFormat(language === 'ru' ? 'ru-RU' : 'en-GB', { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, index, 15))));
      expect(names[11]).toBe(language === 'ru' ? 'декабрь' : 'December');
      expect(await month.locator('option').allTextContents()).toEqual(names);
      expect(names).toContain(await month.locator('option:checked').textContent());
      // The day range is written as the UI writes days.
      expect(await pickerText(picker(page, words[language].from))).toMatch(language === 'ru' ? /^\d{2}\.\d{2}\.\d{4}$/ : /^\d{2}\/\d{2}\/\d{4}$/);
      await month.selectOption({ label: names[0]! });
      const downloading = page.waitForEvent('download');
      await page.getByRole('button', { name: words[language].download }).click();
      expect((await downloading).suggestedFilename()).toMatch(/^pult-clients-\d{4}-01\.csv$/);
    });
  });
}
