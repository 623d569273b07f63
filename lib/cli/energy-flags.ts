import { SOURCE_NAMES, type EnergySourceName, type SourceOptions } from '../energy/index.ts';
import { choiceFlag, numberFlag } from './command.ts';

/** parseArgs specs for the energy flags shared by `profile` and `doctor`. */
export const energyOptionSpecs = {
  energy: { type: 'string' },
  'energy-domains': { type: 'string' },
  'energy-from': { type: 'string' },
  preflight: { type: 'string' },
  'watts-per-core': { type: 'string' },
  'sample-ms': { type: 'string' },
  'baseline-s': { type: 'string' },
  'gpu-index': { type: 'string' },
  'gpu-uuid': { type: 'string' },
  'rapl-root': { type: 'string' },
  'nvml-library': { type: 'string' },
  'hwmon-root': { type: 'string' },
} as const;

type EnergyFlagValues = { [K in keyof typeof energyOptionSpecs]?: string };

export interface EnergyFlags {
  energy?: EnergySourceName | 'auto';
  energyDomains?: string[];
  energyFrom?: string;
  preflight?: 'warn' | 'strict' | 'off';
  wattsPerCore?: number;
  sampleMs?: number;
  baselineS?: number;
  energyOptions: SourceOptions;
}

export function energyFlags(values: EnergyFlagValues): EnergyFlags {
  const energy = values.energy;
  if (energy !== undefined && energy !== 'auto' && !(SOURCE_NAMES as readonly string[]).includes(energy)) {
    throw new Error(`--energy expects auto, ${SOURCE_NAMES.join(', ')}; got "${energy}"`);
  }
  return {
    energy: energy as EnergySourceName | 'auto' | undefined,
    energyDomains: values['energy-domains']?.split(',').map((d) => d.trim()).filter((d) => d !== ''),
    energyFrom: values['energy-from'],
    preflight: choiceFlag(values.preflight, 'preflight', ['warn', 'strict', 'off'] as const),
    wattsPerCore: numberFlag(values['watts-per-core'], 'watts-per-core'),
    sampleMs: numberFlag(values['sample-ms'], 'sample-ms'),
    baselineS: numberFlag(values['baseline-s'], 'baseline-s'),
    energyOptions: {
      gpuIndex: numberFlag(values['gpu-index'], 'gpu-index'),
      gpuUuid: values['gpu-uuid'],
      raplRoot: values['rapl-root'],
      nvmlLibrary: values['nvml-library'],
      hwmonRoot: values['hwmon-root'],
    },
  };
}
