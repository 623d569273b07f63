/**
 * Figures, tables and live views for notebooks and publications.
 *
 * - Plot functions take plain rows and return a `Figure` (plotly JSON). A figure displays itself in the IPW
 *   kernel through `Symbol.for('ipw.mimeBundle')`: plotly JSON, offline HTML, a static SVG, and text.
 * - The static SVG comes from a small pure-TS renderer (no browser at display time); `exportFigure` uses
 *   headless Chromium and plotly.js itself for publication files. See docs/plots.md.
 */
export { Figure, figure, baseLayout, type BaseLayoutOptions } from './figure.ts';
export type { FigureJson, Layout, PlotlyConfig, Trace } from './types.ts';
export { resetPlotlyInlining } from './html.ts';
export { paretoFrontier, paretoSplit, type ParetoAccessors, type ParetoSplit } from './pareto.ts';
export {
  dominatedMarks, frontierCost, frontierGroups, frontierMarks, paretoPlot, type FrontierAxis, type FrontierPoint, type ParetoPlotOptions,
} from './frontier-plot.ts';
export { powerTrace, type PhaseWindow, type PowerTraceInput, type PowerTraceOptions } from './power-trace.ts';
export {
  accuracyVsEnergy, ipwBars, domainAccuracy, ipwOverTime,
  type AccuracyVsEnergyOptions, type DatedSummaryRow, type IpwBarsOptions, type IpwMetric, type IpwOverTimeOptions,
  type PlotSizeOptions,
} from './summary-plots.ts';
export type { PlotSummaryRow } from './rows.ts';
export { htmlTable, Table, type HtmlTableOptions, type TableColumn } from './table.ts';
export {
  LIVE_PHASE_LABELS,
  liveRun,
  liveRunView,
  liveStats,
  LiveRunView,
  type LivePhase,
  type LiveProgress,
  type LiveRunCallbacks,
  type LiveRunOptions,
  type LiveRunViewOptions,
  type LiveStats,
  type ShowLive,
} from './live.ts';
export { exportFigure, closeExportBrowser, type ExportFormat, type ExportOptions, type ExportResult } from './export.ts';
export { PHASE_COLORS } from './colors.ts';
export {
  assignLanes, energyVsLoad, latencyVsLoad, loadTimeline, servingFrontier, throughputVsLoad,
  type EnergyVsLoadOptions, type LatencyMetric, type LatencyVsLoadOptions, type LoadTimelineOptions, type ServingLevel, type TimelineRequest,
} from './serving-plots.ts';
export {
  energyPerTurn, reasoningOnOff, taskTimeline,
  type EnergyPerTurnOptions, type ReasoningOnOffOptions, type ReasoningPlotRow, type TimelineToolCall, type TimelineTurn, type TurnEnergyPlotRow,
} from './agent-plots.ts';
