// Money and carbon from joules, at rates the user supplies. Pure, but for the grid table's one read.
import { OptionError } from '../errors/index.ts';
import { describeGrid, gridIntensity, type GridIntensity } from './grid.ts';

export const JOULES_PER_KWH = 3.6e6;
/** The `hardwareUtilization` option's default: the hardware runs queries all its life (the lowest amortised cost). */
export const DEFAULT_HARDWARE_UTILIZATION = 1;
const SECONDS_PER_YEAR = 365.25 * 24 * 3600;

/** Rates supplied by the user: electricity price, grid carbon intensity, and the hardware's price to amortise. */
export interface EnergyRates {
  usdPerKwh?: number;
  /** Grid carbon intensity, gCO2e per kWh. Give this or `gridRegion`, not both. */
  gco2PerKwh?: number;
  /** A region of the grid-carbon table (data/grid-carbon.csv: `DE`, `Germany`, `WORLD`, ...) whose intensity is used. */
  gridRegion?: string;
  /** The hardware's purchase price, USD, spread over its life (needs `hardwareLifeYears`). */
  hardwareUsd?: number;
  /** Years the hardware is in service, over which `hardwareUsd` is spread. */
  hardwareLifeYears?: number;
  /** Share of the hardware's life spent running queries like these, (0, 1]. Default DEFAULT_HARDWARE_UTILIZATION. */
  hardwareUtilization?: number;
}

/** Rates checked, with the grid region looked up: what a derived figure was computed from. */
export interface ResolvedRates {
  usdPerKwh?: number;
  gco2PerKwh?: number;
  /** The region the intensity came from; absent when `gco2PerKwh` was given directly. */
  grid?: GridIntensity;
  hardwareUsd?: number;
  hardwareLifeYears?: number;
  hardwareUtilization?: number;
}

/** Cost and carbon of queries, each a derived estimate (energy x a rate), NaN where a rate or the energy is missing. */
export interface CostAndCarbon {
  /** Electricity plus hardware amortisation, of the parts whose rates were given. */
  usdPerQuery: number;
  usdPerCorrect: number;
  /** Electricity alone: kWh x usdPerKwh. */
  usdEnergyPerQuery: number;
  /** Hardware amortisation alone: hardwareUsd over its busy seconds, x the query's mean seconds. */
  usdHardwarePerQuery: number;
  gco2PerQuery: number;
  gco2PerCorrect: number;
  /** The grid region of the carbon figures, with its source and year; absent when the intensity was given directly. */
  grid?: GridIntensity;
  /** How the figures were derived, including whether the joules themselves were estimated. */
  method: string;
}

function rate(value: number | undefined, name: string, max = Infinity): number | undefined {
  if (value === undefined) return undefined;
  if (!Number.isFinite(value) || value < 0 || value > max) {
    throw new OptionError(name, 'invalid', `${name} must be a number, 0 or more${max < Infinity ? ` and at most ${max}` : ''}; got ${value}`);
  }
  return value;
}

/**
 * Checks the rates (each a number, 0 or more; utilization in (0, 1]; a life with a hardware price) and looks up the
 * grid region. Throws an OptionError naming the option.
 */
export function resolveRates(rates: EnergyRates): ResolvedRates {
  if (rates.gco2PerKwh !== undefined && rates.gridRegion !== undefined) {
    throw new OptionError('gridRegion', 'conflict', 'give gco2PerKwh or gridRegion, not both');
  }
  const resolved: ResolvedRates = {};
  const usd = rate(rates.usdPerKwh, 'usdPerKwh');
  if (usd !== undefined) resolved.usdPerKwh = usd;
  const gco2 = rate(rates.gco2PerKwh, 'gco2PerKwh');
  if (gco2 !== undefined) resolved.gco2PerKwh = gco2;
  if (rates.gridRegion !== undefined) {
    resolved.grid = gridIntensity(rates.gridRegion);
    resolved.gco2PerKwh = resolved.grid.gco2PerKwh;
  }
  const hardware = rate(rates.hardwareUsd, 'hardwareUsd');
  const life = rate(rates.hardwareLifeYears, 'hardwareLifeYears');
  const utilization = rate(rates.hardwareUtilization, 'hardwareUtilization', 1);
  if (hardware !== undefined && !(life !== undefined && life > 0)) {
    throw new OptionError('hardwareLifeYears', 'missing', 'hardwareUsd needs hardwareLifeYears (above 0): the years over which the price is spread');
  }
  if (hardware === undefined && (life !== undefined || utilization !== undefined)) {
    throw new OptionError('hardwareUsd', 'missing', 'hardwareLifeYears and hardwareUtilization amortise a price: give hardwareUsd too');
  }
  if (utilization === 0) throw new OptionError('hardwareUtilization', 'invalid', 'hardwareUtilization must be above 0 and at most 1; got 0');
  if (hardware !== undefined) Object.assign(resolved, { hardwareUsd: hardware, hardwareLifeYears: life, hardwareUtilization: utilization ?? DEFAULT_HARDWARE_UTILIZATION });
  return resolved;
}

