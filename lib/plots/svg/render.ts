/**
 * Static SVG renderer for the figure subset in ../types.ts. It exists so a figure shows without JavaScript
 * (GitHub, untrusted notebooks, nbconvert) and without a browser at display time; it aims to be correct
 * and legible, not a pixel match of plotly.js.
 */
import { AXIS_COLOR, FONT_FAMILY, FONT_SIZE_PX, GRID_COLOR, TEXT_COLOR, paletteColor } from '../colors.ts';
import { minMaxIndices } from '../decimate.ts';
import type { Annotation, BarTrace, ErrorBars, FigureJson, ScatterTrace, SpanShape, Trace } from '../types.ts';
import { buildScale, axisType, type Scale } from './scale.ts';
import { element, escapeXml, hashString, px, textWidthPx } from './xml.ts';

export const DEFAULT_WIDTH_PX = 720;
export const DEFAULT_HEIGHT_PX = 440;

export interface SvgSize {
  widthPx?: number;
  heightPx?: number;
}

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

interface LegendItem {
  label: string;
  color: string;
  kind: 'line' | 'marker' | 'bar' | 'span';
  dash?: string;
  opacity?: number;
}

const LEGEND_ROW_PX = 18;
const TITLE_FONT_PX = 16;

function traceColor(trace: Trace, index: number): string {
  const color = trace.type === 'bar' ? trace.marker?.color : (trace.line?.color ?? trace.marker?.color);
  if (typeof color === 'string') return color;
  if (trace.type === 'scatter' && typeof trace.marker?.color === 'string') return trace.marker.color;
  return paletteColor(index);
}

function pointColor(trace: Trace, index: number, point: number): string {
  const color = trace.marker?.color;
  if (Array.isArray(color)) return color[point] ?? paletteColor(index);
  return traceColor(trace, index);
}

function legendItems(fig: FigureJson): LegendItem[] {
  if (fig.layout.showlegend === false) return [];
  const items: LegendItem[] = [];
  const seenGroups = new Set<string>();
  const once = (group: string | undefined): boolean => {
    if (group === undefined) return true;
    if (seenGroups.has(group)) return false;
    seenGroups.add(group);
    return true;
  };
  fig.data.forEach((trace, index) => {
    if (trace.showlegend === false || !trace.name || !once(trace.legendgroup)) return;
    const kind = trace.type === 'bar' ? 'bar' : trace.mode.includes('lines') ? 'line' : 'marker';
    const dash = trace.type === 'scatter' ? dashArray(trace.line?.dash) : undefined;
    items.push({ label: trace.name, color: traceColor(trace, index), kind, dash });
  });
  for (const shape of fig.layout.shapes ?? []) {
    if (!shape.showlegend || !shape.name || !once(shape.legendgroup ?? shape.name)) continue;
    items.push({ label: shape.name, color: shape.fillcolor, kind: 'span', opacity: shape.opacity });
  }
  return items;
}

function dashArray(dash: string | undefined): string | undefined {
  return dash === 'dash' ? '6 4' : dash === 'dot' ? '2 3' : undefined;
}

function legendItemWidth(item: LegendItem): number {
  return 28 + textWidthPx(item.label, FONT_SIZE_PX) + 16;
}

function text(x: number, y: number, content: string, extra: Record<string, string | number | undefined> = {}): string {
  return element('text', { x, y, ...extra }, escapeXml(content));
}

/** A vertical legend right of the plot, where plotly puts it by default. */
function renderLegend(items: LegendItem[], left: number, top: number): string {
  const parts: string[] = [];
  items.forEach((item, r) => {
    const x = left;
    const y = top + r * LEGEND_ROW_PX + LEGEND_ROW_PX / 2;
    const swatch =
      item.kind === 'line'
        ? element('line', { x1: x, y1: y, x2: x + 22, y2: y, stroke: item.color, 'stroke-width': 2, 'stroke-dasharray': item.dash })
        : item.kind === 'marker'
          ? element('circle', { cx: x + 11, cy: y, r: 4, fill: item.color })
          : element('rect', { x: x + 3, y: y - 6, width: 16, height: 12, fill: item.color, 'fill-opacity': item.opacity });
    parts.push(swatch, text(x + 28, y + 4, item.label));
  });
  return element('g', { class: 'ipw-legend' }, parts.join(''));
}

