import { performance } from 'node:perf_hooks';
import type { EnergyReading, EnergySource } from './types.ts';

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
  return {
    name: 'estimated',
    method: `process CPU time x ${wattsPerCore} W per busy core`,
    isEstimate: true,
    read(): EnergyReading {
      const cpu = process.cpuUsage(startCpu);
      const cpuSeconds = (cpu.user + cpu.system) / 1e6;
      return { timeMs: performance.now(), energyJ: cpuSeconds * wattsPerCore };
    },
    async close() {},
  };
}
