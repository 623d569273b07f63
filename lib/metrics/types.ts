import type { GradeStatus } from '../grade/index.ts';

/** The fields of a graded, measured query that the metrics need. `QueryResult` is assignable to it. */
export interface MetricRow {
  /** The query's identity: its bootstrap weight follows from it (see `BOOTSTRAP`), so one query weighs the same in every group. */
  queryId: string;
  model: string;
  accelerator: string;
  domain: string;
  correct: boolean;
  energyJ: number;
  meanPowerW: number;
  /** Where the joules came from (`rapl`, `nvml`, `estimated`, `none`, ...); summaries never pool two sources. */
  energySource: string;
  /** How the source obtained them; for source `none`, why energy was not measured. */
  energyMethod: string;
  energyIsEstimate: boolean;
  /** The primary energy domain(s) the joules cover, e.g. `rapl:package-0+rapl:dram-0`; absent in older results. */
  energyDomain?: string;
  /** Either flag marks a query the model left unanswered. */
  noAnswer?: boolean;
  gradeStatus?: GradeStatus;
}

export type GroupKey = 'model' | 'accelerator' | 'domain';

/**
 * The one bootstrap of IPW Lab (lib/metrics `summarize` and every lib/analyze table): percentile intervals of a
 * Poisson bootstrap over queries, weights drawn from a hash of (seed, resample, domain, query). See docs/analysis.md.
 */
export interface BootstrapOptions {
  /** Number of resamples; default 1000. */
  resamples: number;
  /** Same seed, same intervals, in any engine, on any thread count; an integer in [0, 2^32). Default 0. */
  seed: number;
  /** Coverage of the percentile interval, in (0, 1); default 0.95. */
  confidence: number;
  /**
   * Queries of a domain share this many resampling buckets (default 1000), chosen by a hash of the query id, so
   * the cost of a resample does not grow with the number of queries. 0: every query is its own bucket.
   */
  bucketsPerDomain: number;
}

export interface SummarizeOptions {
  /** Grouping keys. Rows are always split by energy source, method and domain as well (see `SummaryRow`). */
  groupBy: readonly GroupKey[];
  /** Bootstrap intervals: any fields not given come from `BOOTSTRAP`. No intervals when absent. */
  bootstrap?: Partial<BootstrapOptions>;
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
  /** The energy source of every row in the group: a group never mixes sources, methods or domains. */
  energySource: string;
  /** How the source measured (or, for source `none`, why nothing was measured). */
  energyMethod: string;
  energyIsEstimate: boolean;
  /** Primary energy domain(s) of the rows; absent for results written before domains were recorded. */
  energyDomain?: string;
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
  /**
   * Share of queries that could not run (gradeStatus `error`: too long for the context, a rejected request, a
   * generation error), counted apart from wrong answers. `accuracy` counts them as not correct.
   */
  errorRate: number;
  ci?: SummaryCi;
}
