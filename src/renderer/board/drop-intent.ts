/**
 * From the drag's final layout to the one `moveCard` intent it creates. Drag state stays local
 * while hovering; only the drop produces an intent, and only when something changed.
 */
import type { PultApi } from '../../shared/api';

type IntentPayload = Parameters<PultApi['enqueue']>[0];
import { rankBetween } from './ordering';

/** Ordered card ids per drop container (a column, or a column inside a swimlane). */
export type Containers = Record<string, string[]>;

export interface DropInput {
  containers: Containers;
  /** The stage each container belongs to. */
  stageOf: (containerId: string) => string | undefined;
  taskId: string;
  /** Where the card was when the drag started, and at which index. */
  fromContainer: string;
  fromIndex: number;
  /** Sort keys of the cards (see ordering.ts). */
  keys: ReadonlyMap<string, number>;
}

export interface CardMove {
  intent: Extract<IntentPayload, { name: 'moveCard' }>;
  /** The new sort key of the moved card, for the optimistic board. */
  rank: number;
}

export function findContainer(containers: Containers, id: string): string | undefined {
  if (id in containers) return id;
  return Object.keys(containers).find((key) => containers[key]?.includes(id));
}

const isPortalId = (id: string | undefined): id is string => id !== undefined && /^\d+$/.test(id);

/** Null when the card ended where it started (a click, or a cancelled move). */
export function dropToMove(input: DropInput): CardMove | null {
  const container = findContainer(input.containers, input.taskId);
  if (!container) return null;
  const ids = input.containers[container] ?? [];
  const index = ids.indexOf(input.taskId);
  const stageId = input.stageOf(container);
  if (!stageId) return null;
  if (container === input.fromContainer && index === input.fromIndex) return null;
  const previous = ids[index - 1];
  const next = ids[index + 1];
  const rank = rankBetween(previous !== undefined ? input.keys.get(previous) : undefined, next !== undefined ? input.keys.get(next) : undefined);
  const intent: CardMove['intent'] = { name: 'moveCard', taskId: input.taskId, stageId };
  // The portal places a card before a neighbour, or after one when it is last; cards created
  // offline have no portal ID yet and cannot be a reference.
  if (isPortalId(next)) intent.beforeId = next;
  else if (isPortalId(previous)) intent.afterId = previous;
  return { intent, rank };
}

/** Moves `id` into `to` at `index` (MultipleContainers' onDragOver step); returns new containers. */
export function moveBetween(containers: Containers, id: string, to: string, index: number): Containers {
  const from = findContainer(containers, id);
  if (!from || !(to in containers)) return containers;
  const source = (containers[from] ?? []).filter((item) => item !== id);
  const target = from === to ? source : [...(containers[to] ?? [])];
  const at = Math.max(0, Math.min(index, target.length));
  target.splice(at, 0, id);
  return { ...containers, [from]: source, [to]: target };
}

/**
 * The containers after the dragged card goes where `overId` points (a card or a column). Used on
 * every hover and once more at the drop, so a fast keyboard drop (Space right after an arrow,
 * before React rendered the hover) still lands where the user pointed.
 */
export function applyOver(containers: Containers, activeId: string, overId: string): Containers {
  const to = findContainer(containers, overId);
  const from = findContainer(containers, activeId);
  if (!to || !from) return containers;
  const target = containers[to] ?? [];
  const index = overId === to ? target.length : target.indexOf(overId);
  if (from === to && target.indexOf(activeId) === index) return containers;
  return moveBetween(containers, activeId, to, index);
}
