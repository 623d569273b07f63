import type { Axis, AxisType, ErrorBars, FigureJson, Trace } from '../types.ts';
import { dateTicks, dateValueMs, linearTicks, logTicks, type Tick } from './ticks.ts';

/** Maps data values on one axis to pixels. `toPx` returns NaN for values it cannot place. */
export interface Scale {
  type: AxisType;
  toPx(value: number | string | null): number;
  ticks: Tick[];
  /** Category axes only: width of one category's band. */
  bandPx: number;
  /** Pixel position of the low end of the axis (left for x, bottom for y). */
  startPx: number;
  categories: string[];
}

function finite(values: Iterable<number>): number[] {
  const out: number[] = [];
  for (const value of values) if (Number.isFinite(value)) out.push(value);
  return out;
}

function extent(values: number[]): [number, number] | undefined {
  if (values.length === 0) return undefined;
  let lo = values[0]!;
  let hi = lo;
  for (const value of values) {
    if (value < lo) lo = value;
    if (value > hi) hi = value;
  }
  return [lo, hi];
}

/** The axis type plotly would pick for this data: bars and strings are categories, unless the layout says otherwise. */
export function axisType(fig: FigureJson, which: 'x' | 'y'): AxisType {
  const axis = which === 'x' ? fig.layout.xaxis : fig.layout.yaxis;
  if (axis?.type) return axis.type;
  if (which === 'y') return 'linear';
  if (fig.data.some((trace) => trace.type === 'bar')) return 'category';
  if (fig.data.some((trace) => trace.x.some((value) => typeof value === 'string'))) return 'category';
  return 'linear';
}

function numeric(value: number | string | null, type: AxisType): number {
  if (type === 'date') return dateValueMs(value);
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '') return Number(value);
  return Number.NaN;
}

/** Values plus their error-bar ends, so the axis range shows whole bars. */
function withErrors(values: number[], errors: ErrorBars | undefined): number[] {
  if (!errors?.visible) return values;
  const out = [...values];
  values.forEach((value, i) => {
    out.push(value + (errors.array[i] ?? 0), value - (errors.arrayminus[i] ?? 0));
  });
  return out;
}

function dataValues(fig: FigureJson, which: 'x' | 'y', type: AxisType): number[] {
  const out: number[] = [];
  for (const trace of fig.data) {
    const raw: (number | string | null)[] = which === 'x' ? trace.x : trace.y;
    const values = raw.map((value) => numeric(value, type));
    const errors = which === 'x' ? (trace.type === 'scatter' ? trace.error_x : undefined) : trace.error_y;
    out.push(...withErrors(values, errors));
    if (which === 'y' && trace.type === 'bar') out.push(0);
  }
  if (which === 'x') for (const shape of fig.layout.shapes ?? []) out.push(shape.x0, shape.x1);
  return finite(out);
}

function hasMarkers(traces: Trace[]): boolean {
  return traces.some((trace) => trace.type === 'scatter' && trace.mode.includes('markers'));
}

function categoryScale(fig: FigureJson, startPx: number, endPx: number): Scale {
  const categories: string[] = [];
  for (const trace of fig.data) {
    for (const value of trace.x) {
      const key = String(value);
      if (value !== null && !categories.includes(key)) categories.push(key);
    }
  }
  const bandPx = (endPx - startPx) / Math.max(1, categories.length);
  return {
    type: 'category',
    toPx: (value) => {
      const index = categories.indexOf(String(value));
      return index < 0 ? Number.NaN : startPx + bandPx * (index + 0.5);
    },
    ticks: categories.map((label, index) => ({ value: index, label })),
    bandPx,
    startPx,
    categories,
  };
}

/**
 * Build a scale for one axis. `startPx` maps the low end (left for x, bottom for y).
 * Ranges follow plotly's autorange closely enough: bars and `rangemode: 'tozero'` include zero,
 * markers get 5% padding so they are not cut at the frame, lines run edge to edge.
 */
export function buildScale(fig: FigureJson, which: 'x' | 'y', startPx: number, endPx: number): Scale {
  const type = axisType(fig, which);
  if (type === 'category') return categoryScale(fig, startPx, endPx);
  const axis: Axis | undefined = which === 'x' ? fig.layout.xaxis : fig.layout.yaxis;
  let values = dataValues(fig, which, type);
  if (type === 'log') values = values.filter((value) => value > 0);
  let [lo, hi] = extent(values) ?? (type === 'log' ? [1, 10] : [0, 1]);
  if (axis?.range) {
    [lo, hi] = type === 'log' ? [10 ** axis.range[0], 10 ** axis.range[1]] : axis.range;
  } else {
    if (type === 'linear' && axis?.rangemode === 'tozero') [lo, hi] = [Math.min(lo, 0), Math.max(hi, 0)];
    const pad = hasMarkers(fig.data) || fig.data.some((trace) => trace.type === 'bar') ? 0.05 : 0;
    if (type === 'log') {
      const [logLo, logHi] = lo === hi ? [Math.log10(lo) - 0.5, Math.log10(hi) + 0.5] : [Math.log10(lo), Math.log10(hi)];
      const span = logHi - logLo;
      [lo, hi] = [10 ** (logLo - span * pad), 10 ** (logHi + span * pad)];
    } else if (lo === hi) {
      const half = lo === 0 ? 1 : Math.abs(lo) * 0.1;
      [lo, hi] = type === 'date' ? [lo - 15 * 86_400_000, hi + 15 * 86_400_000] : [lo - half, hi + half];
    } else {
      const span = hi - lo;
      // Keep a zero baseline (bars, tozero) exactly on the axis instead of padding below it.
      lo = lo === 0 && (axis?.rangemode === 'tozero' || fig.data.some((t) => t.type === 'bar')) ? 0 : lo - span * pad;
      hi += span * pad;
    }
  }
  const toUnit =
    type === 'log'
      ? (value: number) => (Math.log10(value) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo))
      : (value: number) => (value - lo) / (hi - lo);
  const ticks = type === 'log' ? logTicks(lo, hi) : type === 'date' ? dateTicks(lo, hi) : linearTicks(lo, hi, which === 'x' ? 7 : 5);
  return {
    type,
    toPx: (value) => {
      const number = numeric(value, type);
      if (!Number.isFinite(number) || (type === 'log' && number <= 0)) return Number.NaN;
      return startPx + toUnit(number) * (endPx - startPx);
    },
    ticks,
    bandPx: 0,
    startPx,
    categories: [],
  };
}
