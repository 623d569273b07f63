/**
 * Plots of serving under load (lib/load): latency, throughput and energy against offered load, one run's timeline, and
 * the frontier of energy per request against p99 latency. They take plain rows: `loadLevels(study).rows` for the load
 * levels, a load run's requests and power trace for the timeline.
 */
import { paletteColor, PHASE_COLORS } from './colors.ts';
import { Figure, baseLayout } from './figure.ts';
import { dominatedMarks } from './frontier-plot.ts';
import { paretoSplit } from './pareto.ts';
import { powerLine, traceProvenance, type PowerTraceInput } from './power-trace.ts';
import { energyLabel, finiteOrNull, groupBy, provenanceNote, withEstimateNote, type EnergyProvenance } from './rows.ts';
import type { PlotSizeOptions } from './summary-plots.ts';
import type { ScatterTrace, SpanShape, Trace } from './types.ts';

export type LatencyMetric = 'ttft' | 'tpot' | 'itl' | 'e2el';

/** One load level (a load run), as `loadLevels` gives it; undefined figures are null. */
export type ServingLevel = EnergyProvenance & {
  model: string;
  accelerator: string;
  /** How the load was offered, e.g. `closed x4`, `poisson 2/s`. */
  load: string;
  /** Offered rate (open loop) or concurrency (closed loop); null for the other modes. */
  ratePerS: number | null;
  concurrency: number | null;
  requestThroughputPerS: number | null;
  outputTokenThroughputPerS: number | null;
  /** Mean attributed joules per completed request, and the model-free window joules / completed requests. */
  requestEnergyJ: number | null;
  perCompletedEnergyJ: number | null;
  outputTokensPerJ: number | null;
} & { [percentile in `${LatencyMetric}P${number}Ms`]?: number | null };

const LATENCY_NAMES: Record<LatencyMetric, string> = { ttft: 'TTFT', tpot: 'TPOT', itl: 'ITL', e2el: 'E2EL' };

/** The x axis of load levels: offered rate where every level has one, else concurrency, else achieved throughput. */
function offeredAxis(levels: readonly ServingLevel[]): { title: string; value: (level: ServingLevel) => number | null } {
  if (levels.length > 0 && levels.every((l) => l.ratePerS !== null)) return { title: 'Offered load (requests/s)', value: (l) => l.ratePerS };
  if (levels.length > 0 && levels.every((l) => l.concurrency !== null)) return { title: 'Concurrency (requests in flight)', value: (l) => l.concurrency };
  return { title: 'Achieved throughput (requests/s)', value: (l) => l.requestThroughputPerS };
}

/** Levels per model and accelerator, each series sorted along the x axis. */
function seriesOf(levels: readonly ServingLevel[], x: (level: ServingLevel) => number | null): Array<[string, ServingLevel[]]> {
  const accelerators = new Set(levels.map((l) => l.accelerator));
  const name = (l: ServingLevel) => (accelerators.size > 1 ? `${l.model} on ${l.accelerator}` : l.model);
  return [...groupBy(levels, name)].map(([key, group]) => [key, [...group].sort((a, b) => (x(a) ?? Infinity) - (x(b) ?? Infinity))]);
}

function line(name: string, xs: (number | null)[], ys: (number | null | undefined)[], color: string, dash: 'solid' | 'dash' | 'dot', hover: string): ScatterTrace {
  return {
    type: 'scatter',
    mode: 'lines+markers',
    name,
    x: xs,
    y: ys.map((v) => finiteOrNull(v ?? NaN)),
    line: { color, width: 1.5, dash },
    marker: { color, size: 6 },
    hovertemplate: hover,
  };
}

export interface LatencyVsLoadOptions extends PlotSizeOptions {
  /** Default `ttft`. */
  metric?: LatencyMetric;
  /** Percentiles drawn, each a line per model (solid, dashed, dotted); default [50, 99]. */
  percentiles?: readonly number[];
}

/** A latency metric's percentiles against offered load, one colour per model (vLLM's definitions, lib/load). */
export function latencyVsLoad(levels: readonly ServingLevel[], options: LatencyVsLoadOptions = {}): Figure {
  const metric = options.metric ?? 'ttft';
  const percentiles = options.percentiles ?? [50, 99];
  const axis = offeredAxis(levels);
  const dashes = ['solid', 'dash', 'dot'] as const;
  const traces = seriesOf(levels, axis.value).flatMap(([name, group], s) =>
    percentiles.map((p, i) =>
      line(`${name} p${p}`, group.map(axis.value), group.map((l) => l[`${metric}P${p}Ms`]), paletteColor(s), dashes[i % dashes.length]!, `%{x}<br>${LATENCY_NAMES[metric]} p${p} %{y:.4g} ms<extra>${name}</extra>`),
    ),
  );
  const layout = baseLayout({
    title: options.title ?? `${LATENCY_NAMES[metric]} against load`,
    xTitle: axis.title,
    yTitle: `${LATENCY_NAMES[metric]} (ms)`,
    widthPx: options.widthPx,
    heightPx: options.heightPx,
  });
  layout.yaxis = { ...layout.yaxis, rangemode: 'tozero' };
  return new Figure({ data: traces, layout });
}

