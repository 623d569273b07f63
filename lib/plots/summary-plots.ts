/** Plots of metrics summary rows (one row per model x accelerator, optionally x domain). */
import { paletteColor } from './colors.ts';
import { Figure, baseLayout } from './figure.ts';
import { paretoFrontier } from './pareto.ts';
import {
  energyLabel, finiteOrNull, groupBy, intervalErrorBars, provenanceNote, rowLabel, seriesKeyOf, varyingKeys, withEstimateNote,
  type PlotSummaryRow,
} from './rows.ts';
import type { Layout, ScatterTrace, Trace } from './types.ts';

export interface PlotSizeOptions {
  title?: string;
  widthPx?: number;
  heightPx?: number;
}

export interface EnergyPlotOptions extends PlotSizeOptions {
  /** Overrides what the rows say about energy provenance (summary rows carry none by default). */
  energyIsEstimate?: boolean;
}

export interface AccuracyVsEnergyOptions extends EnergyPlotOptions {
  /** Log energy axis; by default on when energies span 30x or more. */
  logEnergy?: boolean;
  /** Draw the Pareto frontier (default true). */
  frontier?: boolean;
}

const ACCURACY_TITLE = 'Accuracy';

function defaultLogEnergy(rows: readonly PlotSummaryRow[]): boolean {
  const energies = rows.map((row) => row.meanEnergyJ).filter((e) => Number.isFinite(e) && e > 0);
  return energies.length > 1 && Math.max(...energies) / Math.min(...energies) >= 30;
}

/**
 * Accuracy against mean energy per query, one colour per accelerator and each point labelled with what
 * else varies between rows, plus the Pareto frontier as a step: for an energy budget on the x axis, the
 * frontier shows the best accuracy any configuration reaches within it.
 */
export function accuracyVsEnergy(rows: readonly PlotSummaryRow[], options: AccuracyVsEnergyOptions = {}): Figure {
  const label = energyLabel(rows, options.energyIsEstimate);
  const labelKeys = varyingKeys(rows, ['model', 'domain']);
  const groups = groupBy(rows, seriesKeyOf(rows));
  const traces: Trace[] = [];
  let colorIndex = 0;
  for (const [accelerator, group] of groups) {
    const color = paletteColor(colorIndex++);
    const energies = group.map((row) => row.meanEnergyJ);
    const accuracies = group.map((row) => row.accuracy);
    const trace: ScatterTrace = {
      type: 'scatter',
      mode: 'markers+text',
      name: accelerator || 'all',
      x: energies.map(finiteOrNull),
      y: accuracies.map(finiteOrNull),
      text: group.map((row) => rowLabel(row, labelKeys.length > 0 ? labelKeys : ['model'])),
      textposition: 'top center',
      cliponaxis: false,
      marker: { color, size: 10 },
      hovertemplate: '%{text}<br>%{x:.4g} J/query<br>accuracy %{y:.3f}<extra>%{fullData.name}</extra>',
    };
    const errorX = intervalErrorBars(energies, group.map((row) => row.ci?.meanEnergyJ), color);
    const errorY = intervalErrorBars(accuracies, group.map((row) => row.ci?.accuracy), color);
    if (errorX) trace.error_x = errorX;
    if (errorY) trace.error_y = errorY;
    traces.push(trace);
  }
  if (options.frontier ?? true) {
    const frontier = paretoFrontier(rows);
    if (frontier.length > 0) {
      traces.push({
        type: 'scatter',
        mode: 'lines+markers',
        name: 'Pareto frontier',
        x: frontier.map((row) => row.meanEnergyJ),
        y: frontier.map((row) => row.accuracy),
        line: { color: '#333333', width: 1.5, dash: 'dash', shape: 'hv' },
        marker: { color: '#333333', size: 5, symbol: 'diamond' },
        hovertemplate: 'frontier<br>%{x:.4g} J/query<br>accuracy %{y:.3f}<extra></extra>',
      });
    }
  }
  const layout = baseLayout({
    title: options.title ?? 'Accuracy vs energy per query',
    note: provenanceNote(rows, label),
    xTitle: withEstimateNote('Energy per query (J)', label),
    yTitle: ACCURACY_TITLE,
    widthPx: options.widthPx,
    heightPx: options.heightPx,
  });
  if (options.logEnergy ?? defaultLogEnergy(rows)) layout.xaxis = { ...layout.xaxis, type: 'log' };
  return new Figure({ data: traces, layout });
}