/** Where each bar of a grouped bar chart sits inside its category band. */
function barGeometry(traces: Trace[], bandPx: number): { widthPx: number; offsetPx: (barIndex: number) => number } {
  const bars = traces.filter((trace) => trace.type === 'bar').length;
  const groupPx = bandPx * 0.8;
  const widthPx = groupPx / Math.max(1, bars);
  return { widthPx, offsetPx: (barIndex) => -groupPx / 2 + widthPx * (barIndex + 0.5) };
}

function errorBarPath(
  errors: ErrorBars | undefined, i: number, value: number, at: number, scale: Scale, orientation: 'v' | 'h', capPx: number,
): string {
  if (!errors?.visible) return '';
  const up = errors.array[i];
  const down = errors.arrayminus[i];
  if ((up === null || up === undefined) && (down === null || down === undefined)) return '';
  const hi = scale.toPx(value + (up ?? 0));
  const lo = scale.toPx(value - (down ?? 0));
  if (!Number.isFinite(hi) || !Number.isFinite(lo)) return '';
  const d =
    orientation === 'v'
      ? `M${px(at)},${px(lo)}V${px(hi)}M${px(at - capPx)},${px(hi)}H${px(at + capPx)}M${px(at - capPx)},${px(lo)}H${px(at + capPx)}`
      : `M${px(lo)},${px(at)}H${px(hi)}M${px(hi)},${px(at - capPx)}V${px(at + capPx)}M${px(lo)},${px(at - capPx)}V${px(at + capPx)}`;
  return element('path', { class: 'ipw-errorbar', d, stroke: errors.color ?? '#333333', 'stroke-width': errors.thickness ?? 1.5, fill: 'none' });
}

function renderBars(trace: BarTrace, traceIndex: number, barIndex: number, traces: Trace[], x: Scale, y: Scale): string {
  const { widthPx, offsetPx } = barGeometry(traces, x.bandPx);
  // A log axis has no zero, so bars there start from the bottom of the plot, as in plotly.
  const baseline = y.type === 'log' ? y.startPx : y.toPx(0);
  const parts: string[] = [];
  const errors: string[] = [];
  trace.x.forEach((category, i) => {
    const value = trace.y[i];
    const center = x.toPx(category);
    if (value === null || value === undefined || !Number.isFinite(value) || !Number.isFinite(center)) return;
    const top = y.toPx(value);
    const left = center + offsetPx(barIndex) - widthPx / 2;
    parts.push(
      element('rect', {
        class: 'ipw-bar',
        x: left + widthPx * 0.04,
        y: Math.min(top, baseline),
        width: widthPx * 0.92,
        height: Math.abs(baseline - top),
        fill: pointColor(trace, traceIndex, i),
      }),
    );
    errors.push(errorBarPath(trace.error_y, i, value, center + offsetPx(barIndex), y, 'v', Math.min(6, widthPx / 4)));
  });
  return parts.join('') + errors.join('');
}

/**
 * Thin a long line to at most a few points per pixel column (first, min, max, last), which draws the same
 * polyline at screen resolution while keeping a power trace of 10^6 samples to a few kilobytes.
 */
export function decimateForPixels(points: [number, number][], columns: number): [number, number][] {
  if (points.length <= columns * 4) return points;
  return minMaxIndices(points.length, (i) => points[i]![1], (i) => Math.floor(points[i]![0])).map((i) => points[i]!);
}

function linePaths(trace: ScatterTrace, x: Scale, y: Scale, columns: number): string[] {
  // Segments break at missing values, as plotly does unless connectgaps is set.
  const segments: [number, number][][] = [[]];
  trace.x.forEach((xValue, i) => {
    const px0 = x.toPx(xValue);
    const py0 = y.toPx(trace.y[i] ?? null);
    if (!Number.isFinite(px0) || !Number.isFinite(py0)) {
      if (!trace.connectgaps && segments[segments.length - 1]!.length > 0) segments.push([]);
      return;
    }
    segments[segments.length - 1]!.push([px0, py0]);
  });
  return segments
    .filter((segment) => segment.length > 1)
    .map((segment) => {
      const points = decimateForPixels(segment, columns);
      let d = `M${px(points[0]![0])},${px(points[0]![1])}`;
      for (let i = 1; i < points.length; i++) {
        const [px1, py1] = points[i]!;
        d += trace.line?.shape === 'hv' ? `H${px(px1)}V${px(py1)}` : `L${px(px1)},${px(py1)}`;
      }
      return d;
    });
}

