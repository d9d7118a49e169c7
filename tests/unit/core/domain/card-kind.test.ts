import { describe, expect, it } from 'vitest';
import { cardKind } from '../../../../src/core/domain/card-kind';
import type { TaskPriority } from '../../../../src/core/domain/model';

const fields = { type: null, blocker: null, estimate: 'UF_EST' };

describe('cardKind', () => {
  it.each<[TaskPriority, string | string[] | null | undefined, string, string, number | null]>([
    [1, undefined, 'service', 'no-estimate', null],
    [1, '', 'service', 'no-estimate', null],
    [1, '0', 'service', 'no-estimate', 0],
    [1, '-2', 'service', 'no-estimate', -2],
    [1, 'n/a', 'service', 'no-estimate', null],
    [1, '2.5', 'change', 'estimate-set', 2.5],
    [0, '16', 'change', 'estimate-set', 16],
    [2, undefined, 'incident', 'high-priority', null],
    [2, '8', 'incident', 'high-priority', 8],
  ])('priority %i, Оценка %j -> %s (%s)', (priority, estimate, kind, reason, hours) => {
    const userFields: Record<string, string | string[] | null> = estimate === undefined ? {} : { UF_EST: estimate };
    const result = cardKind({ priority, userFields }, fields);
    expect(result).toEqual({ kind, reason, explanationKey: `cardKind.reason.${reason}`, estimateHours: hours });
  });

  it('without a mapped Оценка field nothing is a change request', () => {
    expect(cardKind({ priority: 1, userFields: { UF_EST: '5' } }, { ...fields, estimate: null }).kind).toBe('service');
  });
});
