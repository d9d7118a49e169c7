/**
 * A board read in pages, so the first columns paint before the last are read and no single frame
 * is megabytes. The first page builds the snapshot once and keeps it under an ID; the later pages
 * cut it, so the pages of one read fit together exactly (changes after it arrive as deltas).
 */
import type { BoardCard, BoardPage, BoardSnapshot } from '../../shared/api';

/** The first page is small, to paint at once; later pages are bigger, to be few. */
export const FIRST_PAGE_BYTES = 256 * 1024;
export const PAGE_BYTES = 1024 * 1024;
/** A read not continued for this long is dropped (the window went away, or was reloaded). */
const READ_TTL_MS = 120_000;
const MAX_READS = 6;
/** The page's other fields and the wire envelope around it. */
const ENVELOPE_BYTES = 1024;

interface Read {
  snapshot: BoardSnapshot;
  /** Cards in column order (the board's first stage first). */
  cards: BoardCard[];
  usedAt: number;
}

/** UTF-8 bytes a card takes on the wire: the card, its comma, and its history entry with its key. */
function wireBytes(card: BoardCard, snapshot: BoardSnapshot): number {
  const history = snapshot.history[card.id];
  return Buffer.byteLength(JSON.stringify(card)) + 1 + (history ? Buffer.byteLength(JSON.stringify({ [card.id]: history })) : 0);
}

function columnOrder(snapshot: BoardSnapshot): BoardCard[] {
  const stageIndex = new Map([...snapshot.stages].sort((a, b) => a.sort - b.sort).map((stage, index) => [stage.id, index]));
  // Stage "0" (none yet) and a stage the group no longer has show in the first column.
  const column = (card: BoardCard) => stageIndex.get(card.stageId) ?? 0;
  return snapshot.cards.map((card, index) => ({ card, index })).sort((a, b) => column(a.card) - column(b.card) || a.index - b.index).map(({ card }) => card);
}

export class BoardPages {
  private readonly reads = new Map<string, Read>();
  /** Boards built ahead of their first page (at start), by group, until anything changes. */
  private readonly prepared = new Map<string, Read>();
  private nextId = 1;

  constructor(private readonly now: () => number) {}

  /** Builds a group's board before a window asks for it (the host is idle while a window loads). */
  prepare(groupId: string, build: () => BoardSnapshot): void {
    this.prepared.set(groupId, this.start(build()));
  }

  /** The data changed: a board built ahead no longer holds (reads under way do: deltas follow them). */
  changed(): void {
    this.prepared.clear();
  }

  /**
   * One page of a board: a new read when `snapshotId` is absent or no longer kept (its first page
   * then comes back under a new ID, and the reader starts over).
   */
  page(request: { groupId: string; snapshotId?: string; offset: number }, build: () => BoardSnapshot): BoardPage {
    this.expire();
    let snapshotId = request.snapshotId;
    let read = snapshotId ? this.reads.get(snapshotId) : undefined;
    let offset = request.offset;
    if (!read || read.snapshot.groupId !== request.groupId) {
      const ready = this.prepared.get(request.groupId);
      this.prepared.delete(request.groupId);
      read = ready && this.now() - ready.usedAt <= READ_TTL_MS ? ready : this.start(build());
      snapshotId = `${request.groupId}-${this.nextId++}`;
      this.reads.set(snapshotId, read);
      offset = 0;
    }
    read.usedAt = this.now();
    // The budget is for the whole frame: the stages and the envelope come out of it first.
    const budget = (offset === 0 ? FIRST_PAGE_BYTES : PAGE_BYTES) - Buffer.byteLength(JSON.stringify(read.snapshot.stages)) - ENVELOPE_BYTES;
    const cards: BoardCard[] = [];
    const history: BoardSnapshot['history'] = {};
    let bytes = 0;
    let next = offset;
    // At least one card a page, however big, so a read always moves on. Only this page's cards
    // are measured: building a board ahead stays cheap, and the first page comes at once.
    while (next < read.cards.length) {
      const card = read.cards[next]!;
      const size = wireBytes(card, read.snapshot);
      if (cards.length > 0 && bytes + size > budget) break;
      cards.push(card);
      const entries = read.snapshot.history[card.id];
      if (entries) history[card.id] = entries;
      bytes += size;
      next++;
    }
    const done = next >= read.cards.length;
    if (done) this.reads.delete(snapshotId!);
    const { snapshot } = read;
    return {
      snapshotId: snapshotId!,
      groupId: snapshot.groupId,
      stages: snapshot.stages,
      cards,
      history,
      portalOffsetMs: snapshot.portalOffsetMs,
      portalUtcOffsetMinutes: snapshot.portalUtcOffsetMinutes,
      offset,
      total: read.cards.length,
      nextOffset: done ? null : next,
    };
  }

  private start(snapshot: BoardSnapshot): Read {
    return { snapshot, cards: columnOrder(snapshot), usedAt: this.now() };
  }

  private expire(): void {
    const now = this.now();
    for (const [id, read] of this.reads) if (now - read.usedAt > READ_TTL_MS) this.reads.delete(id);
    while (this.reads.size >= MAX_READS) this.reads.delete(this.reads.keys().next().value!);
  }
}
