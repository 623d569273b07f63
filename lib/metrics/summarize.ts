import { bootstrapGroup, validateBootstrap, type GroupColumns } from './bootstrap.ts';
import { hashString } from './prng.ts';
import { mean, ratio } from './stats.ts';
import type { GroupKey, MetricRow, SummarizeOptions, SummaryRow } from './types.ts';

function isNoAnswer(row: MetricRow): boolean {
  return row.noAnswer === true || row.gradeStatus === 'no_answer';
}

function columnsOf(rows: readonly MetricRow[]): GroupColumns {
  const n = rows.length;
  const columns: GroupColumns = { correct: new Float64Array(n), energyJ: new Float64Array(n), powerW: new Float64Array(n) };
  rows.forEach((row, i) => {
    columns.correct[i] = row.correct ? 1 : 0;
    columns.energyJ[i] = row.energyJ;
    columns.powerW[i] = row.meanPowerW;
  });
  return columns;
}

/** Groups rows by the given keys, in sorted key order so output does not depend on row order. */
function groupRows(rows: readonly MetricRow[], keys: readonly GroupKey[]): Array<{ values: string[]; rows: MetricRow[] }> {
  const groups = new Map<string, { values: string[]; rows: MetricRow[] }>();
  for (const row of rows) {
    const values = keys.map((key) => row[key]);
    const id = JSON.stringify(values);
    let group = groups.get(id);
    if (!group) {
      group = { values, rows: [] };
      groups.set(id, group);
    }
    group.rows.push(row);
  }
  return [...groups.values()].sort((a, b) => {
    for (let i = 0; i < keys.length; i++) {
      const order = (a.values[i] ?? '').localeCompare(b.values[i] ?? '');
      if (order !== 0) return order;
    }
    return 0;
  });
}

/**
 * Accuracy, energy, power and the efficiency ratios per group, with optional bootstrap confidence
 * intervals. Grouping by no keys gives one row over everything. Each group's bootstrap stream is seeded
 * from the seed and the group's key, so a group's interval does not change when other groups are added.
 */
export function summarize(rows: readonly MetricRow[], options: SummarizeOptions): SummaryRow[] {
  if (options.bootstrap) validateBootstrap(options.bootstrap);
  return groupRows(rows, options.groupBy).map(({ values, rows: members }) => {
    const columns = columnsOf(members);
    const accuracy = mean(columns.correct);
    const meanEnergyJ = mean(columns.energyJ);
    const meanPowerW = mean(columns.powerW);
    const keyValues: Partial<Record<GroupKey, string>> = {};
    options.groupBy.forEach((key, i) => {
      keyValues[key] = values[i];
    });
    const summary: SummaryRow = {
      ...keyValues,
      queries: members.length,
      accuracy,
      meanEnergyJ,
      meanPowerW,
      ipw: ratio(accuracy, meanPowerW),
      ipj: ratio(accuracy, meanEnergyJ),
      noAnswerRate: members.filter(isNoAnswer).length / members.length,
    };
    if (options.bootstrap) {
      const seed = (options.bootstrap.seed ^ hashString(JSON.stringify(values))) >>> 0;
      summary.ci = bootstrapGroup(columns, options.bootstrap, seed);
    }
    return summary;
  });
}
