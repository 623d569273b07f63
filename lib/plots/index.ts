/**
 * Figures, tables and live views for notebooks and publications.
 *
 * - Plot functions take plain rows and return a `Figure` (plotly JSON). A figure displays itself in the IPW
 *   kernel through `Symbol.for('ipw.mimeBundle')`: plotly JSON, offline HTML, a static SVG, and text.
 * - The static SVG comes from a small pure-TS renderer (no browser at display time); `exportFigure` uses
 *   headless Chromium and plotly.js itself for publication files. See docs/plots.md.
 */
export { Figure, figure, baseLayout, PLOTLY_MIME, type BaseLayoutOptions } from './figure.ts';
export type {
  Annotation, Axis, AxisType, BarTrace, ErrorBars, FigureJson, Layout, LineStyle, MarkerStyle, PlotlyConfig, ScatterTrace,
  SpanShape, Trace,
} from './types.ts';
export { MIME_BUNDLE, isDisplayable, type Displayable, type MimeBundle } from './mime.ts';
export { resetPlotlyInlining, plotlyPending, type PlotlyInclusion } from './html.ts';
export { plotlyBundlePath } from './plotly-source.ts';
export { renderSvg, DEFAULT_WIDTH_PX, DEFAULT_HEIGHT_PX, type SvgSize } from './svg/render.ts';
export { paretoFrontier, type ParetoAccessors } from './pareto.ts';
export {
  powerTrace, phaseSpans, downsampleMinMax, DEFAULT_MAX_TRACE_POINTS,
  type PhaseWindow, type PowerTraceInput, type PowerTraceOptions,
} from './power-trace.ts';
export {
  accuracyVsEnergy, ipwBars, domainAccuracy, ipwOverTime,
  type AccuracyVsEnergyOptions, type DatedSummaryRow, type EnergyPlotOptions, type IpwBarsOptions, type IpwMetric,
  type IpwOverTimeOptions, type PlotSizeOptions,
} from './summary-plots.ts';
export { energyLabel, type EnergyLabel, type EnergyProvenance, type PlotSummaryRow } from './rows.ts';
export { htmlTable, Table, formatCell, formatInterval, type HtmlTableOptions, type TableColumn } from './table.ts';
export { liveRunView, LiveRunView, liveStats, sparklineSvg, type LiveProgress, type LiveRunViewOptions, type LiveStats } from './live.ts';
export {
  exportFigure, closeExportBrowser, findBrowser, formatFromPath, BrowserNotFoundError, BROWSER_CANDIDATES,
  type ExportFormat, type ExportOptions, type ExportResult,
} from './export.ts';
export { PALETTE, PHASE_COLORS } from './colors.ts';
