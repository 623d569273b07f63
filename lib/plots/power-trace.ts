import { PHASE_COLORS, paletteColor } from './colors.ts';
import { minMaxIndices } from './decimate.ts';
import { Figure, baseLayout } from './figure.ts';
import { energyLabel, provenanceNote, withEstimateNote, type EnergyProvenance } from './rows.ts';
import type { ScatterTrace, SpanShape } from './types.ts';

/** Power samples on the shared monotonic clock (the same clock as the windows' startMs/endMs). */
export interface PowerTraceInput {
  timeMs: ArrayLike<number>;
  /** Instantaneous power; NaN where the source has none (RAPL, the estimator), which `energyJ` then fills. */
  powerW: ArrayLike<number>;
  /** Cumulative energy counter, used to derive power where `powerW` is NaN. */
  energyJ?: ArrayLike<number>;
  /**
   * Samples in use, when the arrays have spare capacity (lib/energy's growable PowerTrace keeps `length`
   * below its Float64Arrays' length); default the shorter array's length.
   */
  length?: number;
  /** Energy source name; 'estimated' labels the plot as such. */
  source?: string;
  isEstimate?: boolean;
  /** How the source measured; shown with the source under the title. */
  method?: string;
  /** The energy domain(s) the trace covers, e.g. `rapl:package-0`. */
  domain?: string;
}

export interface PhaseWindow {
  queryId: string;
  startMs: number;
  endMs: number;
  phase: 'prefill' | 'decode';
}

export interface PowerTraceOptions {
  title?: string;
  /**
   * `queries` (default, when there are windows): the queries' span with a 5% margin, the start-up before them (model
   * load, idle baseline, warm-up) left out and its length named under the title; `all`: the whole trace.
   */
  span?: 'queries' | 'all';
  /** Time zero of the x axis; defaults to the first sample shown. */
  originMs?: number;
  /** Samples kept in the figure JSON; longer traces keep each bucket's first, min, max and last sample. */
  maxPoints?: number;
  /** Shade each query's whole span (first window start to last window end) as well as its phases. */
  showQueries?: boolean;
  widthPx?: number;
  heightPx?: number;
}

export const DEFAULT_MAX_TRACE_POINTS = 4000;

/**
 * Shrink a trace to about `maxPoints` samples, keeping each bucket's extremes so short power spikes survive
 * (plain striding would drop them, and spikes are what a power trace is read for).
 */
export function downsampleMinMax(timeMs: ArrayLike<number>, powerW: ArrayLike<number>, maxPoints: number, length?: number): { timeMs: number[]; powerW: number[] } {
  const n = Math.min(timeMs.length, powerW.length, length ?? Number.POSITIVE_INFINITY);
  if (n <= maxPoints) return { timeMs: Array.from({ length: n }, (_, i) => timeMs[i]!), powerW: Array.from({ length: n }, (_, i) => powerW[i]!) };
  const buckets = Math.max(1, Math.floor(maxPoints / 4));
  const size = n / buckets;
  const keep = minMaxIndices(n, (i) => powerW[i]!, (i) => Math.floor(i / size));
  return { timeMs: keep.map((i) => timeMs[i]!), powerW: keep.map((i) => powerW[i]!) };
}

/** A full-height band from `x0S` to `x1S` seconds under the plot, in the legend once per `name` (`first`). */
export function spanShape(x0S: number, x1S: number, color: string, opacity: number, name: string, first: boolean): SpanShape {
  return {
    type: 'rect', xref: 'x', yref: 'paper', x0: x0S, x1: x1S, y0: 0, y1: 1, fillcolor: color, opacity,
    line: { width: 0 }, layer: 'below', name, legendgroup: name, showlegend: first,
  };
}

function span(x0S: number, x1S: number, kind: keyof typeof PHASE_COLORS, first: boolean): SpanShape {
  return spanShape(x0S, x1S, PHASE_COLORS[kind], kind === 'query' ? 0.12 : kind === 'prefill' ? 0.35 : 0.18, kind, first);
}

/** Query spans (light) under prefill and decode spans, in seconds from `originMs`. */
export function phaseSpans(windows: readonly PhaseWindow[], originMs: number, showQueries = true): SpanShape[] {
  const shapes: SpanShape[] = [];
  if (showQueries) {
    const queries = new Map<string, [number, number]>();
    for (const w of windows) {
      const known = queries.get(w.queryId);
      queries.set(w.queryId, known ? [Math.min(known[0], w.startMs), Math.max(known[1], w.endMs)] : [w.startMs, w.endMs]);
    }
    let first = true;
    for (const [startMs, endMs] of queries.values()) {
      shapes.push(span((startMs - originMs) / 1000, (endMs - originMs) / 1000, 'query', first));
      first = false;
    }
  }
  const seen = new Set<string>();
  for (const w of windows) {
    shapes.push(span((w.startMs - originMs) / 1000, (w.endMs - originMs) / 1000, w.phase, !seen.has(w.phase)));
    seen.add(w.phase);
  }
  return shapes;
}

/** Shortest interval a derived power figure averages over; a ms-apart pair of samples gives meaningless spikes. */
export const MIN_DERIVED_INTERVAL_MS = 20;

/**
 * Power from a cumulative energy counter: at each sample, the energy since the latest sample at least
 * `minIntervalMs` earlier, divided by that time. Samples with their own finite power keep it. Pure.
 */
