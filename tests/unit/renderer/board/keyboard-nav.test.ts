import { describe, expect, it } from 'vitest';
import { navTarget, tabStop, type NavColumn, type NavGrid } from '../../../../src/renderer/board/keyboard-nav';

const col = (id: string, cards: string[], firstVisible = 0, header = true): NavColumn => ({ id, cards, firstVisible, header });
const board: NavGrid = [[col('a', ['a1', 'a2', 'a3']), col('b', ['b1', 'b2']), col('empty', []), col('d', ['d1', 'd2', 'd3', 'd4'])]];

describe('board keyboard navigation', () => {
  it('moves up and down within a column and stops at its ends', () => {
    expect(navTarget(board, { column: 'a', index: 0 }, 'ArrowDown')).toEqual({ column: 'a', index: 1, id: 'a2' });
    expect(navTarget(board, { column: 'a', index: 2 }, 'ArrowUp')).toEqual({ column: 'a', index: 1, id: 'a2' });
    expect(navTarget(board, { column: 'a', index: 2 }, 'ArrowDown')).toBeNull();
  });

  it('goes from the first card up to the column header when it has one', () => {
    expect(navTarget(board, { column: 'b', index: 0 }, 'ArrowUp')).toEqual({ column: 'b', header: true });
    expect(navTarget([[col('a', ['a1'], 0, false)]], { column: 'a', index: 0 }, 'ArrowUp')).toBeNull();
  });

  it('Home and End go to the first and last card', () => {
    expect(navTarget(board, { column: 'd', index: 2 }, 'Home')).toEqual({ column: 'd', index: 0, id: 'd1' });
    expect(navTarget(board, { column: 'd', index: 1 }, 'End')).toEqual({ column: 'd', index: 3, id: 'd4' });
  });

  it('left and right go to the card at the same position, clamped to a shorter column', () => {
    expect(navTarget(board, { column: 'a', index: 1 }, 'ArrowRight')).toEqual({ column: 'b', index: 1, id: 'b2' });
    expect(navTarget(board, { column: 'a', index: 2 }, 'ArrowRight')).toEqual({ column: 'b', index: 1, id: 'b2' });
    expect(navTarget(board, { column: 'b', index: 0 }, 'ArrowLeft')).toEqual({ column: 'a', index: 0, id: 'a1' });
    expect(navTarget(board, { column: 'a', index: 0 }, 'ArrowLeft')).toBeNull();
  });

  it('skips empty (and folded) columns and stays when nothing lies beyond', () => {
    expect(navTarget(board, { column: 'b', index: 1 }, 'ArrowRight')).toEqual({ column: 'd', index: 1, id: 'd2' });
    expect(navTarget(board, { column: 'd', index: 0 }, 'ArrowLeft')).toEqual({ column: 'b', index: 0, id: 'b1' });
    expect(navTarget(board, { column: 'd', index: 0 }, 'ArrowRight')).toBeNull();
  });

  it('"by position" follows what is on screen when columns are scrolled differently', () => {
    const ids = (prefix: string) => Array.from({ length: 100 }, (_, i) => `${prefix}${i}`);
    const scrolled: NavGrid = [[col('a', ids('a'), 40), col('b', ids('b'), 10)]];
    // Card 42 of a is the third row on screen; the third row of b is card 12.
    expect(navTarget(scrolled, { column: 'a', index: 42 }, 'ArrowRight')).toEqual({ column: 'b', index: 12, id: 'b12' });
    expect(navTarget(scrolled, { column: 'b', index: 12 }, 'ArrowLeft')).toEqual({ column: 'a', index: 42, id: 'a42' });
  });

  it('in swimlanes, left and right stay in the lane; up and down continue into the lanes above and below', () => {
    const lanes: NavGrid = [
      [col('x:1', ['x1'], 0, false), col('y:1', ['y1', 'y2'], 0, false)],
      [col('x:2', [], 0, false), col('y:2', [], 0, false)],
      [col('x:3', ['x3a', 'x3b'], 0, false), col('y:3', ['y3'], 0, false)],
    ];
    expect(navTarget(lanes, { column: 'y:1', index: 1 }, 'ArrowDown')).toEqual({ column: 'y:3', index: 0, id: 'y3' });
    expect(navTarget(lanes, { column: 'x:3', index: 0 }, 'ArrowUp')).toEqual({ column: 'x:1', index: 0, id: 'x1' });
    expect(navTarget(lanes, { column: 'y:3', index: 0 }, 'ArrowUp')).toEqual({ column: 'y:1', index: 1, id: 'y2' });
    expect(navTarget(lanes, { column: 'x:3', index: 1 }, 'ArrowRight')).toEqual({ column: 'y:3', index: 0, id: 'y3' });
    expect(navTarget(lanes, { column: 'x:1', index: 0 }, 'ArrowUp')).toBeNull();
    expect(navTarget(lanes, { column: 'x:3', index: 1 }, 'ArrowDown')).toBeNull();
  });

  it('an unknown column goes nowhere', () => {
    expect(navTarget(board, { column: 'gone', index: 0 }, 'ArrowDown')).toBeNull();
  });
});

describe('a column’s one Tab stop', () => {
  it('is the first card until a card has had focus', () => {
    expect(tabStop(['a', 'b'], undefined)).toEqual({ id: 'a', index: 0 });
    expect(tabStop([], undefined)).toBeNull();
  });

  it('follows the remembered card wherever it moved in the column', () => {
    expect(tabStop(['new', 'a', 'b', 'c'], { id: 'b', index: 1 })).toEqual({ id: 'b', index: 2 });
  });

  it('falls to its neighbour when the remembered card has left the column', () => {
    expect(tabStop(['a', 'c', 'd'], { id: 'b', index: 1 })).toEqual({ id: 'c', index: 1 });
    expect(tabStop(['a'], { id: 'z', index: 5 })).toEqual({ id: 'a', index: 0 });
    expect(tabStop([], { id: 'z', index: 0 })).toBeNull();
  });
});
