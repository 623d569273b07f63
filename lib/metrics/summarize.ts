import { BOOTSTRAP, bootstrapGroups, CellBuilder, pointStats, resolveBootstrap, type BootstrapCell } from './bootstrap.ts';
import type { GroupKey, MetricRow, SummarizeOptions, SummaryRow } from './types.ts';

function isNoAnswer(row: MetricRow): boolean {
  return row.noAnswer === true || row.gradeStatus === 'no_answer';
}

/** What a summary row says about its energy; rows that differ in any of it are never pooled. */
type EnergyLabel = Pick<SummaryRow, 'energySource' | 'energyMethod' | 'energyIsEstimate' | 'energyDomain'>;

function labelOf(row: MetricRow): EnergyLabel {
  const label: EnergyLabel = { energySource: row.energySource, energyMethod: row.energyMethod, energyIsEstimate: row.energyIsEstimate };
  if (row.energyDomain !== undefined && row.energyDomain !== null) label.energyDomain = row.energyDomain;
  return label;
}

interface Group {
  /** The grouping keys' values, then the energy label's, as strings: what groups are sorted by. */
  sortKey: string[];
  label: EnergyLabel;
  rows: MetricRow[];
}

/** Plain code-unit order, the same in every locale (lib/analyze sorts its tables the same way). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Groups rows by the keys and the energy label, in sorted order so output does not depend on row order. */
function groupRows(rows: readonly MetricRow[], keys: readonly GroupKey[]): Group[] {
  const groups = new Map<string, Group>();
  for (const row of rows) {
    const label = labelOf(row);
    const sortKey = [...keys.map((key) => row[key]), label.energySource, label.energyMethod, String(label.energyIsEstimate), label.energyDomain ?? ''];
    const id = JSON.stringify([sortKey, label.energyDomain === undefined]);
    let group = groups.get(id);
    if (!group) {
      group = { sortKey, label, rows: [] };
      groups.set(id, group);
    }
    group.rows.push(row);
  }
  return [...groups.values()].sort((a, b) => {
    for (let i = 0; i < a.sortKey.length; i++) {
      const order = compareText(a.sortKey[i] ?? '', b.sortKey[i] ?? '');
      if (order !== 0) return order;
    }
    return 0;
  });
}

function cellsOf(rows: readonly MetricRow[], bucketsPerDomain: number): BootstrapCell[] {
  const builder = new CellBuilder(bucketsPerDomain);
  for (const row of rows) builder.add(row.queryId, row.domain, row.correct, row.meanPowerW, row.energyJ);
  return builder.build();
}

/**
 * Accuracy, energy, power and the efficiency ratios per group, with optional bootstrap confidence
 * intervals (`BOOTSTRAP`, the same definition lib/analyze uses). Grouping by no keys gives one row per energy
 * label. Rows whose energy source, method, estimate flag or domain differ are never pooled: each summary row
 * carries its label. A group's interval depends only on its own rows.
 */
export function summarize(rows: readonly MetricRow[], options: SummarizeOptions): SummaryRow[] {
  const boot = options.bootstrap ? resolveBootstrap(options.bootstrap) : undefined;
  const groups = groupRows(rows, options.groupBy);
  const cells = groups.map((group) => cellsOf(group.rows, boot?.bucketsPerDomain ?? BOOTSTRAP.bucketsPerDomain));
  const estimates = boot ? bootstrapGroups(cells, boot) : undefined;
  return groups.map((group, g) => {
    const point = estimates?.[g]?.point ?? pointStats(cells[g] ?? []);
    const keyValues: Partial<Record<GroupKey, string>> = {};
    options.groupBy.forEach((key, i) => {
      keyValues[key] = group.sortKey[i];
    });
    const summary: SummaryRow = {
      ...keyValues,
      ...group.label,
      queries: point.queries,
      accuracy: point.accuracy,
      meanEnergyJ: point.meanEnergyJ,
      meanPowerW: point.meanPowerW,
      ipw: point.ipw,
      ipj: point.ipj,
      noAnswerRate: group.rows.filter(isNoAnswer).length / group.rows.length,
      errorRate: group.rows.filter((row) => row.gradeStatus === 'error').length / group.rows.length,
    };
    const ci = estimates?.[g]?.ci;
    if (ci) summary.ci = ci;
    return summary;
  });
}
