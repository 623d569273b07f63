/** Pure metrics over graded, measured queries: grouping, accuracy, energy, IPW/IPJ, bootstrap CIs, tables. */
export type {
  BootstrapOptions, GroupKey, Interval, MetricRow, SummarizeOptions, SummaryCi, SummaryRow,
} from './types.ts';
export { summarize, compareText } from './summarize.ts';
export {
  BOOTSTRAP, BOOTSTRAP_STATS, bootstrapGroups, FIXED_POINT_SCALE, percentileInterval, resolveBootstrap,
  type BootstrapCell, type BootstrapStat, type GroupDraws, type GroupEstimate, type GroupStats,
} from './bootstrap.ts';
export {
  describeEnergyLabel, energyHeadline, energyLabels, energyNotMeasured, formatNumber, formatTable, type EnergyLabelled,
} from './format.ts';
export { mean, percentile, ratio } from './stats.ts';
