// Tables of load runs: one run in vLLM's layout, several load levels side by side, and a study's load runs as a
// table for notebooks and CSV/Parquet export.
import type { Study, Table, TableValue } from '../analyze/index.ts';
import { formatNumber } from '../metrics/index.ts';
import { readLoadRun } from '../store/index.ts';
import type { LoadSummary } from './load.ts';
import { DEFAULT_PERCENTILES, type Distribution } from './serving-metrics.ts';

function offered(summary: LoadSummary): string {
  const a = summary.arrivals as { mode: string; ratePerS?: number; concurrency?: number };
  switch (a.mode) {
    case 'poisson':
      return `poisson ${formatNumber(a.ratePerS ?? NaN)}/s`;
    case 'closed':
      return `closed x${a.concurrency}`;
    default:
      return a.mode;
  }
}

function energyLabel(summary: LoadSummary): string {
  const e = summary.energy;
  if (e.source === 'none') return `energy not measured: ${e.method}`;
  return `energy: ${e.source} (${e.method}), domain ${e.domain}: ${e.isEstimate ? 'ESTIMATED (a model, not a measurement)' : 'measured'}`;
}

function pct(d: Distribution, p: number): number {
  return d.percentilesMs[`p${p}`] ?? NaN;
}

/** One run, in the layout of vLLM's serving benchmark, with energy and accuracy below. */
export function formatLoadReport(summary: LoadSummary): string {
  const m = summary.metrics;
  const e = summary.energy;
  const f = (v: number | null) => (v === null ? '-' : formatNumber(v));
  const lines: [string, string][] = [
    ['Load', offered(summary)],
    ['Successful requests', `${m.completed}`],
    ['Failed requests', `${m.failed}`],
    ['Benchmark duration (s)', f(m.durationS)],
    ['Total input tokens', `${m.totalInputTokens}`],
    ['Total generated tokens', `${m.totalOutputTokens}`],
    ['Request throughput (req/s)', f(m.requestThroughputPerS)],
    ['Request goodput (req/s)', m.requestGoodputPerS === null ? '- (no SLO)' : f(m.requestGoodputPerS)],
    ['Output token throughput (tok/s)', f(m.outputTokenThroughputPerS)],
    ['Total token throughput (tok/s)', f(m.totalTokenThroughputPerS)],
  ];
  for (const [name, d] of [['TTFT', m.ttft], ['TPOT', m.tpot], ['ITL', m.itl], ['E2EL', m.e2el]] as const) {
    lines.push([`Mean ${name} (ms)`, f(d.meanMs)]);
    for (const [k, v] of Object.entries(d.percentilesMs)) lines.push([`${k.toUpperCase()} ${name} (ms)`, f(v)]);
  }
  const acc = summary.accuracy[0];
  lines.push(
    ['Window energy (J)', f(e.totalJ)],
    ['  attributed to requests (J)', f(e.attributedJ)],
    ['  idle share (J)', f(e.idleJ)],
    ['  gaps, no request working (J)', f(e.gapJ)],
    ['Energy per request, attributed (J)', f(e.meanRequestJ)],
    ['Energy per request, total / completed (J)', f(e.perCompletedJ)],
    ['Output tokens per joule', f(e.outputTokensPerJ)],
    ['Accuracy', acc ? f(acc.accuracy) : '-'],
    ['IPJ (accuracy / J per request)', acc ? f(acc.ipj) : '-'],
    ['Load generator CPU (fraction of a core)', f(summary.client.cpuFraction)],
  );
  const width = Math.max(...lines.map(([k]) => k.length)) + 2;
  return [energyLabel(summary), ...lines.map(([k, v]) => `${(k + ':').padEnd(width)}${v}`)].join('\n');
}

/** Several load levels (a rate sweep, or runs at concurrency 1, 2, 4), one row each, in the order given. */
export function formatLoadTable(summaries: readonly LoadSummary[]): string {
  const header = ['load', 'ok', 'fail', 'req/s', 'tok/s', 'goodput', 'TTFT p50', 'TTFT p99', 'TPOT p50', 'TPOT p99', 'ITL p99', 'E2EL p99', 'J/req', 'J/req total', 'tok/J', 'accuracy'];
  const rows = summaries.map((s) => {
    const m = s.metrics;
    return [
      offered(s),
      `${m.completed}`,
      `${m.failed}`,
      formatNumber(m.requestThroughputPerS),
      formatNumber(m.outputTokenThroughputPerS),
      m.requestGoodputPerS === null ? '-' : formatNumber(m.requestGoodputPerS),
      formatNumber(pct(m.ttft, 50)),
      formatNumber(pct(m.ttft, 99)),
      formatNumber(pct(m.tpot, 50)),
      formatNumber(pct(m.tpot, 99)),
      formatNumber(pct(m.itl, 99)),
      formatNumber(pct(m.e2el, 99)),
      formatNumber(s.energy.meanRequestJ),
      formatNumber(s.energy.perCompletedJ),
      formatNumber(s.energy.outputTokensPerJ),
      s.accuracy[0] ? formatNumber(s.accuracy[0].accuracy) : '-',
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i]!)).join('  ');
  const labels = [...new Set(summaries.map(energyLabel))];
  return [...labels, line(header), ...rows.map(line), 'latencies in ms; J/req: attributed to each request; J/req total: window energy / completed requests'].join('\n');
}

