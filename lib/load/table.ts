// Text tables of load runs: one run in vLLM's layout, and several load levels side by side. Pure.
import { formatNumber } from '../metrics/index.ts';
import type { LoadSummary } from './load.ts';
import type { Distribution } from './serving-metrics.ts';

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
