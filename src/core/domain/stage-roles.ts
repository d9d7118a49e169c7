/**
 * Stage roles: which of the Service Desk's five steps each kanban stage plays. Guessed from the
 * portal's SYSTEM_TYPE and the stage title (Russian and English), editable by a person.
 */
import type { Stage } from './model';
import type { StageRole } from './settings';

/** Title patterns, most specific first ("Запустить в работу" is a queue, not work). */
const TITLE_RULES: ReadonlyArray<[RegExp, StageRole]> = [
  [/заверш|закрыт|готов|выполнен|\bdone\b|closed|complete|finished|resolved/i, 'done'],
  [/запустить в работу|очеред|к выполнению|queue|\bto ?do\b|ready|backlog|планир/i, 'queue'],
  [/в работе|выполня|in progress|doing|\bwork/i, 'work'],
  [/сбор информации|классифик|анализ|оценк|уточнен|triage|classif|analys|information/i, 'classification'],
  [/нов|входящ|\bnew\b|inbox|incoming/i, 'new'],
];

/** The role a stage's own data suggests, or null when nothing matches. */
export function guessStageRole(stage: Pick<Stage, 'title' | 'systemType'>): StageRole | null {
  const systemType = stage.systemType.toUpperCase();
  if (systemType === 'NEW') return 'new';
  if (systemType === 'FINISH') return 'done';
  for (const [pattern, role] of TITLE_RULES) if (pattern.test(stage.title)) return role;
  return null;
}

/**
 * Roles for every stage: a person's override wins while its stage still exists; otherwise the
 * guess; a stage nothing matches takes its left neighbour's role (a "Тестирование" after "В работе"
 * is still work), and the first stage of a group is `new`.
 */
export function guessStageRoles(
  stages: readonly Stage[],
  overrides: Readonly<Record<string, StageRole>> = {},
): Record<string, StageRole> {
  const roles: Record<string, StageRole> = {};
  for (const groupStages of stagesByGroup(stages).values()) {
    let previous: StageRole = 'new';
    for (const stage of groupStages) {
      const role: StageRole = overrides[stage.id] ?? guessStageRole(stage) ?? previous;
      roles[stage.id] = role;
      previous = role;
    }
  }
  return roles;
}

/** Overrides whose stage no longer exists are dropped. */
export function pruneStageRoleOverrides(
  stages: readonly Stage[],
  overrides: Readonly<Record<string, StageRole>>,
): Record<string, StageRole> {
  const existing = new Set(stages.map((stage) => stage.id));
  return Object.fromEntries(Object.entries(overrides).filter(([stageId]) => existing.has(stageId)));
}

/** Stages grouped by workgroup, each list in board order (sort, then ID). */
export function stagesByGroup(stages: readonly Stage[]): Map<string, Stage[]> {
  const groups = new Map<string, Stage[]>();
  for (const stage of stages) {
    const list = groups.get(stage.groupId) ?? [];
    list.push(stage);
    groups.set(stage.groupId, list);
  }
  for (const list of groups.values()) list.sort((a, b) => a.sort - b.sort || compareIds(a.id, b.id));
  return groups;
}

/** Portal IDs compare as numbers when both are numeric. */
export function compareIds(a: string, b: string): number {
  const byNumber = Number(a) - Number(b);
  return Number.isFinite(byNumber) && byNumber !== 0 ? byNumber : a < b ? -1 : a > b ? 1 : 0;
}
