export type { EnergyReading, EnergySource, EnergySourceName, EnergyWindow } from './types.ts';
export { DEFAULT_WATTS_PER_CORE, openEstimatedSource, type EstimatedSourceOptions } from './estimated.ts';
export { EnergyMeter, combineWindows, windowBetween } from './window.ts';
export { listEnergySources, openEnergySource, type OpenSourceOptions, type SourceStatus } from './sources.ts';
