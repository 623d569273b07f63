// Plain-text views of a sweep plan and its cell table, for the CLI and notebooks. Pure.
import { describeEnergyLabel, energyHeadline, energyLabels, formatNumber } from '../metrics/index.ts';
import { formatSeconds } from './estimate.ts';
import type { SweepPlan } from './sweep.ts';
import { cellFrontier, type SweepCellRow } from './table.ts';

function columns(header: readonly string[], rows: readonly (readonly string[])[], rightAligned: ReadonlySet<number>): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => (rightAligned.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

/** The cells, whether this shard runs them, their state and estimated time left; then the shard's total. */
export function formatPlan(plan: SweepPlan): string {
  const rows = plan.cells.map((c) => [
    c.inShard ? '*' : '',
    c.cell.name,
    c.status,
    `${c.completed}/${c.total}`,
    c.status === 'complete' ? '-' : formatSeconds(c.estimatedS),
    c.status === 'complete' ? '' : c.estimateBasis,
  ]);
  const mine = plan.cells.filter((c) => c.inShard);
  const left = mine.filter((c) => c.status !== 'complete').length;
  return [
    `sweep ${plan.name} in ${plan.outDir}: ${plan.cells.length} cells; ${plan.shardText}: ${mine.length} cells (marked *), ${left} to run`,
    columns(['', 'cell', 'status', 'queries', 'estimate', 'from'], rows, new Set([3, 4])),
    `estimated time left for ${plan.shardText}: ${formatSeconds(plan.estimatedS)} of generation (model loads, idle baselines and warm-ups not included)`,
  ].join('\n');
}

/**
 * One line per cell: accuracy, joules per query with its energy label, p99 latency, and whether the cell is on the
 * accuracy/energy (E) or accuracy/latency (L) frontier. The energy labels are listed under the table.
 */
export function formatSweepTable(rows: readonly SweepCellRow[]): string {
  if (rows.length === 0) return 'no cell has results yet';
  const { labels, labelIndex } = energyLabels(rows);
  const onEnergy = new Set(cellFrontier(rows, 'energy'));
  const onLatency = new Set(cellFrontier(rows, 'latency'));
  const body = rows.map((row, i) => [
    row.cell,
    row.status,
    String(row.queries),
    row.accuracy.toFixed(3),
    `${formatNumber(row.meanEnergyJ)} [${labelIndex[i]! + 1}]`,
    formatNumber(row.ipw),
    formatNumber(row.p99LatencyMs),
    formatNumber(row.meanDecodeTokensPerS),
    `${onEnergy.has(row) ? 'E' : ''}${onLatency.has(row) ? 'L' : ''}`,
  ]);
  return [
    columns(['cell', 'status', 'n', 'accuracy', 'J/query', 'IPW', 'p99 ms', 'tok/s', 'frontier'], body, new Set([2, 3, 4, 5, 6, 7])),
    energyHeadline(rows),
    ...labels.map((label, i) => `  ${describeEnergyLabel(label, i)}`),
    'frontier: E = no cell is both more accurate and cheaper in J/query (same energy label); L = the same for p99 latency',
  ].join('\n');
}
