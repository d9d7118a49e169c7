/**
 * The combined board: the cards of every bound group in one set of columns, one per stage role.
 * A drop into a role column moves the task within its own group (a task never changes group by a
 * drag): to the group's first stage of that role by sort order, or nowhere when it has none.
 */
import type { Stage } from './model';
import { STAGE_ROLES, type StageRole } from './kinds-and-roles';
import { createStageMap, roleOfStage } from './stage-map';

/** The combined board's columns, in the Service Desk's order. */
export const COMBINED_ROLES: readonly StageRole[] = STAGE_ROLES;

/** The column a card shows in: its stage's role; a stage with no known role counts as new. */
export function combinedRoleOf(stages: readonly Stage[], roles: Readonly<Record<string, StageRole>>, groupId: string, stageId: string): StageRole {
  return roleOfStage(createStageMap(stages, roles), groupId, stageId) ?? 'new';
}

export type RoleDrop =
  | { ok: true; stageId: string; /** False when the task already stands in a stage of the role (a reorder). */ moved: boolean }
  | { ok: false; reason: 'no-stage' };

export interface RoleDropInput {
  /** Stages of the task's group (others are ignored). */
  stages: readonly Stage[];
  roles: Readonly<Record<string, StageRole>>;
  groupId: string;
  /** Where the task stands now ("0": no stage yet, the group's first). */
  stageId: string;
  role: StageRole;
}

/** The stage of the task's own group a drop into the `role` column means. */
export function stageForRoleDrop(input: RoleDropInput): RoleDrop {
  const map = createStageMap(input.stages, input.roles);
  if (roleOfStage(map, input.groupId, input.stageId) === input.role) {
    const current = input.stageId === '0' ? map.stagesOfGroup.get(input.groupId)?.[0]?.id : input.stageId;
    if (current) return { ok: true, stageId: current, moved: false };
  }
  // stagesOfGroup is in board order (sort, then ID): the first of the role is the one a person sees first.
  const target = (map.stagesOfGroup.get(input.groupId) ?? []).find((stage) => roleOfStage(map, input.groupId, stage.id) === input.role);
  return target ? { ok: true, stageId: target.id, moved: true } : { ok: false, reason: 'no-stage' };
}
