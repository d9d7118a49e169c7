/**
 * The settings document: what the seed's admin panel holds plus what a team needs. Validated
 * with zod on every read, write and import; missing parts take their defaults, so older or
 * partial files still load. Secrets (client secret, tokens, webhook URL) are never part of it:
 * they live behind the SecretStore port.
 */
import { z } from 'zod';
import { CARD_ORDERS, STAGE_ROLES, type StageRole } from './kinds-and-roles';
import { RUSSIAN_HOLIDAYS_2025_2027, RUSSIAN_WORKING_WEEKENDS_2025_2027 } from './holidays-ru';
import { replyTemplatesSchema } from './reply-templates';
import { listColumnsSchema } from './list-columns';
import { wipSettingsSchema } from './wip-settings';

export const SETTINGS_VERSION = 2;

export { STAGE_ROLES, CARD_KINDS, type StageRole, type CardKind } from './kinds-and-roles';
export const stageRoleSchema = z.enum(STAGE_ROLES);

const id = z.string().regex(/^\d+$/, { error: 'must be a numeric portal ID' });
/** A board: a group's numeric ID, or "all" for the combined board («Все заявки»). */
const boardKey = z.string().regex(/^(\d+|all)$/, { error: 'must be a numeric group ID or "all"' });
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'must be a time as HH:MM' });
const dayKey = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'must be a date as YYYY-MM-DD' });
const hours = z.number().min(0).max(24 * 31);
const minutes = z.number().int().min(1);

/** The portal's origin only: a webhook URL (`/rest/<user>/<secret>/`) is a secret. */
const portalAddress = z
  .string()
  .trim()
  .refine((value) => value === '' || /^https?:\/\/[^/\s?#]+\/?$/i.test(value), {
    error: 'must be the portal address only, like https://portal.example.ru (a webhook URL is a secret and goes to the keychain)',
  });

/** SHA-256 certificate fingerprint, normalised to `AB:CD:...`. */
const fingerprint = z
  .string()
  .transform((value) => value.replace(/[:\s]/g, '').toUpperCase())
  .refine((hex) => /^[0-9A-F]{64}$/.test(hex), { error: 'must be a SHA-256 fingerprint (64 hex digits)' })
  .transform((hex) => hex.match(/../g)?.join(':') ?? hex);

const connectionSchema = z.object({
  address: portalAddress.default(''),
  kind: z.enum(['oauth', 'webhook', 'demo']).default('demo'),
  clientId: z.string().trim().default(''),
  trustedCertificateFingerprint: fingerprint.nullable().default(null),
});

const fieldsSchema = z.object({
  /** UF_* names of the Service Desk fields; null until mapped. */
  type: z.string().nullable().default(null),
  blocker: z.string().nullable().default(null),
  estimate: z.string().nullable().default(null),
});

const thresholdSchema = z
  .object({ warnMinutes: minutes, alertMinutes: minutes })
  .refine((t) => t.warnMinutes <= t.alertMinutes, { error: 'warnMinutes must not exceed alertMinutes', path: ['warnMinutes'] });
export type Threshold = z.infer<typeof thresholdSchema>;

const roleThresholds = (defaults: Record<StageRole, Threshold | null>) =>
  z.object(Object.fromEntries(STAGE_ROLES.map((role) => [role, thresholdSchema.nullable().default(defaults[role])])) as Record<
    StageRole,
    z.ZodDefault<z.ZodNullable<typeof thresholdSchema>>
  >);

const H = 60;
const D = 24 * H;
const luThresholds = roleThresholds({
  new: { warnMinutes: 1 * H, alertMinutes: 4 * H },
  classification: { warnMinutes: 4 * H, alertMinutes: 1 * D },
  queue: { warnMinutes: 1 * D, alertMinutes: 3 * D },
  work: { warnMinutes: 4 * H, alertMinutes: 1 * D },
  done: null,
});
const wiaThresholds = roleThresholds({
  new: { warnMinutes: 1 * D, alertMinutes: 3 * D },
  classification: { warnMinutes: 1 * D, alertMinutes: 3 * D },
  queue: { warnMinutes: 2 * D, alertMinutes: 5 * D },
  work: { warnMinutes: 2 * D, alertMinutes: 5 * D },
  done: null,
});

const slaTarget = (reaction: number | null, resolution: number | null, clock: 'working' | 'round-the-clock' = 'working') =>
  z.object({
    /** Minutes of counted time; null = no target. */
    reactionMinutes: minutes.nullable().default(reaction),
    resolutionMinutes: minutes.nullable().default(resolution),
    clock: z.enum(['working', 'round-the-clock']).default(clock),
  });

