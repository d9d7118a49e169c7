/**
 * Reading settings from anything outside (the stored file, an imported file): migrate older
 * versions, validate, and explain the first problem by naming the field. Export is the parsed
 * document, so nothing outside the schema (a secret pasted into a file) ever leaves.
 */
import type { z } from 'zod';
import { SETTINGS_VERSION, settingsSchema, type Settings } from './settings';

export type SettingsResult = { ok: true; settings: Settings } | { ok: false; error: string };

type Raw = Record<string, unknown>;

/**
 * Version 1 (before Pult 0.1 was versioned by schema) kept a flat layout:
 * `{ version: 1, portal: { url, authKind, clientId }, groupIds, excludedUsers, dailyPlanHours,
 * monthlyPlanHours, language, theme }`. A file without a version is read as version 1.
 */
function migrateV1ToV2(v1: Raw): Raw {
  const { portal, excludedUsers, dailyPlanHours, monthlyPlanHours, language, theme, ...rest } = v1;
  const old = isObject(portal) ? portal : {};
  // Only keys the old file has are moved, so a hand-written file without a version keeps its
  // current-layout parts.
  return {
    ...rest,
    version: 2,
    connection: merge(pick({ address: old['url'], kind: old['authKind'], clientId: old['clientId'] }), rest['connection']),
    excludedUserIds: rest['excludedUserIds'] ?? excludedUsers,
    plans: merge(pick({ employeeHoursPerDay: dailyPlanHours, companyHoursPerMonth: monthlyPlanHours }), rest['plans']),
    ui: merge(pick({ language, theme }), rest['ui']),
  };
}

function pick(values: Raw): Raw {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined));
}

/** Current-layout values win; a malformed one is kept so validation names it. */
function merge(moved: Raw, current: unknown): unknown {
  if (current === undefined) return moved;
  return isObject(current) ? { ...moved, ...current } : current;
}

const MIGRATIONS: Record<number, (raw: Raw) => Raw> = { 1: migrateV1ToV2 };

/** Brings a raw document of any known version up to the current layout (not yet validated). */
export function migrateSettings(raw: unknown): { ok: true; raw: Raw } | { ok: false; error: string } {
  if (!isObject(raw)) return { ok: false, error: 'settings: expected a JSON object' };
  let doc: Raw = raw;
  let version = doc['version'] ?? 1;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, error: `version: expected a whole number, got ${JSON.stringify(version)}` };
  }
  if (version > SETTINGS_VERSION) {
    return { ok: false, error: `version: the file is for settings version ${version}; this Pult reads up to ${SETTINGS_VERSION}` };
  }
  while (version < SETTINGS_VERSION) {
    const step = MIGRATIONS[version];
    if (!step) return { ok: false, error: `version: no migration from version ${version}` };
    doc = step(doc);
    version += 1;
  }
  return { ok: true, raw: doc };
}

/** Migrates and validates; the error names the first offending field. */
export function parseSettings(raw: unknown): SettingsResult {
  const migrated = migrateSettings(raw);
  if (!migrated.ok) return migrated;
  const parsed = settingsSchema.safeParse(migrated.raw);
  if (!parsed.success) return { ok: false, error: describeIssue(parsed.error.issues[0]) };
  return { ok: true, settings: parsed.data };
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, value: JSON.parse(text.replace(/^\uFEFF/, '')) };
  } catch (error) {
    return { ok: false, error: `the file is not valid JSON (${(error as Error).message})` };
  }
}

/** A whole settings document from a file's text (the headless command's rules file). */
export function readSettingsJson(text: string): SettingsResult {
  const raw = parseJson(text);
  return raw.ok ? parseSettings(raw.value) : raw;
}

/**
 * This workstation's own part of the settings: how it reaches the portal (address, method,
 * trusted certificate), the groups its user chose, and the person's look and feel. A team file
 * never carries or changes them; everything else is team policy.
 */
export const MACHINE_SCOPE = ['connection', 'groupIds', 'ui'] as const satisfies readonly (keyof Settings)[];

function isMachineKey(key: string): boolean {
  return (MACHINE_SCOPE as readonly string[]).includes(key);
}

/**
 * Merges a team file into the current settings: the policy parts the file has replace the
 * current ones, the rest (and everything of this machine's scope) stays as it is.
 */
export function importSettingsJson(text: string, current: Settings): SettingsResult {
  const raw = parseJson(text);
  if (!raw.ok) return raw;
  const migrated = migrateSettings(raw.value);
  if (!migrated.ok) return migrated;
  const policy = Object.fromEntries(Object.entries(migrated.raw).filter(([key]) => !isMachineKey(key)));
  return parseSettings({ ...current, ...policy, version: SETTINGS_VERSION });
}

/** The team file: the validated policy only (no connection, groups or personal look), pretty-printed for review. */
export function exportSettingsJson(settings: Settings): string {
  const parsed = settingsSchema.parse(settings);
  const policy = Object.fromEntries(Object.entries(parsed).filter(([key]) => !isMachineKey(key)));
  return `${JSON.stringify(policy, null, 2)}\n`;
}

function describeIssue(issue: z.core.$ZodIssue | undefined): string {
  if (!issue) return 'settings: invalid';
  const field = issue.path.length > 0 ? issue.path.map(String).join('.') : 'settings';
  return `${field}: ${issue.message}`;
}

function isObject(value: unknown): value is Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
