/**
 * A progress panel for long runs. Pure: it turns one progress snapshot into a MIME bundle; the kernel's
 * `display(view, {displayId})` and `updateDisplay` replace the panel in place as the run goes on.
 */
import { formatNumber } from '../metrics/index.ts';
import { PHASE_COLORS, paletteColor } from './colors.ts';
import { MIME_BUNDLE, escapeHtml, type Displayable, type MimeBundle } from './mime.ts';
import { element, px } from './svg/xml.ts';

/** The fields of lib/profile's `ProfileProgress` the panel reads; `ProfileProgress` is assignable to it. */
export interface LiveProgress {
  done: number;
  total: number;
  elapsedMs: number;
  /** Correct answers among the `done` queries. */
  correct: number;
  /** Joules so far over the `done` queries. */
  energyJ: number;
  /** Queries finished by this process; with `elapsedMs` it gives the remaining-time estimate. */
  doneNow?: number;
  last?: { meanPowerW?: number; energyIsEstimate?: boolean; model?: string; queryId?: string };
}

export interface LiveRunViewOptions {
  title?: string;
  /** Recent power readings, oldest first, for the sparkline. */
  powerHistoryW?: ArrayLike<number>;
  /** Instantaneous watts; defaults to the last query's mean power. */
  currentPowerW?: number;
  /** Defaults to the last query's flag. */
  energyIsEstimate?: boolean;
  sparklineWidthPx?: number;
  sparklineHeightPx?: number;
}

/** A small inline SVG line of recent values, scaled from zero so a flat trace does not look noisy. */
export function sparklineSvg(values: ArrayLike<number>, size: { widthPx?: number; heightPx?: number } = {}): string {
  const width = size.widthPx ?? 160;
  const height = size.heightPx ?? 32;
  const points: number[] = [];
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i]!)) points.push(values[i]!);
  const frame = element('rect', { x: 0.5, y: 0.5, width: width - 1, height: height - 1, fill: '#fafafa', stroke: '#dddddd' });
  if (points.length < 2) {
    return `<svg xmlns="http://www.w3.org/2000/svg" class="ipw-sparkline" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${frame}</svg>`;
  }
  const max = Math.max(...points, 0) || 1;
  const stepX = (width - 4) / (points.length - 1);
  const d = points.map((value, i) => `${i === 0 ? 'M' : 'L'}${px(2 + i * stepX)},${px(height - 2 - (value / max) * (height - 4))}`).join('');
  const line = element('path', { class: 'ipw-sparkline-line', d, fill: 'none', stroke: paletteColor(2), 'stroke-width': 1.5 });
  return `<svg xmlns="http://www.w3.org/2000/svg" class="ipw-sparkline" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${frame}${line}</svg>`;
}

function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '?';
  const s = Math.round(ms / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  return h > 0 ? `${h}h ${String(m).padStart(2, '0')}m` : m > 0 ? `${m}m ${String(sec).padStart(2, '0')}s` : `${sec}s`;
}

export interface LiveStats {
  fractionDone: number;
  accuracy: number;
  energyJ: number;
  currentPowerW: number;
  /** NaN until this process has finished a query. */
  remainingMs: number;
  estimated: boolean;
}

export function liveStats(progress: LiveProgress, options: LiveRunViewOptions = {}): LiveStats {
  const doneNow = progress.doneNow ?? progress.done;
  return {
    fractionDone: progress.total > 0 ? Math.min(1, progress.done / progress.total) : 0,
    accuracy: progress.done > 0 ? progress.correct / progress.done : Number.NaN,
    energyJ: progress.energyJ,
    currentPowerW: options.currentPowerW ?? progress.last?.meanPowerW ?? Number.NaN,
    remainingMs: doneNow > 0 ? (progress.elapsedMs / doneNow) * (progress.total - progress.done) : Number.NaN,
    estimated: options.energyIsEstimate ?? progress.last?.energyIsEstimate ?? false,
  };
}

function stat(label: string, value: string): string {
  return `<div style="display:inline-block;margin-right:18px"><div style="font-size:11px;color:#666">${escapeHtml(label)}</div><div style="font-size:16px;font-weight:600">${escapeHtml(value)}</div></div>`;
}

export class LiveRunView implements Displayable {
  constructor(readonly progress: LiveProgress, readonly options: LiveRunViewOptions = {}) {}

  toHTML(): string {
    const s = liveStats(this.progress, this.options);
    const estimateNote = s.estimated ? ' (estimated)' : '';
    const percent = (s.fractionDone * 100).toFixed(1);
    const bar =
      `<div style="background:#eee;border-radius:3px;height:10px;width:100%;max-width:480px;margin:4px 0 8px">` +
      `<div class="ipw-progress-fill" style="background:${PHASE_COLORS.decode};height:10px;border-radius:3px;width:${percent}%"></div></div>`;
    const title = this.options.title ?? (this.progress.last?.model ? `Profiling ${this.progress.last.model}` : 'Profiling');
    const stats = [
      stat('queries', `${this.progress.done} / ${this.progress.total} (${percent}%)`),
      stat(`watts now${estimateNote}`, Number.isFinite(s.currentPowerW) ? `${formatNumber(s.currentPowerW, 3)} W` : '–'),
      stat(`energy so far${estimateNote}`, `${formatNumber(s.energyJ, 4)} J`),
      stat('accuracy so far', Number.isFinite(s.accuracy) ? s.accuracy.toFixed(3) : '–'),
      stat('elapsed', formatDuration(this.progress.elapsedMs)),
      stat('remaining', Number.isFinite(s.remainingMs) ? `~${formatDuration(s.remainingMs)}` : '–'),
    ].join('');
    const spark = this.options.powerHistoryW
      ? `<div style="margin-top:6px;font-size:11px;color:#666">power${estimateNote}</div>${sparklineSvg(this.options.powerHistoryW, {
          widthPx: this.options.sparklineWidthPx, heightPx: this.options.sparklineHeightPx,
        })}`
      : '';
    return `<div class="ipw-live" style="font-family:Helvetica,Arial,sans-serif;font-size:12px"><div style="font-weight:600">${escapeHtml(title)}</div>${bar}${stats}${spark}</div>`;
  }

  toString(): string {
    const s = liveStats(this.progress, this.options);
    const est = s.estimated ? ' (estimated)' : '';
    return [
      `${this.progress.done}/${this.progress.total} queries`,
      `${Number.isFinite(s.currentPowerW) ? formatNumber(s.currentPowerW, 3) : '?'} W now${est}`,
      `${formatNumber(s.energyJ, 4)} J so far${est}`,
      `accuracy ${Number.isFinite(s.accuracy) ? s.accuracy.toFixed(3) : '?'}`,
      `elapsed ${formatDuration(this.progress.elapsedMs)}`,
    ].join(' | ');
  }

  [MIME_BUNDLE](): MimeBundle {
    return { 'text/html': this.toHTML(), 'text/plain': this.toString() };
  }
}

/**
 * A live progress panel for a run: queries done, accuracy, joules, watts (with a sparkline of `powerHistoryW`) and the
 * time left. Show it with `display()`, then `updateDisplay(id, liveRunView(p, ...))` from `profile()`'s `onProgress`.
 */
export function liveRunView(progress: LiveProgress, options: LiveRunViewOptions = {}): LiveRunView {
  return new LiveRunView(progress, options);
}
