import { FONT_FAMILY, FONT_SIZE_PX, NOTE_COLOR, TEXT_COLOR } from './colors.ts';
import { figureHtml, type PlotlyInclusion } from './html.ts';
import { MIME_BUNDLE, type Displayable, type MimeBundle } from './mime.ts';
import { DEFAULT_HEIGHT_PX, DEFAULT_WIDTH_PX, renderSvg, type SvgSize } from './svg/render.ts';
import type { FigureJson, Layout, PlotlyConfig, Trace } from './types.ts';

export const PLOTLY_MIME = 'application/vnd.plotly.v1+json';

const DEFAULT_CONFIG: PlotlyConfig = { responsive: true, displaylogo: false };

/**
 * A plotly figure as plain JSON plus the ways to show it. Immutable: `withLayout` returns a new figure,
 * so plot functions can be composed and tweaked in a notebook without surprising earlier outputs.
 */
export class Figure implements Displayable {
  readonly data: readonly Trace[];
  readonly layout: Readonly<Layout>;
  readonly config: Readonly<PlotlyConfig>;

  constructor(json: FigureJson) {
    this.data = structuredClone(json.data);
    this.layout = structuredClone(json.layout);
    this.config = { ...DEFAULT_CONFIG, ...json.config };
  }

  /** The plotly JSON (`{data, layout, config}`), deep-copied so callers cannot change this figure. */
  toJSON(): FigureJson {
    return structuredClone({ data: [...this.data], layout: { ...this.layout }, config: { ...this.config } });
  }

  withLayout(patch: Partial<Layout>): Figure {
    return new Figure({ data: [...this.data], layout: { ...this.layout, ...patch }, config: { ...this.config } });
  }

  get widthPx(): number {
    return this.layout.width ?? DEFAULT_WIDTH_PX;
  }

  get heightPx(): number {
    return this.layout.height ?? DEFAULT_HEIGHT_PX;
  }

  /** Static SVG from the pure-TS renderer (no browser); see ./svg/render.ts for what it draws. */
  toSVG(size: SvgSize = {}): string {
    return renderSvg(this.toJSON(), size);
  }

  /** Offline HTML: a static image that plotly.js replaces with the interactive plot when scripts run. */
  toHTML(options: { plotly?: PlotlyInclusion } = {}): string {
    return figureHtml(this.toJSON(), {
      plotly: options.plotly,
      staticSvg: this.toSVG(),
      widthPx: this.widthPx,
      heightPx: this.heightPx,
      alt: this.layout.title?.text ?? 'figure',
    });
  }

  toString(): string {
    const title = this.layout.title?.text;
    return `Figure${title ? ` "${title}"` : ''}: ${this.data.length} trace${this.data.length === 1 ? '' : 's'}`;
  }

  /**
   * Plotly JSON for front-ends that render it (JupyterLab with plotly's extension, VS Code), HTML for classic
   * Notebook and nbconvert, SVG for the rest, and plain text last. The HTML inlines plotly.js only in the
   * first figure of a kernel session (see `resetPlotlyInlining`).
   */
  [MIME_BUNDLE](): MimeBundle {
    const svg = this.toSVG();
    return {
      [PLOTLY_MIME]: this.toJSON(),
      'text/html': figureHtml(this.toJSON(), {
        staticSvg: svg,
        widthPx: this.widthPx,
        heightPx: this.heightPx,
        alt: this.layout.title?.text ?? 'figure',
      }),
      'image/svg+xml': svg,
      'text/plain': this.toString(),
    };
  }
}

export interface BaseLayoutOptions {
  title?: string;
  /** Caveat line under the title (shown in red). */
  note?: string;
  xTitle?: string;
  yTitle?: string;
  widthPx?: number;
  heightPx?: number;
}

/**
 * Shared look of IPW figures. The legend stays where plotly puts it (right of the plot) because plotly grows
 * the margin for it there; a legend above the plot collided with the title once it wrapped.
 */
export function baseLayout(options: BaseLayoutOptions): Layout {
  const layout: Layout = {
    font: { family: FONT_FAMILY, size: FONT_SIZE_PX, color: TEXT_COLOR },
    height: options.heightPx ?? DEFAULT_HEIGHT_PX,
    hovermode: 'closest',
    plot_bgcolor: '#ffffff',
    paper_bgcolor: '#ffffff',
    xaxis: { automargin: true },
    yaxis: { automargin: true },
  };
  if (options.widthPx !== undefined) layout.width = options.widthPx;
  if (options.title || options.note) {
    layout.title = { text: options.title ?? '' };
    if (options.note) layout.title.subtitle = { text: options.note, font: { size: 12, color: NOTE_COLOR } };
  }
  if (options.xTitle) layout.xaxis = { ...layout.xaxis, title: { text: options.xTitle } };
  if (options.yTitle) layout.yaxis = { ...layout.yaxis, title: { text: options.yTitle } };
  return layout;
}

/**
 * A plotly figure from traces and a layout (`baseLayout()` gives the house style). Shown in a notebook as an interactive
 * plot that also draws offline, and exportable with `exportFigure` (SVG, PDF, PNG).
 */
export function figure(data: Trace[], layout: Layout, config?: PlotlyConfig): Figure {
  return new Figure({ data, layout, config });
}
