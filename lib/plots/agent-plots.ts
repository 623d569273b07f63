/**
 * Plots of agent runs (docs/agents.md): one task's turns and tool calls over its power trace, energy per turn as the
 * conversation grows (KV reuse against re-prefill), and reasoning on against off. They take plain rows: a run's
 * agent tables (lib/store `readAgentTables`) for the timeline, and lib/analyze `agentTurnEnergy(study).rows` and
 * `agentSummary(study).rows` (or lib/metrics summary rows with a reasoning field) for the others.
 */
import { NOTE_COLOR, paletteColor, PHASE_COLORS } from './colors.ts';
import { Figure, baseLayout } from './figure.ts';
import { powerLine, spanShape, traceProvenance, type PowerTraceInput } from './power-trace.ts';
import { energyLabel, finiteOrNull, groupBy, intervalErrorBars, provenanceNote, withEstimateNote, type EnergyProvenance } from './rows.ts';
import type { PlotSizeOptions } from './summary-plots.ts';
import type { Annotation, ScatterTrace, SpanShape, Trace } from './types.ts';
import { formatNumber, type Interval } from '../metrics/index.ts';

/** One model turn as the timeline draws it (lib/store `AgentTurnRow` has these fields). */
export interface TimelineTurn {
  turn: number;
  clockStartMs: number;
  /** NaN when the turn generated no token: the whole turn is drawn as prefill. */
  clockFirstTokenMs: number;
  clockEndMs: number;
}

/** One tool call as the timeline draws it (lib/store `AgentToolCallRow` has these fields). */
export interface TimelineToolCall {
  turn: number;
  tool: string;
  ok: boolean;
  clockStartMs: number;
  clockEndMs: number;
}

const TOOL_COLOR = '#3ca951';
const FAILED_COLOR = '#d62728';


/**
 * One agent task over time: each model turn shaded as prefill then decode (split at its first token), each tool call
 * (failed ones red), the gaps between them (the harness) left white, turn numbers and tool names above, and the
 * power trace over the task on the same clock. The x axis is seconds from the task's first turn.
 */
export function taskTimeline(
  trace: PowerTraceInput | undefined,
  turns: readonly TimelineTurn[],
  toolCalls: readonly TimelineToolCall[],
  options: PlotSizeOptions = {},
): Figure {
  const starts = [...turns, ...toolCalls].map((w) => w.clockStartMs).filter(Number.isFinite);
  const ends = [...turns, ...toolCalls].map((w) => w.clockEndMs).filter(Number.isFinite);
  const originMs = starts.length > 0 ? Math.min(...starts) : 0;
  const endMs = ends.length > 0 ? Math.max(...ends) : originMs;
  const marginMs = Math.max(1, 0.03 * (endMs - originMs));
  const seconds = (ms: number) => (ms - originMs) / 1000;
  const [x0S, x1S] = [seconds(originMs - marginMs), seconds(endMs + marginMs)];
  const paperX = (ms: number) => (seconds(ms) - x0S) / (x1S - x0S);
  const shapes: SpanShape[] = [];
  const annotations: Annotation[] = [];
  const seen = new Set<string>();
  const add = (fromMs: number, toMs: number, color: string, opacity: number, name: string) => {
    shapes.push(spanShape(seconds(fromMs), seconds(toMs), color, opacity, name, !seen.has(name)));
    seen.add(name);
  };
  const label = (text: string, fromMs: number, toMs: number, y: number, color?: string) =>
    annotations.push({ text, xref: 'paper', yref: 'paper', x: paperX((fromMs + toMs) / 2), y, showarrow: false, xanchor: 'center', yanchor: 'bottom', font: { size: 10, ...(color ? { color } : {}) } });
  for (const turn of [...turns].sort((a, b) => a.clockStartMs - b.clockStartMs)) {
    const firstMs = Number.isFinite(turn.clockFirstTokenMs) ? turn.clockFirstTokenMs : turn.clockEndMs;
    add(turn.clockStartMs, firstMs, PHASE_COLORS.prefill, 0.35, 'turn: prefill');
    if (firstMs < turn.clockEndMs) add(firstMs, turn.clockEndMs, PHASE_COLORS.decode, 0.25, 'turn: decode');
    label(`T${turn.turn}`, turn.clockStartMs, turn.clockEndMs, 1.0);
  }
  for (const call of [...toolCalls].sort((a, b) => a.clockStartMs - b.clockStartMs)) {
    add(call.clockStartMs, call.clockEndMs, call.ok ? TOOL_COLOR : FAILED_COLOR, 0.35, call.ok ? 'tool call' : 'tool call (failed)');
    label(call.tool, call.clockStartMs, call.clockEndMs, 0.93, call.ok ? undefined : NOTE_COLOR);
  }
  const traces: Trace[] = [];
  const provenance = trace ? [traceProvenance(trace)] : [];
  const energy = energyLabel(provenance);
  let topW = 1;
  if (trace) {
    const power = powerLine(trace, originMs - marginMs, endMs + marginMs, originMs);
    topW = power.topW;
    traces.push(power.line);
  }
  const layout = baseLayout({
    title: options.title ?? 'Agent task: turns and tool calls over power',
    note: [
      `${turns.length} turn${turns.length === 1 ? '' : 's'}, ${toolCalls.length} tool call${toolCalls.length === 1 ? '' : 's'}; white: the harness between them.`,
      trace ? provenanceNote(provenance, energy, 'Power') : 'No power trace given.',
    ].filter((t) => t).join(' '),
    xTitle: 'Time since the task started (s)',
    yTitle: withEstimateNote('Power (W)', energy),
    widthPx: options.widthPx,
    heightPx: options.heightPx,
  });
  // Fixed ranges: the labels above the spans are placed in plot fractions, and the top of the plot is kept for them.
  layout.xaxis = { ...layout.xaxis, range: [x0S, x1S] };
  layout.yaxis = { ...layout.yaxis, range: [0, topW * 1.25] };
  layout.shapes = shapes;
  layout.annotations = annotations;
  return new Figure({ data: traces, layout });
}

