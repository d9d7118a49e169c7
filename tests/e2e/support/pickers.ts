/** Driving the date, time and month pickers (React Aria segments, not native inputs) as a user does. */
import type { Locator, Page } from '@playwright/test';

/** A picker by its label: the group of segments the label names. */
export function picker(scope: Page | Locator, label: string): Locator {
  return scope.getByRole('group', { name: label, exact: true });
}

/** What the picker shows, as one line ("12.03.2030, 18:00"). */
export async function pickerText(group: Locator): Promise<string> {
  const segments = await group.getByRole('spinbutton').or(group.locator('[data-type="literal"]')).allTextContents();
  return segments.join('').replace(/[\u2066-\u2069\u200e\u200f]/g, '').trim();
}

/** Types digits into the picker from its first segment, the way a user types a date: "12032030". */
export async function typeInto(group: Locator, digits: string): Promise<void> {
  await group.getByRole('spinbutton').first().click();
  await group.page().keyboard.type(digits);
}