/** Achieved request throughput against offered load, with the line where achieved equals offered for open-loop rates. */
export function throughputVsLoad(levels: readonly ServingLevel[], options: PlotSizeOptions = {}): Figure {
  const axis = offeredAxis(levels);
  const traces: Trace[] = seriesOf(levels, axis.value).map(([name, group], s) =>
    line(name, group.map(axis.value), group.map((l) => l.requestThroughputPerS), paletteColor(s), 'solid', `%{x}<br>%{y:.4g} requests/s<extra>${name}</extra>`),
  );
  const rates = levels.map((l) => l.ratePerS).filter((r): r is number => r !== null && Number.isFinite(r));
  if (axis.title.startsWith('Offered') && rates.length > 0) {
    const top = Math.max(...rates);
    traces.push({ type: 'scatter', mode: 'lines', name: 'achieved = offered', x: [0, top], y: [0, top], line: { color: '#999999', width: 1, dash: 'dot' } });
  }
  const layout = baseLayout({ title: options.title ?? 'Throughput against load', xTitle: axis.title, yTitle: 'Completed requests/s', widthPx: options.widthPx, heightPx: options.heightPx });
  layout.yaxis = { ...layout.yaxis, rangemode: 'tozero' };
  return new Figure({ data: traces, layout });
}

export interface EnergyVsLoadOptions extends PlotSizeOptions {
  /** `request` (default): joules per request, attributed (solid) and window / completed (dashed); `tokens`: output tokens per joule. */
  metric?: 'request' | 'tokens';
}

/** Energy per request (both views, lib/load docs/serving.md) or tokens per joule against offered load, labelled with its source. */
export function energyVsLoad(levels: readonly ServingLevel[], options: EnergyVsLoadOptions = {}): Figure {
  const metric = options.metric ?? 'request';
  const axis = offeredAxis(levels);
  const label = energyLabel(levels);
  const traces = seriesOf(levels, axis.value).flatMap(([name, group], s): ScatterTrace[] => {
    const xs = group.map(axis.value);
    const color = paletteColor(s);
    if (metric === 'tokens') return [line(name, xs, group.map((l) => l.outputTokensPerJ), color, 'solid', `%{x}<br>%{y:.4g} tokens/J<extra>${name}</extra>`)];
    return [
      line(`${name}, attributed`, xs, group.map((l) => l.requestEnergyJ), color, 'solid', `%{x}<br>%{y:.4g} J/request (attributed)<extra>${name}</extra>`),
      line(`${name}, window / completed`, xs, group.map((l) => l.perCompletedEnergyJ), color, 'dash', `%{x}<br>%{y:.4g} J/request (window / completed)<extra>${name}</extra>`),
    ];
  });
  const layout = baseLayout({
    title: options.title ?? (metric === 'tokens' ? 'Output tokens per joule against load' : 'Energy per request against load'),
    note: provenanceNote(levels, label),
    xTitle: axis.title,
    yTitle: withEstimateNote(metric === 'tokens' ? 'Output tokens per joule' : 'Energy per request (J)', label),
    widthPx: options.widthPx,
    heightPx: options.heightPx,
  });
  layout.yaxis = { ...layout.yaxis, rangemode: 'tozero' };
  return new Figure({ data: traces, layout });
}

/**
 * Energy per request against p99 end-to-end latency, every load level of every model a point: the levels no other
 * beats on both (lower energy and lower latency) joined and labelled, the rest grey. One frontier per energy label.
 */
export function servingFrontier(levels: readonly ServingLevel[], options: PlotSizeOptions = {}): Figure {
  const label = energyLabel(levels);
  const points = levels.map((l) => ({
    label: `${l.model} ${l.load}`,
    // The frontier helpers maximise `accuracy`: here less energy is better, so its negative stands in.
    accuracy: -(l.requestEnergyJ ?? NaN),
    p99LatencyMs: l.e2elP99Ms ?? NaN,
    energyIsEstimate: l.energyIsEstimate,
    energySource: l.energySource,
    energyMethod: l.energyMethod,
    energyDomain: l.energyDomain,
  }));
  const split = paretoSplit(points, { cost: (p) => p.p99LatencyMs, value: (p) => p.accuracy });
  const traces: Trace[] = [];
  if (split.dominated.length > 0) {
    const grey = dominatedMarks(split.dominated, 'latency');
    traces.push({ ...grey, y: split.dominated.map((p) => finiteOrNull(-p.accuracy)), hovertemplate: '%{text}<br>p99 E2EL %{x:.4g} ms<br>%{y:.4g} J/request<extra>dominated</extra>' });
  }
  traces.push({
    type: 'scatter',
    mode: 'lines+markers+text',
    name: 'frontier',
    x: split.frontier.map((p) => p.p99LatencyMs),
    y: split.frontier.map((p) => -p.accuracy),
    text: split.frontier.map((p) => p.label),
    textposition: 'top right',
    cliponaxis: false,
    line: { color: '#333333', width: 1.5, dash: 'dash', shape: 'hv' },
    marker: { color: paletteColor(0), size: 10 },
    hovertemplate: '%{text}<br>p99 E2EL %{x:.4g} ms<br>%{y:.4g} J/request<extra>frontier</extra>',
  });
  const layout = baseLayout({
    title: options.title ?? 'Energy per request against p99 latency',
    note: provenanceNote(levels, label),
    xTitle: 'p99 end-to-end latency (ms)',
    yTitle: withEstimateNote('Energy per request (J, attributed)', label),
    widthPx: options.widthPx,
    heightPx: options.heightPx,
  });
  return new Figure({ data: traces, layout });
}

