/** What a Russian screen must not show: an English sentence, or a raw portal field code. */
import { expect, type Locator } from '@playwright/test';

/** Three Latin words in a row is English prose; a product name or an ID alone is not. */
const ENGLISH_PROSE = /\b[A-Za-z]{2,}[\s,]+[A-Za-z]{2,}[\s,]+[A-Za-z]{2,}\b/;
const FIELD_CODE = /\bUF_[A-Z0-9_]+/;

export async function expectRussianOnly(area: Locator, label: string): Promise<void> {
  const text = await area.innerText();
  expect(text, `${label}: ${text}`).not.toMatch(FIELD_CODE);
  expect(text, `${label}: ${text}`).not.toMatch(ENGLISH_PROSE);
  expect(text, `${label} has Russian words`).toMatch(/[а-яё]{3}/i);
}
