/**
 * lib/efficiency: derived figures, each labelled as an estimate. FLOPs and bytes per query from a GGUF's
 * architecture, MFU/MBU against peaks the user supplies, and cost and carbon from the user's $/kWh and gCO2e/kWh.
 * Formulas in docs/sweeps.md.
 */
export { architectureOf, readModelArchitecture, type GgufShape, type ModelArchitecture } from './architecture.ts';
export { FLOPS_METHOD, decodeBytes, kvBytesPerPosition, queryFlops, utilization, type PeakFigures, type QueryFlops, type Utilization } from './flops.ts';
export { JOULES_PER_KWH, costAndCarbon, type CostAndCarbon, type EnergyRates } from './cost.ts';
