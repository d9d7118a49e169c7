/**
 * Board snapshots per group, and the optimistic move: a drop changes the board at once, queues
 * one intent, and the host's board-changed confirms it (or the portal refuses and it goes back).
 */
import type { BoardSnapshot, PultApi } from '../../shared/api';
import type { CardMove } from '../board/drop-intent';
import type { SliceCreator } from './app-state';
import { setPortalOffset } from './clock-store';

export interface BoardSlice {
  activeGroupId: string | null;
  boards: Record<string, BoardSnapshot>;
  boardError: string | null;
  /** Hand-placed order of cards (see board/ordering.ts). */
  ranks: Record<string, number>;
  /** Moves sent to the host and not answered yet: a refresh read before them is stale. */
  movesInFlight: number;
  selectGroup(groupId: string): Promise<void>;
  loadBoard(groupId: string): Promise<void>;
  refreshBoards(): Promise<void>;
  moveCard(groupId: string, move: CardMove): Promise<void>;
}

/** The snapshot with one card moved to another stage (what the board shows before the host confirms). */
export function withCardMoved(snapshot: BoardSnapshot, taskId: string, stageId: string): BoardSnapshot {
  return {
    ...snapshot,
    cards: snapshot.cards.map((card) => (card.id === taskId ? { ...card, stageId, pendingEdits: card.pendingEdits + 1 } : card)),
  };
}

export const createBoardSlice =
  (api: PultApi): SliceCreator<BoardSlice> =>
  (set, get) => {
    let generation = 0;

    return {
      activeGroupId: null,
      boards: {},
      boardError: null,
      ranks: {},
      movesInFlight: 0,

      async selectGroup(groupId) {
        set({ activeGroupId: groupId });
        const cached = get().boards[groupId];
        if (cached) setPortalOffset(cached.portalOffsetMs);
        await get().loadBoard(groupId);
      },

      async loadBoard(groupId) {
        const startedAt = generation;
        try {
          const snapshot = await api.getBoard(groupId);
          // A move made while this was read would flicker back: the refresh after it wins.
          if (startedAt !== generation || get().movesInFlight > 0) return;
          set((state) => ({ boards: { ...state.boards, [groupId]: snapshot }, boardError: null }));
          if (get().activeGroupId === groupId) setPortalOffset(snapshot.portalOffsetMs);
        } catch (error) {
          set({ boardError: error instanceof Error ? error.message : String(error) });
        }
      },

      async refreshBoards() {
        const groupId = get().activeGroupId;
        if (groupId) await get().loadBoard(groupId);
      },

      async moveCard(groupId, move) {
        const snapshot = get().boards[groupId];
        if (!snapshot) return;
        generation++;
        set((state) => ({
          boards: { ...state.boards, [groupId]: withCardMoved(snapshot, move.intent.taskId, move.intent.stageId) },
          ranks: { ...state.ranks, [move.intent.taskId]: move.rank },
          movesInFlight: state.movesInFlight + 1,
        }));
        try {
          await api.enqueue(move.intent);
        } catch (error) {
          // Not even queued (invalid, storage): put the card back and say why.
          set((state) => ({ boards: { ...state.boards, [groupId]: snapshot } }));
          get().pushToast({ tone: 'error', key: 'notice.enqueueFailed', values: { message: error instanceof Error ? error.message : String(error) }, taskId: move.intent.taskId });
        } finally {
          set((state) => ({ movesInFlight: state.movesInFlight - 1 }));
        }
        await get().loadBoard(groupId);
      },
    };
  };
