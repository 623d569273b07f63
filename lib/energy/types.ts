/** Where an energy figure came from. `estimated` is never a measurement; `none` means not measured (NaN joules). */
export type EnergySourceName = 'rapl' | 'nvml' | 'amd-gpu' | 'powermetrics' | 'estimated' | 'none' | 'prometheus';

/**
 * How the joules were obtained:
 * - `energy-counter`: a hardware cumulative energy counter, differenced (RAPL energy_uj, NVML total energy, hwmon energy).
 * - `power-integral`: instantaneous or averaged power readings integrated over time (trapezoid rule).
 * - `interval-energy`: per-interval energies reported by a tool (powermetrics), summed.
 * - `model`: a model of power, not a measurement (the estimator).
 */
export type EnergyMeasure = 'energy-counter' | 'power-integral' | 'interval-energy' | 'model';

/** A cumulative energy counter reading on the shared monotonic clock (`performance.now()`, ms). */
export interface EnergyReading {
  timeMs: number;
  /** Energy consumed since the source was opened, in joules. */
  energyJ: number;
}

/** One row of a source read: total joules, power in watts (NaN when the source has none), joules per channel. */
export type SampleRow = Float64Array;

/** What one channel's reading resolves, how often it changes, and when its raw counter wraps. */
export interface ChannelCounter {
  /** Smallest step of its energy reading, J; null when it has no energy counter (power is integrated) or it is unknown. */
  resolutionJ: number | null;
  /** Smallest step of its power reading, W; null when it reads no power. */
  resolutionW: number | null;
  /** How often the value changes, ms. */
  updatePeriodMs: number;
  /** Joules after which the raw counter returns to 0 (the source unwraps it); null when it cannot wrap in practice. */
  wrapJ: number | null;
  /** Where these figures come from (units the device reports in, documented or assumed rates). */
  note: string;
}

/** A device (or estimator) that can be read as a cumulative energy counter. */
export interface EnergySource {
  readonly name: EnergySourceName;
  /** How the joules are obtained, in words, e.g. "energy-counter: RAPL package-0 + dram-0 energy_uj". */
  readonly method: string;
  readonly measure: EnergyMeasure;
  /** True when the joules are modelled rather than measured. */
  readonly isEstimate: boolean;
  /** How often the underlying value changes; windows shorter than this are flagged as unreliable. */
  readonly updatePeriodMs: number;
  /** What the total adds up (RAPL domains, GPUs, ...), in the order `readInto` writes them. */
  readonly channels: readonly string[];
  /** Facts for the manifest and `ipw doctor` (device names, counter ranges, ...). */
  readonly details: Readonly<Record<string, string | number>>;
  /** Per channel, in `channels` order: resolution, update period and wraparound, for `ipw doctor --json` and the manifest. */
  readonly counters?: readonly ChannelCounter[];
  /** Writes [totalJ, powerW (NaN if none), channel joules...] into `row` (length 2 + channels). Allocation-free. */
  readInto(row: SampleRow): void;
  /**
   * Sources whose values were taken elsewhere (`prometheus`) say when: after each `readInto`, the earliest and
   * latest CLOCK_MONOTONIC ms (clock.ts) at which its values were true. The sampler stamps the row with these instead
   * of its own read bracket, and does not re-read a slow read. Absent on local sources.
   */
  readonly valueBracketMs?: Float64Array;
  /** The total counter now, stamped with this thread's `performance.now()`. */
  read(): EnergyReading;
  /** What the source found about itself over the run (a remote exporter's clock checks, ...), for the manifest. */
  report?(): unknown;
  close(): Promise<void>;
}

/** Energy attributed to one measurement window (a query, or its prefill or decode phase). */
export interface EnergyWindow {
  energyJ: number;
  meanPowerW: number;
  durationMs: number;
  source: EnergySourceName;
  method: string;
  isEstimate: boolean;
}

/** Why a window's figure deserves less trust. */
export type WindowFlag =
  /** Shorter than the source's update period: the counter may not have moved, or moved once. */
  | 'shorter-than-update-period'
  /** No sample at or after the window's end (or before its start): the edge was extrapolated. */
  | 'extrapolated-edge'
  /** The gap between the samples around an edge exceeds twice the sampling period. */
  | 'sparse-samples';

/** A window measured from a sampled trace: gross and idle-subtracted (net) energy side by side. */
export interface MeasuredWindow extends EnergyWindow {
  startMs: number;
  endMs: number;
  /** Gross energy minus idle power x duration; NaN when no idle baseline was measured. */
  netEnergyJ: number;
  idlePowerW: number;
  flags: WindowFlag[];
}

/** Whether a source can be opened here, why not, and how to fix it. */
export interface SourceStatus {
  name: EnergySourceName;
  available: boolean;
  /** What it would measure when available, or why it is unavailable. */
  detail: string;
  /** The exact step that makes an unavailable source usable (empty when available or when nothing helps). */
  fix: string;
}

/** Thrown when a source cannot be opened; carries the reason and the fix separately. */
export class SourceUnavailableError extends Error {
  constructor(
    readonly source: EnergySourceName,
    readonly reason: string,
    readonly fix: string,
  ) {
    super(`energy source "${source}" is unavailable: ${reason}${fix ? `. Fix: ${fix}` : ''}`);
    this.name = 'SourceUnavailableError';
  }
}