/** True when any rate is given: there is a cost or carbon figure to derive. */
export function hasRates(rates: EnergyRates & { grid?: GridIntensity }): boolean {
  return [rates.usdPerKwh, rates.gco2PerKwh, rates.gridRegion, rates.grid, rates.hardwareUsd].some((rate) => rate !== undefined);
}

/** The rates in words, for a figure's label: "0.25 USD/kWh and 400 gCO2e/kWh (user-supplied)". */
export function describeRates(rates: ResolvedRates): string {
  const parts: string[] = [];
  if (rates.usdPerKwh !== undefined) parts.push(`${rates.usdPerKwh} USD/kWh`);
  if (rates.grid) parts.push(describeGrid(rates.grid));
  else if (rates.gco2PerKwh !== undefined) parts.push(`${rates.gco2PerKwh} gCO2e/kWh`);
  if (rates.hardwareUsd !== undefined) {
    parts.push(`hardware ${rates.hardwareUsd} USD over ${rates.hardwareLifeYears} years at ${Number((rates.hardwareUtilization! * 100).toPrecision(3))}% utilisation x mean query seconds`);
  }
  return parts.join(' and ') || 'rates (none given)';
}

/** What the energy was, for the label: a text (an energy label from lib/metrics) or just measured / ESTIMATED. */
export interface EnergyProvenance {
  energyIsEstimate: boolean;
  /** The energy label in words (source, method, domain); default "measured energy" or "ESTIMATED energy". */
  energyLabel?: string;
  /** Mean wall seconds per query, for hardware amortisation (NaN or absent: no hardware figure). */
  meanQueryS?: number;
}

/**
 * Electricity cost, hardware amortisation and emissions of a set of queries from their mean energy: kWh = J / 3.6e6,
 * times each rate; hardware = hardwareUsd / (hardwareLifeYears x seconds a year x hardwareUtilization) x mean query
 * seconds. Per correct answer divides by accuracy (NaN with no correct answer). Energy not measured stays NaN.
 * `energy` is the provenance of the joules, or just whether they were estimated.
 */
export function costAndCarbon(meanEnergyJ: number, accuracy: number, rates: EnergyRates & { grid?: GridIntensity }, energy: boolean | EnergyProvenance): CostAndCarbon {
  const resolved = resolvedOf(rates);
  const provenance: EnergyProvenance = typeof energy === 'boolean' ? { energyIsEstimate: energy } : energy;
  const kwh = Number.isFinite(meanEnergyJ) ? meanEnergyJ / JOULES_PER_KWH : NaN;
  const perCorrect = (value: number) => (accuracy > 0 ? value / accuracy : NaN);
  const usdEnergy = resolved.usdPerKwh === undefined ? NaN : kwh * resolved.usdPerKwh;
  const usdHardware = resolved.hardwareUsd === undefined
    ? NaN
    : (resolved.hardwareUsd / (resolved.hardwareLifeYears! * SECONDS_PER_YEAR * resolved.hardwareUtilization!)) * (provenance.meanQueryS ?? NaN);
  const parts = [resolved.usdPerKwh === undefined ? undefined : usdEnergy, resolved.hardwareUsd === undefined ? undefined : usdHardware].filter((x) => x !== undefined);
  const usd = parts.length === 0 ? NaN : parts.reduce((a, b) => a + b, 0);
  const gco2 = resolved.gco2PerKwh === undefined ? NaN : kwh * resolved.gco2PerKwh;
  const label = provenance.energyLabel;
  const source = label === undefined
    ? (provenance.energyIsEstimate ? 'ESTIMATED energy' : 'measured energy')
    : provenance.energyIsEstimate && !label.includes('ESTIMATED') ? `ESTIMATED energy, ${label}` : label;
  return {
    usdPerQuery: usd,
    usdPerCorrect: perCorrect(usd),
    usdEnergyPerQuery: usdEnergy,
    usdHardwarePerQuery: usdHardware,
    gco2PerQuery: gco2,
    gco2PerCorrect: perCorrect(gco2),
    ...(resolved.grid ? { grid: resolved.grid } : {}),
    method: `estimate, derived from ${source} (primary domain, gross) x user-supplied ${describeRates(resolved)}`,
  };
}

/** Rates as given (the grid region looked up) or as resolveRates returned them (checked again: a notebook may build them). */
function resolvedOf(rates: EnergyRates & { grid?: GridIntensity }): ResolvedRates {
  if (rates.grid === undefined) return resolveRates(rates);
  const { grid, gco2PerKwh: _fromGrid, gridRegion: _named, ...rest } = rates;
  return { ...resolveRates(rest), grid, gco2PerKwh: grid.gco2PerKwh };
}
