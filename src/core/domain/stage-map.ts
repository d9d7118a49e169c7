/**
 * Resolves a task's stage and its role. Stage "0" (no stage yet) is the group's first column, as
 * the portal shows it; an unknown stage ID (deleted since) resolves to nothing.
 */
import type { Stage } from './model';
import type { StageRole } from './settings';
import { guessStageRole, stagesByGroup } from './stage-roles';

export interface StageMap {
  stageById: ReadonlyMap<string, Stage>;
  stagesOfGroup: ReadonlyMap<string, readonly Stage[]>;
  roles: Readonly<Record<string, StageRole>>;
}

export function createStageMap(stages: readonly Stage[], roles: Readonly<Record<string, StageRole>>): StageMap {
  return { stageById: new Map(stages.map((stage) => [stage.id, stage])), stagesOfGroup: stagesByGroup(stages), roles };
}

/** The stage a task in `groupId` with `stageId` is shown in; null when unknown. */
export function resolveStage(map: StageMap, groupId: string, stageId: string | null): Stage | null {
  if (!stageId || stageId === '0') return map.stagesOfGroup.get(groupId)?.[0] ?? null;
  return map.stageById.get(stageId) ?? null;
}

/** The role of a (possibly "0") stage; unmapped stages fall back to the title guess. */
export function roleOfStage(map: StageMap, groupId: string, stageId: string | null): StageRole | null {
  const stage = resolveStage(map, groupId, stageId);
  if (!stage) return null;
  return map.roles[stage.id] ?? guessStageRole(stage) ?? null;
}
