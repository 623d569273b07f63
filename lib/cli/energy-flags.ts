import {
  DEFAULT_BASELINE_S,
  DEFAULT_HWMON_ROOT,
  DEFAULT_NVML_LIBRARY,
  DEFAULT_RAPL_ROOT,
  DEFAULT_SAMPLE_MS,
  DEFAULT_WATTS_PER_CORE,
  SOURCE_NAMES,
  type EnergySourceName,
  type SourceOptions,
} from '../energy/index.ts';
import { DEFAULT_PREFLIGHT } from '../profile/index.ts';
import { choiceFlag, numberFlag } from './command.ts';
import { parseSpecs, type FlagSpec } from './flags.ts';

/** The energy flags shared by `profile`, `doctor` and `energy serve`: parsed and documented from this one table. */
export const ENERGY_FLAGS = {
  energy: {
    value: ['auto', ...SOURCE_NAMES].join('|'),
    help: 'source of the primary domain (see ipw doctor); auto or unset: chosen from where the model runs; every other sensor is recorded beside it',
  },
  'energy-domains': { value: 'LIST', help: 'primary domains for IPW instead (rapl, nvml, rapl:package-0, ...)' },
  'energy-from': { value: 'prometheus:URL', help: "the serving machine's energy from a Prometheus exporter (openai: models)" },
  preflight: {
    value: 'warn|strict|off',
    help: 'foreign load before and during the run: flag it (warn), wait for quiet or refuse (strict), or skip the check (off)',
    default: DEFAULT_PREFLIGHT,
  },
  'sample-ms': { value: 'N', help: 'energy sampling period, ms; window edges are sampled on demand', default: DEFAULT_SAMPLE_MS },
  'baseline-s': { value: 'S', help: 'idle seconds measured first, for net energy; 0 skips', default: DEFAULT_BASELINE_S },
  'gpu-index': { value: 'N', help: 'measure one NVIDIA GPU, by index (unset: all)' },
  'gpu-uuid': { value: 'GPU-...', help: 'measure one NVIDIA GPU, by UUID (unset: all)' },
  'rapl-root': { value: 'DIR', help: 'where the RAPL powercap tree is', default: DEFAULT_RAPL_ROOT },
  'nvml-library': { value: 'PATH', help: 'the NVML library to load', default: DEFAULT_NVML_LIBRARY },
  'hwmon-root': { value: 'DIR', help: 'where the amdgpu hwmon tree is', default: DEFAULT_HWMON_ROOT },
  'watts-per-core': { value: 'W', help: "modelled watts per busy core of the 'estimated' source", default: DEFAULT_WATTS_PER_CORE },
} as const satisfies Record<string, FlagSpec>;

/** parseArgs specs for the energy flags. */
export const energyOptionSpecs = parseSpecs(ENERGY_FLAGS);

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
