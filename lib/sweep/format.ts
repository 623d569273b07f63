// Plain-text views of a sweep plan and its cell table, for the CLI and notebooks. Pure.
import type { Utilization } from '../efficiency/index.ts';
import { describeEnergyLabel, energyHeadline, energyLabels, formatNumber } from '../metrics/index.ts';
import { formatSeconds } from './estimate.ts';
import { DEFAULT_NOISE_CV, REPETITION_METRICS, type RepetitionRow, type Spread } from './repetitions.ts';
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
    formatNumber(row.throughputTokensPerS),
    `${onEnergy.has(row) ? 'E' : ''}${onLatency.has(row) ? 'L' : ''}`,
  ]);
  return [
    columns(['cell', 'status', 'n', 'accuracy', 'J/query', 'IPW', 'p99 ms', 'tok/s', 'frontier'], body, new Set([2, 3, 4, 5, 6, 7])),
    energyHeadline(rows),
    ...labels.map((label, i) => `  ${describeEnergyLabel(label, i)}`),
    ...(rows.some((row) => row.coordinates.loadLevel !== undefined)
      ? ['load cells (loadLevel): J/query per graded request, attributed from the load window; p99 ms: E2EL; tok/s: output tokens per second of the window']
      : []),
    'tok/s: completion tokens per second of query time. frontier: E = no cell is both more accurate and cheaper in J/query (same energy label); L = the same for p99 latency',
  ].join('\n');
}

function share(u: Utilization): string {
  return Number.isFinite(u.value) ? `${(u.value * 100).toPrecision(3)}%` : '-';
}

/**
 * The derived figures of each cell: FLOPs per query, MFU and MBU, cost and carbon per query and per correct answer,
 * with the methods (all estimates) and the reasons for any figure left out listed under the table.
 */
export function formatEfficiencyTable(rows: readonly SweepCellRow[]): string {
  const withFigures = rows.filter((row) => row.efficiency !== undefined);
  if (withFigures.length === 0) return '';
  const body = withFigures.map((row) => {
    const e = row.efficiency!;
    return [
      row.cell,
      formatNumber(e.flopsPerQuery),
      formatNumber(e.prefillFlopsPerQuery),
      formatNumber(e.decodeFlopsPerQuery),
      share(e.prefillMfu),
      share(e.decodeMfu),
      share(e.decodeMbu),
      Number.isFinite(e.cost.usdPerQuery) ? formatNumber(e.cost.usdPerQuery) : '-',
      Number.isFinite(e.cost.usdPerCorrect) ? formatNumber(e.cost.usdPerCorrect) : '-',
      Number.isFinite(e.cost.gco2PerQuery) ? formatNumber(e.cost.gco2PerQuery) : '-',
    ];
  });
  const notes = new Set<string>();
  for (const row of withFigures) {
    const e = row.efficiency!;
    notes.add(`FLOPs: ${e.flopsMethod}`);
    for (const [name, u] of [['prefill MFU', e.prefillMfu], ['decode MFU', e.decodeMfu], ['decode MBU', e.decodeMbu]] as const) {
      if (u.reason) notes.add(`${name} left out: ${u.reason}`);
      else notes.add(`${name}: ${u.method.slice(u.method.indexOf('; ') + 2)}`);
    }
    notes.add(`cost and carbon: ${e.cost.method}`);
  }
  return [
    'Derived figures (ESTIMATES, not measurements):',
    columns(['cell', 'FLOPs/query', 'prefill', 'decode', 'prefill MFU', 'decode MFU', 'decode MBU', 'USD/query', 'USD/correct', 'gCO2e/query'], body, new Set([1, 2, 3, 4, 5, 6, 7, 8, 9])),
    ...[...notes].map((note) => `  ${note}`),
  ].join('\n');
}

function meanSd(spread: Spread): string {
  if (!Number.isFinite(spread.sd)) return formatNumber(spread.mean);
  return `${formatNumber(spread.mean, 3)} ± ${formatNumber(spread.sd, 2)}${Number.isFinite(spread.cv) ? ` (${(spread.cv * 100).toFixed(1)}%)` : ''}`;
}

/**
 * One line per configuration with two or more repetitions: mean ± sd (cv) of accuracy, J/query, IPW, throughput and
 * p99 latency, with the configurations noisier than `noiseCv` flagged. Empty when nothing was repeated.
 */
export function formatRepetitionTable(rows: readonly RepetitionRow[], noiseCv = DEFAULT_NOISE_CV): string {
  const repeated = rows.filter((row) => row.repetitions > 1);
  if (repeated.length === 0) return '';
  const body = repeated.map((row) => [
    row.configuration,
    String(row.repetitions),
    ...REPETITION_METRICS.map((metric) => meanSd(row.spread[metric])),
    row.noisy.length > 0 ? `NOISY: ${row.noisy.join(', ')}` : '',
  ]);
  return [
    `Repetitions: mean ± sd (coefficient of variation); 95% t-intervals in the library's repetitionRows(). Flagged: cv above ${(noiseCv * 100).toFixed(0)}%.`,
    columns(['configuration', 'reps', 'accuracy', 'J/query', 'IPW', 'tok/s', 'p99 ms', ''], body, new Set([1])),
  ].join('\n');
}
