// Money and carbon from joules, at rates the user supplies. Pure.

export const JOULES_PER_KWH = 3.6e6;

/** Rates supplied by the user: their electricity price and their grid's carbon intensity. */
export interface EnergyRates {
  usdPerKwh?: number;
  gco2PerKwh?: number;
}

/** Cost and carbon of queries, each a derived estimate (energy x a rate), NaN where a rate or the energy is missing. */
export interface CostAndCarbon {
  usdPerQuery: number;
  usdPerCorrect: number;
  gco2PerQuery: number;
  gco2PerCorrect: number;
  /** How the figures were derived, including whether the joules themselves were estimated. */
  method: string;
}

function rate(value: number | undefined, name: string): number {
  if (value === undefined) return NaN;
  if (!Number.isFinite(value) || value < 0) throw new RangeError(`${name} must be a number, 0 or more; got ${value}`);
  return value;
}

/**
 * Electricity cost and emissions of a set of queries from their mean energy: kWh = J / 3.6e6, times each rate.
 * Per correct answer divides by accuracy (NaN with no correct answer). Energy that was not measured stays NaN.
 */
export function costAndCarbon(meanEnergyJ: number, accuracy: number, rates: EnergyRates, energyIsEstimate: boolean): CostAndCarbon {
  const usd = rate(rates.usdPerKwh, 'usdPerKwh');
  const gco2 = rate(rates.gco2PerKwh, 'gco2PerKwh');
  const kwh = Number.isFinite(meanEnergyJ) ? meanEnergyJ / JOULES_PER_KWH : NaN;
  const perCorrect = (value: number) => (accuracy > 0 ? value / accuracy : NaN);
  const source = energyIsEstimate ? 'ESTIMATED energy' : 'measured energy';
  return {
    usdPerQuery: kwh * usd,
    usdPerCorrect: perCorrect(kwh * usd),
    gco2PerQuery: kwh * gco2,
    gco2PerCorrect: perCorrect(kwh * gco2),
    method: `estimate: ${source} (primary domain, gross) x user-supplied ${[rates.usdPerKwh === undefined ? '' : `${rates.usdPerKwh} USD/kWh`, rates.gco2PerKwh === undefined ? '' : `${rates.gco2PerKwh} gCO2e/kWh`].filter(Boolean).join(' and ') || 'rates (none given)'}`,
  };
}