function renderScatter(trace: ScatterTrace, traceIndex: number, x: Scale, y: Scale, columns: number): string {
  const parts: string[] = [];
  const color = traceColor(trace, traceIndex);
  if (trace.mode.includes('lines')) {
    for (const d of linePaths(trace, x, y, columns)) {
      parts.push(
        element('path', {
          class: 'ipw-line', d, fill: 'none', stroke: color, 'stroke-width': trace.line?.width ?? 2,
          'stroke-dasharray': dashArray(trace.line?.dash), 'stroke-linejoin': 'round',
        }),
      );
    }
  }
  trace.x.forEach((xValue, i) => {
    const yValue = trace.y[i] ?? null;
    const cx = x.toPx(xValue);
    const cy = y.toPx(yValue);
    if (!Number.isFinite(cx) || !Number.isFinite(cy)) return;
    const xNumber = typeof xValue === 'number' ? xValue : Number.NaN;
    if (Number.isFinite(xNumber)) parts.push(errorBarPath(trace.error_x, i, xNumber, cy, x, 'h', 4));
    if (yValue !== null) parts.push(errorBarPath(trace.error_y, i, yValue, cx, y, 'v', 4));
    if (trace.mode.includes('markers')) parts.push(marker(trace, traceIndex, i, cx, cy));
    const label = trace.text?.[i];
    if (trace.mode.includes('text') && label) {
      const right = trace.textposition === 'middle right' || trace.textposition === 'top right';
      const below = trace.textposition === 'bottom center';
      parts.push(
        text(right ? cx + 8 : cx, below ? cy + 16 : right && trace.textposition === 'middle right' ? cy + 4 : cy - 9, label, {
          class: 'ipw-label', 'text-anchor': right ? 'start' : 'middle', 'font-size': 11,
        }),
      );
    }
  });
  return parts.join('');
}

function marker(trace: ScatterTrace, traceIndex: number, i: number, cx: number, cy: number): string {
  const radius = (trace.marker?.size ?? 8) / 2;
  const fill = pointColor(trace, traceIndex, i);
  const outline = trace.marker?.line;
  const stroke = outline ? { stroke: outline.color, 'stroke-width': outline.width } : {};
  if (trace.marker?.symbol === 'diamond') {
    const d = `M${px(cx)},${px(cy - radius * 1.3)}L${px(cx + radius * 1.3)},${px(cy)}L${px(cx)},${px(cy + radius * 1.3)}L${px(cx - radius * 1.3)},${px(cy)}Z`;
    return element('path', { class: 'ipw-point', d, fill, ...stroke });
  }
  if (trace.marker?.symbol === 'square') {
    return element('rect', { class: 'ipw-point', x: cx - radius, y: cy - radius, width: radius * 2, height: radius * 2, fill, ...stroke });
  }
  return element('circle', { class: 'ipw-point', cx, cy, r: radius, fill, ...stroke });
}

function renderSpans(shapes: SpanShape[], x: Scale, plot: Box): string {
  return shapes
    .map((shape) => {
      const x0 = Math.max(plot.left, Math.min(x.toPx(shape.x0), x.toPx(shape.x1)));
      const x1 = Math.min(plot.right, Math.max(x.toPx(shape.x0), x.toPx(shape.x1)));
      if (!Number.isFinite(x0) || !Number.isFinite(x1) || x1 <= x0) return '';
      const yTop = plot.bottom - (plot.bottom - plot.top) * shape.y1;
      const yBottom = plot.bottom - (plot.bottom - plot.top) * shape.y0;
      return element('rect', {
        class: 'ipw-span', x: x0, y: yTop, width: x1 - x0, height: yBottom - yTop, fill: shape.fillcolor, 'fill-opacity': shape.opacity,
      });
    })
    .join('');
}

