/**
 * Reads a board page by page (`getBoardPage`), the first columns first, and hands each state
 * read so far to the caller, so a window paints before the whole board has arrived.
 */
import type { BoardCard, BoardPage, BoardSnapshot, PultApi } from '../../shared/api';

function pageSnapshot(page: BoardPage): BoardSnapshot {
  return { groupId: page.groupId, stages: page.stages, cards: page.cards, history: page.history, portalOffsetMs: page.portalOffsetMs, portalUtcOffsetMinutes: page.portalUtcOffsetMinutes };
}

/**
 * `onPage` gets the board read so far after each page, and how many of its cards that is;
 * returning false stops the read (a reset came meanwhile). Resolves to the whole board, or null
 * when stopped.
 */
export async function readBoardInPages(
  api: Pick<PultApi, 'getBoardPage'>,
  groupId: string,
  onPage: (read: BoardSnapshot, progress: { read: number; total: number; done: boolean }) => boolean = () => true,
): Promise<BoardSnapshot | null> {
  let cards: BoardCard[] = [];
  let history: BoardSnapshot['history'] = {};
  let snapshotId: string | undefined;
  let offset = 0;
  for (;;) {
    const page = await api.getBoardPage({ groupId, offset, ...(snapshotId ? { snapshotId } : {}) });
    // A read the host no longer kept comes back from the start under a new ID.
    if (page.snapshotId !== snapshotId) {
      cards = [];
      history = {};
    }
    snapshotId = page.snapshotId;
    cards = [...cards, ...page.cards];
    history = { ...history, ...page.history };
    const read: BoardSnapshot = { ...pageSnapshot(page), cards, history };
    const done = page.nextOffset === null;
    if (!onPage(read, { read: cards.length, total: page.total, done })) return null;
    if (done) return read;
    offset = page.nextOffset!;
  }
}