/** One turn number of one cell, as lib/analyze `agentTurnEnergy` gives it; undefined figures are null. */
export type TurnEnergyPlotRow = EnergyProvenance & {
  model?: string;
  accelerator?: string;
  reasoning?: string | null;
  /** 'reuse' or 'reprefill'. */
  kvCache: string;
  turn: number;
  meanEnergyJ: number | null;
  meanPrefillEnergyJ?: number | null;
  meanDecodeEnergyJ?: number | null;
};

export interface EnergyPerTurnOptions extends PlotSizeOptions {
  /** `turn` (default): the whole turn's joules; `prefill` or `decode`: that phase's. */
  part?: 'turn' | 'prefill' | 'decode';
}

const PART_FIELD = { turn: 'meanEnergyJ', prefill: 'meanPrefillEnergyJ', decode: 'meanDecodeEnergyJ' } as const;

/** The fields among `keys` whose value differs between rows (labels show only what tells rows apart). */
function varying<T extends object>(rows: readonly T[], keys: readonly string[]): string[] {
  return keys.filter((key) => new Set(rows.map((row) => String((row as Record<string, unknown>)[key] ?? ''))).size > 1);
}

const energyId = (row: EnergyProvenance) => `${row.energySource}|${row.energyMethod}|${row.energyIsEstimate}|${row.energyDomain}`;

/**
 * Joules per turn against the turn number, one line per cell and KV mode: solid for `reuse` (each turn prefills only
 * the new tokens), dashed for `reprefill` (every turn prefills the whole history), so the cost of re-reading the
 * history shows as the gap between them. Cells with different energy labels are separate lines.
 */