const calendarSchema = z.object({
  /** The portal's time zone as a UTC offset (Moscow: 180). */
  utcOffsetMinutes: z.number().int().min(-12 * 60).max(14 * 60).default(180),
  /** ISO weekdays: 1 Monday … 7 Sunday. */
  workDays: z.array(z.number().int().min(1).max(7)).default([1, 2, 3, 4, 5]),
  workHours: z
    .object({ start: hhmm.default('09:00'), end: hhmm.default('18:00') })
    .refine((w) => w.start < w.end, { error: 'start must be before end', path: ['start'] })
    .prefault({}),
  holidays: z.array(dayKey).default([...RUSSIAN_HOLIDAYS_2025_2027]),
  /** Weekend days made working by a decree. */
  workingWeekends: z.array(dayKey).default([...RUSSIAN_WORKING_WEEKENDS_2025_2027]),
});
export type WorkCalendar = z.infer<typeof calendarSchema>;

const notificationsSchema = z.object({
  enabled: z.boolean().default(true),
  alerts: z
    .object({
      newTask: z.boolean().default(true),
      forgotten: z.boolean().default(true),
      luAlert: z.boolean().default(true),
      wiaAlert: z.boolean().default(false),
      slaRisk: z.boolean().default(true),
      slaBreached: z.boolean().default(true),
    })
    .prefault({}),
  quietHours: z
    .object({ enabled: z.boolean().default(false), from: hhmm.default('20:00'), to: hhmm.default('08:00') })
    .prefault({}),
  scope: z.enum(['own', 'groups', 'all']).default('own'),
  sound: z.boolean().default(true),
});

export const settingsSchema = z.object({
  version: z.literal(SETTINGS_VERSION).default(SETTINGS_VERSION),
  connection: connectionSchema.prefault({}),
  groupIds: z.array(id).default([]),
  /** Effective role per stage ID (see guessStageRoles). */
  stageRoles: z.record(id, stageRoleSchema).default({}),
  /** Roles a person chose by hand; they survive re-guessing while the stage exists. */
  stageRoleOverrides: z.record(id, stageRoleSchema).default({}),
  fields: fieldsSchema.prefault({}),
  excludedUserIds: z.array(id).default([]),
  plans: z
    .object({
      defaultEmployeeHoursPerDay: hours.default(8),
      employeeHoursPerDay: z.record(id, hours).default({}),
      companyHoursPerMonth: z.record(id, hours).default({}),
    })
    .prefault({}),
  thresholds: z
    .object({ lu: luThresholds.prefault({}), wia: wiaThresholds.prefault({}), stopperMinutes: minutes.default(1 * D) })
    .prefault({}),
  sla: z
    .object({
      riskRatio: z.number().gt(0).max(1).default(0.8),
      incident: slaTarget(30, 8 * H).prefault({}),
      service: slaTarget(4 * H, 3 * 9 * H).prefault({}),
      change: slaTarget(9 * H, 10 * 9 * H).prefault({}),
    })
    .prefault({}),
  calendar: calendarSchema.prefault({}),
  notifications: notificationsSchema.prefault({}),
  /** Reply templates for comments (team policy, see reply-templates.ts). */
  replyTemplates: replyTemplatesSchema,
  /** WIP limits per stage role and per group (issue 13). */
  wip: wipSettingsSchema.prefault({}),
  ui: z
    .object({
      language: z.enum(['ru', 'en', 'system']).default('system'),
      theme: z.enum(['light', 'dark', 'system']).default('system'),
      wallboardRotationSeconds: z.number().int().min(5).max(600).default(30),
      closeToTray: z.boolean().default(true),
      /** Card order chosen per board (group ID or "all"); a board not listed shows its own order. */
      cardOrder: z
        .record(boardKey, z.enum(CARD_ORDERS))
        .default({})
        // Before 2026-12 the combined board kept its order under "0" (no group has that ID).
        .transform(({ 0: legacy, ...rest }) => (legacy !== undefined && rest.all === undefined ? { ...rest, all: legacy } : rest)),
      /** The list view's shown columns (issue 13); missing or empty means all. */
      listColumns: listColumnsSchema,
    })
    .prefault({}),
});

export type Settings = z.infer<typeof settingsSchema>;
export type SettingsInput = z.input<typeof settingsSchema>;

export function defaultSettings(): Settings {
  return settingsSchema.parse({});
}