function renderAnnotations(annotations: Annotation[], plot: Box): string {
  return annotations
    .map((note) => {
      const x = plot.left + (plot.right - plot.left) * note.x;
      const y = plot.bottom - (plot.bottom - plot.top) * note.y;
      const anchor = note.xanchor === 'right' ? 'end' : note.xanchor === 'center' ? 'middle' : 'start';
      const size = note.font?.size ?? FONT_SIZE_PX;
      const dy = note.yanchor === 'top' ? size : note.yanchor === 'middle' ? size / 3 : 0;
      return text(x, y + dy, note.text, { class: 'ipw-annotation', 'text-anchor': anchor, 'font-size': size, fill: note.font?.color });
    })
    .join('');
}

function renderAxes(x: Scale, y: Scale, plot: Box, rotateX: boolean): string {
  const parts: string[] = [];
  for (const tick of y.ticks) {
    const py0 = y.toPx(tick.value);
    if (!Number.isFinite(py0)) continue;
    parts.push(element('line', { x1: plot.left, x2: plot.right, y1: py0, y2: py0, stroke: GRID_COLOR }));
    parts.push(text(plot.left - 6, py0 + 4, tick.label, { class: 'ipw-tick', 'text-anchor': 'end' }));
  }
  for (const tick of x.ticks) {
    const px0 = x.type === 'category' ? x.toPx(tick.label) : x.toPx(tick.value);
    if (!Number.isFinite(px0)) continue;
    if (x.type !== 'category') parts.push(element('line', { x1: px0, x2: px0, y1: plot.top, y2: plot.bottom, stroke: GRID_COLOR }));
    parts.push(element('line', { x1: px0, x2: px0, y1: plot.bottom, y2: plot.bottom + 4, stroke: AXIS_COLOR }));
    parts.push(
      rotateX
        ? text(px0, plot.bottom + 14, tick.label, { class: 'ipw-tick', 'text-anchor': 'end', transform: `rotate(-35 ${px(px0)} ${px(plot.bottom + 14)})` })
        : text(px0, plot.bottom + 18, tick.label, { class: 'ipw-tick', 'text-anchor': 'middle' }),
    );
  }
  parts.push(element('path', { d: `M${px(plot.left)},${px(plot.top)}V${px(plot.bottom)}H${px(plot.right)}`, fill: 'none', stroke: AXIS_COLOR }));
  return element('g', { class: 'ipw-axes' }, parts.join(''));
}

/** Category labels, as plotly would print them, before the x scale exists. */
function categoryLabels(fig: FigureJson): string[] {
  const labels = new Set<string>();
  for (const trace of fig.data) for (const value of trace.x) if (value !== null) labels.add(String(value));
  return [...labels];
}

/** Widest y tick label, from a provisional scale (labels do not depend on the pixel range). */
function yLabelWidthPx(fig: FigureJson): number {
  const provisional = buildScale(fig, 'y', 0, 1);
  return Math.max(0, ...provisional.ticks.map((tick) => textWidthPx(tick.label, FONT_SIZE_PX)));
}

const SUBTITLE_LINE_PX = 16;

/**
 * A subtitle's lines: plotly's `<br>` breaks, then words wrapped to `maxPx`, so a long energy label stays readable in
 * the SVG instead of running off the figure (a single word longer than `maxPx` keeps its own line).
 */
export function wrapLines(content: string, maxPx: number, fontPx: number): string[] {
  const lines: string[] = [];
  for (const paragraph of content.split(/<br\s*\/?>/i)) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const next = line === '' ? word : `${line} ${word}`;
      if (line !== '' && textWidthPx(next, fontPx) > maxPx) {
        lines.push(line);
        line = word;
      } else line = next;
    }
    lines.push(line);
  }
  return lines;
}