export function energyPerTurn(rows: readonly TurnEnergyPlotRow[], options: EnergyPerTurnOptions = {}): Figure {
  const part = options.part ?? 'turn';
  const field = PART_FIELD[part];
  const label = energyLabel(rows);
  const keys = varying(rows, ['model', 'accelerator', 'reasoning']);
  const splitByEnergy = new Set(rows.map(energyId)).size > 1;
  const cellName = (row: TurnEnergyPlotRow) =>
    [...keys.map((key) => (key === 'reasoning' ? `reasoning ${row.reasoning ?? 'unset'}` : String(row[key as 'model'] ?? ''))), ...(splitByEnergy ? [row.energyDomain || row.energySource || 'unknown source'] : [])]
      .filter((t) => t)
      .join(' · ');
  const colors = new Map<string, string>();
  const traces: ScatterTrace[] = [];
  for (const [name, group] of groupBy(rows, (row) => `${cellName(row)}\u0000${row.kvCache}`)) {
    const first = group[0]!;
    const cell = cellName(first);
    if (!colors.has(cell)) colors.set(cell, paletteColor(colors.size));
    const color = colors.get(cell)!;
    const sorted = [...group].sort((a, b) => a.turn - b.turn);
    const traceName = [cell, first.kvCache].filter((t) => t).join(', ');
    traces.push({
      type: 'scatter',
      mode: 'lines+markers',
      name: traceName || name,
      x: sorted.map((row) => row.turn),
      y: sorted.map((row) => finiteOrNull(row[field] ?? NaN)),
      line: { color, width: 1.5, dash: first.kvCache === 'reprefill' ? 'dash' : 'solid' },
      marker: { color, size: 6 },
      hovertemplate: `turn %{x}<br>%{y:.4g} J<extra>${traceName}</extra>`,
    });
  }
  const what = part === 'turn' ? 'Energy per turn' : `${part === 'prefill' ? 'Prefill' : 'Decode'} energy per turn`;
  const layout = baseLayout({
    title: options.title ?? `${what} as the history grows`,
    note: provenanceNote(rows, label),
    xTitle: 'Turn',
    yTitle: withEstimateNote(`${what} (J)`, label),
    widthPx: options.widthPx,
    heightPx: options.heightPx,
  });
  layout.yaxis = { ...layout.yaxis, rangemode: 'tozero' };
  return new Figure({ data: traces, layout });
}

type ReasoningStat = 'accuracy' | 'meanEnergyJ' | 'ipw';

/**
 * A summary cell with a reasoning label: lib/analyze `agentSummary` rows (intervals as `<stat>Lo`/`<stat>Hi`) or
 * lib/metrics summary rows (intervals in `ci`), plus the label field named by `field`.
 */
export type ReasoningPlotRow = EnergyProvenance & {
  model?: string;
  accelerator?: string;
  domain?: string;
  accuracy: number | null;
  meanEnergyJ: number | null;
  ipw: number | null;
  ci?: Partial<Record<ReasoningStat, Interval>>;
  accuracyLo?: number | null;
  accuracyHi?: number | null;
  meanEnergyJLo?: number | null;
  meanEnergyJHi?: number | null;
  ipwLo?: number | null;
  ipwHi?: number | null;
};

export interface ReasoningOnOffOptions extends PlotSizeOptions {
  /** The rows' field holding the reasoning label ('on', 'off', 'budget:N'); default 'reasoning'. */
  field?: string;
  /** The label the others are compared with; default 'off'. */
  reference?: string;
  /** What one row's energy is for: 'query' (default) or 'task'. */
  per?: 'query' | 'task';
}

function intervalOf(row: ReasoningPlotRow, stat: ReasoningStat): Interval | undefined {
  if (row.ci?.[stat]) return row.ci[stat];
  const [lo, hi] = [row[`${stat}Lo`], row[`${stat}Hi`]];
  return typeof lo === 'number' && typeof hi === 'number' ? [lo, hi] : undefined;
}

/**
 * Reasoning on against off (and budgets), side by side on accuracy, energy per query (or task) and IPW: for each cell
 * (model, accelerator, and whatever else differs between rows), each label's value divided by the reference label's,
 * so the reference is 1 on every metric; the absolute value is written above each bar. Error bars are each row's
 * interval divided by the same reference value (the reference's own uncertainty is not included).
 */
