import { performance } from 'node:perf_hooks';
import type { EnergyReading, EnergySource, SampleRow } from './types.ts';

export interface EstimatedSourceOptions {
  /** Modelled power of one fully busy core, in watts. The default is a round figure, not a measurement. */
  wattsPerCore?: number;
}

export const DEFAULT_WATTS_PER_CORE = 10;

/**
 * Models energy as this process's CPU time (all threads, user + system) times a fixed power per busy core.
 * It sees nothing outside the process (GPU, other processes, idle power), so every figure is an estimate.
 */
export function openEstimatedSource(options: EstimatedSourceOptions = {}): EnergySource {
  const wattsPerCore = options.wattsPerCore ?? DEFAULT_WATTS_PER_CORE;
  if (!(wattsPerCore > 0)) throw new RangeError(`wattsPerCore must be a positive number of watts, got ${wattsPerCore}`);
  const startCpu = process.cpuUsage();
  const readInto = (out: SampleRow): void => {
    const cpu = process.cpuUsage(startCpu);
    out[0] = ((cpu.user + cpu.system) / 1e6) * wattsPerCore;
    out[1] = NaN;
    out[2] = out[0];
  };
  const row = new Float64Array(3);
  return {
    name: 'estimated',
    measure: 'model',
    method: `process CPU time x ${wattsPerCore} W per busy core`,
    isEstimate: true,
    // getrusage advances with the scheduler tick on many kernels.
    updatePeriodMs: 4,
    channels: ['process-cpu'],
    details: { wattsPerCore },
    readInto,
    read(): EnergyReading {
      readInto(row);
      return { timeMs: performance.now(), energyJ: row[0]! };
    },
    async close() {},
  };
}
