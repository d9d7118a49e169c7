/** Drop containers of the board: one per column, or one per column in each swimlane. */
import type { BoardModel } from './board-model';
import type { Containers } from './drop-intent';
import { buildLanes, type SwimlaneMode } from './swimlanes';

export interface LaneLayout {
  key: string;
  title: string | null;
  /** Container id per stage id. */
  containerOf: Map<string, string>;
  count: number;
}

export interface BoardLayoutModel {
  containers: Containers;
  stageOf: Map<string, string>;
  /** Null without swimlanes. */
  lanes: LaneLayout[] | null;
}

export const containerId = (stageId: string, laneKey?: string) => (laneKey === undefined ? `col:${stageId}` : `col:${stageId}:${laneKey}`);

export function layoutContainers(model: BoardModel, mode: SwimlaneMode): BoardLayoutModel {
  const containers: Containers = {};
  const stageOf = new Map<string, string>();
  if (mode === 'none') {
    for (const column of model.columns) {
      const id = containerId(column.stage.id);
      containers[id] = column.cards.map((card) => card.id);
      stageOf.set(id, column.stage.id);
    }
    return { containers, stageOf, lanes: null };
  }
  const lanes = buildLanes(model.visible, mode).map((lane) => {
    const containerOf = new Map<string, string>();
    for (const column of model.columns) {
      const id = containerId(column.stage.id, lane.key);
      containers[id] = lane.cards.filter((card) => card.stageId === column.stage.id).map((card) => card.id);
      stageOf.set(id, column.stage.id);
      containerOf.set(column.stage.id, id);
    }
    return { key: lane.key, title: lane.title, containerOf, count: lane.cards.length };
  });
  return { containers, stageOf, lanes };
}

/** Column widths in px (as .column in board.css): one set for the lanes' header row and every lane. */
export const COLUMN_WIDTH = 292;
export const FOLDED_COLUMN_WIDTH = 44;

/** The grid tracks shared by the header row and each lane, so column N lines up in all of them. */
export function laneTracks(folded: readonly boolean[]): string {
  return folded.map((isFolded) => `${isFolded ? FOLDED_COLUMN_WIDTH : COLUMN_WIDTH}px`).join(' ');
}