export function reasoningOnOff<R extends ReasoningPlotRow>(rows: readonly R[], options: ReasoningOnOffOptions = {}): Figure {
  const field = options.field ?? 'reasoning';
  const reference = options.reference ?? 'off';
  const per = options.per ?? 'query';
  const labelOf = (row: R) => {
    const value = (row as Record<string, unknown>)[field];
    return value === null || value === undefined ? null : String(value);
  };
  const labelled = rows.filter((row) => labelOf(row) !== null);
  if (labelled.length === 0) throw new Error(`reasoningOnOff: no row has a "${field}" label; name the rows' label field in options.field`);
  const energy = energyLabel(labelled);
  const groupKeys = varying(labelled, ['model', 'accelerator', 'domain', 'kvCache']).filter((key) => key !== field);
  const splitByEnergy = new Set(labelled.map(energyId)).size > 1;
  const groupName = (row: R) =>
    [...groupKeys.map((key) => String((row as Record<string, unknown>)[key] ?? '')), ...(splitByEnergy ? [row.energyDomain || row.energySource || 'unknown source'] : [])]
      .filter((t) => t)
      .join(' · ');
  const labels = [...new Set(labelled.map((row) => labelOf(row)!))].sort((a, b) => (a === reference ? -1 : b === reference ? 1 : a < b ? -1 : a > b ? 1 : 0));
  const groups = [...groupBy(labelled, groupName)];
  const cell = new Map<string, R>();
  for (const [name, group] of groups) {
    for (const row of group) {
      const id = `${name}\u0000${labelOf(row)}`;
      if (cell.has(id)) throw new Error(`reasoningOnOff: two rows for ${name || 'the same cell'} with ${field} ${labelOf(row)}; give one row per cell and label (summarize by domain, or filter the rows)`);
      cell.set(id, row);
    }
  }
  const energyName = withEstimateNote(`J per ${per}`, energy);
  const stats: [ReasoningStat, string, (v: number) => string][] = [
    ['accuracy', 'Accuracy', (v) => formatNumber(v, 3)],
    ['meanEnergyJ', energyName, (v) => `${formatNumber(v, 3)} J`],
    ['ipw', withEstimateNote('IPW', energy), (v) => formatNumber(v, 3)],
  ];
  const categories = groups.flatMap(([name]) => stats.map(([, statName]) => (name ? `${name} · ${statName}` : statName)));
  const traces: Trace[] = [];
  const tops: { category: number; bar: number; ratio: number; text: string }[] = [];
  let missingReference = false;
  labels.forEach((label, bar) => {
    const y: (number | null)[] = [];
    const values: number[] = [];
    const intervals: (Interval | undefined)[] = [];
    groups.forEach(([name], g) => {
      const row = cell.get(`${name}\u0000${label}`);
      const ref = cell.get(`${name}\u0000${reference}`);
      if (row && !ref) missingReference = true;
      stats.forEach(([stat, , format], s) => {
        const value = row?.[stat] ?? NaN;
        const base = ref?.[stat] ?? NaN;
        const ratio = Number.isFinite(value) && Number.isFinite(base) && base !== 0 ? value / base : NaN;
        const interval = row ? intervalOf(row, stat) : undefined;
        y.push(finiteOrNull(ratio));
        values.push(ratio);
        intervals.push(interval && Number.isFinite(ratio) ? [interval[0] / base, interval[1] / base] : undefined);
        if (Number.isFinite(ratio)) tops.push({ category: g * stats.length + s, bar, ratio: Math.max(ratio, intervals.at(-1)?.[1] ?? ratio), text: format(value) });
      });
    });
    const trace: Trace = {
      type: 'bar',
      name: `${field} ${label}`,
      x: categories,
      y,
      marker: { color: paletteColor(bar) },
      hovertemplate: `%{x}<br>%{y:.3f} x ${field} ${reference}<extra>%{fullData.name}</extra>`,
    };
    const errors = intervalErrorBars(values, intervals, '#333333');
    if (errors) trace.error_y = errors;
    traces.push(trace);
  });
  const topRatio = Math.max(1, ...tops.map((t) => t.ratio));
  const yMax = topRatio * 1.2;
  // Bars fill 80% of each category band, split evenly between labels (plotly's default gap; the SVG renderer's too).
  const band = 1 / Math.max(1, categories.length);
  const barWidth = (0.8 * band) / Math.max(1, labels.length);
  const annotations: Annotation[] = tops.map((t) => ({
    text: t.text, xref: 'paper', yref: 'paper', x: t.category * band + 0.1 * band + barWidth * (t.bar + 0.5), y: t.ratio / yMax,
    showarrow: false, xanchor: 'center', yanchor: 'bottom', font: { size: 10 },
  }));
  const layout = baseLayout({
    title: options.title ?? `Reasoning ${labels.join(' / ')}: accuracy, energy and IPW`,
    note: [
      provenanceNote(labelled, energy),
      missingReference ? `Cells without a "${reference}" row have no bars.` : '',
    ].filter((t) => t).join(' '),
    xTitle: groupKeys.length > 0 || splitByEnergy ? 'Cell · metric' : 'Metric',
    yTitle: `Relative to ${field} ${reference} (= 1)`,
    widthPx: options.widthPx,
    heightPx: options.heightPx,
  });
  layout.barmode = 'group';
  layout.yaxis = { ...layout.yaxis, range: [0, yMax] };
  layout.annotations = annotations;
  return new Figure({ data: traces, layout });
}
