import { describe, expect, it } from 'vitest';
import { BoardPages, FIRST_PAGE_BYTES, PAGE_BYTES } from '../../../src/node/host/board-pages';
import type { BoardSnapshot } from '../../../src/shared/api';
import { card, stages } from '../renderer/board/fixtures';

/** A board whose cards are about 2 KB each, listed last column first. */
function board(count: number): BoardSnapshot {
  const order = ['12', '11', '10'];
  const cards = Array.from({ length: count }, (_, i) => card(String(i + 1), { stageId: order[i % 3]!, description: 'д'.repeat(2_000) }));
  const history = Object.fromEntries(cards.map((c) => [c.id, [{ id: `h${c.id}`, taskId: c.id, at: 0, field: 'STAGE_ID', from: '10', to: c.stageId, userId: '2' }]]));
  return { groupId: '1', stages, cards, history, portalOffsetMs: 5, portalUtcOffsetMinutes: 180 };
}

function readAll(pages: BoardPages, snapshot: BoardSnapshot) {
  let builds = 0;
  const build = () => (builds++, snapshot);
  const read = [pages.page({ groupId: '1', offset: 0 }, build)];
  while (read.at(-1)!.nextOffset !== null) read.push(pages.page({ groupId: '1', offset: read.at(-1)!.nextOffset!, snapshotId: read[0]!.snapshotId }, build));
  return { read, builds };
}

describe('a board read in pages', () => {
  it('comes first columns first, in pages within their budget that fit together exactly, built once', () => {
    const snapshot = board(1_500);
    const { read, builds } = readAll(new BoardPages(() => 0), snapshot);
    expect(builds).toBe(1);
    expect(read.length).toBeGreaterThan(3);
    // Whole frames as the wire carries them, in UTF-8 bytes (the descriptions are Cyrillic).
    const frameBytes = (page: unknown) => Buffer.byteLength(`{"id":12,"result":{"ok":true,"value":${JSON.stringify(page)}}}`);
    expect(frameBytes(read[0])).toBeLessThanOrEqual(FIRST_PAGE_BYTES);
    for (const page of read.slice(1)) expect(frameBytes(page)).toBeLessThanOrEqual(PAGE_BYTES);
    expect(frameBytes(read[1])).toBeGreaterThan(PAGE_BYTES * 0.9);
    const ids = read.flatMap((page) => page.cards.map((c) => c.id));
    expect(new Set(ids).size).toBe(1_500);
    expect(ids.sort()).toEqual(snapshot.cards.map((c) => c.id).sort());
    // The first page holds the first column (stage 10) and nothing of a later one before it.
    const columns = read.flatMap((page) => page.cards.map((c) => c.stageId));
    expect(columns.indexOf('11')).toBe(columns.lastIndexOf('10') + 1);
    expect(read[0]!.cards.every((c) => c.stageId === '10')).toBe(true);
    expect(read.every((page) => page.cards.every((c) => page.history[c.id]?.[0]?.taskId === c.id))).toBe(true);
    expect(read.map((page) => page.total)).toEqual(read.map(() => 1_500));
    expect(read[0]).toMatchObject({ stages, portalOffsetMs: 5, portalUtcOffsetMinutes: 180, offset: 0 });
  });

  it('starts a new read when the ID is unknown or expired, and drops a finished read', () => {
    let now = 0;
    const pages = new BoardPages(() => now);
    const first = pages.page({ groupId: '1', offset: 0 }, () => board(600));
    now += 5 * 60_000;
    const again = pages.page({ groupId: '1', offset: first.nextOffset!, snapshotId: first.snapshotId }, () => board(600));
    expect(again.snapshotId).not.toBe(first.snapshotId);
    expect(again.offset).toBe(0);
    const small = pages.page({ groupId: '1', offset: 0 }, () => board(3));
    expect(small.nextOffset).toBeNull();
    expect(pages.page({ groupId: '1', offset: 3, snapshotId: small.snapshotId }, () => board(3)).offset).toBe(0);
  });

  it('moves on even when one card is bigger than a page', () => {
    const huge = board(2);
    huge.cards[0] = { ...huge.cards[0]!, stageId: '10', description: 'x'.repeat(PAGE_BYTES * 2) };
    const { read } = readAll(new BoardPages(() => 0), huge);
    expect(read.flatMap((page) => page.cards.map((c) => c.id)).sort()).toEqual(['1', '2']);
  });

  it('takes a board built ahead for its first page, and builds anew once anything changed', () => {
    const pages = new BoardPages(() => 0);
    let builds = 0;
    const build = () => (builds++, board(10));
    pages.prepare('1', build);
    expect(builds).toBe(1);
    pages.page({ groupId: '1', offset: 0 }, build);
    expect(builds).toBe(1);
    // Used once: the next read builds again.
    pages.page({ groupId: '1', offset: 0 }, build);
    expect(builds).toBe(2);
    pages.prepare('1', build);
    pages.changed();
    pages.page({ groupId: '1', offset: 0 }, build);
    expect(builds).toBe(4);
  });
});