export type IpwMetric = 'ipw' | 'ipj';

export interface IpwBarsOptions extends EnergyPlotOptions {
  metric?: IpwMetric;
}

const METRIC_TITLES: Record<IpwMetric, { axis: string; title: string; provenance: string }> = {
  ipw: { axis: 'IPW (accuracy per W)', title: 'Intelligence per watt', provenance: 'Power' },
  ipj: { axis: 'IPJ (accuracy per J)', title: 'Intelligence per joule', provenance: 'Energy' },
};

/** The plotted value with its CI, for either metric. */
function metricOf(row: PlotSummaryRow, metric: IpwMetric): { value: number; interval: [number, number] | undefined } {
  return { value: row[metric], interval: row.ci?.[metric] };
}

/**
 * IPW or IPJ bars with bootstrap CI error bars: models (plus domain, when rows are split by it) along x,
 * one bar colour per accelerator.
 */
export function ipwBars(rows: readonly PlotSummaryRow[], options: IpwBarsOptions = {}): Figure {
  const metric = options.metric ?? 'ipw';
  const titles = METRIC_TITLES[metric];
  const label = energyLabel(rows, options.energyIsEstimate);
  const categoryKeys = varyingKeys(rows, ['model', 'domain']);
  const category = (row: PlotSummaryRow) => rowLabel(row, categoryKeys.length > 0 ? categoryKeys : ['model']) || 'all';
  const traces: Trace[] = [];
  let colorIndex = 0;
  for (const [accelerator, group] of groupBy(rows, seriesKeyOf(rows))) {
    const values = group.map((row) => metricOf(row, metric));
    const trace: Trace = {
      type: 'bar',
      name: accelerator || 'all',
      x: group.map(category),
      y: values.map((v) => finiteOrNull(v.value)),
      marker: { color: paletteColor(colorIndex++) },
      hovertemplate: `%{x}<br>${metric.toUpperCase()} %{y:.4g}<extra>%{fullData.name}</extra>`,
    };
    const errors = intervalErrorBars(values.map((v) => v.value), values.map((v) => v.interval));
    if (errors) trace.error_y = errors;
    traces.push(trace);
  }
  const layout: Layout = {
    ...baseLayout({
      title: options.title ?? titles.title,
      note: provenanceNote(rows, label, titles.provenance),
      xTitle: categoryKeys.includes('domain') ? 'Model / domain' : 'Model',
      yTitle: withEstimateNote(titles.axis, label),
      widthPx: options.widthPx,
      heightPx: options.heightPx,
    }),
    barmode: 'group',
  };
  return new Figure({ data: traces, layout });
}

/**
 * Accuracy per domain with CI error bars, one bar colour per model (and accelerator, when several).
 * No energy involved, so no estimate labelling.
 */
export function domainAccuracy(rows: readonly PlotSummaryRow[], options: PlotSizeOptions = {}): Figure {
  const seriesKeys = varyingKeys(rows, ['model', 'accelerator']);
  const series = (row: PlotSummaryRow) => rowLabel(row, seriesKeys.length > 0 ? seriesKeys : ['model']) || 'all';
  const traces: Trace[] = [];
  let colorIndex = 0;
  for (const [name, group] of groupBy(rows, series)) {
    const accuracies = group.map((row) => row.accuracy);
    const trace: Trace = {
      type: 'bar',
      name,
      x: group.map((row) => row.domain ?? 'all'),
      y: accuracies.map(finiteOrNull),
      marker: { color: paletteColor(colorIndex++) },
      hovertemplate: '%{x}<br>accuracy %{y:.3f}<extra>%{fullData.name}</extra>',
    };
    const errors = intervalErrorBars(accuracies, group.map((row) => row.ci?.accuracy));
    if (errors) trace.error_y = errors;
    traces.push(trace);
  }
  const layout: Layout = {
    ...baseLayout({ title: options.title ?? 'Accuracy by domain', xTitle: 'Domain', yTitle: ACCURACY_TITLE, widthPx: options.widthPx, heightPx: options.heightPx }),
    barmode: 'group',
  };
  layout.yaxis = { ...layout.yaxis, range: [0, 1.05] };
  return new Figure({ data: traces, layout });
}

