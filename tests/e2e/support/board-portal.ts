/** The demo emulator as the board specs see it: REST through its webhook, and its control routes. */
import { expect, type Locator, type Page } from '@playwright/test';
import type { WebMode } from './web-mode';

export interface Portal {
  webhookUrl: string;
  portalUrl: string;
  groupId: string;
  call<T = unknown>(method: string, params?: Record<string, unknown>): Promise<T>;
  control(route: 'faults' | 'clock', body: Record<string, unknown>): Promise<void>;
  stageIdByTitle(title: string): Promise<string>;
  task(id: string): Promise<Record<string, unknown>>;
  fieldByLabel(label: string): Promise<string>;
}

export function portalOf(web: WebMode): Portal {
  const emulator = web.emulator as unknown as { webhookUrl: string; portalUrl: string; groups: { id: string }[] };
  const portal: Portal = {
    webhookUrl: emulator.webhookUrl,
    portalUrl: emulator.portalUrl,
    groupId: emulator.groups[0]!.id,
    async call<T>(method: string, params: Record<string, unknown> = {}) {
      const response = await fetch(`${emulator.webhookUrl}${method}.json`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(params) });
      const body = (await response.json()) as { result?: T; error?: string };
      if (body.error) throw new Error(`${method}: ${body.error}`);
      return body.result as T;
    },
    async control(route, body) {
      const response = await fetch(`${emulator.portalUrl}/_emulator/${route}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      expect(response.ok).toBe(true);
    },
    async stageIdByTitle(title) {
      const stages = await portal.call<Record<string, { ID: string; TITLE: string }>>('task.stages.get', { entityId: portal.groupId });
      const stage = Object.values(stages).find((s) => s.TITLE === title);
      if (!stage) throw new Error(`no stage ${title}`);
      return stage.ID;
    },
    async task(id) {
      return (await portal.call<{ task: Record<string, unknown> }>('tasks.task.get', { taskId: id, select: ['ID', 'STAGE_ID', 'UF_*'] })).task;
    },
    async fieldByLabel(label) {
      const fields = await portal.call<{ FIELD_NAME: string; EDIT_FORM_LABEL: Record<string, string> }[]>('task.item.userfield.getlist');
      const field = fields.find((f) => f.EDIT_FORM_LABEL.ru === label);
      if (!field) throw new Error(`no field ${label}`);
      return field.FIELD_NAME;
    },
  };
  return portal;
}

/** A user field as tasks.task.get answers it: `UF_AUTO_1` → `ufAuto1`. */
export function camelField(name: string): string {
  return name.toLowerCase().replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

export const column = (page: Page, title: string) => page.getByRole('region', { name: title, exact: true });
export const cardsIn = (region: Locator) => region.locator('[data-task-id]');

/** Drags with the mouse the way dnd-kit needs: press, a small first move, then to the target. */
export async function dragWithMouse(page: Page, from: Locator, to: Locator): Promise<void> {
  const source = (await from.boundingBox())!;
  const target = (await to.boundingBox())!;
  await page.mouse.move(source.x + source.width / 2, source.y + source.height / 2);
  await page.mouse.down();
  await page.mouse.move(source.x + source.width / 2 + 10, source.y + source.height / 2 + 4, { steps: 4 });
  await page.mouse.move(target.x + target.width / 2, target.y + Math.min(target.height / 2, 160), { steps: 12 });
  await page.mouse.move(target.x + target.width / 2 + 2, target.y + Math.min(target.height / 2, 160) + 2, { steps: 2 });
  await page.mouse.up();
}

/** "2д 4ч", "3ч 05м", "12м", "45с" (and English) back to seconds. */
export function durationSeconds(text: string): number {
  let total = 0;
  for (const [, n, unit] of text.matchAll(/(\d+)\s*([дчмсdhms])/g)) {
    const value = Number(n);
    total += unit === 'д' || unit === 'd' ? value * 86_400 : unit === 'ч' || unit === 'h' ? value * 3600 : unit === 'м' || unit === 'm' ? value * 60 : value;
  }
  return total;
}

/**
 * One group's own board: someone bound to several groups (the demo binds two) starts on the
 * combined «Все заявки», and the specs of a group's stage columns switch to its tab first.
 */
export async function openGroupBoard(page: Page): Promise<void> {
  // By place, not name: the names come from the portal, which a spec may have made unreachable.
  const tabs = page.locator('.groups-switch .groups-switch__button');
  await expect(tabs.first()).toBeVisible({ timeout: 60_000 });
  if ((await tabs.count()) > 1) await tabs.nth(1).click();
  await expect(tabs.nth((await tabs.count()) > 1 ? 1 : 0)).toHaveAttribute('aria-pressed', 'true');
}
