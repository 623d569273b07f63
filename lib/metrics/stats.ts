/** Arithmetic mean; NaN for no values. */
export function mean(values: ArrayLike<number>): number {
  if (values.length === 0) return NaN;
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i] ?? NaN;
  return sum / values.length;
}

/**
 * Linear-interpolation percentile (the "type 7" definition used by numpy and R by default) of values
 * already sorted ascending. `fraction` is in [0, 1]. NaN for no values.
 */
export function percentileSorted(sorted: ArrayLike<number>, fraction: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const position = Math.min(1, Math.max(0, fraction)) * (n - 1);
  const below = Math.floor(position);
  const lo = sorted[below] ?? NaN;
  const hi = sorted[Math.min(below + 1, n - 1)] ?? NaN;
  const weight = position - below;
  // Equal neighbours return exactly, so a degenerate interval stays exactly [x, x].
  return weight === 0 || lo === hi ? lo : lo + (hi - lo) * weight;
}

/** Percentile (`fraction` in [0, 1]) of unsorted values; NaNs are ignored. */
export function percentile(values: ArrayLike<number>, fraction: number): number {
  const numbers = Float64Array.from(values).filter((v) => !Number.isNaN(v)).sort();
  return percentileSorted(numbers, fraction);
}

/**
 * a / b for ratio metrics (IPW, IPJ). A zero, negative or non-finite denominator means energy was not
 * measured, not that the model is infinitely efficient, so the ratio is NaN rather than Infinity.
 */
export function ratio(numerator: number, denominator: number): number {
  return denominator > 0 && Number.isFinite(denominator) ? numerator / denominator : NaN;
}
