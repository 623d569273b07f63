/**
 * The Pareto frontier of a grid of configurations: accuracy against joules per query or against p99 latency, frontier
 * cells labelled and joined by a step, dominated cells greyed. Built from small mark functions, so a notebook can
 * reuse the marks on its own axes.
 */
import { paletteColor } from './colors.ts';
import { Figure, baseLayout } from './figure.ts';
import { paretoSplit, type ParetoSplit } from './pareto.ts';
import { energyLabel, finiteOrNull, groupBy, provenanceNote, seriesKeyOf, withEstimateNote, type EnergyProvenance } from './rows.ts';
import type { ScatterTrace, Trace } from './types.ts';
import type { PlotSizeOptions } from './summary-plots.ts';

/** One configuration (a sweep cell): its name, accuracy, and the costs a frontier can trade it against. */
export interface FrontierPoint extends EnergyProvenance {
  label: string;
  accuracy: number;
  /** Mean joules per query; NaN or absent when energy was not measured. */
  meanEnergyJ?: number;
  /** 99th-percentile latency per query, ms. */
  p99LatencyMs?: number;
}

/** What accuracy is traded against: mean joules per query, or p99 latency. */
export type FrontierAxis = 'energy' | 'latency';

export interface ParetoPlotOptions extends PlotSizeOptions {
  /** Default `energy`. */
  against?: FrontierAxis;
  /** Log x axis; by default on when the costs span 30x or more. */
  logX?: boolean;
}

const DOMINATED_COLOR = '#b8b8b8';
const FRONTIER_LINE_COLOR = '#333333';

/** The x value of a point for an axis. */
export function frontierCost(against: FrontierAxis): (point: FrontierPoint) => number {
  return against === 'energy' ? (p) => p.meanEnergyJ ?? Number.NaN : (p) => p.p99LatencyMs ?? Number.NaN;
}

/**
 * The frontier and the dominated points, per group: for energy, one group per energy label (source, method, domain),
 * because a measured and an estimated joule do not compare; for latency, one group.
 */
export function frontierGroups(points: readonly FrontierPoint[], against: FrontierAxis): Array<{ name: string; split: ParetoSplit<FrontierPoint> }> {
  const accessors = { cost: frontierCost(against), value: (p: FrontierPoint) => p.accuracy };
  const key: (p: FrontierPoint) => string = against === 'energy' ? seriesKeyOf(points) : () => '';
  return [...groupBy(points, key)].map(([name, group]) => ({ name, split: paretoSplit(group, accessors) }));
}

/** Grey markers for the dominated points, labelled on hover only. */
export function dominatedMarks(points: readonly FrontierPoint[], against: FrontierAxis, name = 'dominated'): ScatterTrace {
  const cost = frontierCost(against);
  return {
    type: 'scatter',
    mode: 'markers',
    name,
    x: points.map((p) => finiteOrNull(cost(p))),
    y: points.map((p) => finiteOrNull(p.accuracy)),
    text: points.map((p) => p.label),
    marker: { color: DOMINATED_COLOR, size: 8 },
    hovertemplate: `%{text}<br>%{x:.4g} ${against === 'energy' ? 'J/query' : 'ms p99'}<br>accuracy %{y:.3f}<extra>dominated</extra>`,
  };
}

/** The frontier's points, labelled, and the step joining them: for a budget on x, the best accuracy within it. */
export function frontierMarks(frontier: readonly FrontierPoint[], against: FrontierAxis, color: string, name = 'Pareto frontier'): ScatterTrace[] {
  const cost = frontierCost(against);
  const x = frontier.map((p) => cost(p));
  const y = frontier.map((p) => p.accuracy);
  return [
    {
      type: 'scatter',
      mode: 'lines',
      name: `${name} (step)`,
      showlegend: false,
      x,
      y,
      line: { color: FRONTIER_LINE_COLOR, width: 1.5, dash: 'dash', shape: 'hv' },
      hovertemplate: '%{x:.4g}<br>accuracy %{y:.3f}<extra></extra>',
    },
    {
      type: 'scatter',
      mode: 'markers+text',
      name,
      x,
      y,
      text: frontier.map((p) => p.label),
      textposition: 'top center',
      cliponaxis: false,
      marker: { color, size: 10 },
      hovertemplate: `%{text}<br>%{x:.4g} ${against === 'energy' ? 'J/query' : 'ms p99'}<br>accuracy %{y:.3f}<extra>frontier</extra>`,
    },
  ];
}

/**
 * Accuracy against joules per query (default) or p99 latency, every configuration a point: those on the Pareto
 * frontier coloured, labelled and joined by a step, the dominated ones grey. Energy axes carry the energy label in
 * the axis title and the provenance note (source, method, domain), and never draw one frontier across labels.
 */
export function paretoPlot(points: readonly FrontierPoint[], options: ParetoPlotOptions = {}): Figure {
  const against = options.against ?? 'energy';
  const groups = frontierGroups(points, against);
  const traces: Trace[] = [];
  const dominated = groups.flatMap((g) => g.split.dominated);
  if (dominated.length > 0) traces.push(dominatedMarks(dominated, against));
  groups.forEach((group, i) => {
    const name = groups.length > 1 ? `frontier: ${group.name || 'unlabelled'}` : 'Pareto frontier';
    traces.push(...frontierMarks(group.split.frontier, against, paletteColor(i), name));
  });
  const label = energyLabel(points);
  const costs = points.map(frontierCost(against)).filter((c) => Number.isFinite(c) && c > 0);
  const logX = options.logX ?? (costs.length > 1 && Math.max(...costs) / Math.min(...costs) >= 30);
  const layout = baseLayout({
    title: options.title ?? (against === 'energy' ? 'Accuracy vs energy per query: Pareto frontier' : 'Accuracy vs p99 latency: Pareto frontier'),
    // Latency needs no energy caveat, but the provenance still says where each cell's joules came from.
    note: against === 'energy' ? provenanceNote(points, label) : undefined,
    xTitle: against === 'energy' ? withEstimateNote('Energy per query (J)', label) : 'p99 latency per query (ms)',
    yTitle: 'Accuracy',
    widthPx: options.widthPx,
    heightPx: options.heightPx,
  });
  if (logX) layout.xaxis = { ...layout.xaxis, type: 'log' };
  return new Figure({ data: traces, layout });
}