export function powerFromEnergy(
  timeMs: ArrayLike<number>,
  energyJ: ArrayLike<number>,
  powerW: ArrayLike<number>,
  minIntervalMs = MIN_DERIVED_INTERVAL_MS,
  length = Math.min(timeMs.length, energyJ.length, powerW.length),
): Float64Array {
  const out = new Float64Array(length);
  let back = 0;
  for (let i = 0; i < length; i++) {
    if (Number.isFinite(powerW[i]!)) {
      out[i] = powerW[i]!;
      continue;
    }
    while (back + 1 < i && timeMs[i]! - timeMs[back + 1]! >= minIntervalMs) back++;
    const dtMs = timeMs[i]! - timeMs[back]!;
    out[i] = i > 0 && dtMs >= minIntervalMs ? ((energyJ[i]! - energyJ[back]!) / dtMs) * 1000 : NaN;
  }
  return out;
}

/**
 * The samples to draw, as an index range: all of them, or the queries' span with a 5% margin (at least one sample
 * either side), and a note naming the start-up left out. Pure.
 */
export function shownSpan(trace: PowerTraceInput, windows: readonly PhaseWindow[], span: 'queries' | 'all'): { from: number; to: number; note: string } {
  const n = Math.min(trace.length ?? Infinity, trace.timeMs.length);
  if (span === 'all' || windows.length === 0 || n === 0) return { from: 0, to: n, note: '' };
  const startMs = Math.min(...windows.map((w) => w.startMs));
  const endMs = Math.max(...windows.map((w) => w.endMs));
  const marginMs = 0.05 * (endMs - startMs);
  let from = 0;
  while (from + 1 < n && trace.timeMs[from + 1]! <= startMs - marginMs) from++;
  let to = n;
  while (to - 1 > from + 1 && trace.timeMs[to - 2]! >= endMs + marginMs) to--;
  const startupS = (startMs - trace.timeMs[0]!) / 1000;
  const note = from > 0 ? `The ${startupS.toFixed(1)} s before the first query (model load, idle baseline, warm-up) are not shown (span: 'all' shows them).` : '';
  return { from, to, note };
}

/** Power samples as the figures' line: x in seconds from `originMs`, missing power as gaps. */
function powerScatter(samples: { timeMs: number[]; powerW: number[] }, originMs: number): ScatterTrace {
  return {
    type: 'scatter',
    mode: 'lines',
    name: 'power',
    x: samples.timeMs.map((t) => (t - originMs) / 1000),
    y: samples.powerW.map((w) => (Number.isFinite(w) ? w : null)),
    line: { color: paletteColor(2), width: 1.5 },
    hovertemplate: '%{x:.3f} s<br>%{y:.1f} W<extra></extra>',
  };
}

/** What a trace says about its energy, as plot rows carry it. */
export function traceProvenance(trace: PowerTraceInput): EnergyProvenance {
  return { energyIsEstimate: trace.isEstimate, energySource: trace.source, energyMethod: trace.method, energyDomain: trace.domain };
}

/**
 * The power from `fromMs` to `toMs` as a line, x in seconds from `originMs` (power derived from the energy counter
 * where the source gives none, thinned to about `maxPoints` keeping each bucket's extremes), and its highest finite
 * watts (at least 1), for figures that place other marks above it.
 */
export function powerLine(trace: PowerTraceInput, fromMs: number, toMs: number, originMs: number, maxPoints = DEFAULT_MAX_TRACE_POINTS): { line: ScatterTrace; topW: number } {
  const n = Math.min(trace.length ?? Infinity, trace.timeMs.length);
  const allPowerW = trace.energyJ ? powerFromEnergy(trace.timeMs, trace.energyJ, trace.powerW, MIN_DERIVED_INTERVAL_MS, n) : trace.powerW;
  const keep: number[] = [];
  for (let i = 0; i < n; i++) if (trace.timeMs[i]! >= fromMs && trace.timeMs[i]! <= toMs) keep.push(i);
  const samples = downsampleMinMax(keep.map((i) => trace.timeMs[i]!), keep.map((i) => allPowerW[i]!), maxPoints);
  return { line: powerScatter(samples, originMs), topW: Math.max(1, ...samples.powerW.filter(Number.isFinite)) };
}

/** The power trace of a run, with each query's span and its prefill and decode phases shaded. */
export function powerTrace(trace: PowerTraceInput, windows: readonly PhaseWindow[] = [], options: PowerTraceOptions = {}): Figure {
  const allPowerW = trace.energyJ ? powerFromEnergy(trace.timeMs, trace.energyJ, trace.powerW, MIN_DERIVED_INTERVAL_MS, trace.length) : trace.powerW;
  const shown = shownSpan(trace, windows, options.span ?? 'queries');
  const timeMs = Array.prototype.slice.call(trace.timeMs, shown.from, shown.to) as number[];
  const powerW = Array.prototype.slice.call(allPowerW, shown.from, shown.to) as number[];
  const originMs = options.originMs ?? (timeMs.length > 0 ? timeMs[0]! : 0);
  const samples = downsampleMinMax(timeMs, powerW, options.maxPoints ?? DEFAULT_MAX_TRACE_POINTS);
  const provenance = traceProvenance(trace);
  const label = energyLabel([provenance]);
  const layout = baseLayout({
    title: options.title ?? 'Power during the run',
    note: [provenanceNote([provenance], label, 'Power'), shown.note].filter((n) => n).join(' '),
    xTitle: 'Time (s)',
    yTitle: withEstimateNote('Power (W)', label),
    widthPx: options.widthPx,
    heightPx: options.heightPx,
  });
  layout.yaxis = { ...layout.yaxis, rangemode: 'tozero' };
  layout.shapes = phaseSpans(windows, originMs, options.showQueries ?? true);
  return new Figure({ data: [powerScatter(samples, originMs)], layout });
}
