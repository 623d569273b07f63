import type { EnergySourceName, MeasuredWindow, WindowFlag } from './types.ts';

/** The columns of a sampled trace that attribution needs; times on the runner's clock (ms). */
export interface TraceColumns {
  timeMs: Float64Array;
  /** Cumulative joules, monotonic. */
  energyJ: Float64Array;
  /** Power read alongside (NaN where the source has none). */
  powerW: Float64Array;
  length: number;
}

/** What a window figure is labelled with. */
export interface WindowContext {
  source: EnergySourceName;
  method: string;
  isEstimate: boolean;
  updatePeriodMs: number;
  samplePeriodMs: number;
  /** NaN when no idle baseline was measured. */
  idlePowerW: number;
}

/** Index of the last sample at or before `tMs`, or -1. Binary search; pure. */
export function sampleIndexAtOrBefore(trace: TraceColumns, tMs: number): number {
  let lo = 0;
  let hi = trace.length - 1;
  if (hi < 0 || trace.timeMs[0]! > tMs) return -1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (trace.timeMs[mid]! <= tMs) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export interface EnergyAt {
  energyJ: number;
  /** True when `tMs` lies outside the sampled span (the nearest segment's slope was extended). */
  extrapolated: boolean;
  /** Time between the two samples used, ms. */
  gapMs: number;
}

/** The cumulative counter at `tMs`, linearly interpolated between the samples either side. Pure. */
export function energyAt(trace: TraceColumns, tMs: number): EnergyAt {
  const n = trace.length;
  if (n === 0) throw new RangeError('energyAt needs a trace with at least one sample');
  if (n === 1) return { energyJ: trace.energyJ[0]!, extrapolated: tMs !== trace.timeMs[0], gapMs: Infinity };
  const i = sampleIndexAtOrBefore(trace, tMs);
  const extrapolated = i < 0 || (i === n - 1 && tMs > trace.timeMs[n - 1]!);
  const a = Math.min(Math.max(i, 0), n - 2);
  const t0 = trace.timeMs[a]!;
  const t1 = trace.timeMs[a + 1]!;
  const e0 = trace.energyJ[a]!;
  const e1 = trace.energyJ[a + 1]!;
  if (i >= 0 && tMs === trace.timeMs[i]) return { energyJ: trace.energyJ[i]!, extrapolated: false, gapMs: 0 };
  const slope = t1 > t0 ? (e1 - e0) / (t1 - t0) : 0;
  return { energyJ: e0 + slope * (tMs - t0), extrapolated, gapMs: t1 - t0 };
}

/** Gross and net energy of [startMs, endMs] from counter values interpolated at both edges. Pure. */
export function measureWindow(trace: TraceColumns, startMs: number, endMs: number, context: WindowContext): MeasuredWindow {
  if (!(endMs >= startMs)) throw new RangeError(`window ends (${endMs}) before it starts (${startMs})`);
  const start = energyAt(trace, startMs);
  const end = energyAt(trace, endMs);
  const durationMs = endMs - startMs;
  const energyJ = end.energyJ - start.energyJ;
  const flags: WindowFlag[] = [];
  if (durationMs < context.updatePeriodMs) flags.push('shorter-than-update-period');
  if (start.extrapolated || end.extrapolated) flags.push('extrapolated-edge');
  const sparseMs = 3 * Math.max(context.samplePeriodMs, context.updatePeriodMs);
  if ((start.gapMs > sparseMs && start.gapMs !== Infinity) || (end.gapMs > sparseMs && end.gapMs !== Infinity)) flags.push('sparse-samples');
  return {
    startMs,
    endMs,
    durationMs,
    energyJ,
    meanPowerW: durationMs > 0 ? energyJ / (durationMs / 1000) : 0,
    netEnergyJ: energyJ - context.idlePowerW * (durationMs / 1000),
    idlePowerW: context.idlePowerW,
    flags,
    source: context.source,
    method: context.method,
    isEstimate: context.isEstimate,
  };
}

export interface CrossCheck {
  /** Counter joules over the trace. */
  counterJ: number;
  /** Trapezoid integral of the power column over the same span; null when the source gives no power. */
  integratedPowerJ: number | null;
  /** (integrated - counter) / counter, in percent; null when either side is missing or zero. */
  discrepancyPct: number | null;
}

/** Compares the counter's energy with the integral of the power readings taken alongside. Pure. */
export function crossCheck(trace: TraceColumns): CrossCheck {
  const n = trace.length;
  if (n < 2) return { counterJ: 0, integratedPowerJ: null, discrepancyPct: null };
  const counterJ = trace.energyJ[n - 1]! - trace.energyJ[0]!;
  let integratedJ = 0;
  for (let i = 1; i < n; i++) {
    const p0 = trace.powerW[i - 1]!;
    const p1 = trace.powerW[i]!;
    if (Number.isNaN(p0) || Number.isNaN(p1)) return { counterJ, integratedPowerJ: null, discrepancyPct: null };
    integratedJ += ((p0 + p1) / 2) * ((trace.timeMs[i]! - trace.timeMs[i - 1]!) / 1000);
  }
  const discrepancyPct = counterJ > 0 ? ((integratedJ - counterJ) / counterJ) * 100 : null;
  return { counterJ, integratedPowerJ: integratedJ, discrepancyPct };
}

/** Energy in [spanStartMs, spanEndMs] that no window covers (time between queries). Windows must not overlap. Pure. */
export function unattributedEnergyJ(trace: TraceColumns, spanStartMs: number, spanEndMs: number, windows: readonly { startMs: number; endMs: number }[]): number {
  const spanJ = energyAt(trace, spanEndMs).energyJ - energyAt(trace, spanStartMs).energyJ;
  let insideJ = 0;
  for (const w of windows) {
    const s = Math.max(w.startMs, spanStartMs);
    const e = Math.min(w.endMs, spanEndMs);
    if (e > s) insideJ += energyAt(trace, e).energyJ - energyAt(trace, s).energyJ;
  }
  return spanJ - insideJ;
}