export type DatedSummaryRow = PlotSummaryRow & {
  /** Model release date: "YYYY-MM-DD", any ISO date-time, or a Date. */
  releaseDate: string | Date;
};

export interface IpwOverTimeOptions extends EnergyPlotOptions {
  metric?: IpwMetric;
  /** Draw the best value released so far as a step line (default true). */
  bestToDate?: boolean;
}

function isoDay(date: string | Date): string | null {
  const ms = date instanceof Date ? date.getTime() : Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(date) ? `${date}T00:00:00Z` : date);
  return Number.isFinite(ms) ? new Date(ms).toISOString().slice(0, 10) : null;
}

/**
 * IPW (or IPJ) of each model against its release date, one colour per accelerator, with the best value
 * released up to each date as a step line: the trend the "intelligence per watt" question is about.
 */
export function ipwOverTime(rows: readonly DatedSummaryRow[], options: IpwOverTimeOptions = {}): Figure {
  const metric = options.metric ?? 'ipw';
  const titles = METRIC_TITLES[metric];
  const label = energyLabel(rows, options.energyIsEstimate);
  const dated = rows
    .map((row) => ({ row, day: isoDay(row.releaseDate) }))
    .filter((entry): entry is { row: DatedSummaryRow; day: string } => entry.day !== null)
    .sort((a, b) => a.day.localeCompare(b.day));
  const traces: Trace[] = [];
  let colorIndex = 0;
  const seriesKey = seriesKeyOf(rows);
  for (const [accelerator, group] of groupBy(dated, (entry) => seriesKey(entry.row))) {
    const color = paletteColor(colorIndex++);
    const values = group.map((entry) => metricOf(entry.row, metric));
    const trace: ScatterTrace = {
      type: 'scatter',
      mode: 'markers+text',
      name: accelerator || 'all',
      x: group.map((entry) => entry.day),
      y: values.map((v) => finiteOrNull(v.value)),
      text: group.map((entry) => entry.row.model ?? ''),
      textposition: 'top center',
      cliponaxis: false,
      marker: { color, size: 9 },
      hovertemplate: `%{text}<br>%{x}<br>${metric.toUpperCase()} %{y:.4g}<extra>%{fullData.name}</extra>`,
    };
    const errors = intervalErrorBars(values.map((v) => v.value), values.map((v) => v.interval), color);
    if (errors) trace.error_y = errors;
    traces.push(trace);
  }
  if ((options.bestToDate ?? true) && dated.length > 1) {
    const x: string[] = [];
    const y: number[] = [];
    let best = Number.NEGATIVE_INFINITY;
    for (const { row, day } of dated) {
      const value = row[metric];
      if (!Number.isFinite(value) || value <= best) continue;
      best = value;
      x.push(day);
      y.push(value);
    }
    traces.push({
      type: 'scatter', mode: 'lines', name: 'best to date', x, y,
      line: { color: '#333333', width: 1.5, dash: 'dash', shape: 'hv' }, hovertemplate: '%{x}<br>best %{y:.4g}<extra></extra>',
    });
  }
  const layout = baseLayout({
    title: options.title ?? `${titles.title} over time`,
    note: provenanceNote(rows, label, titles.provenance),
    xTitle: 'Model release date',
    yTitle: withEstimateNote(titles.axis, label),
    widthPx: options.widthPx,
    heightPx: options.heightPx,
  });
  layout.xaxis = { ...layout.xaxis, type: 'date' };
  return new Figure({ data: traces, layout });
}
