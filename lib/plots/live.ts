/**
 * A progress panel for long runs. Pure: it turns one progress snapshot into a MIME bundle; the kernel's
 * `display(view, {displayId})` and `updateDisplay` replace the panel in place as the run goes on. `liveRun` wires
 * profile()'s `onPhase` and `onProgress` to one such panel.
 */
import { formatNumber } from '../metrics/index.ts';
import { PHASE_COLORS, paletteColor } from './colors.ts';
import { MIME_BUNDLE, escapeHtml, type Displayable, type MimeBundle } from './mime.ts';
import { element, px } from './svg/xml.ts';

/**
 * What a run is doing: `starting` (reading the queries, opening the energy sources) and lib/profile's phases, the
 * start-up before the first query (`loading` the model, the idle `baseline`, the `warm-up`), then the `queries`.
 * lib/profile's `ProfilePhase` is assignable to it.
 */
export type LivePhase = 'starting' | 'loading' | 'baseline' | 'warm-up' | 'queries';

/** What the panel says for each phase. */
export const LIVE_PHASE_LABELS: Readonly<Record<LivePhase, string>> = {
  starting: 'starting…',
  loading: 'loading the model…',
  baseline: 'measuring idle power (the baseline)…',
  'warm-up': 'warming up (not recorded)…',
  queries: 'running the queries',
};

