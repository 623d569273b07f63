import { splitmix32 } from './prng.ts';
import { percentileSorted, ratio } from './stats.ts';
import type { BootstrapOptions, Interval, SummaryCi } from './types.ts';

/** A group's per-query columns. `correct` holds 1 or 0. */
export interface GroupColumns {
  correct: Float64Array;
  energyJ: Float64Array;
  powerW: Float64Array;
}

const TWO_POW_32 = 4294967296;

export function validateBootstrap(options: BootstrapOptions): void {
  if (!Number.isInteger(options.resamples) || options.resamples < 1) {
    throw new RangeError(`bootstrap resamples must be a positive integer, got ${options.resamples}`);
  }
  if (!(options.confidence > 0 && options.confidence < 1)) {
    throw new RangeError(`bootstrap confidence must be in (0, 1), got ${options.confidence}`);
  }
  if (!Number.isFinite(options.seed)) throw new RangeError(`bootstrap seed must be finite, got ${options.seed}`);
}

/** Percentile interval; resamples whose statistic is NaN (e.g. zero power drawn) are dropped. */
function interval(samples: Float64Array, confidence: number): Interval {
  samples.sort(); // typed-array sort is numeric and puts NaN last
  let valid = samples.length;
  while (valid > 0 && Number.isNaN(samples[valid - 1])) valid--;
  const kept = samples.subarray(0, valid);
  const tail = (1 - confidence) / 2;
  return [percentileSorted(kept, tail), percentileSorted(kept, 1 - tail)];
}

/**
 * Nonparametric bootstrap over queries: each resample draws n query indices with replacement and
 * recomputes every statistic from the same draw, IPW and IPJ as ratios of resampled means (not means of
 * per-query ratios, which would weight cheap queries more). Sums are accumulated while drawing, so a
 * resample costs n draws and no allocation.
 */
export function bootstrapGroup(columns: GroupColumns, options: BootstrapOptions, seed: number): SummaryCi {
  const { correct, energyJ, powerW } = columns;
  const n = correct.length;
  const count = options.resamples;
  const accuracy = new Float64Array(count);
  const meanEnergyJ = new Float64Array(count);
  const meanPowerW = new Float64Array(count);
  const ipw = new Float64Array(count);
  const ipj = new Float64Array(count);
  const next = splitmix32(seed);
  for (let r = 0; r < count; r++) {
    let correctSum = 0;
    let energySumJ = 0;
    let powerSumW = 0;
    for (let k = 0; k < n; k++) {
      const i = Math.floor((next() * n) / TWO_POW_32);
      correctSum += correct[i] as number;
      energySumJ += energyJ[i] as number;
      powerSumW += powerW[i] as number;
    }
    const acc = correctSum / n;
    accuracy[r] = acc;
    meanEnergyJ[r] = energySumJ / n;
    meanPowerW[r] = powerSumW / n;
    ipw[r] = ratio(acc, powerSumW / n);
    ipj[r] = ratio(acc, energySumJ / n);
  }
  const c = options.confidence;
  return {
    accuracy: interval(accuracy, c),
    ipw: interval(ipw, c),
    ipj: interval(ipj, c),
    meanEnergyJ: interval(meanEnergyJ, c),
    meanPowerW: interval(meanPowerW, c),
  };
}
