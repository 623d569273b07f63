/** Where an energy figure came from. `estimated` is never a measurement. */
export type EnergySourceName = 'rapl' | 'nvml' | 'amd-smi' | 'powermetrics' | 'estimated';

/** A cumulative energy counter reading on the shared monotonic clock (`performance.now()`, ms). */
export interface EnergyReading {
  timeMs: number;
  /** Energy consumed since the source was opened, in joules. */
  energyJ: number;
}

/** A device (or estimator) that can be read as a cumulative energy counter. */
export interface EnergySource {
  readonly name: EnergySourceName;
  /** How the joules are obtained, e.g. "process CPU time x 10 W/core". */
  readonly method: string;
  /** True when the joules are modelled rather than measured. */
  readonly isEstimate: boolean;
  read(): EnergyReading;
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