/** One request of a load run, as the timeline draws it (`LoadRequestRow` from lib/store has these fields). */
export interface TimelineRequest {
  requestId: string;
  sentMs: number;
  /** NaN when no token came back. */
  firstTokenMs: number;
  endMs: number;
  ok: boolean;
}

export interface LoadTimelineOptions extends PlotSizeOptions {
  /** Requests drawn, in send order; default 2000 (a note says how many were left out). */
  maxRequests?: number;
}

/**
 * Slots: each request goes to the lowest-numbered lane free when it is sent, so lanes never overlap and the number of
 * bars over an instant is the number of requests in flight then. Pure.
 */
export function assignLanes(requests: readonly TimelineRequest[]): number[] {
  const freeAtMs: number[] = [];
  return requests.map((r) => {
    let lane = freeAtMs.findIndex((t) => t <= r.sentMs);
    if (lane < 0) lane = freeAtMs.push(0) - 1;
    freeAtMs[lane] = r.endMs;
    return lane;
  });
}

/**
 * One load run over time: each request a bar in the upper half (waiting for its first token light, streaming dark,
 * failed red), one lane per request in flight so the stack's height is the batch size, and the power trace in the
 * lower half, on the run's one clock.
 */
export function loadTimeline(requests: readonly TimelineRequest[], trace?: PowerTraceInput, options: LoadTimelineOptions = {}): Figure {
  const maxRequests = options.maxRequests ?? 2000;
  const shown = [...requests].sort((a, b) => a.sentMs - b.sentMs).slice(0, maxRequests);
  const originMs = shown.length > 0 ? shown[0]!.sentMs : 0;
  const lanes = assignLanes(shown);
  const laneCount = Math.max(1, ...lanes.map((l) => l + 1));
  // Lanes fill the band from 0.5 to 1 of the plot's height; the power axis is scaled so the trace stays below it.
  const laneHeight = 0.5 / laneCount;
  const seconds = (ms: number) => (ms - originMs) / 1000;
  const bar = (x0Ms: number, x1Ms: number, lane: number, color: string, opacity: number, name: string, first: boolean): SpanShape => ({
    type: 'rect', xref: 'x', yref: 'paper', x0: seconds(x0Ms), x1: seconds(x1Ms),
    y0: 0.5 + lane * laneHeight + laneHeight * 0.1, y1: 0.5 + (lane + 1) * laneHeight - laneHeight * 0.1,
    fillcolor: color, opacity, line: { width: 0 }, layer: 'below', name, legendgroup: name, showlegend: first,
  });
  const shapes: SpanShape[] = [];
  const seen = new Set<string>();
  shown.forEach((r, i) => {
    const lane = lanes[i]!;
    const add = (x0Ms: number, x1Ms: number, color: string, opacity: number, name: string) => {
      shapes.push(bar(x0Ms, x1Ms, lane, color, opacity, name, !seen.has(name)));
      seen.add(name);
    };
    if (!r.ok) add(r.sentMs, r.endMs, '#d62728', 0.6, 'failed');
    else if (Number.isFinite(r.firstTokenMs)) {
      add(r.sentMs, r.firstTokenMs, PHASE_COLORS.prefill, 0.35, 'waiting for first token');
      add(r.firstTokenMs, r.endMs, PHASE_COLORS.decode, 0.7, 'streaming');
    } else add(r.sentMs, r.endMs, PHASE_COLORS.decode, 0.7, 'streaming');
  });
  const traces: Trace[] = [];
  const provenance = trace ? [traceProvenance(trace)] : [];
  const label = energyLabel(provenance);
  let topW = 1;
  if (trace) {
    const power = powerLine(trace, originMs, shown.reduce((m, r) => Math.max(m, r.endMs), originMs), originMs);
    topW = power.topW;
    traces.push(power.line);
  }
  const left = requests.length - shown.length;
  const layout = baseLayout({
    title: options.title ?? 'Requests and power over the run',
    note: [
      `Bars: requests, one lane per request in flight (up to ${laneCount}); their stack is the batch size.`,
      trace ? provenanceNote(provenance, label, 'Power') : 'No power trace given.',
      left > 0 ? `${left} later requests not shown.` : '',
    ].filter((t) => t).join(' '),
    xTitle: 'Time since the first request (s)',
    yTitle: withEstimateNote('Power (W)', label),
    widthPx: options.widthPx,
    heightPx: options.heightPx,
  });
  layout.yaxis = { ...layout.yaxis, range: [0, topW * 2.1] };
  layout.shapes = shapes;
  return new Figure({ data: traces, layout });
}
