/**
 * lib/analyze: many runs from many machines merged into one DuckDB study, and the analyses of the
 * Intelligence-per-Watt study over it. Every analysis returns a `Table` (plain rows plus column names),
 * which notebooks render and `writeTableFiles` saves as CSV and Parquet.
 */
export type { LoadRunTag, RunTag, StudyOptions, Table, TableValue } from './types.ts';
export { openStudy, Study } from './study.ts';
export {
  agentSummary, agentTurnEnergy, formatAgentTables, hasAgentTasks, REASONING_SETTING,
  type AgentSummaryOptions, type AgentSummaryRow, type AgentSummaryTable, type AgentTurnEnergyRow, type AgentTurnEnergyTable,
} from './agent.ts';
export {
  ipwTable, compareAccelerators, ENERGY_LABEL_KEYS, IPW_STATS, type IpwTableOptions, type AcceleratorComparisonOptions, type VariantKey,
} from './ipw.ts';
export { coverage, coverageGrowth, type CoverageOptions, type CoverageGrowthOptions } from './coverage.ts';
export { MixedEnergySourcesError, oracleRouting, routingShares, type RoutingOptions } from './routing.ts';
export { tokenRegressions } from './regression.ts';
export { ipwTrend, ipwTrendFit, type TrendOptions } from './trend.ts';
export { loadReleaseDates } from './release-dates.ts';
export { judgeStudy, type JudgePassOptions, type JudgePassResult } from './judge-pass.ts';
export {
  formatJudgeAgreement, judgeAgreementRow, judgeAgreementTable, parseJudgeAgreement, JUDGE_AGREEMENT_COLUMNS, type StoredAgreement,
} from './judge-agreement.ts';
export { writeTableFiles } from './export.ts';
export { derivedFiguresTable, derivedTable, formatDerivedTable, type DerivedInput } from './derived.ts';
export { formatIpwTable, formatTextTable, toSummaryRows } from './format.ts';
export { auditRun, auditRows, auditRow, formatAudit, integrateCounterJ, readAuditTrace, DEFAULT_AUDIT_TOLERANCE, type AuditCheck, type AuditReport, type AuditRow, type AuditTolerance, type AuditTrace, type DomainAudit } from './audit.ts';