type LatencyColumn = `${'ttft' | 'tpot' | 'itl' | 'e2el'}P${number}Ms`;

/** One row of `loadLevels`: a load level's figures (ms, requests/s, J), null where undefined. Plots take it as `ServingLevel`. */
export type LoadLevelRow = {
  runId: string;
  model: string;
  accelerator: string;
  load: string;
  ratePerS: number | null;
  concurrency: number | null;
  complete: boolean;
  completed: number;
  failed: number;
  requestThroughputPerS: number | null;
  outputTokenThroughputPerS: number | null;
  requestGoodputPerS: number | null;
  requestEnergyJ: number | null;
  perCompletedEnergyJ: number | null;
  outputTokensPerJ: number | null;
  accuracy: number | null;
  energySource: string;
  energyMethod: string;
  energyIsEstimate: boolean;
  energyDomain: string;
} & { [latency in LatencyColumn]: number | null };

/** A `Table` whose rows are load levels. */
export type LoadLevelTable = Table & { rows: LoadLevelRow[] };

/** The columns of `loadLevels`, each with its DuckDB type and how a summary gives it. */
const LEVEL_COLUMNS: [name: keyof LoadLevelRow & string, type: string, value: (s: LoadSummary) => TableValue][] = [
  ['runId', 'VARCHAR', (s) => s.runId],
  ['model', 'VARCHAR', (s) => s.model.name],
  ['accelerator', 'VARCHAR', (s) => s.model.accelerator],
  ['load', 'VARCHAR', offered],
  ['ratePerS', 'DOUBLE', (s) => (typeof s.arrivals.ratePerS === 'number' ? s.arrivals.ratePerS : null)],
  ['concurrency', 'INTEGER', (s) => (typeof s.arrivals.concurrency === 'number' ? s.arrivals.concurrency : null)],
  ['complete', 'BOOLEAN', (s) => s.complete],
  ['completed', 'INTEGER', (s) => s.metrics.completed],
  ['failed', 'INTEGER', (s) => s.metrics.failed],
  ['requestThroughputPerS', 'DOUBLE', (s) => s.metrics.requestThroughputPerS],
  ['outputTokenThroughputPerS', 'DOUBLE', (s) => s.metrics.outputTokenThroughputPerS],
  ['requestGoodputPerS', 'DOUBLE', (s) => s.metrics.requestGoodputPerS],
  ...(['ttft', 'tpot', 'itl', 'e2el'] as const).flatMap((metric) =>
    DEFAULT_PERCENTILES.map((p): [LatencyColumn, string, (s: LoadSummary) => TableValue] => [`${metric}P${p}Ms`, 'DOUBLE', (s) => pct(s.metrics[metric], p)]),
  ),
  ['requestEnergyJ', 'DOUBLE', (s) => s.energy.meanRequestJ],
  ['perCompletedEnergyJ', 'DOUBLE', (s) => s.energy.perCompletedJ],
  ['outputTokensPerJ', 'DOUBLE', (s) => s.energy.outputTokensPerJ],
  ['accuracy', 'DOUBLE', (s) => s.accuracy[0]?.accuracy ?? null],
  ['energySource', 'VARCHAR', (s) => s.energy.source],
  ['energyMethod', 'VARCHAR', (s) => s.energy.method],
  ['energyIsEstimate', 'BOOLEAN', (s) => s.energy.isEstimate],
  ['energyDomain', 'VARCHAR', (s) => s.energy.domain],
];

/** Offered load as a number for ordering: requests/s, else concurrency, else nothing (bursts and replays last). */
const offeredLevel = (s: LoadSummary): number =>
  typeof s.arrivals.ratePerS === 'number' ? s.arrivals.ratePerS : typeof s.arrivals.concurrency === 'number' ? s.arrivals.concurrency : Infinity;

/** The finished load runs of a study (`openStudy` finds them beside profile runs), by model, accelerator and offered load. */
export function studyLoadSummaries(study: Study): LoadSummary[] {
  const key = (s: LoadSummary): string => `${s.model.name}\u0000${s.model.accelerator}\u0000${String(s.arrivals.mode)}`;
  return study.loadRuns
    .filter((tag) => tag.finished)
    .map((tag) => readLoadRun(tag.runDir).summary as LoadSummary)
    .sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : offeredLevel(a) - offeredLevel(b)));
}

/**
 * One row per load level (finished load run) of a study, or of the summaries given: offered load, throughput, goodput, TTFT/TPOT/ITL/E2EL
 * percentiles (vLLM's definitions), energy per request (attributed, and window total / completed), tokens per joule
 * and accuracy, each row with its energy label. Undefined figures are null, never 0.
 */
export function loadLevels(source: Study | readonly LoadSummary[]): LoadLevelTable {
  const summaries = Array.isArray(source) ? (source as readonly LoadSummary[]) : studyLoadSummaries(source as Study);
  const rows = summaries.map((s) =>
    Object.fromEntries(LEVEL_COLUMNS.map(([name, , value]) => {
      const v = value(s);
      return [name, typeof v === 'number' && !Number.isFinite(v) ? null : v];
    })) as LoadLevelRow,
  );
  return { columns: LEVEL_COLUMNS.map(([name]) => name), columnTypes: LEVEL_COLUMNS.map(([, type]) => type), rows };
}

