import { describe, expect, it } from 'vitest';
import { sumEstimateHours, taskEstimateHours } from '../../../../src/core/domain/estimate';

describe('a task estimate', () => {
  it('is Оценка when it holds a positive number (a decimal comma too)', () => {
    expect(taskEstimateHours({ userFields: { UF_EST: '1,5' }, timeEstimateSeconds: 7200 }, 'UF_EST')).toBe(1.5);
  });

  it("is the portal's planned time when Оценка is empty, zero or not mapped", () => {
    expect(taskEstimateHours({ userFields: { UF_EST: '' }, timeEstimateSeconds: 7200 }, 'UF_EST')).toBe(2);
    expect(taskEstimateHours({ userFields: { UF_EST: '0' }, timeEstimateSeconds: 5400 }, 'UF_EST')).toBe(1.5);
    expect(taskEstimateHours({ userFields: { UF_EST: '3' }, timeEstimateSeconds: 7200 }, null)).toBe(2);
  });

  it('is none when neither is set', () => {
    expect(taskEstimateHours({ userFields: {}, timeEstimateSeconds: 0 }, 'UF_EST')).toBeNull();
  });

  it('sums to one decimal, counting none as nothing', () => {
    expect(sumEstimateHours([1.25, null, 2, 0.3])).toBe(3.6);
    expect(sumEstimateHours([])).toBe(0);
  });
});
