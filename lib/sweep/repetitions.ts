// The spread of a configuration's repetitions: mean, sd, a t-interval and the coefficient of variation of each
// metric, and a flag on configurations noisier than a threshold. Pure.
import { AXIS_NAMES, cellName, type Coordinates } from './spec.ts';
import type { SweepCellRow } from './table.ts';

/** The metrics whose spread across repetitions is reported. */
export const REPETITION_METRICS = ['accuracy', 'meanEnergyJ', 'ipw', 'throughputTokensPerS', 'p99LatencyMs'] as const;
export type RepetitionMetric = (typeof REPETITION_METRICS)[number];

/** Coefficient of variation above which a configuration is flagged noisy: 5%. */
export const DEFAULT_NOISE_CV = 0.05;

export interface Spread {
  mean: number;
  /** Sample standard deviation (n - 1); NaN with one repetition. */
  sd: number;
  /** 95% interval of the mean: mean ± t(0.975, n - 1) · sd / √n; NaN with one repetition. */
  ci: [number, number];
  /** sd / |mean|; NaN with one repetition or a zero mean. */
  cv: number;
}

export interface RepetitionRow {
  /** The cell name without its `rep=` part. */
  configuration: string;
  coordinates: Omit<Coordinates, 'rep'>;
  repetitions: number;
  energySource: string;
  energyMethod: string;
  energyIsEstimate: boolean;
  energyDomain?: string;
  spread: Record<RepetitionMetric, Spread>;
  /** Metrics whose cv is above the threshold; the configuration is noisy when any is. */
  noisy: RepetitionMetric[];
}

/** t(0.975, df) for df 1..30; the normal 1.96 beyond. */
const T_975 = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042];

/** Mean, sample sd, 95% t-interval and cv of values; non-finite values are left out. */
export function spreadOf(values: readonly number[]): Spread {
  const xs = values.filter(Number.isFinite);
  const n = xs.length;
  const mean = n === 0 ? NaN : xs.reduce((s, x) => s + x, 0) / n;
  if (n < 2) return { mean, sd: NaN, ci: [NaN, NaN], cv: NaN };
  const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1));
  const half = (T_975[n - 2] ?? 1.96) * (sd / Math.sqrt(n));
  return { mean, sd, ci: [mean - half, mean + half], cv: mean === 0 ? NaN : sd / Math.abs(mean) };
}

/**
 * One row per configuration (cells equal but for the repetition, and of one energy label): the spread of each metric
 * over its repetitions, and which metrics vary more than `noiseCv` (default DEFAULT_NOISE_CV) of their mean.
 */
export function repetitionRows(rows: readonly SweepCellRow[], noiseCv = DEFAULT_NOISE_CV): RepetitionRow[] {
  const groups = new Map<string, SweepCellRow[]>();
  for (const row of rows) {
    const key = JSON.stringify([AXIS_NAMES.map((a) => row.coordinates[a] ?? null), row.energySource, row.energyMethod, row.energyDomain ?? '', row.energyIsEstimate]);
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  return [...groups.values()].map((group) => {
    const first = group[0]!;
    const { rep: _rep, ...coordinates } = first.coordinates;
    const spread = Object.fromEntries(REPETITION_METRICS.map((metric) => [metric, spreadOf(group.map((row) => row[metric]))])) as Record<RepetitionMetric, Spread>;
    return {
      configuration: cellName({ ...coordinates, rep: 0 }).replace(/__rep=0$/, ''),
      coordinates,
      repetitions: group.length,
      energySource: first.energySource,
      energyMethod: first.energyMethod,
      energyIsEstimate: first.energyIsEstimate,
      ...(first.energyDomain === undefined ? {} : { energyDomain: first.energyDomain }),
      spread,
      noisy: REPETITION_METRICS.filter((metric) => spread[metric].cv > noiseCv),
    };
  });
}
