/**
 * Work-in-progress limits (as Kanboard, Businessmap and Kaiten have them): a team-wide limit per
 * stage role and, more specific, a limit per group and role. `warn` lets a drop over a limit
 * through with a warning; `strict` refuses it. Its own sub-schema so settings.ts only imports it.
 */
import { z } from 'zod';
import { STAGE_ROLES, type StageRole } from './kinds-and-roles';

export const WIP_MODES = ['warn', 'strict'] as const;
export type WipMode = (typeof WIP_MODES)[number];

const limit = z.number().int().min(1).max(10_000).nullable();
const groupId = z.string().regex(/^\d+$/, { error: 'must be a numeric portal ID' });

const roleLimits = z.object(
  Object.fromEntries(STAGE_ROLES.map((role) => [role, limit.default(null)])) as Record<StageRole, z.ZodDefault<typeof limit>>,
);
/** A group lists only the roles it limits; an absent or null role falls back to the team-wide one. */
const groupLimits = z.partialRecord(z.enum(STAGE_ROLES), limit);

export const wipSettingsSchema = z.object({
  mode: z.enum(WIP_MODES).default('warn'),
  /** Team-wide: cards of the role on the combined board, and the fallback for each group's column. */
  roles: roleLimits.prefault({}),
  /** Per group ID: a limit for the group's columns of that role. */
  groups: z.record(groupId, groupLimits).default({}),
});

export type WipSettings = z.infer<typeof wipSettingsSchema>;
