import { describe, expect, it } from 'vitest';
import { dropToMove, findContainer, moveBetween } from '../../../../src/renderer/board/drop-intent';
import { orderByKeys, orderKeys, rankBetween } from '../../../../src/renderer/board/ordering';

const stageOf = (container: string) => ({ 'col:10': '10', 'col:11': '11', 'col:11:3': '11' })[container];
const keys = new Map([['1', 0], ['2', 1], ['3', 2], ['4', 3], ['5', 4]]);

describe('drop → moveCard intent', () => {
  it('creates one moveCard into the new stage, placed before its new next card', () => {
    const move = dropToMove({ containers: { 'col:10': ['1', '3'], 'col:11': ['4', '2', '5'] }, stageOf, taskId: '2', fromContainer: 'col:10', fromIndex: 1, keys });
    expect(move?.intent).toEqual({ name: 'moveCard', taskId: '2', stageId: '11', beforeId: '5' });
    expect(move?.rank).toBe(3.5);
  });

  it('places the card after the last one when dropped at the end of a column', () => {
    const move = dropToMove({ containers: { 'col:10': ['1'], 'col:11': ['4', '2'] }, stageOf, taskId: '2', fromContainer: 'col:10', fromIndex: 1, keys });
    expect(move?.intent).toEqual({ name: 'moveCard', taskId: '2', stageId: '11', afterId: '4' });
    expect(move?.rank).toBe(4);
  });

  it('moves within a column and into an empty column without references', () => {
    const within = dropToMove({ containers: { 'col:10': ['3', '1', '2'] }, stageOf, taskId: '3', fromContainer: 'col:10', fromIndex: 2, keys });
    expect(within?.intent).toEqual({ name: 'moveCard', taskId: '3', stageId: '10', beforeId: '1' });
    expect(within?.rank).toBe(-1);
    const empty = dropToMove({ containers: { 'col:10': [], 'col:11': ['3'] }, stageOf, taskId: '3', fromContainer: 'col:10', fromIndex: 0, keys });
    expect(empty?.intent).toEqual({ name: 'moveCard', taskId: '3', stageId: '11' });
  });

  it('maps a swimlane cell to its stage', () => {
    const move = dropToMove({ containers: { 'col:10': [], 'col:11:3': ['1'] }, stageOf, taskId: '1', fromContainer: 'col:10', fromIndex: 0, keys });
    expect(move?.intent.stageId).toBe('11');
  });

  it('creates nothing when the card lands where it started', () => {
    expect(dropToMove({ containers: { 'col:10': ['1', '2'] }, stageOf, taskId: '2', fromContainer: 'col:10', fromIndex: 1, keys })).toBeNull();
  });

  it('never names a card created offline as the reference', () => {
    const move = dropToMove({ containers: { 'col:11': ['4', '2', 'local:abc'] }, stageOf, taskId: '2', fromContainer: 'col:10', fromIndex: 0, keys });
    expect(move?.intent).toEqual({ name: 'moveCard', taskId: '2', stageId: '11', afterId: '4' });
  });
});

describe('drag state (onDragOver)', () => {
  it('moves a card between containers without touching the originals', () => {
    const before = { a: ['1', '2'], b: ['3'] };
    const after = moveBetween(before, '2', 'b', 0);
    expect(after).toEqual({ a: ['1'], b: ['2', '3'] });
    expect(before).toEqual({ a: ['1', '2'], b: ['3'] });
    expect(moveBetween(before, '1', 'a', 5)).toEqual({ a: ['2', '1'], b: ['3'] });
    expect(findContainer(after, 'b')).toBe('b');
    expect(findContainer(after, '2')).toBe('b');
    expect(moveBetween(before, '9', 'b', 0)).toBe(before);
  });
});

describe('hand-placed order', () => {
  it('keeps a dropped card between its neighbours across refreshes', () => {
    expect(rankBetween(undefined, undefined)).toBe(0);
    expect(rankBetween(undefined, 2)).toBe(1);
    expect(rankBetween(4, undefined)).toBe(5);
    const refreshedKeys = orderKeys(['1', '2', '3'], { '3': 0.5 });
    expect(orderByKeys([{ id: '1' }, { id: '2' }, { id: '3' }], refreshedKeys).map((c) => c.id)).toEqual(['1', '3', '2']);
  });
});
