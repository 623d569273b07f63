import type { GradeStatus } from '../store/types.ts';

/** The fields of a graded, measured query that the metrics need. `QueryResult` is assignable to it. */
export interface MetricRow {
  model: string;
  accelerator: string;
  domain: string;
  correct: boolean;
  energyJ: number;
  meanPowerW: number;
  /** Either flag marks a query the model left unanswered. */
  noAnswer?: boolean;
  gradeStatus?: GradeStatus;
}

export type GroupKey = 'model' | 'accelerator' | 'domain';

export interface BootstrapOptions {
  resamples: number;
  seed: number;
  /** Coverage of the percentile interval, e.g. 0.95. */
  confidence: number;
}

export interface SummarizeOptions {
  groupBy: readonly GroupKey[];
  bootstrap?: BootstrapOptions;
}

/** A [low, high] percentile interval. */
export type Interval = [lo: number, hi: number];

export interface SummaryCi {
  accuracy: Interval;
  ipw: Interval;
  ipj: Interval;
  meanEnergyJ: Interval;
  meanPowerW: Interval;
}

/** One group's metrics. Only the keys grouped by are present. */
export interface SummaryRow {
  model?: string;
  accelerator?: string;
  domain?: string;
  queries: number;
  /** correct / queries. */
  accuracy: number;
  /** Mean per-query energy, joules. */
  meanEnergyJ: number;
  /** Mean of the per-query mean power, watts. */
  meanPowerW: number;
  /** Intelligence per watt: accuracy / meanPowerW. NaN when meanPowerW is not positive. */
  ipw: number;
  /** Intelligence per joule: accuracy / meanEnergyJ. NaN when meanEnergyJ is not positive. */
  ipj: number;
  /** Share of queries with no extractable answer. */
  noAnswerRate: number;
  ci?: SummaryCi;
}
