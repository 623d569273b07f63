/**
 * The subset of plotly.js figure JSON that IPW plots produce. Both renderers read only this subset:
 * plotly.js in the browser and the static SVG renderer in ./svg, so a field added here must be drawn there too.
 * Missing values are `null` (not NaN) because JSON turns NaN into null anyway.
 */

export type AxisType = 'linear' | 'log' | 'category' | 'date';

/** Asymmetric error bars in data units: `array` above the value, `arrayminus` below it. */
export interface ErrorBars {
  type: 'data';
  symmetric: false;
  array: (number | null)[];
  arrayminus: (number | null)[];
  visible: boolean;
  color?: string;
  thickness?: number;
  width?: number;
}

export interface MarkerStyle {
  color?: string | string[];
  size?: number;
  symbol?: 'circle' | 'diamond' | 'square';
  line?: { color: string; width: number };
}

export interface LineStyle {
  color?: string;
  width?: number;
  dash?: 'solid' | 'dash' | 'dot';
  /** 'hv': horizontal then vertical, i.e. a step that holds each value until the next x. */
  shape?: 'linear' | 'hv';
}

export interface ScatterTrace {
  type: 'scatter';
  name?: string;
  x: (number | string | null)[];
  y: (number | null)[];
  mode: 'lines' | 'markers' | 'lines+markers' | 'markers+text' | 'lines+markers+text';
  text?: string[];
  textposition?: 'top center' | 'bottom center' | 'middle right' | 'top right';
  marker?: MarkerStyle;
  line?: LineStyle;
  error_x?: ErrorBars;
  error_y?: ErrorBars;
  showlegend?: boolean;
  legendgroup?: string;
  hovertemplate?: string;
  connectgaps?: boolean;
  /** false lets point labels near the frame spill over it instead of being cut. */
  cliponaxis?: boolean;
}

export interface BarTrace {
  type: 'bar';
  name?: string;
  x: string[];
  y: (number | null)[];
  marker?: { color?: string | string[] };
  error_y?: ErrorBars;
  showlegend?: boolean;
  legendgroup?: string;
  hovertemplate?: string;
}

export type Trace = ScatterTrace | BarTrace;

export interface Axis {
  title?: { text: string };
  type?: AxisType;
  /** For log axes plotly wants log10 of the bounds; IPW figures avoid fixing log ranges for that reason. */
  range?: [number, number];
  rangemode?: 'normal' | 'tozero';
  zeroline?: boolean;
  showgrid?: boolean;
  automargin?: boolean;
}

/** A rectangle spanning data x from x0 to x1 and the whole plot height (yref 'paper'), e.g. a query phase. */
export interface SpanShape {
  type: 'rect';
  xref: 'x';
  yref: 'paper';
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  fillcolor: string;
  opacity: number;
  line: { width: 0 };
  layer: 'below';
  name?: string;
  showlegend?: boolean;
  legendgroup?: string;
}

export interface Annotation {
  text: string;
  xref: 'paper';
  yref: 'paper';
  x: number;
  y: number;
  showarrow: false;
  xanchor?: 'left' | 'center' | 'right';
  yanchor?: 'top' | 'middle' | 'bottom';
  font?: { size?: number; color?: string };
}

export interface Title {
  text: string;
  /** A second, smaller line: IPW figures use it for caveats such as estimated energy. */
  subtitle?: { text: string; font?: { size?: number; color?: string } };
}

export interface Layout {
  title?: Title;
  width?: number;
  height?: number;
  xaxis?: Axis;
  yaxis?: Axis;
  barmode?: 'group';
  shapes?: SpanShape[];
  annotations?: Annotation[];
  showlegend?: boolean;
  margin?: { l: number; r: number; t: number; b: number };
  font?: { family?: string; size?: number; color?: string };
  hovermode?: 'closest' | 'x';
  plot_bgcolor?: string;
  paper_bgcolor?: string;
}

export interface PlotlyConfig {
  responsive?: boolean;
  displaylogo?: boolean;
  staticPlot?: boolean;
}

/** What `application/vnd.plotly.v1+json` carries. */
export interface FigureJson {
  data: Trace[];
  layout: Layout;
  config?: PlotlyConfig;
}
