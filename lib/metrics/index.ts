/** Pure metrics over graded, measured queries: grouping, accuracy, energy, IPW/IPJ, bootstrap CIs, tables. */
export type {
  BootstrapOptions, GroupKey, Interval, MetricRow, SummarizeOptions, SummaryCi, SummaryRow,
} from './types.ts';
export { summarize } from './summarize.ts';
export { bootstrapGroup, type GroupColumns } from './bootstrap.ts';
export { formatNumber, formatTable } from './format.ts';
export { mean, percentile, percentileSorted, ratio } from './stats.ts';
export { splitmix32 } from './prng.ts';
