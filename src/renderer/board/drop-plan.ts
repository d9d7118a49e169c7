/**
 * What a drop on the board does once dnd-kit has placed the card: the stage it means (on the
 * combined board, the task's own group's stage of the column's role), and the WIP verdict. Pure:
 * the Board component only carries it out (move, warn, or put the card back with a message).
 */
import { stageForRoleDrop } from '../../core/domain/combined-board';
import { checkWipDrop, type WipBreach } from '../../core/domain/wip';
import type { StageRole } from '../../core/domain/settings';
import type { BoardModel } from './board-model';
import type { CardMove } from './drop-intent';
import { roleOfColumn } from './combined-model';

export type DropPlan =
  | { kind: 'move'; groupId: string; move: CardMove; warnings: WipBreach[] }
  | { kind: 'refused'; reason: 'no-stage'; groupId: string; role: StageRole }
  | { kind: 'refused'; reason: 'wip'; groupId: string; breaches: WipBreach[] };

export function planDrop(model: BoardModel, move: CardMove): DropPlan | null {
  const card = model.all.find((view) => view.id === move.intent.taskId);
  if (!card) return null;
  const groupId = card.task.groupId;
  const { settings } = model.ctx;
  let intent = move.intent;
  let role: StageRole | null;
  if (model.combined) {
    role = roleOfColumn(intent.stageId);
    if (!role) return null;
    const stages = model.ctx.stageMap.stagesOfGroup.get(groupId) ?? [];
    const target = stageForRoleDrop({ stages, roles: settings.stageRoles, groupId, stageId: card.task.stageId, role });
    if (!target.ok) return { kind: 'refused', reason: 'no-stage', groupId, role };
    intent = { ...intent, stageId: target.stageId };
    // The portal orders a card against a neighbour of its own group's stage only.
    const sameStage = (id: string | undefined) => id !== undefined && model.all.find((view) => view.id === id)?.task.stageId === target.stageId;
    if (!sameStage(intent.beforeId)) delete intent.beforeId;
    if (!sameStage(intent.afterId)) delete intent.afterId;
  } else {
    role = model.columns.find((column) => column.stage.id === intent.stageId)?.role ?? null;
  }
  const verdict = role ? checkWipDrop({ wip: settings.wip, cards: model.wipCards, from: { groupId, role: card.role }, to: { groupId, role }, combined: model.combined !== null }) : { action: 'move' as const };
  if (verdict.action === 'refuse') return { kind: 'refused', reason: 'wip', groupId, breaches: verdict.breaches };
  return { kind: 'move', groupId, move: { ...move, intent }, warnings: verdict.action === 'warn' ? verdict.breaches : [] };
}
