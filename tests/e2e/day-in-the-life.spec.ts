/**
 * A first-line agent's day, end to end, as the agent meets it: a portal admin signs in by OAuth
 * through the system browser, new requests arrive from colleagues (notification, title count,
 * sound, the card on top), colleagues edit tasks (seen within a poll), the portal goes away and
 * comes back, Pult is restarted while the portal is unreachable (times, names and comments as
 * before), a wallboard is open beside it — and several portal hours pass on the emulator's clock.
 * Every step asserts what the agent sees and hears, in Russian; key steps are photographed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { startWebMode, type WebMode } from './support/web-mode';
import { expectNoSecretsOnDisk } from './support/secret-scan';
import { desktopSession, type DesktopSession } from './support/desktop-session';
import { cardsIn, column, durationSeconds } from './support/board-portal';
import { expectRussianOnly } from './support/russian-text';
import { screenshotPath } from './support/screenshots';

/** The loopback port browser mode listens on for the OAuth redirect (its default). */
const REDIRECT_URI = 'http://127.0.0.1:45678/oauth/callback';

interface PortalProcess {
  info: { portalUrl: string; webhookUrl: string; clientId: string; clientSecret: string; users: { id: string; login: string; password: string; admin: boolean; type: string }[]; groups: { id: string; name: string }[] };
  stop(): Promise<void>;
}

/** The emulator as its own process, started the way `npm run emulator` starts it. */
async function startPortal(): Promise<PortalProcess> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/bitrix-emulator/cli.ts', '--port', '0', '--seed', '21', '--tasks', '600', '--redirect-uri', REDIRECT_URI, '--tokens-route'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`the emulator exited with ${code}`)));
  });
  return {
    info: JSON.parse(line) as PortalProcess['info'],
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

let portal: PortalProcess;
let session: DesktopSession;
let web: WebMode | null = null;
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'pult-day-data-'));

test.describe.configure({ timeout: 480_000 });
test.beforeAll(async () => {
  portal = await startPortal();
  session = desktopSession(mkdtempSync(path.join(os.tmpdir(), 'pult-day-session-')));
});
test.afterAll(async () => {
  await web?.stop();
  await portal?.stop();
});

/** Another user's REST call, made through the admin's webhook (as a colleague's browser would). */
async function colleague<T>(method: string, params: Record<string, unknown>): Promise<T> {
  const response = await fetch(`${portal.info.webhookUrl}${method}.json`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(params) });
  const body = (await response.json()) as { result: T };
  if (!response.ok) throw new Error(`${method}: ${JSON.stringify(body)}`);
  return body.result;
}

async function control(route: string, body: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${portal.info.portalUrl}/_emulator/${route}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  expect(response.ok).toBe(true);
}

/** A browser whose user allowed notifications: what was shown and what was played is recorded. */
async function watchedPage(context: BrowserContext): Promise<Page> {
  await context.addInitScript(() => {
    const heard = { notifications: [] as { title: string; body: string }[], sounds: 0 };
    (window as unknown as { __heard: typeof heard }).__heard = heard;
    class RecordingNotification {
      static permission = 'granted';
      static requestPermission = async () => 'granted';
      onclick: (() => void) | null = null;
      constructor(title: string, options: { body?: string } = {}) {
        heard.notifications.push({ title, body: options.body ?? '' });
      }
      close() {}
    }
    Object.defineProperty(window, 'Notification', { value: RecordingNotification });
    const start = OscillatorNode.prototype.start;
    OscillatorNode.prototype.start = function (...args: Parameters<typeof start>) {
      heard.sounds++;
      return start.apply(this, args);
    };
  });
  return context.newPage();
}

const heard = (page: Page) => page.evaluate(() => (window as unknown as { __heard: { notifications: { title: string; body: string }[]; sounds: number } }).__heard);
const status = (page: Page) => page.getByRole('status');

async function openConsole(page: Page): Promise<void> {
  await page.goto(web!.url);
  await expect(column(page, 'Новые')).toBeVisible({ timeout: 60_000 });
  await expect(cardsIn(column(page, 'Новые')).first()).toBeVisible({ timeout: 60_000 });
}

