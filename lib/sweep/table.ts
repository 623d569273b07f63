// One summary row per cell of a sweep, and the cells on the Pareto frontier. Pure.
import { derivedFigures, type DerivedFigures, type EfficiencyOptions, type ModelArchitecture } from '../efficiency/index.ts';
import type { LoadSummary } from '../load/index.ts';
import { describeEnergyLabel, mean, percentile, summarize, type MetricRow } from '../metrics/index.ts';
import { paretoFrontier, type FrontierPoint } from '../plots/index.ts';
import type { Coordinates } from './spec.ts';

/** The fields of a stored result row a cell summary reads (lib/store's QueryResult has them all). */
export type CellResultRow = MetricRow & {
  durationMs: number; ttftMs: number; prefillMs: number; decodeMs: number; decodeTokensPerS: number; promptTokens: number; completionTokens: number;
};

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
  /**
   * Generated tokens per second of query time: all completion tokens over all queries' durations. For a load cell,
   * output tokens per second of the load window (requests overlap): the serving throughput.
   */
  throughputTokensPerS: number;
  meanPromptTokens: number;
  meanCompletionTokens: number;
  energySource: string;
  energyMethod: string;
  energyIsEstimate: boolean;
  energyDomain?: string;
  /** FLOPs, MFU/MBU, cost and carbon: derived estimates (see `cellEfficiency`); absent until computed, and for load cells. */
  efficiency?: CellEfficiency;
  /**
   * Layers the cell's model actually offloaded to the GPU (0 on the CPU, whatever `gpuLayers` asked); null when not
   * recorded (a served model).
   */
  gpuLayersOffloaded?: number | null;
}

/**
 * A load cell's row from its summary.json (lib/load): accuracy, IPW and joules per request of the graded requests
 * (energy attributed to each request from the load window), latency from first send to last token (E2EL), and
 * throughput over the window. `n` counts the requests sent, failed ones included (they count as wrong).
 */
export function loadCellRow(cell: string, coordinates: Coordinates, status: SweepCellRow['status'], summary: LoadSummary): SweepCellRow {
  const m = summary.metrics;
  const acc = summary.accuracy[0];
  const e = summary.energy;
  const perCompleted = (total: number) => (m.completed === 0 ? NaN : total / m.completed);
  return {
    cell,
    coordinates,
    status,
    queries: acc?.queries ?? m.requests,
    accuracy: acc?.accuracy ?? NaN,
    meanEnergyJ: acc?.meanEnergyJ ?? NaN,
    meanPowerW: acc?.meanPowerW ?? NaN,
    ipw: acc?.ipw ?? NaN,
    ipj: acc?.ipj ?? NaN,
    meanLatencyMs: m.e2el.meanMs,
    p50LatencyMs: m.e2el.percentilesMs.p50 ?? m.e2el.medianMs,
    p99LatencyMs: m.e2el.percentilesMs.p99 ?? NaN,
    meanTtftMs: m.ttft.meanMs,
    // A summary has the TPOT distribution, not each request's decode rate.
    meanDecodeTokensPerS: NaN,
    throughputTokensPerS: m.outputTokenThroughputPerS,
    meanPromptTokens: perCompleted(m.totalInputTokens),
    meanCompletionTokens: perCompleted(m.totalOutputTokens),
    energySource: acc?.energySource ?? e.source,
    energyMethod: acc?.energyMethod ?? e.method,
    energyIsEstimate: acc?.energyIsEstimate ?? e.isEstimate,
    ...((acc?.energyDomain ?? e.domain) ? { energyDomain: acc?.energyDomain ?? e.domain } : {}),
    gpuLayersOffloaded: summary.model.accelerator === 'cpu' ? 0 : null,
  };
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
      throughputTokensPerS: group.reduce((s, r) => s + r.completionTokens, 0) / (latency.reduce((s, ms) => s + ms, 0) / 1000),
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

/** Peaks (MFU/MBU) and rates (cost, carbon) for the derived figures: lib/efficiency's options. */
export type { EfficiencyOptions } from '../efficiency/index.ts';

/** A cell's derived figures: FLOPs, MFU/MBU, cost and carbon, every one an estimate with its method. */
export type CellEfficiency = DerivedFigures;

/** A row's energy label in words, as the legend under a table gives it (without the legend's [n]). */
export function energyLabelText(row: Pick<SweepCellRow, 'energySource' | 'energyMethod' | 'energyIsEstimate' | 'energyDomain'>): string {
  return describeEnergyLabel(row, 0).replace(/^\[1\] /, '');
}

/**
 * FLOPs, MFU/MBU, cost and carbon of a cell from its rows (those of the row's energy label), the model's architecture
 * (or why there is none) and the user's peaks and rates (lib/efficiency's derivedFigures).
 */
export function cellEfficiency(row: SweepCellRow, rows: readonly CellResultRow[], arch: ModelArchitecture | { unavailable: string }, options: EfficiencyOptions): CellEfficiency {
  const group = rows.filter((r) => r.energySource === row.energySource && r.energyMethod === row.energyMethod);
  return derivedFigures(group, { meanEnergyJ: row.meanEnergyJ, accuracy: row.accuracy, energyIsEstimate: row.energyIsEstimate, energyLabel: energyLabelText(row) }, arch, options);
}

/** Cell rows as lib/plots' frontier points (label = cell name, energy label carried): `paretoPlot(frontierPoints(table))`. */
export function frontierPoints(rows: readonly SweepCellRow[]): FrontierPoint[] {
  return rows.map((row) => ({
    label: row.cell,
    accuracy: row.accuracy,
    meanEnergyJ: row.meanEnergyJ,
    p99LatencyMs: row.p99LatencyMs,
    energySource: row.energySource,
    energyMethod: row.energyMethod,
    energyIsEstimate: row.energyIsEstimate,
    ...(row.energyDomain === undefined ? {} : { energyDomain: row.energyDomain }),
  }));
}
