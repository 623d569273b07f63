/**
 * lib/analyze: many runs from many machines merged into one DuckDB study, and the analyses of the
 * Intelligence-per-Watt study over it. Every analysis returns a `Table` (plain rows plus column names),
 * which notebooks render and `writeTableFiles` saves as CSV and Parquet.
 */
export type { BootstrapSqlOptions, RunTag, StudyOptions, Table, TableValue } from './types.ts';
export { openStudy, Study } from './study.ts';
export { ipwTable, compareAccelerators, IPW_STATS, type IpwTableOptions, type AcceleratorComparisonOptions } from './ipw.ts';
export { POISSON_THRESHOLDS, type VariantKey } from './bootstrap-sql.ts';
export { coverage, coverageGrowth, ALL_DOMAINS, type CoverageOptions, type CoverageGrowthOptions } from './coverage.ts';
export { oracleRouting, routingShares, type RoutingOptions } from './routing.ts';
export { tokenRegressions } from './regression.ts';
export { ipwTrend, ipwTrendFit, type TrendOptions } from './trend.ts';
export { DEFAULT_RELEASE_DATES_FILE, loadReleaseDates, releaseOrder } from './release-dates.ts';
export { judgeStudy, type JudgePassOptions, type JudgePassResult } from './judge-pass.ts';
export { writeTableFiles } from './export.ts';
export { formatIpwTable, formatTextTable, toSummaryRows } from './format.ts';
