import { openEstimatedSource, type EstimatedSourceOptions } from './estimated.ts';
import type { EnergySource, EnergySourceName } from './types.ts';

export interface SourceStatus {
  name: EnergySourceName;
  available: boolean;
  /** Why it is unavailable, or what it measures when it is. */
  detail: string;
}

/** Every energy source this build knows, available or not, and why. */
export function listEnergySources(): SourceStatus[] {
  const notYet = 'hardware sources are not implemented in this version; energy figures are estimates';
  return [
    { name: 'estimated', available: true, detail: 'process CPU time x watts per busy core (an estimate, never a measurement)' },
    { name: 'rapl', available: false, detail: notYet },
    { name: 'nvml', available: false, detail: notYet },
    { name: 'amd-smi', available: false, detail: notYet },
    { name: 'powermetrics', available: false, detail: notYet },
  ];
}

export interface OpenSourceOptions extends EstimatedSourceOptions {
  /** A source name, or "auto" for the best available one. */
  source?: EnergySourceName | 'auto';
}

export function openEnergySource(options: OpenSourceOptions = {}): EnergySource {
  const requested = options.source ?? 'auto';
  if (requested === 'auto' || requested === 'estimated') return openEstimatedSource(options);
  const status = listEnergySources().find((s) => s.name === requested);
  throw new Error(`energy source "${requested}" is unavailable: ${status?.detail ?? 'unknown source'}. Use --energy estimated.`);
}
