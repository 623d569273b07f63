import { describe, expect, it } from 'vitest';
import { medianInterval } from '../bench/stats.ts';
import { splitmix32 } from './helpers/splitmix32.ts';

describe('medianInterval (bench ratios)', () => {
  it('takes the order statistics whose binomial coverage reaches the confidence', () => {
    const ten = [0.84, 0.91, 0.97, 0.88, 1.02, 0.95, 0.9, 0.99, 0.86, 0.94];
    // n = 10: the 2nd smallest and 2nd largest, 1 - 2 (1 + 10) / 2^10.
    const a = medianInterval(ten);
    expect(a).toEqual({ low: 0.86, high: 0.99, coverage: 1 - 22 / 1024 });
    // n = 20: the 6th and 15th, 1 - 2 P(B(20, 1/2) <= 5).
    const twenty = Array.from({ length: 20 }, (_, i) => i + 1).reverse();
    expect(medianInterval(twenty)).toEqual({ low: 6, high: 15, coverage: 1 - (2 * 21700) / 2 ** 20 });
    // Lower confidence, narrower interval.
    expect(medianInterval(ten, 0.5)).toEqual({ low: 0.9, high: 0.95, coverage: 1 - (2 * 176) / 1024 });
  });

  it('falls back to the range, with the coverage it has, when too few values reach the confidence', () => {
    expect(medianInterval([3, 1, 2, 5, 4])).toEqual({ low: 1, high: 5, coverage: 1 - 2 / 32 });
    expect(medianInterval([0.93, 0.93, 0.93]).low).toBe(0.93);
    expect(Number.isNaN(medianInterval([]).low)).toBe(true);
  });

  it('covers the true median as often as it claims', () => {
    // Uniform(0.8, 1.0) draws, true median 0.9; 15 repetitions give the 4th and 12th values, coverage 0.965.
    const random = splitmix32(7);
    const trials = 1000;
    let covered = 0;
    let claimed = 0;
    for (let t = 0; t < trials; t++) {
      const { low, high, coverage } = medianInterval(Array.from({ length: 15 }, () => 0.8 + (0.2 * random()) / 2 ** 32));
      claimed = coverage;
      if (low <= 0.9 && 0.9 <= high) covered++;
    }
    expect(claimed).toBeCloseTo(0.965, 3);
    expect(Math.abs(covered / trials - claimed)).toBeLessThan(0.02);
  });
});
