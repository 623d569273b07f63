// One summary row per cell of a sweep, and the cells on the Pareto frontier. Pure.
import { mean, percentile, summarize, type MetricRow } from '../metrics/index.ts';
import { paretoFrontier } from '../plots/index.ts';
import type { Coordinates } from './spec.ts';

/** The fields of a stored result row a cell summary reads (lib/store's QueryResult has them all). */
export type CellResultRow = MetricRow & { durationMs: number; ttftMs: number; decodeTokensPerS: number; promptTokens: number; completionTokens: number };

/** A cell's results in one row: accuracy, energy per query, latency; energy labelled with its source, method and domain. */
export interface SweepCellRow {
  cell: string;
  coordinates: Coordinates;
  /** The run folder's state: `complete`, `partial` (interrupted; the sweep resumes it) or `pending` (no results). */
  status: 'complete' | 'partial' | 'pending';
  queries: number;
  accuracy: number;
  /** Mean joules per query of the primary energy domain; NaN when energy was not measured. */
  meanEnergyJ: number;
  meanPowerW: number;
  ipw: number;
  ipj: number;
  /** Mean, median and 99th-percentile end-to-end latency per query (prefill + decode), ms. */
  meanLatencyMs: number;
  p50LatencyMs: number;
  p99LatencyMs: number;
  meanTtftMs: number;
  meanDecodeTokensPerS: number;
  meanPromptTokens: number;
  meanCompletionTokens: number;
  energySource: string;
  energyMethod: string;
  energyIsEstimate: boolean;
  energyDomain?: string;
}

/**
 * Summarizes one cell's rows. A cell whose rows mix energy sources (it should not happen within one run) gives one
 * row per source, so measured and estimated joules are never pooled.
 */
export function cellRows(cell: string, coordinates: Coordinates, status: SweepCellRow['status'], rows: readonly CellResultRow[]): SweepCellRow[] {
  return summarize(rows, { groupBy: [] }).map((summary) => {
    const group = rows.filter((r) => r.energySource === summary.energySource && r.energyMethod === summary.energyMethod && (r.energyDomain ?? '') === (summary.energyDomain ?? ''));
    const latency = group.map((r) => r.durationMs);
    return {
      cell,
      coordinates,
      status,
      queries: summary.queries,
      accuracy: summary.accuracy,
      meanEnergyJ: summary.meanEnergyJ,
      meanPowerW: summary.meanPowerW,
      ipw: summary.ipw,
      ipj: summary.ipj,
      meanLatencyMs: mean(latency),
      p50LatencyMs: percentile(latency, 0.5),
      p99LatencyMs: percentile(latency, 0.99),
      meanTtftMs: mean(group.map((r) => r.ttftMs)),
      meanDecodeTokensPerS: mean(group.map((r) => r.decodeTokensPerS).filter(Number.isFinite)),
      meanPromptTokens: mean(group.map((r) => r.promptTokens)),
      meanCompletionTokens: mean(group.map((r) => r.completionTokens)),
      energySource: summary.energySource,
      energyMethod: summary.energyMethod,
      energyIsEstimate: summary.energyIsEstimate,
      ...(summary.energyDomain === undefined ? {} : { energyDomain: summary.energyDomain }),
    };
  });
}

/** What a frontier trades accuracy against: joules per query, or p99 latency. */
export type FrontierCost = 'energy' | 'latency';

/** The accessor of a frontier cost on a cell row. */
export function frontierCostOf(cost: FrontierCost): (row: SweepCellRow) => number {
  return cost === 'energy' ? (row) => row.meanEnergyJ : (row) => row.p99LatencyMs;
}

/**
 * The cells no other cell beats on both accuracy and the cost (cheapest first). Energy frontiers compare only rows
 * of one energy label (source, method, domain): a measured and an estimated joule are not the same unit, so with
 * several labels each gets its own frontier.
 */
export function cellFrontier(rows: readonly SweepCellRow[], cost: FrontierCost): SweepCellRow[] {
  const costOf = frontierCostOf(cost);
  if (cost === 'latency') return paretoFrontier(rows, { cost: costOf, value: (row) => row.accuracy });
  const byLabel = new Map<string, SweepCellRow[]>();
  for (const row of rows) {
    const key = `${row.energySource}|${row.energyMethod}|${row.energyDomain ?? ''}|${row.energyIsEstimate}`;
    byLabel.set(key, [...(byLabel.get(key) ?? []), row]);
  }
  return [...byLabel.values()].flatMap((group) => paretoFrontier(group, { cost: costOf, value: (row) => row.accuracy }));
}
