// The flags of the derived figures, shared by `profile`, `sweep` and `analyze`: rates for cost and carbon, and the
// peaks for MFU/MBU (profile and sweep). Parsed and documented from these tables.
import { DEFAULT_HARDWARE_UTILIZATION, resolveRates, type EnergyRates, type PeakFigures } from '../efficiency/index.ts';
import { numberFlag } from './command.ts';
import { parseSpecs, type FlagSpec } from './flags.ts';

/** Rates for cost and carbon per query and per correct answer: labelled derived estimates wherever they appear. */
export const RATE_FLAGS = {
  'usd-per-kwh': { value: 'USD', help: 'electricity price, for cost per query and per correct answer (derived estimates)' },
  'hardware-usd': { value: 'USD', help: "the hardware's price, spread over --hardware-life-years into the cost per query" },
  'hardware-life-years': { value: 'Y', help: 'years the hardware is in service (with --hardware-usd)' },
  'hardware-utilization': { value: 'F', help: "share of the hardware's life spent running queries like these, (0, 1]", default: DEFAULT_HARDWARE_UTILIZATION },
  'grid-gco2-per-kwh': { value: 'G', help: 'grid carbon intensity, gCO2e/kWh, for carbon per query' },
  'grid-region': { value: 'NAME', help: 'or a region of data/grid-carbon.csv (DE, FR, US, EU, WORLD, ...): its intensity, with source and year' },
} as const satisfies Record<string, FlagSpec>;

/** Peaks for MFU and MBU; unset ones come from this host's `ipw peak` cache for CPU runs. */
export const PEAK_FLAGS = {
  'peak-tflops': { value: 'T', help: "the machine's peak compute, TFLOP/s, for MFU; unset: the cached ipw peak (CPU runs)" },
  'peak-gbps': { value: 'G', help: "its peak memory bandwidth, GB/s, for MBU; unset: the cached ipw peak (CPU runs)" },
  'peak-source': { value: 'TEXT', help: 'where the given peaks come from (a spec sheet, your own probe), recorded beside MFU/MBU' },
  'peak-cache': { value: 'FILE', help: "the ipw peak record to use; 'none': never use one; unset: this host's cache" },
} as const satisfies Record<string, FlagSpec>;

export const rateOptionSpecs = parseSpecs(RATE_FLAGS);
export const peakOptionSpecs = parseSpecs(PEAK_FLAGS);

type Values<T> = { [K in keyof T]?: string };

/**
 * The rates the flags give, checked (and the grid region looked up) now, before anything runs: the library's
 * OptionError names the option, which the CLI shows as its flag.
 */
export function rateFlags(values: Values<typeof rateOptionSpecs>): EnergyRates {
  const rates: EnergyRates = {
    usdPerKwh: numberFlag(values['usd-per-kwh'], 'usd-per-kwh'),
    gco2PerKwh: numberFlag(values['grid-gco2-per-kwh'], 'grid-gco2-per-kwh'),
    gridRegion: values['grid-region'],
    hardwareUsd: numberFlag(values['hardware-usd'], 'hardware-usd'),
    hardwareLifeYears: numberFlag(values['hardware-life-years'], 'hardware-life-years'),
    hardwareUtilization: numberFlag(values['hardware-utilization'], 'hardware-utilization'),
  };
  const given = Object.fromEntries(Object.entries(rates).filter(([, value]) => value !== undefined)) as EnergyRates;
  resolveRates(given);
  return given;
}

/** The peaks the flags give, in FLOP/s and bytes/s, and the peak cache to fall back on (false: none). */
export function peakFlags(values: Values<typeof peakOptionSpecs>): { peaks: PeakFigures; peakCacheFile: string | false | undefined } {
  const tflops = numberFlag(values['peak-tflops'], 'peak-tflops');
  const gbps = numberFlag(values['peak-gbps'], 'peak-gbps');
  for (const [flag, value] of [['peak-tflops', tflops], ['peak-gbps', gbps]] as const) {
    if (value !== undefined && !(value > 0)) throw new Error(`--${flag} must be above 0; got ${value}`);
  }
  const peaks: PeakFigures = {};
  if (tflops !== undefined) peaks.peakFlopsPerS = tflops * 1e12;
  if (gbps !== undefined) peaks.peakBytesPerS = gbps * 1e9;
  if (values['peak-source'] !== undefined) peaks.peakSource = values['peak-source'];
  const cache = values['peak-cache'];
  return { peaks, peakCacheFile: cache === 'none' ? false : cache };
}
