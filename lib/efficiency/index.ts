/**
 * lib/efficiency: derived figures, each labelled as an estimate. FLOPs and bytes per query from a GGUF's
 * architecture, MFU/MBU against peaks the user supplies (or `ipw peak` measured), and cost and carbon from the user's
 * $/kWh, hardware price and gCO2e/kWh (or a grid region of data/grid-carbon.csv).
 * Formulas in docs/sweeps.md.
 */
export { architectureOf, readModelArchitecture, type GgufShape, type ModelArchitecture } from './architecture.ts';
export { DEFAULT_GRID_CARBON_FILE, describeGrid, gridIntensity, gridTable, nearGridRegions, type GridIntensity } from './grid.ts';
export { derivedFigures, type DerivedFigures, type EfficiencyOptions, type EnergySummary, type PhaseRow } from './derived.ts';
export { FLOPS_METHOD, decodeBytes, kvBytesPerPosition, queryFlops, utilization, type PeakFigures, type QueryFlops, type Utilization } from './flops.ts';
export {
  DEFAULT_HARDWARE_UTILIZATION, JOULES_PER_KWH, costAndCarbon, describeRates, hasRates, resolveRates, type CostAndCarbon, type EnergyProvenance, type EnergyRates, type ResolvedRates,
} from './cost.ts';
