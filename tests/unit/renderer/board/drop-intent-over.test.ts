import { describe, expect, it } from 'vitest';
import { applyOver } from '../../../../src/renderer/board/drop-intent';

describe('applyOver', () => {
  const containers = { colA: ['1', '2', '3'], colB: ['7', '8'] };

  it('moves the card before the card it is over, in another column', () => {
    expect(applyOver(containers, '2', '8')).toEqual({ colA: ['1', '3'], colB: ['7', '2', '8'] });
  });

  it('over a column itself, puts the card at its end', () => {
    expect(applyOver(containers, '1', 'colB')).toEqual({ colA: ['2', '3'], colB: ['7', '8', '1'] });
  });

  it('answers the same object when nothing changes (no re-render, no loop)', () => {
    expect(applyOver(containers, '2', '2')).toBe(containers);
    expect(applyOver(containers, '2', 'nowhere')).toBe(containers);
  });
});