export function renderSvg(fig: FigureJson, size: SvgSize = {}): string {
  const width = size.widthPx ?? fig.layout.width ?? DEFAULT_WIDTH_PX;
  const height = size.heightPx ?? fig.layout.height ?? DEFAULT_HEIGHT_PX;
  const title = fig.layout.title?.text;
  const subtitle = fig.layout.title?.subtitle;
  const xTitle = fig.layout.xaxis?.title?.text;
  const yTitle = fig.layout.yaxis?.title?.text;

  const left = 16 + (yTitle ? 20 : 0) + yLabelWidthPx(fig) + 10;
  const legend = legendItems(fig);
  // Long labels would squeeze the plot to nothing; past a third of the width they overflow instead.
  const legendWidthPx = legend.length === 0 ? 0 : Math.min(width / 3, Math.max(...legend.map(legendItemWidth)));
  const right = width - 20 - legendWidthPx;
  const subtitleFontPx = subtitle?.font?.size ?? FONT_SIZE_PX;
  const subtitleLines = subtitle ? wrapLines(subtitle.text, width - left - 16, subtitleFontPx) : [];
  const titleBlockPx = (title ? 28 : 0) + (subtitleLines.length > 0 ? 2 + SUBTITLE_LINE_PX * subtitleLines.length : 0);
  const top = 12 + titleBlockPx + 8;

  const categories = axisType(fig, 'x') === 'category' ? categoryLabels(fig) : [];
  const bandPx = (right - left) / Math.max(1, categories.length);
  const widestCategoryPx = Math.max(0, ...categories.map((label) => textWidthPx(label, FONT_SIZE_PX)));
  const rotateX = categories.length > 0 && widestCategoryPx > bandPx * 0.95;
  const xLabelsPx = rotateX ? Math.min(160, widestCategoryPx * Math.sin((35 * Math.PI) / 180) + 14) : 24;
  const bottom = height - (xLabelsPx + (xTitle ? 24 : 0) + 10);
  const plot: Box = { left, top, right, bottom };

  const x = buildScale(fig, 'x', plot.left, plot.right);
  const y = buildScale(fig, 'y', plot.bottom, plot.top);
  const clipId = `ipw-clip-${hashString(JSON.stringify(fig))}`;

  const marks: string[] = [];
  let barIndex = 0;
  fig.data.forEach((trace, index) => {
    marks.push(
      trace.type === 'bar' ? renderBars(trace, index, barIndex++, fig.data, x, y) : renderScatter(trace, index, x, y, plot.right - plot.left),
    );
  });

  const parts = [
    element('rect', { x: 0, y: 0, width, height, fill: fig.layout.paper_bgcolor ?? '#ffffff' }),
    element('defs', {}, element('clipPath', { id: clipId }, element('rect', { x: plot.left, y: plot.top - 6, width: plot.right - plot.left + 6, height: plot.bottom - plot.top + 6 }))),
    element('g', { class: 'ipw-spans', 'clip-path': `url(#${clipId})` }, renderSpans(fig.layout.shapes ?? [], x, plot)),
    renderAxes(x, y, plot, rotateX),
    element('g', { class: 'ipw-marks', 'clip-path': `url(#${clipId})` }, marks.join('')),
    renderAnnotations(fig.layout.annotations ?? [], plot),
    renderLegend(legend, right + 16, top),
  ];
  if (title) parts.push(text(left, 12 + TITLE_FONT_PX, title, { class: 'ipw-title', 'font-size': TITLE_FONT_PX, 'font-weight': 'bold' }));
  subtitleLines.forEach((line, k) => {
    const y = 12 + (title ? 28 : 0) + 12 + k * SUBTITLE_LINE_PX;
    parts.push(text(left, y, line, { class: 'ipw-subtitle', 'font-size': subtitleFontPx, fill: subtitle?.font?.color }));
  });
  if (xTitle) parts.push(text((plot.left + plot.right) / 2, height - 10, xTitle, { class: 'ipw-axis-title', 'text-anchor': 'middle' }));
  if (yTitle) {
    const cy = (plot.top + plot.bottom) / 2;
    parts.push(text(18, cy, yTitle, { class: 'ipw-axis-title', 'text-anchor': 'middle', transform: `rotate(-90 18 ${px(cy)})` }));
  }
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"` +
    ` font-family="${FONT_FAMILY}" font-size="${FONT_SIZE_PX}" fill="${TEXT_COLOR}">` +
    parts.join('') +
    '</svg>'
  );
}