/** The fields of lib/profile's `ProfileProgress` the panel reads; `ProfileProgress` is assignable to it. */
export interface LiveProgress {
  done: number;
  total: number;
  /**
   * Time spent in the query phase, ms (`ProfileProgress.elapsedMs`: loading, baseline and warm-up left out). The
   * remaining-time estimate uses it alone, so start-up time never inflates it.
   */
  elapsedMs: number;
  /** Correct answers among the `done` queries. */
  correct: number;
  /** Joules so far over the `done` queries. */
  energyJ: number;
  /** Queries finished by this process; with `elapsedMs` it gives the remaining-time estimate. */
  doneNow?: number;
  last?: { meanPowerW?: number; energyIsEstimate?: boolean; model?: string; queryId?: string };
  /**
   * The run's phase. Before `queries` the panel names the phase in place of the query counts and gives no time
   * estimate. Default `queries`.
   */
  phase?: LivePhase;
  /** Time the run spent before its query phase (or so far, during start-up), ms; shown apart from `elapsedMs`. */
  startupMs?: number;
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

/** What the panel shows, computed from one progress snapshot. Pure. */
export interface LiveStats {
  phase: LivePhase;
  fractionDone: number;
  accuracy: number;
  energyJ: number;
  currentPowerW: number;
  /** From the query phase alone (`elapsedMs` per query finished by this process); NaN during start-up and before the first query. */
  remainingMs: number;
  estimated: boolean;
}

/** The numbers behind the panel: share done, running accuracy, joules, watts now and the time left. Pure. */
export function liveStats(progress: LiveProgress, options: LiveRunViewOptions = {}): LiveStats {
  const doneNow = progress.doneNow ?? progress.done;
  const phase = progress.phase ?? 'queries';
  return {
    phase,
    fractionDone: progress.total > 0 ? Math.min(1, progress.done / progress.total) : 0,
    accuracy: progress.done > 0 ? progress.correct / progress.done : Number.NaN,
    energyJ: progress.energyJ,
    currentPowerW: options.currentPowerW ?? progress.last?.meanPowerW ?? Number.NaN,
    remainingMs: phase === 'queries' && doneNow > 0 ? (progress.elapsedMs / doneNow) * (progress.total - progress.done) : Number.NaN,
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
    const startup = this.progress.startupMs;
    if (s.phase !== 'queries') {
      // Start-up: say what the wait is for; no counts, watts or time estimate yet.
      const phase = `<div class="ipw-live-phase" style="font-size:14px;margin:4px 0">${escapeHtml(LIVE_PHASE_LABELS[s.phase])}</div>`;
      const waited = [stat('queries', `${this.progress.done} / ${this.progress.total}`), startup !== undefined ? stat('start-up so far', formatDuration(startup)) : ''].join('');
      return `<div class="ipw-live" data-phase="${s.phase}" style="font-family:Helvetica,Arial,sans-serif;font-size:12px"><div style="font-weight:600">${escapeHtml(title)}</div>${phase}${bar}${waited}</div>`;
    }
    const stats = [
      stat('queries', `${this.progress.done} / ${this.progress.total} (${percent}%)`),
      stat(`watts now${estimateNote}`, Number.isFinite(s.currentPowerW) ? `${formatNumber(s.currentPowerW, 3)} W` : '–'),
      stat(`energy so far${estimateNote}`, `${formatNumber(s.energyJ, 4)} J`),
      stat('accuracy so far', Number.isFinite(s.accuracy) ? s.accuracy.toFixed(3) : '–'),
      stat('elapsed', formatDuration(this.progress.elapsedMs)),
      stat('remaining', Number.isFinite(s.remainingMs) ? `~${formatDuration(s.remainingMs)}` : '–'),
      startup !== undefined ? stat('start-up', formatDuration(startup)) : '',
    ].join('');
    const spark = this.options.powerHistoryW
      ? `<div style="margin-top:6px;font-size:11px;color:#666">power${estimateNote}</div>${sparklineSvg(this.options.powerHistoryW, {
          widthPx: this.options.sparklineWidthPx, heightPx: this.options.sparklineHeightPx,
        })}`
      : '';
    return `<div class="ipw-live" data-phase="queries" style="font-family:Helvetica,Arial,sans-serif;font-size:12px"><div style="font-weight:600">${escapeHtml(title)}</div>${bar}${stats}${spark}</div>`;
  }

  toString(): string {
    const s = liveStats(this.progress, this.options);
    const est = s.estimated ? ' (estimated)' : '';
    const startup = this.progress.startupMs;
    if (s.phase !== 'queries') {
      return [LIVE_PHASE_LABELS[s.phase], `${this.progress.done}/${this.progress.total} queries`, ...(startup !== undefined ? [`start-up ${formatDuration(startup)}`] : [])].join(' | ');
    }
    return [
      `${this.progress.done}/${this.progress.total} queries`,
      `${Number.isFinite(s.currentPowerW) ? formatNumber(s.currentPowerW, 3) : '?'} W now${est}`,
      `${formatNumber(s.energyJ, 4)} J so far${est}`,
      `accuracy ${Number.isFinite(s.accuracy) ? s.accuracy.toFixed(3) : '?'}`,
      `elapsed ${formatDuration(this.progress.elapsedMs)}`,
      ...(Number.isFinite(s.remainingMs) ? [`~${formatDuration(s.remainingMs)} left`] : []),
      ...(startup !== undefined ? [`start-up ${formatDuration(startup)}`] : []),
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

/** Shows or replaces an output under a display id: the kernel's `display` fits (`display(value, {displayId, update})`). */
export type ShowLive = (view: LiveRunView, options: { displayId: string; update: boolean }) => unknown;

export interface LiveRunOptions extends LiveRunViewOptions {
  /** Queries in the run, shown as `0 / total` until the first one finishes. */
  total: number;
  /** How many of the last queries' mean watts the sparkline keeps. Default 120. */
  historyLength?: number;
  /** The panel's display id. Default: a fresh `ipw-live-...` id. */
  displayId?: string;
  /** The clock start-up time is measured on, ms. Default `performance.now`. */
  nowMs?: () => number;
}

/** profile()'s two progress callbacks, bound to one live panel: spread them into its options. */
export interface LiveRunCallbacks {
  onPhase: (phase: LivePhase) => void;
  onProgress: (progress: LiveProgress) => void;
}

let liveIds = 0;

/**
 * A live panel for one run: shows it at once through `show` (in a notebook, the kernel's `display`), then replaces it
 * in place on every phase and every finished query. During start-up it names the phase (loading the model, the idle
 * baseline, the warm-up) and how long start-up has taken; once queries run it shows progress, watts (with a
 * sparkline), joules, running accuracy and the time left, estimated from the query phase only.
 *
 * ```ts
 * const run = await profile({ model, queries, outDir, ...liveRun(display, { total: queries.length }) });
 * ```
 */
export function liveRun(show: ShowLive, options: LiveRunOptions): LiveRunCallbacks {
  const { total, historyLength = 120, displayId = `ipw-live-${process.pid}-${++liveIds}`, nowMs = () => performance.now(), ...viewOptions } = options;
  const startMs = nowMs();
  const powerHistoryW: number[] = [];
  let phase: LivePhase = 'starting';
  let startupMs: number | undefined;
  let sawStartup = false;
  let latest: LiveProgress = { done: 0, total, elapsedMs: 0, correct: 0, energyJ: 0 };
  let shown = false;
  const render = (): void => {
    // Start-up time: until the query phase began, or so far. Shown only when the run had a start-up (a kept-open model may have none).
    const startup = startupMs ?? nowMs() - startMs;
    const view = liveRunView({ ...latest, phase, startupMs: sawStartup ? startup : undefined }, { ...viewOptions, powerHistoryW });
    show(view, { displayId, update: shown });
    shown = true;
  };
  render();
  return {
    onPhase: (next) => {
      if (next === 'queries') startupMs ??= nowMs() - startMs;
      else sawStartup = true;
      phase = next;
      render();
    },
    onProgress: (progress) => {
      phase = 'queries';
      startupMs ??= nowMs() - startMs;
      latest = progress;
      const watts = progress.last?.meanPowerW;
      if (watts !== undefined && Number.isFinite(watts)) {
        powerHistoryW.push(watts);
        if (powerHistoryW.length > historyLength) powerHistoryW.shift();
      }
      render();
    },
  };
}