test('an agent’s day: OAuth sign-in, new requests heard, colleagues’ edits seen, the portal away and back, an offline restart', async ({ context }) => {
  const admin = portal.info.users.find((user) => user.admin)!;
  const other = portal.info.users.find((user) => !user.admin && user.type === 'employee')!;
  web = await startWebMode([], dataDir, session.launcher);
  const page = await watchedPage(context);

  // 08:55 — the admin connects Pult to the portal by OAuth; the system browser does the sign-in.
  await page.goto(web.url);
  await expect(page.getByRole('heading', { name: 'Подключение к порталу' })).toBeVisible();
  await expect(page.getByLabel('Адрес перенаправления')).toHaveValue(REDIRECT_URI);
  await page.getByLabel('Адрес портала').fill(portal.info.portalUrl);
  await page.getByLabel('Код приложения (client_id)').fill(portal.info.clientId);
  await page.getByLabel('Ключ приложения (client_secret)').fill(portal.info.clientSecret);
  await page.getByRole('button', { name: 'Подключиться' }).click();
  await expect.poll(() => session.openedUrls().length, { timeout: 20_000 }).toBe(1);
  const systemBrowser = await context.newPage();
  await systemBrowser.goto(session.openedUrls()[0]!);
  await systemBrowser.getByLabel('Логин').fill(admin.login);
  await systemBrowser.getByLabel('Пароль').fill(admin.password);
  await systemBrowser.getByRole('button', { name: 'Войти' }).click();
  await expect(systemBrowser.locator('body')).toContainText('Вход выполнен', { timeout: 20_000 });
  await systemBrowser.close();

  await expect(page.getByRole('heading', { name: 'Какие группы показывать' })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Далее' }).click();
  await expect(page.getByRole('heading', { name: 'Стадии и поля' })).toBeVisible();
  await page.getByRole('button', { name: 'Готово' }).click();
  await expect(cardsIn(column(page, 'Новые')).first()).toBeVisible({ timeout: 60_000 });
  await expect(status(page)).toContainText('В сети', { timeout: 60_000 });
  const groupNames = await page.getByRole('list', { name: 'Рабочие группы портала' }).innerText();
  expect(groupNames).toContain(portal.info.groups[0]!.name);

  // A first-line agent hears every new request of the groups, not only those assigned to them.
  await page.keyboard.press('Control+K');
  await page.getByRole('combobox', { name: 'Палитра команд' }).fill('настройки');
  await page.keyboard.press('Enter');
  await page.getByLabel('Чьи заявки').selectOption({ label: 'Все в моих группах' });
  await page.getByRole('button', { name: 'Сохранить' }).click();
  await expect(page.getByText('Настройки сохранены')).toBeVisible();
  await page.getByRole('button', { name: 'К доске' }).click();

  // Newest first in the collection column, so a new request lands on top.
  await page.getByLabel('Порядок карточек').selectOption({ label: 'Сначала новые' });
  await page.screenshot({ path: screenshotPath('day-1-signed-in.png') });
  await expectRussianOnly(page.locator('body'), 'console');

  // 09:10 — a colleague files a request; the agent is looking at another window.
  await page.evaluate(() => {
    Document.prototype.hasFocus = () => false;
  });
  const before = await heard(page);
  const groupId = portal.info.groups[0]!.id;
  const title = 'Не печатает принтер в бухгалтерии';
  const created = await colleague<{ task: { id: string } }>('tasks.task.add', { fields: { TITLE: title, GROUP_ID: groupId, CREATED_BY: other.id, RESPONSIBLE_ID: other.id } });
  const newCard = page.locator(`[data-task-id="${created.task.id}"]`);
  // Offline events bound for the admin: within one cycle, not minutes.
  await expect(newCard).toBeVisible({ timeout: 25_000 });
  await expect(cardsIn(column(page, 'Новые')).first()).toHaveAttribute('data-task-id', created.task.id);
  await expect.poll(async () => (await heard(page)).notifications.slice(before.notifications.length).some((n) => `${n.title} ${n.body}`.includes(title)), { timeout: 30_000 }).toBe(true);
  expect((await heard(page)).sounds).toBeGreaterThan(before.sounds);
  await expect(page).toHaveTitle(/^\(\d+\) Pult$/);
  await page.evaluate(() => {
    Document.prototype.hasFocus = () => true;
    window.dispatchEvent(new Event('focus'));
  });
  await expect(page).toHaveTitle('Pult');

  // 09:30 — a colleague renames a task on the portal: the board shows it within a poll.
  const renamed = 'Принтер в бухгалтерии: нужен картридж';
  await colleague('tasks.task.update', { taskId: created.task.id, fields: { TITLE: renamed } });
  await expect(newCard).toContainText(renamed, { timeout: 25_000 });

  // A comment from the colleague, read in the drawer.
  await colleague('task.commentitem.add', { taskId: created.task.id, fields: { POST_MESSAGE: 'Картридж заказан, будет после обеда', AUTHOR_ID: other.id } });
  await newCard.click();
  const drawer = page.getByRole('dialog');
  await expect(drawer.getByText('Картридж заказан, будет после обеда')).toBeVisible({ timeout: 30_000 });
  await page.screenshot({ path: screenshotPath('day-2-new-request.png') });
  await page.keyboard.press('Escape');

  // Two portal hours pass: the card's LU timer follows the portal's clock.
  const lu = newCard.getByRole('timer', { name: 'LU' });
  const luBefore = durationSeconds((await lu.textContent()) ?? '');
  await control('clock', { advanceSeconds: 7200 });
  await page.getByRole('button', { name: 'Синхронизировать сейчас' }).click();
  await expect.poll(async () => durationSeconds((await lu.textContent()) ?? '') - luBefore, { timeout: 30_000 }).toBeGreaterThanOrEqual(7200 - 120);

  // The wallboard beside the console.
  const wallboard = await context.newPage();
  await wallboard.goto(web.url.replace('/?', '/wallboard?'));
  await expect(wallboard.getByText(portal.info.groups[0]!.name).first()).toBeVisible({ timeout: 30_000 });
  await wallboard.screenshot({ path: screenshotPath('day-3-wallboard.png') });
  await expectRussianOnly(wallboard.locator('body'), 'wallboard');

  // 11:40 — the portal goes away: said within one poll, and back when it returns.
  await control('faults', { unreachable: true });
  await expect(status(page)).toContainText('Портал недоступен', { timeout: 25_000 });
  await page.screenshot({ path: screenshotPath('day-4-portal-away.png') });
  await control('faults', { unreachable: false });
  await expect(status(page)).toContainText('В сети', { timeout: 25_000 });

  // What the agent sees of the renamed card before the restart.
  await newCard.click();
  await expect(drawer.getByText('Картридж заказан, будет после обеда')).toBeVisible();
  const drawerTimes = await drawer.locator('time').allInnerTexts();
  await page.keyboard.press('Escape');
  const cardText = await newCard.innerText();

  // 13:00 — Pult is restarted while the portal is unreachable: everything comes from the local store.
  await control('faults', { unreachable: true });
  await wallboard.close();
  await web.stop();
  web = await startWebMode([], dataDir, session.launcher);
  await openConsole(page);
  await expect(status(page)).toContainText('Портал недоступен', { timeout: 25_000 });
  await expect(status(page)).not.toContainText('Ещё не синхронизировано');
  // The names kept from before, within moments of the start (not «#1» while the client retries).
  await expect(page.getByRole('list', { name: 'Рабочие группы портала' }).getByRole('listitem')).toHaveText(groupNames.split('\n').filter(Boolean), { timeout: 5_000 });
  await expect(newCard).toContainText(renamed);
  expect(stripTimers(await newCard.innerText())).toBe(stripTimers(cardText));
  await newCard.click();
  await expect(drawer.getByText('Картридж заказан, будет после обеда')).toBeVisible();
  expect(await drawer.locator('time').allInnerTexts()).toEqual(drawerTimes);
  await page.screenshot({ path: screenshotPath('day-5-offline-restart.png') });
  await page.keyboard.press('Escape');
  await expectRussianOnly(page.locator('body'), 'console');

  // The portal is back: the same session carries on, no sign-in asked.
  await control('faults', { unreachable: false });
  await expect(status(page)).toContainText('В сети', { timeout: 30_000 });
  // A whole day of tokens, refreshed and rotated: none of them in the data folder or the logs.
  await expectNoSecretsOnDisk(portal.info.portalUrl, [dataDir]);
});

/** A card's text without its running timers (they move between two looks). */
function stripTimers(text: string): string {
  return text.replace(/(LU|WIA)\s*[\dдчмсdhms ]+/g, '$1');
}
