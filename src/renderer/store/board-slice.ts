/**
 * Board snapshots per group, kept current by the host's deltas, and the optimistic move: a drop
 * changes the board at once, queues one intent, and the host's delta confirms it (or the portal
 * refuses and it goes back).
 */
import type { BoardDelta, BoardSnapshot, PultApi } from '../../shared/api';
import { applyBoardDelta } from '../../core/domain/board-delta';
import type { CardMove } from '../board/drop-intent';
import type { SliceCreator } from './app-state';
import { setPortalOffset } from './clock-store';
import { readBoardInPages } from '../shared-ui/board-reader';
import { ALL_GROUPS } from '../board/combined-model';

export interface BoardSlice {
  /** A bound group's ID, or ALL_GROUPS for the combined board of every bound group. */
  activeGroupId: string | null;
  boards: Record<string, BoardSnapshot>;
  boardError: string | null;
  /** Hand-placed order of cards (see board/ordering.ts). */
  ranks: Record<string, number>;
  /** Moves sent to the host and not answered yet: a refresh read before them is stale. */
  movesInFlight: number;
  /** Boards being read, with how many of their cards have come (the first columns show meanwhile). */
  boardsLoading: Record<string, { read: number; total: number }>;
  selectGroup(groupId: string): Promise<void>;
  loadBoard(groupId: string): Promise<void>;
  /** Reads a board not held yet (the palette and the drawer need other groups' boards too). */
  ensureBoard(groupId: string): void;
  refreshBoards(): Promise<void>;
  /** Applies a host delta to the boards held; a reset reads the active board again. */
  applyDelta(delta: BoardDelta): void;
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
  (api: Pick<PultApi, 'getBoardPage' | 'enqueue'>): SliceCreator<BoardSlice> =>
  (set, get) => {
    // Deltas that arrive while a board is being read are applied to it once it arrives.
    let loadsInFlight = 0;
    let heldDeltas: BoardDelta[] = [];

    return {
      activeGroupId: null,
      boards: {},
      boardsLoading: {},
      boardError: null,
      ranks: {},
      movesInFlight: 0,

      async selectGroup(groupId) {
        set({ activeGroupId: groupId });
        if (groupId === ALL_GROUPS) {
          // The combined board is the bound groups' own boards side by side: read those not held.
          const bound = get().settings?.groupIds ?? [];
          const held = bound.map((id) => get().boards[id]).find((board) => board !== undefined);
          if (held) setPortalOffset(held.portalOffsetMs);
          await Promise.all(bound.filter((id) => !get().boards[id] && !get().boardsLoading[id]).map((id) => get().loadBoard(id)));
          return;
        }
        const cached = get().boards[groupId];
        if (cached) {
          // Kept current by deltas: no need to read it again.
          setPortalOffset(cached.portalOffsetMs);
          return;
        }
        await get().loadBoard(groupId);
      },

      async loadBoard(groupId) {
        loadsInFlight++;
        const heldFrom = heldDeltas.length;
        set((state) => ({ boardsLoading: { ...state.boardsLoading, [groupId]: { read: 0, total: 0 } } }));
        try {
          // Page by page, the first columns first: each page is painted as it comes, with the
          // deltas that arrived meanwhile applied over what has been read.
          await readBoardInPages(api, groupId, (read, progress) => {
            let shown: BoardSnapshot | null = read;
            for (const delta of heldDeltas.slice(heldFrom)) shown = shown && applyBoardDelta(shown, delta);
            if (!shown) return false; // a reset came while reading: the load it started wins
            const current = shown;
            set((state) => ({
              boards: { ...state.boards, [groupId]: current },
              boardError: null,
              ...(progress.done ? {} : { boardsLoading: { ...state.boardsLoading, [groupId]: { read: progress.read, total: progress.total } } }),
            }));
            const active = get().activeGroupId;
            if (active === groupId || active === ALL_GROUPS) setPortalOffset(current.portalOffsetMs);
            return true;
          });
        } catch (error) {
          set({ boardError: error instanceof Error ? error.message : String(error) });
        } finally {
          loadsInFlight--;
          if (loadsInFlight === 0) heldDeltas = [];
          set((state) => {
            const { [groupId]: _done, ...rest } = state.boardsLoading;
            return { boardsLoading: rest };
          });
        }
      },

      ensureBoard(groupId) {
        if (get().boards[groupId] || get().boardsLoading[groupId]) return;
        void get().loadBoard(groupId);
      },

      async refreshBoards() {
        const groupId = get().activeGroupId;
        if (groupId === ALL_GROUPS) await Promise.all((get().settings?.groupIds ?? []).map((id) => get().loadBoard(id)));
        else if (groupId) await get().loadBoard(groupId);
      },

      applyDelta(delta) {
        if (loadsInFlight > 0) heldDeltas.push(delta);
        if (delta.reset) {
          // Boards not on screen are read again when selected.
          const active = get().activeGroupId;
          const shown = active === ALL_GROUPS ? (get().settings?.groupIds ?? []) : active ? [active] : [];
          set((state) => ({ boards: Object.fromEntries(shown.filter((id) => state.boards[id]).map((id) => [id, state.boards[id]!])) }));
          void get().refreshBoards();
          return;
        }
        const boards = get().boards;
        let next = boards;
        for (const [groupId, snapshot] of Object.entries(boards)) {
          const applied = applyBoardDelta(snapshot, delta);
          if (applied && applied !== snapshot) next = { ...next, [groupId]: applied };
        }
        if (next !== boards) set({ boards: next });
      },

      async moveCard(groupId, move) {
        const snapshot = get().boards[groupId];
        if (!snapshot) return;
        const before = snapshot.cards.find((card) => card.id === move.intent.taskId);
        const moved = withCardMoved(snapshot, move.intent.taskId, move.intent.stageId);
        // A board read already under way must not bring the card back to where it was.
        const movedCard = moved.cards.find((card) => card.id === move.intent.taskId);
        if (loadsInFlight > 0 && movedCard) heldDeltas.push({ reset: false, groups: [{ groupId, cards: [movedCard], removed: [], history: {} }], taskIds: [], directory: false, queued: null });
        set((state) => ({
          boards: { ...state.boards, [groupId]: moved },
          ranks: { ...state.ranks, [move.intent.taskId]: move.rank },
          movesInFlight: state.movesInFlight + 1,
        }));
        try {
          // The host's delta for the queued edit confirms the move.
          await api.enqueue(move.intent);
        } catch (error) {
          // Not even queued (invalid, storage): put the card back and say why.
          const current = get().boards[groupId];
          if (current && before) {
            set((state) => ({ boards: { ...state.boards, [groupId]: { ...current, cards: current.cards.map((card) => (card.id === before.id ? before : card)) } } }));
          }
          get().pushToast({ tone: 'error', key: 'notice.enqueueFailed', values: { message: error instanceof Error ? error.message : String(error) }, taskId: move.intent.taskId });
        } finally {
          set((state) => ({ movesInFlight: state.movesInFlight - 1 }));
        }
      },
    };
  };
